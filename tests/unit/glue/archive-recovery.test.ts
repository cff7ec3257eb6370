// Pins the damaged-archive dialog: where the files were kept, and the choice the chair gets.
import { describe, expect, it, vi } from 'vitest';
import type { MessageBoxOptions } from 'electron';
import type { DamagedArchive } from '../../../electron/backend/damaged-archive';
import {
  FRESH_BUTTON,
  QUIT_BUTTON,
  RESTORE_BUTTON,
  askHowToRecover,
  formatBackupTime,
  recoveryDialogOptions,
} from '../../../electron/main/archive-recovery';

const withBackup: DamagedArchive = {
  keptIn: '/home/chair/.config/Roundtable',
  finding: 'The write-ahead log beside it (its -wal file) belongs to another archive.',
  keptAs: [
    '/home/chair/.config/Roundtable/roundtable.db.corrupt-2025-11-22T07-23-01-123Z',
    '/home/chair/.config/Roundtable/roundtable.db.corrupt-2025-11-22T07-23-01-123Z-wal',
  ],
  latestBackup: {
    file: '/home/chair/.config/Roundtable/backups/roundtable-backup-1763660000000.db',
    takenAt: 1763660000000,
  },
};
const withoutBackup: DamagedArchive = { ...withBackup, latestBackup: null };

const answering = (response: number) => ({
  showMessageBox: vi.fn((_options: MessageBoxOptions) => Promise.resolve({ response })),
});

describe('recoveryDialogOptions', () => {
  it('offers restore, start empty and quit, and says where the damaged files are', () => {
    const { options } = recoveryDialogOptions(withBackup);
    expect(options.buttons).toEqual([RESTORE_BUTTON, FRESH_BUTTON, QUIT_BUTTON]);
    expect(options.buttons).toEqual(['Restore latest backup', 'Start with an empty archive', 'Quit']);
    expect(options.cancelId).toBe(2);
    expect(options.detail).toContain('Nothing was deleted');
    expect(options.detail).toContain('/home/chair/.config/Roundtable');
    expect(options.detail).toContain('roundtable.db.corrupt-2025-11-22T07-23-01-123Z-wal');
    expect(options.detail).toContain(formatBackupTime(1763660000000));
  });

  it('offers no restore when there is no sound backup', () => {
    const { options } = recoveryDialogOptions(withoutBackup);
    expect(options.buttons).toEqual([FRESH_BUTTON, QUIT_BUTTON]);
    expect(options.cancelId).toBe(1);
    expect(options.detail).toContain('No backup');
  });
});

describe('askHowToRecover', () => {
  it.each([
    [0, 'restore'],
    [1, 'fresh'],
    [2, 'quit'],
    [7, 'quit'],
  ] as const)('maps button %d to %s', async (response, choice) => {
    await expect(askHowToRecover(answering(response), withBackup)).resolves.toBe(choice);
  });

  it('maps the buttons by their labels when there is no backup', async () => {
    await expect(askHowToRecover(answering(0), withoutBackup)).resolves.toBe('fresh');
    await expect(askHowToRecover(answering(1), withoutBackup)).resolves.toBe('quit');
  });
});
