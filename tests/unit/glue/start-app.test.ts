// Drives main's wiring (startApp) with fake Electron modules and a fake backend: what main.ts does,
// checked without Electron's binary.
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../../electron/backend/host';
import { APP_INDEX_URL } from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import { mainWindowOptions } from '../../../electron/main/window';
import { IPC_EVENT, IPC_INVOKE } from '../../../shared/bridge';
import { AppError } from '../../../shared/errors';
import { ENGINE_MISSING } from '../../../electron/store/engine';
import { FakeWindow, type fakeElectron } from './fake-electron';
import { bundleDir, fixture, removeFixture, setUp } from './start-app-fixture';

afterAll(removeFixture);
afterEach(() => vi.restoreAllMocks());

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

  it('starts the backend worker on ROUNDTABLE_DB, with the archive key the keychain keeps', async () => {
    const dbPath = path.join(fixture, 'forum', 'forum.db');
    const { host, start } = setUp({ env: { ROUNDTABLE_DB: dbPath } });
    await start();
    expect(host.startBackend).toHaveBeenCalledWith(path.join(bundleDir, 'backend-worker.cjs'), {
      dbPath,
      key: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
    });
  });

  it('keeps the database in userData when ROUNDTABLE_DB is not set', async () => {
    const { electron, host, start } = setUp();
    await start();
    expect(electron.app.getPath).toHaveBeenCalledWith('userData');
    expect(host.startBackend.mock.calls[0]?.[1].dbPath).toBe(
      path.join(electron.app.home, 'Roundtable-userData', 'roundtable.db'),
    );
  });

  it('switches devTools off when packaged', async () => {
    const { electron, start } = setUp();
    electron.app.isPackaged = true;
    electron.app.getAppPath.mockReturnValue('/opt/Roundtable/resources/app.asar');
    await start();
    expect(FakeWindow.all[0]?.options.webPreferences?.devTools).toBe(false);
  });

  it('sandboxes every renderer before the app is ready', () => {
    const { electron, start } = setUp();
    electron.app.whenReady.mockReturnValue(new Promise(() => {}));
    void start();
    expect(electron.app.enableSandbox).toHaveBeenCalledTimes(1);
  });

  it.each([
    new AppError('TOO_NEW', 'This archive was made by a newer Roundtable. Update Roundtable to open it.'),
    new AppError('CORRUPT', 'The archive is damaged. It was moved aside; restore it from the latest backup.'),
    // What the worker answers when better-sqlite3's binary is missing or for another platform.
    new AppError('INTERNAL', ENGINE_MISSING),
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
