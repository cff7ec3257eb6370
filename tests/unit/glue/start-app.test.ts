// Drives main's wiring (startApp) with fake Electron modules and a fake backend: what main.ts does,
// checked without Electron's binary.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { DamagedArchive } from '../../../electron/backend/damaged-archive';
import type { Backend } from '../../../electron/backend/host';
import { APP_INDEX_URL } from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import { startApp, type AppHost } from '../../../electron/main/start-app';
import { mainWindowOptions } from '../../../electron/main/window';
import { IPC_EVENT, IPC_INVOKE } from '../../../shared/bridge';
import { AppError } from '../../../shared/errors';
import { fakeBackend, fakeElectron, FakeWindow } from './fake-electron';

const fixture = mkdtempSync(path.join(tmpdir(), 'roundtable-main-'));
const bundleDir = path.join(fixture, 'dist', 'electron');
mkdirSync(path.join(fixture, 'dist', 'renderer'), { recursive: true });
writeFileSync(
  path.join(fixture, 'dist', 'renderer', 'index.html'),
  '<!doctype html><title>Roundtable</title>',
);
afterAll(() => rmSync(fixture, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

type Host = Omit<AppHost, 'fileExists' | 'startBackend'> & {
  fileExists: Mock<AppHost['fileExists']>;
  startBackend: Mock<AppHost['startBackend']>;
};

function setUp(overrides: Partial<Host> = {}) {
  const electron = fakeElectron();
  const backend = fakeBackend();
  const host: Host = {
    bundleDir,
    electronVersion: '40.9.3',
    platform: 'linux',
    env: {},
    fileExists: vi.fn(() => true),
    startBackend: vi.fn(() => Promise.resolve(backend)),
    ...overrides,
  };
  return { electron, backend, host, start: () => startApp(electron, host) };
}

describe('startApp', () => {
  it('registers app:// as a standard, secure scheme before the app is ready', () => {
    const { electron, start } = setUp();
    electron.app.whenReady.mockReturnValue(new Promise(() => {}));
    void start();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(electron.protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0]).toMatchObject([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
    expect(electron.protocol.handle).not.toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    const { electron, host, start } = setUp();
    electron.app.hasLock = false;
    await start();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(host.startBackend).not.toHaveBeenCalled();
    expect(FakeWindow.all).toHaveLength(0);
  });

  it('restores and focuses the open window when a second instance starts', async () => {
    const { electron, start } = setUp();
    await start();
    const window = FakeWindow.all[0];
    if (window) window.minimized = true;
    electron.app.emit('second-instance');
    expect(window?.restore).toHaveBeenCalled();
    expect(window?.focus).toHaveBeenCalled();
  });

  it('on macOS, reopens the window from the dock or a second launch once it was closed', async () => {
    const { electron, start } = setUp({ platform: 'darwin' });
    await start();
    FakeWindow.all = [];
    electron.app.emit('activate');
    expect(FakeWindow.all).toHaveLength(1);
    FakeWindow.all = [];
    electron.app.emit('second-instance');
    expect(FakeWindow.all).toHaveLength(1);
    expect(FakeWindow.all[0]?.loadURL).toHaveBeenCalledWith(APP_INDEX_URL);
  });

  it('hardens every webContents Electron creates', async () => {
    const { electron, start } = setUp();
    await start();
    const contents = Object.assign(new FakeWindow({}), { setWindowOpenHandler: vi.fn() });
    electron.app.emit('web-contents-created', {}, contents);
    const preventDefault = vi.fn();
    contents.emit('will-navigate', { url: 'https://evil.example/', preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
  });

  it('refuses every permission on the default session', async () => {
    const { electron, start } = setUp();
    await start();
    const { setPermissionRequestHandler, setPermissionCheckHandler } = electron.session.defaultSession;
    const callback = vi.fn();
    setPermissionRequestHandler.mock.calls[0]?.[0]({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(setPermissionCheckHandler.mock.calls[0]?.[0]()).toBe(false);
  });

  it('watches downloads on the default session, so exported files are made private', async () => {
    const { electron, start } = setUp();
    await start();
    expect(electron.session.defaultSession.on).toHaveBeenCalledWith('will-download', expect.any(Function));
  });

  it('serves dist/renderer at app://roundtable with the CSP', async () => {
    const { electron, start } = setUp();
    await start();
    const [scheme, handler] = electron.protocol.handle.mock.calls[0] ?? [];
    expect(scheme).toBe('app');
    const response = await handler?.(new Request(APP_INDEX_URL));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('starts the backend worker on ROUNDTABLE_DB with the Electron build of better-sqlite3', async () => {
    const { host, start } = setUp({ env: { ROUNDTABLE_DB: '/tmp/forum.db' } });
    await start();
    const nativeBinding = path.join('/opt/roundtable', '.native', 'electron-40.9.3', 'better_sqlite3.node');
    expect(host.fileExists).toHaveBeenCalledWith(nativeBinding);
    expect(host.startBackend).toHaveBeenCalledWith(path.join(bundleDir, 'backend-worker.cjs'), {
      dbPath: '/tmp/forum.db',
      nativeBinding,
    });
  });

  it('keeps the database in userData when ROUNDTABLE_DB is not set', async () => {
    const { electron, host, start } = setUp();
    await start();
    expect(electron.app.getPath).toHaveBeenCalledWith('userData');
    expect(host.startBackend.mock.calls[0]?.[1].dbPath).toBe(
      path.join('/home/chair/.config/Roundtable-userData', 'roundtable.db'),
    );
  });

  it('loads the Electron build of better-sqlite3 unpacked beside app.asar, and switches devTools off, when packaged', async () => {
    const { electron, host, start } = setUp();
    electron.app.isPackaged = true;
    electron.app.getAppPath.mockReturnValue('/opt/Roundtable/resources/app.asar');
    await start();
    const nativeBinding = path.join(
      '/opt/Roundtable/resources/app.asar.unpacked',
      '.native',
      'electron-40.9.3',
      'better_sqlite3.node',
    );
    expect(host.fileExists).toHaveBeenCalledWith(nativeBinding);
    expect(host.startBackend.mock.calls[0]?.[1]).toEqual({
      dbPath: path.join('/home/chair/.config/Roundtable-userData', 'roundtable.db'),
      nativeBinding,
    });
    expect(FakeWindow.all[0]?.options.webPreferences?.devTools).toBe(false);
  });

  it('tells the chair to reinstall when a packaged build lacks its archive engine', async () => {
    const { electron, host, start } = setUp({ fileExists: vi.fn(() => false) });
    electron.app.isPackaged = true;
    electron.app.getAppPath.mockReturnValue('/opt/Roundtable/resources/app.asar');
    await start();
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      expect.any(String),
      expect.stringContaining('Install Roundtable again'),
    );
    expect(host.startBackend).not.toHaveBeenCalled();
    expect(electron.app.quit).toHaveBeenCalled();
  });

  it('sandboxes every renderer before the app is ready', () => {
    const { electron, start } = setUp();
    electron.app.whenReady.mockReturnValue(new Promise(() => {}));
    void start();
    expect(electron.app.enableSandbox).toHaveBeenCalledTimes(1);
  });

  it('tells the developer to run npm start when the Electron build of better-sqlite3 is missing', async () => {
    const { electron, host, start } = setUp({ fileExists: vi.fn(() => false) });
    await start();
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      expect.any(String),
      expect.stringContaining('`npm start`'),
    );
    expect(electron.app.quit).toHaveBeenCalled();
    expect(host.startBackend).not.toHaveBeenCalled();
    expect(FakeWindow.all).toHaveLength(0);
  });

  it.each([
    new AppError('TOO_NEW', 'This archive was made by a newer Roundtable. Update Roundtable to open it.'),
    new AppError('CORRUPT', 'The archive is damaged. It was moved aside; restore it from the latest backup.'),
  ])('shows the backend’s $code message and quits, opening no window', async (error) => {
    const { electron, start } = setUp({ startBackend: vi.fn(() => Promise.reject<Backend>(error)) });
    await start();
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(expect.any(String), error.message);
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
    expect(FakeWindow.all).toHaveLength(0);
  });

  it('shows a plain sentence, never a stack trace, when the backend fails unexpectedly', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { electron, start } = setUp({
      startBackend: vi.fn(() => Promise.reject<Backend>(new TypeError('boom at line 3'))),
    });
    await start();
    const content = electron.dialog.showErrorBox.mock.calls[0]?.[1];
    expect(content).not.toMatch(/boom|TypeError|\bat\b.*:\d+/);
    expect(electron.app.quit).toHaveBeenCalled();
  });

  it('binds IPC, then opens the window with mainWindowOptions and loads app://roundtable/index.html', async () => {
    const { electron, start } = setUp();
    await start();
    expect(electron.ipcMain.handle).toHaveBeenCalledExactlyOnceWith(IPC_INVOKE, expect.any(Function));
    const window = FakeWindow.all[0];
    expect(FakeWindow.all).toHaveLength(1);
    expect(window?.options).toEqual(
      mainWindowOptions(path.join(bundleDir, 'preload.cjs'), { devTools: true }),
    );
    expect(window?.loadURL).toHaveBeenCalledWith('app://roundtable/index.html');
    expect(window?.show).not.toHaveBeenCalled();
    window?.emit('ready-to-show');
    expect(window?.show).toHaveBeenCalled();
  });

  it('forwards backend events to every window', async () => {
    const { backend, start } = setUp();
    await start();
    const second = new FakeWindow({});
    backend.emit('archive.changed', { situationId: 's1' });
    for (const window of [FakeWindow.all[0], second]) {
      expect(window?.webContents.send).toHaveBeenCalledWith(IPC_EVENT, 'archive.changed', {
        situationId: 's1',
      });
    }
  });

  describe('export.save', () => {
    const appFrame = { senderFrame: { url: 'app://roundtable/index.html', parent: null } };
    async function invokeOf(setup: ReturnType<typeof setUp>) {
      await setup.start();
      const listener = setup.electron.ipcMain.handle.mock.calls[0]?.[1];
      if (!listener) throw new Error('no IPC handler');
      return (channel: string, input: unknown) => listener(appFrame, channel, input);
    }

    it('is answered by main through the save dialog, never by the backend, and writes an owner-only file', async () => {
      const setup = setUp();
      const file = path.join(fixture, 'saved-notes.md');
      setup.electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: file });
      const invoke = await invokeOf(setup);
      await expect(
        invoke('export.save', { fileName: 'notes.md', format: 'markdown', content: '# Notes' }),
      ).resolves.toEqual({ ok: true, value: { saved: true, fileName: 'saved-notes.md' } });
      expect(setup.electron.dialog.showSaveDialog).toHaveBeenCalledWith(
        expect.objectContaining({ defaultPath: 'notes.md' }),
      );
      expect(readFileSync(file, 'utf8')).toBe('# Notes');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(setup.backend.invoke).not.toHaveBeenCalled();
    });

    it('prints a PDF in a hidden window with JavaScript off, then destroys it', async () => {
      const setup = setUp();
      const file = path.join(fixture, 'notes.pdf');
      setup.electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: file });
      const invoke = await invokeOf(setup);
      const html = '<!DOCTYPE html><html><head><title>Notes</title></head><body>Q?</body></html>';
      await expect(
        invoke('export.save', { fileName: 'notes.html', format: 'pdf', content: html }),
      ).resolves.toEqual({ ok: true, value: { saved: true, fileName: 'notes.pdf' } });
      const printer = FakeWindow.all.find((w) => w.options.webPreferences?.javascript === false);
      expect(printer?.options.webPreferences).toMatchObject({ javascript: false, sandbox: true });
      expect(printer?.webContents.printToPDF).toHaveBeenCalledOnce();
      expect(printer?.destroy).toHaveBeenCalledOnce();
      // The page came from memory over app://print, which answers nothing once the PDF is printed.
      const pageUrl = printer?.loadURL.mock.calls[0]?.[0] ?? '';
      expect(pageUrl).toMatch(/^app:\/\/print\/[0-9a-f-]{36}$/);
      const serve = setup.electron.protocol.handle.mock.calls[0]?.[1];
      expect((await serve?.(new Request(pageUrl)))?.status).toBe(404);
      expect(readFileSync(file, 'utf8')).toBe('%PDF-1.7 printed by a fake window');
    });

    it('never focuses a print window or sends it events', async () => {
      const setup = setUp();
      setup.electron.dialog.showSaveDialog.mockResolvedValue({
        canceled: false,
        filePath: path.join(fixture, 'focus.pdf'),
      });
      const invoke = await invokeOf(setup);
      await invoke('export.save', { fileName: 'notes.html', format: 'pdf', content: '<p>Q?</p>' });
      // The fake keeps a destroyed window listed, as a print window is while it prints.
      const [main, printer] = FakeWindow.all;
      expect(printer?.options.webPreferences?.javascript).toBe(false);
      setup.electron.app.emit('second-instance');
      expect(main?.focus).toHaveBeenCalled();
      expect(printer?.focus).not.toHaveBeenCalled();
      setup.backend.emit('archive.changed', { situationId: 's1' });
      expect(main?.webContents.send).toHaveBeenCalled();
      expect(printer?.webContents.send).not.toHaveBeenCalled();
    });

    it('refuses a malformed request with a sentence and opens no dialog', async () => {
      const setup = setUp();
      const invoke = await invokeOf(setup);
      const answer = await invoke('export.save', {
        fileName: '../../etc/passwd',
        format: 'markdown',
        content: '',
      });
      expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(setup.electron.dialog.showSaveDialog).not.toHaveBeenCalled();
    });

    it('passes every other channel to the backend', async () => {
      const setup = setUp();
      const invoke = await invokeOf(setup);
      await invoke('group.list', {});
      expect(setup.backend.invoke).toHaveBeenCalledExactlyOnceWith('group.list', {});
    });
  });

  it('holds the quit until the backend has closed the database, then quits for real', async () => {
    const { electron, backend, start } = setUp();
    let closed!: () => void;
    backend.close.mockReturnValue(new Promise<void>((resolve) => (closed = resolve)));
    await start();
    const first = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', first);
    electron.app.emit('will-quit', { preventDefault: vi.fn() });
    expect(first.preventDefault).toHaveBeenCalled();
    expect(backend.close).toHaveBeenCalledTimes(1);
    expect(electron.app.quit).not.toHaveBeenCalled();
    closed();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1));
    const last = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', last);
    expect(last.preventDefault).not.toHaveBeenCalled();
  });

  it.each([
    ['linux', true],
    ['win32', true],
    ['darwin', false],
  ] as const)('on %s, closing the last window quits: %s', async (platform, quits) => {
    const { electron, start } = setUp({ platform });
    await start();
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledTimes(quits ? 1 : 0);
  });
});

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

describe('startApp and links to the web', () => {
  function windowOpenHandlerOf(electron: ReturnType<typeof fakeElectron>) {
    let handler: ((details: { url: string }) => { action: 'deny' }) | undefined;
    const contents = Object.assign(new FakeWindow({}), {
      setWindowOpenHandler: (h: typeof handler) => (handler = h),
    });
    electron.app.emit('web-contents-created', {}, contents);
    return (url: string) => handler?.({ url });
  }

  it('opens a clicked https link in the browser after the chair confirms, and denies the window', async () => {
    const { electron, start } = setUp();
    await start();
    electron.dialog.showMessageBox.mockResolvedValue({ response: 0 });
    expect(windowOpenHandlerOf(electron)('https://www.vistage.com/')).toEqual({ action: 'deny' });
    await vi.waitFor(() =>
      expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.vistage.com/'),
    );
    expect(electron.dialog.showMessageBox.mock.calls[0]?.[0].detail).toBe('https://www.vistage.com/');
  });

  it('opens nothing when the chair cancels, and never asks about other schemes', async () => {
    const { electron, start } = setUp();
    await start();
    const open = windowOpenHandlerOf(electron);
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
    electron.dialog.showMessageBox.mockResolvedValue({ response: 1 });
    open('https://example.com/');
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('startApp on quit', () => {
  it('closes the backend (which backs up, checkpoints and closes the database) before the process may exit', async () => {
    const { electron, backend, start } = setUp();
    const order: string[] = [];
    let closed!: () => void;
    backend.close.mockImplementation(() => {
      order.push('backend.close');
      return new Promise<void>((resolve) => (closed = resolve));
    });
    // As in Electron: quit() emits will-quit, and the process exits unless it is prevented.
    electron.app.quit.mockImplementation(() => {
      const event = { prevented: false, preventDefault: () => (event.prevented = true) };
      electron.app.emit('will-quit', event);
      order.push(event.prevented ? 'quit held' : 'exit');
    });
    await start();
    // Closing the last window quits on Linux and Windows.
    electron.app.emit('window-all-closed');
    expect(order).toEqual(['backend.close', 'quit held']);
    closed();
    await vi.waitFor(() => expect(order).toEqual(['backend.close', 'quit held', 'exit']));
  });

  it('still exits when the backend cannot close cleanly', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { electron, backend, start } = setUp();
    backend.close.mockRejectedValue(new Error('disk gone'));
    await start();
    electron.app.emit('will-quit', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1));
  });
});
