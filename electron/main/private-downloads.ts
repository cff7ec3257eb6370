// Exports leave the renderer as downloads: Electron asks where to save each one with its own save
// dialog, and the finished file is made private to its owner (0600), as the archive's files are.
import fs from 'node:fs';

export interface DownloadItemLike {
  getSavePath(): string;
  once(
    event: 'done',
    listener: (event: unknown, state: 'completed' | 'cancelled' | 'interrupted') => void,
  ): unknown;
}

export interface DownloadingSessionLike {
  on(event: 'will-download', listener: (event: unknown, item: DownloadItemLike) => void): unknown;
}

export function keepDownloadsPrivate(
  session: DownloadingSessionLike,
  chmod: (file: string, mode: number) => void = fs.chmodSync,
): void {
  session.on('will-download', (_event, item) => {
    item.once('done', (_done, state) => {
      const file = item.getSavePath();
      if (state !== 'completed' || file === '') return;
      try {
        chmod(file, 0o600);
      } catch (error) {
        console.error('Could not make the exported file private.', error);
      }
    });
  });
}
