// main's start with a damaged archive, with fake Electron modules: the recovery dialog, restoring the
// latest backup or starting empty, and one question only.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { DamagedArchive } from '../../../electron/backend/damaged-archive';
import { AppError } from '../../../shared/errors';
import { FakeWindow } from './fake-electron';
import { removeFixture, setUp } from './start-app-fixture';

afterAll(removeFixture);
afterEach(() => vi.restoreAllMocks());

describe('startApp with a damaged archive', () => {
  const damaged: DamagedArchive = {
    keptIn: '/home/chair/.config/Roundtable-userData',
    keptAs: ['/home/chair/.config/Roundtable-userData/roundtable.db.corrupt-2025-11-22T07-23-01-123Z'],
    latestBackup: {
      file: '/home/chair/.config/Roundtable-userData/backups/roundtable-backup-1763660000000.db',
      takenAt: 1763660000000,
    },
  };
  const damagedError = (details: DamagedArchive = damaged) =>
    new AppError('CORRUPT', 'The archive is damaged; the files were kept aside.', { damaged: details });

  /** The backend fails once with `first`, then starts. */
  function damagedSetUp(response: number, first: unknown = damagedError()) {
    const setup = setUp();
    setup.host.startBackend.mockRejectedValueOnce(first);
    setup.electron.dialog.showMessageBox.mockResolvedValue({ response });
    return setup;
  }

  it('asks whether to restore, start empty or quit, saying where the damaged files were kept', async () => {
    const { electron, start } = damagedSetUp(2);
    await start();
    const options = electron.dialog.showMessageBox.mock.calls[0]?.[0];
    expect(options?.buttons).toEqual(['Restore latest backup', 'Start with an empty archive', 'Quit']);
    expect(options?.detail).toContain(damaged.keptIn);
    expect(options?.detail).toContain('roundtable.db.corrupt-2025-11-22T07-23-01-123Z');
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('restores the latest backup when chosen, then opens the window', async () => {
    const { electron, host, start } = damagedSetUp(0);
    await start();
    expect(host.startBackend).toHaveBeenCalledTimes(2);
    expect(host.startBackend.mock.calls[1]?.[1]).toMatchObject({
      dbPath: host.startBackend.mock.calls[0]?.[1].dbPath,
      restoreFrom: damaged.latestBackup?.file,
    });
    expect(electron.ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(FakeWindow.all).toHaveLength(1);
    expect(electron.app.quit).not.toHaveBeenCalled();
  });

  it('starts with an empty archive when chosen', async () => {
    const { host, start } = damagedSetUp(1);
    await start();
    expect(host.startBackend).toHaveBeenCalledTimes(2);
    expect(host.startBackend.mock.calls[1]?.[1]).not.toHaveProperty('restoreFrom');
    expect(host.startBackend.mock.calls[1]?.[1]).toEqual(host.startBackend.mock.calls[0]?.[1]);
    expect(FakeWindow.all).toHaveLength(1);
  });

  it('quits without touching anything more when the chair chooses Quit', async () => {
    const { electron, host, start } = damagedSetUp(2);
    await start();
    expect(host.startBackend).toHaveBeenCalledTimes(1);
    expect(electron.app.quit).toHaveBeenCalled();
    expect(FakeWindow.all).toHaveLength(0);
  });

  it('offers only an empty archive when there is no sound backup', async () => {
    const { electron, host, start } = damagedSetUp(0, damagedError({ ...damaged, latestBackup: null }));
    await start();
    expect(electron.dialog.showMessageBox.mock.calls[0]?.[0].buttons).toEqual([
      'Start with an empty archive',
      'Quit',
    ]);
    expect(host.startBackend.mock.calls[1]?.[1]).not.toHaveProperty('restoreFrom');
  });

  it('asks once: a second failure shows its message and quits', async () => {
    const { electron, host, start } = damagedSetUp(0);
    const again = new AppError(
      'CORRUPT',
      'That backup could not be restored. Nothing was changed or deleted.',
    );
    host.startBackend.mockRejectedValueOnce(again);
    await start();
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(expect.any(String), again.message);
    expect(electron.app.quit).toHaveBeenCalled();
    expect(FakeWindow.all).toHaveLength(0);
  });
});
