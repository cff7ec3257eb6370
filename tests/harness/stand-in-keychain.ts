// A keychain for the browser shell's tests: it seals with AES-256-GCM under a key kept in this
// process's memory and in a file beside the archive, so a restarted shell on the same folder can
// open it again, as Electron's safeStorage would. It protects nothing: it lets the end-to-end tests
// run the way Roundtable runs where the system keeps the key, without a passphrase to type.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Keychain } from '../../electron/backend/key-file';

export function standInKeychain(dbPath: string): Keychain {
  const file = path.join(path.dirname(dbPath), 'stand-in-keychain.secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  const secret = Buffer.from(readFileSync(file, 'utf8'), 'hex');
  return {
    name: 'the test keychain',
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), sealed]));
    },
    open(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
      return Promise.resolve({ plain, stale: false });
    },
  };
}
