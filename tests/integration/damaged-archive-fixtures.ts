// Archives damaged in the ways a disk, a crash or a careless copy damages them, for the recovery tests.
// The archives are encrypted: bytes garbled in a page make its HMAC fail, which SQLite reports as
// damage (SQLITE_NOTADB for page 1, SQLITE_CORRUPT for the others).
import crypto from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';
import { decryptHeader, isPlaintextDatabase, openKeyed } from '../../electron/store/cipher';
import { walChecksum } from '../../electron/store/database';
import { TEST_KEY } from '../harness/test-key';

export const WAL_HEADER = 32;
export const FRAME_HEADER = 24;

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A deterministic stream of bytes that is no SQLite structure (a seeded xorshift). */
export function garbage(length: number, seed = 0x2545f491): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** The page size in the file's header: read as it is in a plaintext file, decrypted in an encrypted one. */
export function pageSizeOf(dbFile: string): number {
  let size: number;
  if (isPlaintextDatabase(dbFile)) {
    const header = Buffer.alloc(100);
    const fd = fs.openSync(dbFile, 'r');
    try {
      fs.readSync(fd, header, 0, 100, 0);
    } finally {
      fs.closeSync(fd);
    }
    size = header.readUInt16BE(16);
  } else {
    const header = decryptHeader(dbFile, TEST_KEY);
    if (!header) throw new Error(`${dbFile} is shorter than one encrypted page.`);
    size = header.readUInt16BE(0);
  }
  return size === 1 ? 65536 : size;
}

export function overwrite(file: string, offset: number, bytes: Buffer): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    fs.closeSync(fd);
  }
}

/** Random bytes over the 100-byte database header (in an encrypted file: the salt and the start of page 1). */
export function garbleHeader(dbFile: string): void {
  overwrite(dbFile, 0, garbage(100, 7));
}

/**
 * Random bytes over the 16-byte salt an encrypted file starts with: page 1 still decrypts into a
 * SQLite header, but its HMAC (keyed from the salt) no longer matches.
 */
export function garbleSalt(dbFile: string): void {
  overwrite(dbFile, 0, garbage(16, 13));
}

/** Cuts the file to a fraction of its pages, as an interrupted copy would. */
export function truncate(dbFile: string, fraction = 0.5): void {
  const page = pageSizeOf(dbFile);
  const pages = fs.statSync(dbFile).size / page;
  fs.truncateSync(dbFile, Math.max(2, Math.floor(pages * fraction)) * page);
}

/** Random bytes over the pages between the first quarter and the last quarter of the file. */
export function garbleMiddlePages(dbFile: string): void {
  const page = pageSizeOf(dbFile);
  const pages = fs.statSync(dbFile).size / page;
  const first = Math.floor(pages / 4);
  const last = Math.max(first + 1, Math.floor((pages * 3) / 4));
  overwrite(dbFile, first * page, garbage((last - first) * page, 11));
}

/**
 * Leaves `dbFile` as a crash would with a hot -wal: the main file as of the last checkpoint, and a
 * -wal holding the committed frames of `write`, which had not been checkpointed yet.
 */
export function withHotWal(dbFile: string, write: (db: Database.Database) => void): void {
  const before = fs.readFileSync(dbFile);
  const db = openKeyed(dbFile, TEST_KEY);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('synchronous = FULL');
  write(db);
  const wal = fs.readFileSync(`${dbFile}-wal`);
  db.close(); // checkpoints and deletes the -wal: put back the state from before the checkpoint.
  fs.writeFileSync(dbFile, before);
  fs.writeFileSync(`${dbFile}-wal`, wal);
  fs.rmSync(`${dbFile}-shm`, { force: true });
}

/**
 * Overwrites the page images in a -wal with garbage (except page 1's) and re-signs every frame with
 * the WAL's running checksum, so SQLite accepts the frames and replays garbage pages.
 */
export function garbleWalPages(walFile: string): void {
  const wal = fs.readFileSync(walFile);
  const bigEndian = wal.readUInt32BE(0) === 0x377f0683;
  const page = wal.readUInt32BE(8);
  let sum: [number, number] = [wal.readUInt32BE(24), wal.readUInt32BE(28)];
  for (let at = WAL_HEADER, n = 0; at + FRAME_HEADER + page <= wal.length; at += FRAME_HEADER + page, n++) {
    const pgno = wal.readUInt32BE(at);
    if (pgno !== 1) garbage(page, 100 + n).copy(wal, at + FRAME_HEADER);
    sum = walChecksum(wal.subarray(at, at + 8), bigEndian, sum);
    sum = walChecksum(wal.subarray(at + FRAME_HEADER, at + FRAME_HEADER + page), bigEndian, sum);
    wal.writeUInt32BE(sum[0], at + 16);
    wal.writeUInt32BE(sum[1], at + 20);
  }
  fs.writeFileSync(walFile, wal);
}

/** A -wal of random bytes: no WAL header at all. */
export function garbageWal(dbFile: string, length = 3 * 4096 + 7): void {
  fs.writeFileSync(`${dbFile}-wal`, garbage(length, 23), { mode: 0o600 });
}

export function filesOf(dbFile: string): string[] {
  return ['', '-wal', '-shm'].map((s) => dbFile + s).filter((f) => fs.existsSync(f));
}

export function listDir(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}
