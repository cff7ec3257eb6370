// The key file beside the archive (roundtable.key): the archive key wrapped by what protects it —
// the system's keychain, or the chair's passphrase stretched with scrypt — and a check value that
// tells a right key from a wrong one. The key itself is never written anywhere in the clear.
import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { RecoveryKeyState } from '../../shared/domain-vault';
import { archiveKeyFrom, keyCheck, keyMatches, type ArchiveKey } from '../store/cipher';
import { createPrivateFile, ensurePrivateDir, makePrivate, syncDir } from '../store/private-files';

/** scrypt at N = 2^16, r = 8, p = 1: about 64 MiB and a fifth of a second per guess. */
export const SCRYPT = { N: 2 ** 16, r: 8, p: 1 } as const;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const passphraseWrap = z.strictObject({
  kdf: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 14)
    .max(2 ** 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(4),
  salt: b64,
  iv: b64,
  sealed: b64,
  tag: b64,
});
const keyFileSchema = z.strictObject({
  format: z.literal('roundtable-archive-key'),
  version: z.literal(1),
  check: z.string().regex(/^[0-9a-f]{64}$/),
  keychain: z.strictObject({ sealed: b64 }).nullable(),
  passphrase: passphraseWrap.nullable(),
  recoveryKey: z.enum(['pending', 'shown', 'saved', 'declined']),
});

export type KeyFile = z.infer<typeof keyFileSchema>;
export type PassphraseWrap = z.infer<typeof passphraseWrap>;

/** What wraps the archive key with the system's keychain: Electron's safeStorage, or a fake. */
export interface Keychain {
  /** The keychain's name, for the chair: "the macOS Keychain". */
  readonly name: string;
  seal(plain: string): Promise<Buffer>;
  /**
   * Rejects when the keychain cannot give it back (its entry is gone, access was refused); `stale`
   * when the keychain would now seal it differently (its key was rotated).
   */
  open(sealed: Buffer): Promise<{ plain: string; stale: boolean }>;
}

export function keyFileOf(dbFile: string): string {
  return path.join(path.dirname(dbFile), `${path.basename(dbFile, '.db')}.key`);
}

export type KeyFileRead =
  | { kind: 'missing' }
  | { kind: 'damaged' }
  /** Written by a newer Roundtable, in a form this one does not know. */
  | { kind: 'too-new'; version: number }
  | { kind: 'ok'; file: KeyFile };

export function readKeyFile(file: string): KeyFileRead {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    const json: unknown = JSON.parse(text);
    const parsed = keyFileSchema.safeParse(json);
    if (parsed.success) return { kind: 'ok', file: parsed.data };
    const version = (json as { format?: unknown; version?: unknown } | null) ?? {};
    if (
      version.format === 'roundtable-archive-key' &&
      typeof version.version === 'number' &&
      version.version > 1
    )
      return { kind: 'too-new', version: version.version };
    return { kind: 'damaged' };
  } catch {
    return { kind: 'damaged' };
  }
}

/** Keeps a key file that is about to be replaced (damaged, or a newer version's) beside it, never deleting it. */
export function keepKeyFileAside(file: string, now = Date.now()): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  const aside = `${file}.replaced-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  fs.renameSync(file, aside);
  return aside;
}

/** A key file that cannot be written, named: a full disk, or a folder or disk that is read-only. */
function keyFileFault(file: string, error: unknown): AppError | undefined {
  const errno = (error as NodeJS.ErrnoException | null)?.code;
  if (errno === 'ENOSPC')
    return new AppError(
      'DISK_FULL',
      'The disk that holds the archive is full, so Roundtable could not keep the archive’s key. Free some space on that disk, then try again. Nothing was changed.',
    );
  if (errno === 'EACCES' || errno === 'EPERM' || errno === 'EROFS')
    return new AppError(
      'READ_ONLY',
      `Roundtable cannot write in the archive’s folder (${path.dirname(file)}): it is read-only${errno === 'EROFS' ? ' (the disk is mounted read-only)' : ''}. Make it writable, or move the archive to a folder that is, then open Roundtable again. Nothing was changed.`,
      { errno },
    );
  return undefined;
}

/** Writes the key file whole or not at all: a private temporary file, flushed, renamed over. */
export function writeKeyFile(file: string, contents: KeyFile): void {
  const temporary = `${file}.writing`;
  try {
    // The key is made before the archive: on a first start the folder may not exist yet.
    ensurePrivateDir(path.dirname(file));
    fs.rmSync(temporary, { force: true });
    createPrivateFile(temporary, { exclusive: true });
    const fd = fs.openSync(temporary, 'r+');
    try {
      fs.writeSync(fd, `${JSON.stringify(contents, null, 2)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    makePrivate(temporary);
    fs.renameSync(temporary, file);
    syncDir(path.dirname(file));
  } catch (error) {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // A folder that refused the file refuses its removal too; there is nothing in it.
    }
    throw keyFileFault(file, error) ?? error;
  }
}

export function newKeyFile(
  key: ArchiveKey,
  wraps: { keychain: KeyFile['keychain']; passphrase: PassphraseWrap | null },
  recoveryKey: RecoveryKeyState,
): KeyFile {
  return {
    format: 'roundtable-archive-key',
    version: 1,
    check: keyCheck(key),
    keychain: wraps.keychain,
    passphrase: wraps.passphrase,
    recoveryKey,
  };
}

export async function sealWithKeychain(keychain: Keychain, key: ArchiveKey): Promise<KeyFile['keychain']> {
  return { sealed: (await keychain.seal(key.toString('hex'))).toString('base64') };
}

/**
 * The key the keychain gives back, or undefined when it cannot (or gives back another key). A
 * stale seal is sealed again, so the key file follows the keychain's own key rotation.
 */
export async function openWithKeychain(
  keychain: Keychain,
  file: KeyFile,
  keyFile: string,
): Promise<ArchiveKey | undefined> {
  if (!file.keychain) return undefined;
  let opened: { plain: string; stale: boolean };
  try {
    opened = await keychain.open(Buffer.from(file.keychain.sealed, 'base64'));
  } catch {
    return undefined;
  }
  if (!/^[0-9a-f]{64}$/.test(opened.plain)) return undefined;
  const key = archiveKeyFrom(Buffer.from(opened.plain, 'hex'));
  if (!keyMatches(key, file.check)) return undefined;
  if (opened.stale) {
    try {
      writeKeyFile(keyFile, { ...file, keychain: await sealWithKeychain(keychain, key) });
    } catch (error) {
      // The old seal still opens; sealing again is tried at the next start.
      console.error('Roundtable could not seal its archive key again.', error);
    }
  }
  return key;
}

function stretch(
  passphrase: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(
      passphrase.normalize('NFC'),
      salt,
      32,
      { ...params, maxmem: 128 * params.N * params.r * 2 },
      (error, derived) => (error ? reject(error) : resolve(derived)),
    );
  });
}

export async function sealWithPassphrase(passphrase: string, key: ArchiveKey): Promise<PassphraseWrap> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const wrapping = await stretch(passphrase, salt, SCRYPT);
  const cipher = createCipheriv('aes-256-gcm', wrapping, iv);
  const sealed = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    kdf: 'scrypt',
    ...SCRYPT,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    sealed: sealed.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

export const KEY_FILE_DAMAGED =
  'The passphrase is right, but the file that holds the archive’s key (roundtable.key) is damaged. Use your recovery key. Nothing was changed.';

export const WRONG_PASSPHRASE =
  'That passphrase does not open this archive. Nothing was changed: check Caps Lock and try again, or use your recovery key.';

/** The key the passphrase unwraps; a wrong passphrase fails the wrap's authentication: WRONG_KEY. */
export async function openWithPassphrase(passphrase: string, file: KeyFile): Promise<ArchiveKey> {
  const wrap = file.passphrase;
  if (!wrap) throw new AppError('WRONG_KEY', WRONG_PASSPHRASE);
  const wrapping = await stretch(passphrase, Buffer.from(wrap.salt, 'base64'), wrap);
  let key: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrapping, Buffer.from(wrap.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
    key = Buffer.concat([decipher.update(Buffer.from(wrap.sealed, 'base64')), decipher.final()]);
  } catch {
    throw new AppError('WRONG_KEY', WRONG_PASSPHRASE);
  }
  const archiveKey = archiveKeyFrom(key);
  // The passphrase opened the wrap, so it is the right one: a check that disagrees is a damaged file.
  if (!keyMatches(archiveKey, file.check)) throw new AppError('CORRUPT', KEY_FILE_DAMAGED);
  return archiveKey;
}
