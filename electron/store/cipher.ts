// The archive's encryption at rest: every page of roundtable.db, its -wal and its backups is
// encrypted by SQLite3 Multiple Ciphers in SQLCipher 4's format (AES-256-CBC per page, with an
// HMAC-SHA512 per page), under a random 256-bit key. The key reaches SQLite as raw bytes, so no
// key derivation runs at open. See docs/architecture.md "Encryption at rest".
import { createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';

type Db = Database.Database;

/** A 256-bit archive key. Only ever held in memory; on disk it exists only wrapped (see vault.ts). */
export type ArchiveKey = Buffer & { readonly __archiveKey: unique symbol };

export const KEY_BYTES = 32;

export function newArchiveKey(): ArchiveKey {
  return randomBytes(KEY_BYTES) as ArchiveKey;
}

export function archiveKeyFrom(bytes: Uint8Array): ArchiveKey {
  if (bytes.length !== KEY_BYTES) throw new Error('An archive key is 32 bytes.');
  return Buffer.from(bytes) as ArchiveKey;
}

/**
 * A value that tells a right key from a wrong one without trying to open the archive: SQLite reports
 * a wrong key exactly as it reports a damaged file (SQLITE_NOTADB), and a wrong key must never lead
 * to an archive being moved aside as damaged.
 */
export function keyCheck(key: ArchiveKey): string {
  return createHmac('sha256', key).update('roundtable archive key check').digest('hex');
}

export function keyMatches(key: ArchiveKey, check: string): boolean {
  const expected = Buffer.from(keyCheck(key), 'hex');
  const given = Buffer.from(check, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Keys a connection: SQLCipher 4's format, then the raw key. Must run before anything reads the
 * file. SQLite's messages can echo the statement, so a failure here never carries SQLite's own text.
 */
export function keyConnection(db: Db, key: ArchiveKey): void {
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${key.toString('hex')}'"`);
  } catch {
    throw new Error('SQLite refused the archive key.');
  }
}

export interface ConnectionOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
  timeout?: number;
}

/** Opens a connection to an encrypted database file, keyed before any read. */
export function openKeyed(file: string, key: ArchiveKey, options: ConnectionOptions = {}): Db {
  const db = new Database(file, options);
  try {
    keyConnection(db, key);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * FTS5 leaf pages sized to fit an encrypted page: SQLCipher keeps 80 of each 4096 bytes for the IV
 * and the HMAC, and FTS5's default of 4050 would spill every leaf onto an overflow page.
 */
export const FTS_PAGE_SIZE = 3960;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Whether a file is a plaintext SQLite database (an archive from before encryption, or a backup it
 * took). An encrypted file starts with its random salt instead of SQLite's header.
 */
export function isPlaintextDatabase(file: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  try {
    return fs.readSync(fd, header, 0, header.length, 0) === header.length && header.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Encrypts a plaintext database file in place under `key`: every page is rewritten encrypted,
 * free pages included. The file must be in rollback-journal mode with nothing in a -wal (SQLite
 * cannot re-key a database in WAL mode), and nobody else may have it open.
 */
export function encryptInPlace(file: string, key: ArchiveKey): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    // SQLCipher 4's pages are 4096 bytes and a re-key cannot change the page size: a file with pages
    // of another size is rewritten at that size first.
    if (db.pragma('page_size', { simple: true }) !== ENCRYPTED_PAGE) {
      db.pragma(`page_size = ${ENCRYPTED_PAGE}`);
      db.exec('VACUUM');
    }
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    try {
      db.pragma(`rekey = "x'${key.toString('hex')}'"`);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const scrubbed = new Error('SQLite could not encrypt the database.');
      Object.assign(scrubbed, { code });
      throw scrubbed;
    }
  } finally {
    db.close();
  }
}

/** SQLCipher 4's page: 4096 bytes, the last 80 reserved for the page's IV (16) and HMAC (64). */
export const ENCRYPTED_PAGE = 4096;
const RESERVED_BYTES = 80;

/**
 * Page 1 of an encrypted file decrypted under `key`: its bytes 16 to 79 (the header after the salt,
 * where SQLite's header has the page size, the reserved bytes and application_id), or undefined
 * when the file is shorter than a page. A wrong key gives random bytes.
 */
export function decryptHeader(file: string, key: ArchiveKey): Buffer | undefined {
  const page = Buffer.alloc(ENCRYPTED_PAGE);
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.readSync(fd, page, 0, page.length, 0) < page.length) return undefined;
  } finally {
    fs.closeSync(fd);
  }
  const tail = ENCRYPTED_PAGE - RESERVED_BYTES;
  const decipher = createDecipheriv('aes-256-cbc', key, page.subarray(tail, tail + 16));
  decipher.setAutoPadding(false);
  return decipher.update(page.subarray(16, 80));
}

/**
 * Whether `key` decrypts the file's first page into a SQLite header: the page size, 80 reserved
 * bytes and the fixed payload fractions 64/32/32 (bytes 16–23). A wrong key matches by chance with
 * a probability of about 2^-48.
 */
export function keyOpensFile(file: string, key: ArchiveKey): boolean {
  const header = decryptHeader(file, key);
  if (!header) return false;
  const pageSize = header.readUInt16BE(0);
  return (
    (pageSize === ENCRYPTED_PAGE ||
      pageSize === 1 ||
      (pageSize >= 512 && (pageSize & (pageSize - 1)) === 0)) &&
    header[4] === RESERVED_BYTES &&
    header[5] === 64 &&
    header[6] === 32 &&
    header[7] === 32
  );
}

export function wrongKey(): AppError {
  return new AppError(
    'WRONG_KEY',
    'That key does not open this archive. Nothing was changed: try your passphrase or recovery key again.',
  );
}

/** Flushes a file's contents to the disk. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
