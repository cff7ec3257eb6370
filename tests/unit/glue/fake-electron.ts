// Fakes of the Electron modules startApp uses: just enough behaviour to drive the wiring in Node.
import type { DownloadItemLike } from '../../../electron/main/private-downloads';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  MessageBoxOptions,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type { Backend } from '../../../electron/backend/host';
import type { InvokeEventLike } from '../../../electron/ipc/electron-binding';
import type { ElectronLike, WindowLike } from '../../../electron/main/start-app';
import type { EventName } from '../../../shared/channels';
import type { AppError } from '../../../shared/errors';

export class FakeApp extends EventEmitter {
  isPackaged = false;
  hasLock = true;
  readonly enableSandbox = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => this.hasLock);
  readonly whenReady = vi.fn(() => Promise.resolve());
  /** A real, empty folder per app: the vault keeps the archive's key file in userData. */
  readonly home = mkdtempSync(path.join(tmpdir(), 'roundtable-home-'));
  readonly getPath = vi.fn((name: string) => {
    const dir = path.join(this.home, `Roundtable-${name}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  });
  readonly getAppPath = vi.fn(() => '/opt/roundtable');
  readonly quit = vi.fn();
}

export class FakeWindow extends EventEmitter implements WindowLike {
  static all: FakeWindow[] = [];
  static getAllWindows(): FakeWindow[] {
    return FakeWindow.all;
  }

  readonly webContents = {
    send: vi.fn(),
    reload: vi.fn(),
    printToPDF: vi.fn((_options: { printBackground: boolean; pageSize: 'A4' }) =>
      Promise.resolve(Buffer.from('%PDF-1.7 printed by a fake window')),
    ),
  };
  readonly destroy = vi.fn();
  readonly loadURL = vi.fn((_url: string) => Promise.resolve());
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  minimized = false;
  readonly isMinimized = vi.fn(() => this.minimized);

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeWindow.all.push(this);
  }
}

type ProtocolHandler = (request: Request) => Promise<Response>;
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type InvokeListener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

export function fakeElectron() {
  FakeWindow.all = [];
  return {
    app: new FakeApp(),
    BrowserWindow: FakeWindow,
    ipcMain: { handle: vi.fn<(channel: string, listener: InvokeListener) => void>() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn<(schemes: CustomScheme[]) => void>(),
      handle: vi.fn<(scheme: string, handler: ProtocolHandler) => void>(),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn<(handler: PermissionRequestHandler) => void>(),
        setPermissionCheckHandler: vi.fn<(handler: () => boolean) => void>(),
        on: vi.fn<
          (event: 'will-download', listener: (event: unknown, item: DownloadItemLike) => void) => void
        >(),
      },
    },
    dialog: {
      showErrorBox: vi.fn<(title: string, content: string) => void>(),
      // Answers Cancel/Quit (the last button) unless a test says otherwise.
      showMessageBox: vi.fn((options: MessageBoxOptions) =>
        Promise.resolve({ response: (options.buttons?.length ?? 1) - 1 }),
      ),
      // Cancels unless a test says where to save.
      showSaveDialog: vi.fn((_options: SaveDialogOptions): Promise<SaveDialogReturnValue> =>
        Promise.resolve({ canceled: true, filePath: '' }),
      ),
    },
    shell: { openExternal: vi.fn<(url: string) => Promise<void>>(() => Promise.resolve()) },
    safeStorage: fakeSafeStorage(),
  } satisfies ElectronLike;
}

/**
 * safeStorage as Electron gives it where a keyring runs: it seals by reversing and prefixing (not
 * secret, but sealed and opened only through it). `available: false` is a computer with no keychain
 * (Linux's basic_text store counts as none); `lost` makes every open fail, as after a reinstall.
 */
export function fakeSafeStorage({
  available = true,
  store = 'gnome_libsecret',
}: { available?: boolean; store?: string } = {}) {
  const state = { lost: false, available, store };
  return {
    state,
    isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(state.available)),
    getSelectedStorageBackend: vi.fn(() => state.store),
    encryptStringAsync: vi.fn((plain: string) =>
      Promise.resolve(Buffer.from(`sealed:${Buffer.from(plain).reverse().toString('base64')}`)),
    ),
    decryptStringAsync: vi.fn((sealed: Buffer) => {
      const text = sealed.toString();
      if (state.lost || !text.startsWith('sealed:'))
        return Promise.reject(
          new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'),
        );
      return Promise.resolve({
        shouldReEncrypt: false,
        result: Buffer.from(text.slice(7), 'base64').reverse().toString(),
      });
    }),
  };
}

export function fakeBackend() {
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const damageListeners = new Set<(error: AppError) => void>();
  return {
    converted: null,
    invoke: vi.fn<Backend['invoke']>(() => Promise.resolve({ ok: true, value: null })),
    close: vi.fn<Backend['close']>(() => Promise.resolve()),
    onEvent(listener: (name: EventName, payload: unknown) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(name: EventName, payload: unknown) {
      for (const listener of listeners) listener(name, payload);
    },
    onDamaged(listener: (error: AppError) => void) {
      damageListeners.add(listener);
      return () => damageListeners.delete(listener);
    },
    /** The worker finding its open archive damaged. */
    damage(error: AppError) {
      for (const listener of damageListeners) listener(error);
    },
  } satisfies Backend & { emit(name: EventName, payload: unknown): void; damage(error: AppError): void };
}
