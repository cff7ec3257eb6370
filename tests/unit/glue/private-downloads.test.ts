// Pins that an exported file, once downloaded, is private to its owner.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { keepDownloadsPrivate, type DownloadItemLike } from '../../../electron/main/private-downloads';

class FakeItem extends EventEmitter implements DownloadItemLike {
  constructor(private readonly savePath: string) {
    super();
  }
  getSavePath(): string {
    return this.savePath;
  }
}

function download(state: 'completed' | 'cancelled' | 'interrupted', savePath = '/home/chair/notes.md') {
  const session = new EventEmitter();
  const chmod = vi.fn<(file: string, mode: number) => void>();
  keepDownloadsPrivate(session, chmod);
  const item = new FakeItem(savePath);
  session.emit('will-download', {}, item);
  item.emit('done', {}, state);
  return chmod;
}

describe('keepDownloadsPrivate', () => {
  it('makes a completed export readable and writable by its owner only', () => {
    expect(download('completed')).toHaveBeenCalledWith('/home/chair/notes.md', 0o600);
  });

  it('leaves cancelled and interrupted downloads, and unsaved ones, alone', () => {
    expect(download('cancelled')).not.toHaveBeenCalled();
    expect(download('interrupted')).not.toHaveBeenCalled();
    expect(download('completed', '')).not.toHaveBeenCalled();
  });
});
