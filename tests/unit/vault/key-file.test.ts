// The key file and the recovery key: the archive key is never written in the clear, a passphrase
// wrap refuses a wrong passphrase, a damaged or foreign key file is named as such, and the printed
// recovery key reads back as typed, with typos caught by its checksum.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  keyFileOf,
  newKeyFile,
  openWithKeychain,
  openWithPassphrase,
  readKeyFile,
  sealWithPassphrase,
  writeKeyFile,
  type Keychain,
} from '../../../electron/backend/key-file';
import {
  formatRecoveryKey,
  parseRecoveryKey,
  RECOVERY_KEY_LENGTH,
} from '../../../electron/backend/recovery-key';
import { archiveKeyFrom, newArchiveKey } from '../../../electron/store/cipher';
import { AppError } from '../../../shared/errors';

const dir = mkdtempSync(path.join(tmpdir(), 'roundtable-keyfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const keychain = (state = { lost: false }): Keychain => ({
  name: 'a test keychain',
  seal: (plain) => Promise.resolve(Buffer.from(plain).reverse()),
  open: (sealed) =>
    state.lost
      ? Promise.reject(new Error('no such entry'))
      : Promise.resolve({ plain: Buffer.from(sealed).reverse().toString(), stale: false }),
});

describe('the key file', () => {
  it('sits beside the archive, named after it', () => {
    expect(keyFileOf('/data/roundtable.db')).toBe(path.join('/data', 'roundtable.key'));
  });

  it('holds the key only wrapped, is private, and reads back whole', async () => {
    const key = newArchiveKey();
    const file = path.join(dir, 'private.key');
    const wrap = await sealWithPassphrase('a long passphrase', key);
    writeKeyFile(file, newKeyFile(key, { keychain: null, passphrase: wrap }, 'pending'));
    const bytes = readFileSync(file);
    for (const form of [key, Buffer.from(key.toString('hex')), Buffer.from(key.toString('base64'))]) {
      expect(bytes.includes(form)).toBe(false);
    }
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const read = readKeyFile(file);
    expect(read.kind).toBe('ok');
    if (read.kind !== 'ok') return;
    expect((await openWithPassphrase('a long passphrase', read.file)).equals(key)).toBe(true);
  });

  it('refuses a wrong passphrase with WRONG_KEY, and a passphrase typed in another Unicode form opens', async () => {
    const key = newArchiveKey();
    const file = newKeyFile(
      key,
      { keychain: null, passphrase: await sealWithPassphrase('café au lait!', key) },
      'saved',
    );
    await expect(openWithPassphrase('cafe au lait!', file)).rejects.toMatchObject({ code: 'WRONG_KEY' });
    // The same words with a combining accent (as some keyboards type é) are the same passphrase.
    expect((await openWithPassphrase('cafe\u0301 au lait!', file)).equals(key)).toBe(true);
  });

  it('names a missing, damaged or foreign key file', () => {
    expect(readKeyFile(path.join(dir, 'absent.key'))).toEqual({ kind: 'missing' });
    const damaged = path.join(dir, 'damaged.key');
    writeFileSync(damaged, '{"format":"roundtable-archive-key","vers');
    expect(readKeyFile(damaged)).toEqual({ kind: 'damaged' });
    const foreign = path.join(dir, 'foreign.key');
    writeFileSync(foreign, JSON.stringify({ format: 'something-else', version: 1 }));
    expect(readKeyFile(foreign)).toEqual({ kind: 'damaged' });
  });

  it('opens through the keychain only while it holds the entry, and only to the key the file checks', async () => {
    const key = newArchiveKey();
    const state = { lost: false };
    const chain = keychain(state);
    const file = newKeyFile(
      key,
      { keychain: { sealed: (await chain.seal(key.toString('hex'))).toString('base64') }, passphrase: null },
      'saved',
    );
    const keyFile = path.join(dir, 'keychain.key');
    expect((await openWithKeychain(chain, file, keyFile))?.equals(key)).toBe(true);
    state.lost = true;
    await expect(openWithKeychain(chain, file, keyFile)).resolves.toBeUndefined();
    // A keychain that gives back another key (another archive's entry) is not believed.
    const other = newKeyFile(newArchiveKey(), { keychain: file.keychain, passphrase: null }, 'saved');
    state.lost = false;
    await expect(openWithKeychain(chain, other, keyFile)).resolves.toBeUndefined();
  });
});

describe('the recovery key', () => {
  it('is 56 letters and digits in groups of four, and reads back however it is typed', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const key = archiveKeyFrom(bytes);
        const printed = formatRecoveryKey(key);
        expect(printed.replaceAll('-', '')).toHaveLength(RECOVERY_KEY_LENGTH);
        expect(printed).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/);
        expect(parseRecoveryKey(printed).equals(key)).toBe(true);
        const typed = ` ${printed.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o').replaceAll('1', 'l')} `;
        expect(parseRecoveryKey(typed).equals(key)).toBe(true);
      }),
    );
  });

  it('catches a mistyped character, and refuses what is not a recovery key', () => {
    const printed = formatRecoveryKey(newArchiveKey());
    const at = 17;
    const swapped = printed.slice(0, at) + (printed[at] === 'A' ? 'B' : 'A') + printed.slice(at + 1);
    expect(() => parseRecoveryKey(swapped)).toThrow(/mistyped character/);
    expect(() => parseRecoveryKey(printed.slice(0, -5))).toThrow(AppError);
    expect(() => parseRecoveryKey(`${printed.slice(0, -1)}U`)).toThrow(/56 letters and digits/);
  });
});
