// The archive's lock and key, on the host side (Electron's main process or the browser shell):
// finds out what protects the archive, gets its key (from the keychain without asking, or from the
// chair's passphrase or recovery key), and only then starts the backend worker with it. Until it
// has, every archive call is refused with LOCKED. See docs/architecture.md "Encryption at rest".
import fs from 'node:fs';
import path from 'node:path';
import type { ConversionSummary, Protection, VaultStatus } from '../../shared/domain-vault';
import { AppError, type Envelope } from '../../shared/errors';
import type { HostHandlers, Route } from '../ipc/router';
import {
  isPlaintextDatabase,
  keyMatches,
  keyOpensFile,
  newArchiveKey,
  type ArchiveKey,
} from '../store/cipher';
import { discardPlaintextCopies, plaintextAside, plaintextCopies } from '../store/conversion';
import type { Backend } from './host';
import { checkWritable } from '../store/faults';
import {
  keepKeyFileAside,
  keyFileOf,
  newKeyFile,
  openWithKeychain,
  openWithPassphrase,
  readKeyFile,
  sealWithKeychain,
  sealWithPassphrase,
  writeKeyFile,
  type KeyFile,
  type Keychain,
} from './key-file';
import type { WorkerConfig } from './protocol';
import { formatRecoveryKey, parseRecoveryKey } from './recovery-key';

export interface VaultOptions {
  dbPath: string;
  /** The system's keychain, or null where there is none Roundtable can use. */
  keychain: Keychain | null;
  /** Starts the backend on the unlocked archive; undefined when the chair chose to quit instead. */
  start(config: WorkerConfig): Promise<Backend | undefined>;
}

export const LOCKED_MESSAGE = 'The archive is locked. Unlock it first; nothing was saved.';
const NEEDS_NEW_PASSPHRASE =
  'Choose a new passphrase as well: without a keychain on this computer, a passphrase protects the archive.';
const SHOWN_KEY_KEPT =
  'The recovery key has been shown, so it opens this archive now: keep it somewhere safe, away from this laptop.';
const RECOVERY_KEY_GONE =
  'The recovery key is no longer shown: it was offered once, when the archive was encrypted.';

export interface Vault {
  status(): VaultStatus;
  /** At start: opens the archive when no question needs the chair (a keychain holds, or can hold, its key). */
  openIfUnattended(): Promise<Backend | undefined>;
  create(passphrase: string): Promise<VaultStatus>;
  unlock(
    request: { passphrase: string } | { recoveryKey: string; newPassphrase?: string | undefined },
  ): Promise<VaultStatus>;
  recoveryKey(): { recoveryKey: string };
  recoveryKeyDone(choice: 'saved' | 'declined'): VaultStatus;
  discardPlaintext(): VaultStatus;
  /** The running backend, once unlocked. */
  readonly backend: Backend | undefined;
  /** Replaces the backend after a recovery restarted it on the same key. */
  adopt(backend: Backend): void;
  /** The worker's start configuration, once unlocked (for restarting it after recovery). */
  readonly config: WorkerConfig | undefined;
}

type ArchiveFile = 'none' | 'plaintext' | 'encrypted';

export function createVault(options: VaultOptions): Vault {
  const { dbPath, keychain } = options;
  const keyFile = keyFileOf(dbPath);
  let backend: Backend | undefined;
  let config: WorkerConfig | undefined;
  let key: ArchiveKey | undefined;
  let converted: ConversionSummary | null = null;
  // One question at a time: a double click on Unlock, or a second window, waits for the first.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const archiveFile = (): ArchiveFile => {
    const size = fs.statSync(dbPath, { throwIfNoEntry: false })?.size ?? 0;
    if (size === 0) return 'none';
    return isPlaintextDatabase(dbPath) ? 'plaintext' : 'encrypted';
  };

  const protectionOf = (file: KeyFile): Protection =>
    file.keychain && keychain ? { kind: 'keychain', store: keychain.name } : { kind: 'passphrase' };

  const lockedStatus = (): VaultStatus => {
    const read = readKeyFile(keyFile);
    const present = archiveFile();
    if (read.kind === 'ok') {
      const recoveryKey = read.file.recoveryKey;
      if (read.file.keychain) {
        return {
          state: 'locked',
          why: 'keychain-unavailable',
          needsNewPassphrase: !keychain,
          keychain: keychain?.name ?? null,
          recoveryKey,
        };
      }
      // A passphrase archive unlocked with its recovery key stays a passphrase archive: a new one is chosen.
      return { state: 'locked', why: 'passphrase', needsNewPassphrase: true, keychain: null, recoveryKey };
    }
    if (read.kind === 'too-new') {
      throw new AppError(
        'TOO_NEW',
        'The file that holds this archive’s key (roundtable.key) was written by a newer version of Roundtable. Update Roundtable to open the archive. Nothing was changed.',
        { version: read.version },
      );
    }
    if (present === 'encrypted') {
      return {
        state: 'locked',
        why: read.kind === 'damaged' ? 'key-file-damaged' : 'key-file-missing',
        needsNewPassphrase: !keychain,
        keychain: keychain?.name ?? null,
        recoveryKey: null,
      };
    }
    return { state: 'setup', reason: present === 'plaintext' ? 'convert' : 'new' };
  };

  const status = (): VaultStatus => {
    if (!backend || !key) return lockedStatus();
    const read = readKeyFile(keyFile);
    const file = read.kind === 'ok' ? read.file : undefined;
    const copies = plaintextCopies(dbPath);
    return {
      state: 'open',
      protection: file ? protectionOf(file) : { kind: 'passphrase' },
      recoveryKey: file?.recoveryKey ?? 'saved',
      converted,
      plaintextCopy: copies[0] ? path.basename(copies[0]) : null,
      plaintextAside: plaintextAside(dbPath),
      folder: path.dirname(dbPath),
    };
  };

  const startWith = async (archiveKey: ArchiveKey): Promise<Backend | undefined> => {
    const attempt: WorkerConfig = { dbPath, key: archiveKey.toString('hex') };
    const started = await options.start(attempt);
    if (!started) return undefined;
    key = archiveKey;
    config = attempt;
    backend = started;
    const report = started.converted;
    converted = report
      ? {
          archiveEncrypted: report.archiveEncrypted,
          backupsEncrypted: report.backupsEncrypted,
          backupsRemoved: report.backupsRemoved,
        }
      : null;
    return started;
  };

  /** A key that opens this archive: the key file's check, or the archive's own first page. */
  const accepts = (candidate: ArchiveKey, file: KeyFile | undefined): boolean => {
    if (file && keyMatches(candidate, file.check)) return true;
    return archiveFile() === 'encrypted' && keyOpensFile(dbPath, candidate);
  };

  const refuseWhenOpen = () => {
    if (backend) throw new AppError('CONFLICT', 'The archive is already open.');
  };

  return {
    get backend() {
      return backend;
    },
    get config() {
      return config;
    },
    adopt(next) {
      backend = next;
    },
    status,

    openIfUnattended: () =>
      serially(async () => {
        if (backend) return backend;
        const read = readKeyFile(keyFile);
        if (read.kind === 'ok') {
          const fromKeychain = keychain ? await openWithKeychain(keychain, read.file, keyFile) : undefined;
          return fromKeychain ? startWith(fromKeychain) : undefined;
        }
        // No key yet: a new archive, or one an earlier version left in plaintext. With a keychain
        // to keep it, the key is made and kept without asking; the recovery key is offered next.
        if (!keychain || archiveFile() === 'encrypted') return undefined;
        checkWritable(dbPath);
        const fresh = newArchiveKey();
        writeKeyFile(
          keyFile,
          newKeyFile(
            fresh,
            { keychain: await sealWithKeychain(keychain, fresh), passphrase: null },
            'pending',
          ),
        );
        return startWith(fresh);
      }),

    create: (passphrase) =>
      serially(async () => {
        refuseWhenOpen();
        const current = lockedStatus();
        if (current.state !== 'setup') {
          throw new AppError('CONFLICT', 'This archive already has its protection. Unlock it instead.');
        }
        checkWritable(dbPath);
        const fresh = newArchiveKey();
        const wrap = await sealWithPassphrase(passphrase, fresh);
        writeKeyFile(keyFile, newKeyFile(fresh, { keychain: null, passphrase: wrap }, 'pending'));
        await startWith(fresh);
        return status();
      }),

    unlock: (request) =>
      serially(async () => {
        if (backend) return status();
        const read = readKeyFile(keyFile);
        const file = read.kind === 'ok' ? read.file : undefined;
        if ('passphrase' in request) {
          if (!file?.passphrase) {
            throw new AppError(
              'CONFLICT',
              'This archive is not protected by a passphrase: use its recovery key.',
            );
          }
          await startWith(await openWithPassphrase(request.passphrase, file));
          return status();
        }
        const candidate = parseRecoveryKey(request.recoveryKey);
        if (!accepts(candidate, file)) {
          throw new AppError(
            'WRONG_KEY',
            'That recovery key is not this archive’s. Nothing was changed: check it against the printed copy.',
          );
        }
        // The key is re-wrapped as this computer can keep it now: the keychain, else a new passphrase.
        let wraps: Pick<KeyFile, 'keychain' | 'passphrase'>;
        if (keychain && !(file?.passphrase && !file.keychain)) {
          wraps = { keychain: await sealWithKeychain(keychain, candidate), passphrase: null };
        } else {
          if (!request.newPassphrase) throw new AppError('VALIDATION', NEEDS_NEW_PASSPHRASE);
          wraps = { keychain: null, passphrase: await sealWithPassphrase(request.newPassphrase, candidate) };
        }
        // The key file changes only once the archive is open with the key: a start refused (another
        // copy has it open, the folder is read-only) leaves the passphrase and the keychain as they were.
        checkWritable(dbPath);
        if (!(await startWith(candidate))) return status();
        if (read.kind !== 'ok') keepKeyFileAside(keyFile);
        writeKeyFile(keyFile, newKeyFile(candidate, wraps, 'saved'));
        return status();
      }),

    recoveryKey() {
      const read = readKeyFile(keyFile);
      if (!key) throw new AppError('LOCKED', LOCKED_MESSAGE);
      const state = read.kind === 'ok' ? read.file.recoveryKey : undefined;
      if (read.kind !== 'ok' || (state !== 'pending' && state !== 'shown'))
        throw new AppError('CONFLICT', RECOVERY_KEY_GONE);
      // Once shown it opens the archive, whoever saw it: it can no longer be declined.
      if (state === 'pending') writeKeyFile(keyFile, { ...read.file, recoveryKey: 'shown' });
      return { recoveryKey: formatRecoveryKey(key) };
    },

    recoveryKeyDone(choice) {
      const read = readKeyFile(keyFile);
      if (!key) throw new AppError('LOCKED', LOCKED_MESSAGE);
      if (read.kind !== 'ok') throw new AppError('CONFLICT', RECOVERY_KEY_GONE);
      const state = read.file.recoveryKey;
      if (choice === 'declined' && state === 'shown') throw new AppError('CONFLICT', SHOWN_KEY_KEPT);
      if (state === 'pending' || state === 'shown')
        writeKeyFile(keyFile, { ...read.file, recoveryKey: choice });
      return status();
    },

    discardPlaintext() {
      if (!key) throw new AppError('LOCKED', LOCKED_MESSAGE);
      discardPlaintextCopies(dbPath);
      return status();
    },
  };
}

/** The host channels the vault answers. */
export function vaultHandlers(vault: Vault): Omit<HostHandlers, 'export.save'> {
  return {
    'vault.status': () => vault.status(),
    'vault.create': ({ passphrase }) => vault.create(passphrase),
    'vault.unlock': ({ passphrase, recoveryKey, newPassphrase }) =>
      vault.unlock(
        recoveryKey !== undefined ? { recoveryKey, newPassphrase } : { passphrase: passphrase ?? '' },
      ),
    'vault.recoveryKey': () => vault.recoveryKey(),
    'vault.recoveryKeyDone': ({ choice }) => vault.recoveryKeyDone(choice),
    'vault.discardPlaintext': () => vault.discardPlaintext(),
  };
}

/** Every archive call goes to the backend once the vault has started it, and is refused before. */
export function throughVault(vault: Vault, whenClosing?: () => Envelope<never> | undefined): Route {
  return (channel, input) => {
    const closing = whenClosing?.();
    if (closing) return Promise.resolve(closing);
    const running = vault.backend;
    if (!running) return Promise.resolve({ ok: false, error: { code: 'LOCKED', message: LOCKED_MESSAGE } });
    return running.invoke(channel, input);
  };
}
