// Roundtable's main process, written as one function of the Electron modules it uses. main.ts passes
// the real modules (and tsc checks they fit); tests pass fakes, so the wiring is checked without Electron.
import path from 'node:path';
import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  MessageBoxOptions,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import { IPC_EVENT } from '../../shared/bridge';
import { AppError } from '../../shared/errors';
import type { Backend } from '../backend/host';
import type { WorkerConfig } from '../backend/protocol';
import { createVault, throughVault, vaultHandlers, type Vault } from '../backend/vault';
import { systemKeychain, type SafeStorageLike } from './keychain';
import { bindIpc, type IpcMainLike } from '../ipc/electron-binding';
import { createHostRouter } from '../ipc/router';
import { damagedArchiveOf, type DamagedArchive } from '../backend/damaged-archive';
import { APP_INDEX_URL, APP_SCHEME, appProtocolHandler } from './app-protocol';
import { askHowToRecover } from './archive-recovery';
import { saveExport, windowPrinter, type PrintWindowFactory } from './export-save';
import { PrintPages } from './print-pages';
import { createWebLinkOpener } from './external-links';
import {
  hardenWebContents,
  refuseAllPermissions,
  type SessionLike,
  type WebContentsLike,
} from './web-contents-security';
import { keepDownloadsPrivate, type DownloadingSessionLike } from './private-downloads';
import { mainWindowOptions, presenterWindowOptions } from './window';

export interface WindowLike {
  readonly webContents: {
    send(channel: string, ...args: unknown[]): void;
    reload(): void;
    printToPDF(options: { printBackground: boolean; pageSize: 'A4' }): Promise<Buffer>;
  };
  destroy(): void;
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
    enableSandbox(): void;
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
  session: { readonly defaultSession: SessionLike & DownloadingSessionLike };
  dialog: {
    showErrorBox(title: string, content: string): void;
    showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
    showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  };
  shell: { openExternal(url: string): Promise<void> };
  safeStorage: SafeStorageLike;
}

/** What main.ts knows about its surroundings: passed in, so tests can choose it. */
export interface AppHost {
  /** dist/electron: main.cjs, preload.cjs and backend-worker.cjs; the renderer is in ../renderer. */
  bundleDir: string;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  startBackend(workerFile: string, config: WorkerConfig): Promise<Backend>;
}

export async function startApp(electron: ElectronLike, host: AppHost): Promise<void> {
  const { app, BrowserWindow, dialog } = electron;
  // Every renderer Electron creates is sandboxed, not only the windows made with sandbox: true.
  app.enableSandbox();
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

  // Hidden windows printing a PDF are not the chair's: never focused, never sent events.
  const printWindows = new WeakSet<WindowLike>();
  const appWindows = () => BrowserWindow.getAllWindows().filter((window) => !printWindows.has(window));
  /** Set once the app is ready: it holds the backend once the archive is unlocked. */
  let vault: Vault | undefined = undefined;
  let quitting = false;
  let shutdown: 'running' | 'closing' | 'closed' = 'running';

  const openMainWindow = (): void => {
    const preload = path.join(host.bundleDir, 'preload.cjs');
    const window = new BrowserWindow(mainWindowOptions(preload, { devTools: !app.isPackaged }));
    window.once('ready-to-show', () => window.show());
    window
      .loadURL(APP_INDEX_URL)
      .catch((error: unknown) => console.error('Roundtable could not load its window.', error));
  };

  const openWebLink = createWebLinkOpener(electron);
  const presenterWindow = () =>
    presenterWindowOptions(path.join(host.bundleDir, 'preload.cjs'), { devTools: !app.isPackaged });
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, openWebLink, presenterWindow),
  );
  app.on('second-instance', () => {
    const existing = appWindows()[0];
    if (!existing) {
      if (vault && !quitting) openMainWindow();
      return;
    }
    if (existing.isMinimized()) existing.restore();
    existing.focus();
  });
  app.on('window-all-closed', () => {
    if (host.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (vault && !quitting && appWindows().length === 0) openMainWindow();
  });
  // 'will-quit' rather than 'before-quit': it comes after every window has closed, so drafts the
  // renderer flushes while closing reach the database before it is checkpointed and closed.
  app.on('will-quit', (event) => {
    const backend = vault?.backend;
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
  keepDownloadsPrivate(electron.session.defaultSession);
  const printPages = new PrintPages();
  electron.protocol.handle(
    APP_SCHEME,
    appProtocolHandler(path.join(host.bundleDir, '..', 'renderer'), printPages),
  );

  // `||`, not `??`: an empty ROUNDTABLE_DB counts as unset.
  const dbPath = host.env.ROUNDTABLE_DB || path.join(app.getPath('userData'), 'roundtable.db');
  const keychain = await systemKeychain(electron.safeStorage, host.platform);

  /**
   * Damage found while the archive is open leads to the same choice as at start: the worker has
   * kept the files aside and refuses every call; a new worker opens the restored or empty archive,
   * and the windows reload onto it.
   */
  let recovering = false;
  const adopt = (running: Backend): void => {
    running.onEvent((name, payload) => {
      for (const window of appWindows()) window.webContents.send(IPC_EVENT, name, payload);
    });
    running.onDamaged((error) => {
      const damaged = damagedArchiveOf(error);
      const config = vault?.config;
      if (!damaged || recovering || !config) return;
      recovering = true;
      void (async () => {
        const next = await chooseRecovery(electron, damaged, config);
        await running.close().catch(() => undefined);
        const replacement = next ? await openArchiveOrRecover(electron, host, next) : undefined;
        if (!replacement) {
          quitting = true;
          app.quit();
          return;
        }
        vault?.adopt(replacement);
        adopt(replacement);
        recovering = false;
        for (const window of appWindows()) window.webContents.reload();
      })();
    });
  };

  // The archive opens once its key is known: from the keychain without a word, else when the
  // chair has typed the passphrase or recovery key in the window. A chair who chose to quit in a
  // recovery dialog (or was shown why the archive cannot open) is let go.
  const opened = createVault({
    dbPath,
    keychain,
    start: async (config) => {
      const running = await openArchiveOrRecover(electron, host, config);
      if (running) adopt(running);
      else {
        quitting = true;
        app.quit();
      }
      return running;
    },
  });
  vault = opened;
  try {
    await opened.openIfUnattended();
  } catch (error) {
    console.error(error);
    electron.dialog.showErrorBox(
      'Roundtable could not open its archive',
      error instanceof AppError
        ? error.message
        : 'Roundtable could not read the key that protects its archive. Open it again in a moment.',
    );
    quitting = true;
  }
  if (quitting) {
    app.quit();
    return;
  }

  // Saving needs a dialog and a printer, which only main has; every other call goes to the backend.
  const createPrintWindow: PrintWindowFactory = (options) => {
    const window = new BrowserWindow(options);
    printWindows.add(window);
    return window;
  };
  const print = windowPrinter(createPrintWindow, printPages);
  const route = createHostRouter(
    { 'export.save': (request) => saveExport(dialog, print, request), ...vaultHandlers(opened) },
    throughVault(opened),
  );
  bindIpc(electron.ipcMain, { invoke: route });
  openMainWindow();
}

/** How many times the chair is asked in a row: each failed restore sets its copy aside and asks again. */
const RECOVERY_QUESTIONS = 3;

/**
 * Starts the backend. When the worker reports the archive damaged (it has already moved the files
 * aside), asks the chair whether to restore the latest good backup or start empty, and starts
 * again with that choice. A restore that fails the same way (its copy kept aside, the next good
 * backup offered) asks again, a few times at most. Resolves to undefined when Roundtable should quit.
 */
async function openArchiveOrRecover(
  electron: ElectronLike,
  host: AppHost,
  config: WorkerConfig,
): Promise<Backend | undefined> {
  const workerFile = path.join(host.bundleDir, 'backend-worker.cjs');
  let attempt = config;
  for (let asked = 0; ; asked++) {
    try {
      return await host.startBackend(workerFile, attempt);
    } catch (error) {
      const damaged = damagedArchiveOf(error);
      if (!damaged || asked >= RECOVERY_QUESTIONS) {
        if (!(error instanceof AppError)) console.error(error);
        electron.dialog.showErrorBox(
          'Roundtable could not open its archive',
          error instanceof AppError
            ? error.message
            : 'Roundtable could not start its archive. Open it again in a moment.',
        );
        return undefined;
      }
      const next = await chooseRecovery(electron, damaged, config);
      if (!next) return undefined;
      attempt = next;
    }
  }
}

/** The chair's answer to a damaged archive, as the backend's next start: undefined means quit. */
async function chooseRecovery(
  electron: ElectronLike,
  damaged: DamagedArchive,
  config: WorkerConfig,
): Promise<WorkerConfig | undefined> {
  const choice = await askHowToRecover(electron.dialog, damaged);
  if (choice === 'quit') return undefined;
  if (choice === 'restore') {
    return damaged.latestBackup ? { ...config, restoreFrom: damaged.latestBackup.file } : undefined;
  }
  return config;
}
