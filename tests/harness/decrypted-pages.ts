// The plaintext of an encrypted archive's pages, decrypted here in the test rather than by SQLite, so
// a test can look at what the pages of the main file and the page images in its -wal hold, byte for
// byte, as someone holding the key would. SQLCipher 4's page: AES-256-CBC over all but the last 80
// bytes (page 1 from byte 16, after the salt), the IV in the 16 bytes after the encrypted part.
import { createDecipheriv } from 'node:crypto';
import fs from 'node:fs';
import { ENCRYPTED_PAGE, type ArchiveKey } from '../../electron/store/cipher';

const RESERVED = 80;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

function decryptPage(page: Buffer, key: ArchiveKey, pageNumber: number): Buffer {
  const end = ENCRYPTED_PAGE - RESERVED;
  const start = pageNumber === 1 ? 16 : 0;
  const decipher = createDecipheriv('aes-256-cbc', key, page.subarray(end, end + 16));
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(start, end)), decipher.final()]);
}

/** Every page of an encrypted database file, decrypted, one after another (empty when absent). */
export function decryptedPages(file: string, key: ArchiveKey): Buffer {
  if (!fs.existsSync(file)) return Buffer.alloc(0);
  const bytes = fs.readFileSync(file);
  const pages: Buffer[] = [];
  for (let at = 0, n = 1; at + ENCRYPTED_PAGE <= bytes.length; at += ENCRYPTED_PAGE, n++) {
    pages.push(decryptPage(bytes.subarray(at, at + ENCRYPTED_PAGE), key, n));
  }
  return Buffer.concat(pages);
}

/** Every page image in an encrypted archive's -wal, decrypted (empty when absent or empty). */
export function decryptedWalFrames(walFile: string, key: ArchiveKey): Buffer {
  if (!fs.existsSync(walFile)) return Buffer.alloc(0);
  const wal = fs.readFileSync(walFile);
  if (wal.length < WAL_HEADER) return Buffer.alloc(0);
  if (wal.readUInt32BE(8) !== ENCRYPTED_PAGE) throw new Error('The -wal has another page size.');
  const frames: Buffer[] = [];
  const frame = FRAME_HEADER + ENCRYPTED_PAGE;
  for (let at = WAL_HEADER; at + frame <= wal.length; at += frame) {
    const pageNumber = wal.readUInt32BE(at);
    frames.push(decryptPage(wal.subarray(at + FRAME_HEADER, at + frame), key, pageNumber));
  }
  return Buffer.concat(frames);
}
