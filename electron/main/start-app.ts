// Roundtable's main process, written as one function of the Electron modules it uses. main.ts passes
// the real modules (and tsc checks they fit); tests pass fakes, so the wiring is checked without Electron.
import path from 'node:path';
import type { BrowserWindowConstructorOptions, CustomScheme } from 'electron';
import { IPC_EVENT } from '../../shared/bridge';
import { AppError } from '../../shared/errors';
import type { Backend } from '../backend/host';
import type { WorkerConfig } from '../backend/protocol';
import { bindIpc, type IpcMainLike } from '../ipc/electron-binding';
import { APP_INDEX_URL, APP_SCHEME, appProtocolHandler } from './app-protocol';
import {
  hardenWebContents,
  refuseAllPermissions,
  type SessionLike,
  type WebContentsLike,
} from './web-contents-security';
import { mainWindowOptions } from './window';

export interface WindowLike {
  readonly webContents: { send(channel: string, ...args: unknown[]): void };
  once(event: 'ready-to-show', listener: () => void): unknown;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
}

export interface ElectronLike {
  app: {
    readonly isPackaged: boolean;
    requestSingleInstanceLock(): boolean;
    whenReady(): Promise<unknown>;
    getPath(name: 'userData'): string;
    getAppPath(): string;
    quit(): void;
    on(event: 'second-instance' | 'activate' | 'window-all-closed', listener: () => void): unknown;
    on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
    on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  };
  BrowserWindow: {
    new (options: BrowserWindowConstructorOptions): WindowLike;
    getAllWindows(): WindowLike[];
  };
  ipcMain: IpcMainLike;
  protocol: {
    registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
  };
  session: { readonly defaultSession: SessionLike };
  dialog: { showErrorBox(title: string, content: string): void };
}

/** What main.ts knows about its surroundings: passed in, so tests can choose it. */
export interface AppHost {
  /** dist/electron: main.cjs, preload.cjs and backend-worker.cjs; the renderer is in ../renderer. */
  bundleDir: string;
  electronVersion: string;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  fileExists(file: string): boolean;
  startBackend(workerFile: string, config: WorkerConfig): Promise<Backend>;
}

/** The Electron-ABI better-sqlite3 that build/native-electron.mjs builds for development. */
export function devNativeBinding(appPath: string, electronVersion: string): string {
  return path.join(appPath, '.native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

export async function startApp(electron: ElectronLike, host: AppHost): Promise<void> {
  const { app, BrowserWindow, dialog } = electron;
  // Only before 'ready' does app:// become a standard, secure origin; module scripts load in CORS mode.
  electron.protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
  // One instance only: two would be two writers on one database.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let backend: Backend | undefined;
  let shutdown: 'running' | 'closing' | 'closed' = 'running';

  const openMainWindow = (): void => {
    const preload = path.join(host.bundleDir, 'preload.cjs');
    const window = new BrowserWindow(mainWindowOptions(preload, { devTools: !app.isPackaged }));
    window.once('ready-to-show', () => window.show());
    window
      .loadURL(APP_INDEX_URL)
      .catch((error: unknown) => console.error('Roundtable could not load its window.', error));
  };

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    const existing = BrowserWindow.getAllWindows()[0];
    if (!existing) {
      if (backend) openMainWindow();
      return;
    }
    if (existing.isMinimized()) existing.restore();
    existing.focus();
  });
  app.on('window-all-closed', () => {
    if (host.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  // 'will-quit' rather than 'before-quit': it comes after every window has closed, so drafts the
  // renderer flushes while closing reach the database before it is checkpointed and closed.
  app.on('will-quit', (event) => {
    if (!backend || shutdown === 'closed') return;
    event.preventDefault();
    if (shutdown === 'closing') return;
    shutdown = 'closing';
    backend
      .close()
      .catch((error: unknown) => console.error('Roundtable could not close its archive cleanly.', error))
      .finally(() => {
        shutdown = 'closed';
        app.quit();
      });
  });

  await app.whenReady();
  refuseAllPermissions(electron.session.defaultSession);
  electron.protocol.handle(APP_SCHEME, appProtocolHandler(path.join(host.bundleDir, '..', 'renderer')));

  // `||`, not `??`: an empty ROUNDTABLE_DB counts as unset.
  const config: WorkerConfig = {
    dbPath: host.env.ROUNDTABLE_DB || path.join(app.getPath('userData'), 'roundtable.db'),
  };
  // Packaged builds get better-sqlite3 rebuilt for Electron when packaging (a later issue): the default applies.
  if (!app.isPackaged) {
    // Never the Node-ABI build in node_modules: that one belongs to the tests.
    config.nativeBinding = devNativeBinding(app.getAppPath(), host.electronVersion);
    if (!host.fileExists(config.nativeBinding)) {
      dialog.showErrorBox(
        'Roundtable is not ready to run',
        `The archive engine has not been built for Electron ${host.electronVersion} yet. Run \`npm start\`, which builds it, and Roundtable will open.`,
      );
      app.quit();
      return;
    }
  }

  try {
    backend = await host.startBackend(path.join(host.bundleDir, 'backend-worker.cjs'), config);
  } catch (error) {
    if (!(error instanceof AppError)) console.error(error);
    const message =
      error instanceof AppError
        ? error.message
        : 'Roundtable could not start its archive. Open it again in a moment.';
    dialog.showErrorBox('Roundtable could not open its archive', message);
    app.quit();
    return;
  }

  bindIpc(electron.ipcMain, backend);
  backend.onEvent((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(IPC_EVENT, name, payload);
  });
  openMainWindow();
}
