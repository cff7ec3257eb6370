// main's start with a damaged archive, with fake Electron modules: the recovery dialog, restoring the
// latest backup or starting empty, and one question only.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { DamagedArchive } from '../../../electron/backend/damaged-archive';
import { AppError } from '../../../shared/errors';
import { FakeWindow, fakeBackend } from './fake-electron';
import { removeFixture, setUp } from './start-app-fixture';

afterAll(removeFixture);
afterEach(() => vi.restoreAllMocks());

describe('startApp with a damaged archive', () => {
  const damaged: DamagedArchive = {
    keptIn: '/home/chair/.config/Roundtable-userData',
    finding: 'SQLite found damage in it.',
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

  it('asks again when the restored backup itself would not open, offering the next good one', async () => {
    const { electron, host, start } = damagedSetUp(0);
    const older = {
      file: '/home/chair/.config/Roundtable-userData/backups/roundtable-backup-1763500000000.db',
      takenAt: 1763500000000,
    };
    host.startBackend.mockRejectedValueOnce(
      damagedError({ ...damaged, finding: 'SQLite found damage in it.', latestBackup: older }),
    );
    await start();
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(2);
    expect(host.startBackend).toHaveBeenCalledTimes(3);
    expect(host.startBackend.mock.calls[2]?.[1]).toMatchObject({ restoreFrom: older.file });
    expect(FakeWindow.all).toHaveLength(1);
  });

  it('stops asking after a few failed restores, and says why', async () => {
    const { electron, host, start } = damagedSetUp(0);
    host.startBackend.mockRejectedValue(damagedError());
    await start();
    expect(electron.dialog.showMessageBox.mock.calls.length).toBeLessThanOrEqual(4);
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      expect.any(String),
      expect.stringContaining('damaged'),
    );
    expect(electron.app.quit).toHaveBeenCalled();
    expect(FakeWindow.all).toHaveLength(0);
  });
});

describe('startApp when damage is found while the archive is open', () => {
  const damaged: DamagedArchive = {
    keptIn: '/home/chair/.config/Roundtable-userData',
    finding: 'SQLite found damage in it. It was found while the archive was open.',
    keptAs: ['/home/chair/.config/Roundtable-userData/roundtable.db.corrupt-2026-12-04T09-00-00-000Z'],
    latestBackup: {
      file: '/home/chair/.config/Roundtable-userData/backups/roundtable-backup-1764800000000.db',
      takenAt: 1764800000000,
    },
  };
  const found = new AppError('CORRUPT', 'Roundtable’s archive is damaged…', { damaged });

  it('offers the same choice, opens the restored archive in a new backend and reloads the window onto it', async () => {
    const { electron, backend, host, start } = setUp();
    await start();
    const next = fakeBackend();
    host.startBackend.mockResolvedValueOnce(next);
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    backend.damage(found);
    await vi.waitFor(() => expect(FakeWindow.all[0]?.webContents.reload).toHaveBeenCalled());
    expect(electron.dialog.showMessageBox.mock.calls[0]?.[0].detail).toContain('while the archive was open');
    expect(backend.close).toHaveBeenCalled();
    expect(host.startBackend.mock.calls[1]?.[1]).toMatchObject({ restoreFrom: damaged.latestBackup?.file });
    // Calls from the window now reach the new backend.
    const invoke = electron.ipcMain.handle.mock.calls[0]?.[1];
    await invoke?.({ senderFrame: { url: 'app://roundtable/index.html', parent: null } }, 'group.list', {});
    expect(next.invoke).toHaveBeenCalledWith('group.list', {});
    expect(backend.invoke).not.toHaveBeenCalled();
  });

  it('quits when the chair chooses Quit, and asks only once however often the damage is reported', async () => {
    const { electron, backend, start } = setUp();
    await start();
    backend.damage(found);
    backend.damage(found);
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
  });
});
