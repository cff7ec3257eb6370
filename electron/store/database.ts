// Opens roundtable.db: creates it private, refuses one from a newer app, sets every pragma, checks
// its integrity and brings its schema up to date, with a backup taken first.
import fs from 'node:fs';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';
import {
  decryptHeader,
  isPlaintextDatabase,
  keyOpensFile,
  openKeyed,
  wrongKey,
  type ArchiveKey,
} from './cipher';
import { convertToEncrypted, encryptLeftovers, type ConversionReport } from './conversion';
import { checkWritable } from './faults';
import { listBackups, takeBackup } from './backups';
import { MIGRATIONS, type Migration } from './migrations';
import { createPrivateFile, ensurePrivateDir } from './private-files';

export type Db = Database.Database;

export interface OpenOptions {
  /** The archive's key: every file of the archive is encrypted with it (see cipher.ts). */
  key: ArchiveKey;
  /** Told what converting a plaintext archive from an earlier version did. */
  onConverted?: (report: ConversionReport) => void;
  /** Tests pass a prefix of the migrations to build older schemas. */
  migrations?: readonly Migration[];
  /** Run PRAGMA quick_check on open (default true). */
  quickCheck?: boolean;
}

export async function openDatabase(file: string, options: OpenOptions): Promise<Db> {
  const migrations = options.migrations ?? MIGRATIONS;
  ensurePrivateDir(path.dirname(file));
  checkWritable(file);
  checkFilesBeforeOpen(file);
  createPrivateFile(file);
  // An archive an earlier, unencrypting Roundtable wrote is checked as it stands, then encrypted.
  let report: ConversionReport | undefined;
  if (isPlaintextDatabase(file)) {
    probe(file, migrations.length, options, null);
    report = convertToEncrypted(file, options.key);
  } else if ((sizeOf(file) ?? 0) > 0) {
    // SQLite answers a wrong key as it answers damage (SQLITE_NOTADB): the key is tried first, on
    // the file's first page, so a wrong key is refused with the files untouched, never moved aside.
    if (!keyOpensFile(file, options.key)) throw wrongKey();
    report = { archiveEncrypted: false, ...encryptLeftovers(file, options.key) };
  }
  if (report && hasNews(report)) options.onConverted?.(report);
  // Everything that decides whether the file may be opened at all reads it through a read-only
  // connection: a refused archive (newer, or damaged) keeps its bytes, and its -wal is never
  // checkpointed into it or deleted, as closing a read-write connection would.
  const version = probe(file, migrations.length, options, options.key);
  const db = openKeyed(file, options.key);
  try {
    applyPragmas(db);
    if (version < migrations.length) {
      if (version > 0) await takeBackup(db, file, { ...options, label: `schema${version}` });
      migrate(db, migrations, version);
    }
    ensureArchiveId(db);
    return db;
  } catch (error) {
    db.close();
    throw isDamage(error) ? corrupt(file, error) : error;
  }
}

/** The pragmas every connection runs with; see docs/architecture.md "Storage". */
export const EMPTY_ARCHIVE = 'the archive file is empty (0 bytes)';

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // FULL: an acknowledged contribution survives power loss, not only a crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted content is overwritten, not left in free pages.
  db.pragma('secure_delete = ON');
}

function hasNews(report: ConversionReport): boolean {
  return (
    report.archiveEncrypted ||
    report.plaintextCopy !== null ||
    report.backupsEncrypted + report.backupsRemoved + report.plaintextAside.length > 0
  );
}

export function migrate(db: Db, migrations: readonly Migration[], from: number): void {
  for (const migration of migrations.filter((m) => m.version > from)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/**
 * Reads the schema version and checks the archive read-only; refuses a newer or damaged archive.
 * A read-only connection to a WAL database creates an empty -wal and -shm when there were none. They
 * are created here first, exclusively, so that only files this process made are ever removed again,
 * and only when the archive is refused: a refused archive is left exactly as it was found.
 *
 * A -wal with frames in it means the last session did not close cleanly (a clean close empties it),
 * or that someone put it there. Then the full integrity_check runs instead of quick_check, and the
 * log must belong to this archive: its view of the archive's id must match the id in the file itself.
 */
function probe(
  file: string,
  supported: number,
  options: Pick<OpenOptions, 'quickCheck'>,
  key: ArchiveKey | null,
): number {
  const wal = `${file}-wal`;
  const hotWal = (sizeOf(wal) ?? 0) > 0;
  const created = [wal, `${file}-shm`].filter(createIfAbsent);
  let db: Db | undefined;
  let refused = true;
  try {
    db = key ? openKeyed(file, key, { readonly: true, fileMustExist: true }) : openPlain(file);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > supported) {
      throw new AppError(
        'TOO_NEW',
        `This archive was saved by a newer version of Roundtable (schema ${version}; this version reads up to ${supported}). Update Roundtable to open it. The file has not been changed.`,
        { version, supported },
      );
    }
    if (hotWal) {
      const inFile = archiveIdInFile(file, key);
      const seen = db.pragma('application_id', { simple: true }) as number;
      if (inFile !== 0 && seen !== inFile) throw corrupt(file, FOREIGN_WAL);
    }
    if (hotWal || options.quickCheck !== false) {
      const result: unknown = db.pragma(hotWal ? 'integrity_check' : 'quick_check', { simple: true });
      if (result !== 'ok') throw corrupt(file, result);
    }
    refused = false;
    return version;
  } catch (error) {
    throw isDamage(error) ? corrupt(file, error) : error;
  } finally {
    db?.close();
    // The -shm holds only the wal-index this connection built; a -wal it made stays empty (a read-only
    // connection writes no frames): if one ever is not, it is kept.
    if (refused) {
      for (const made of created)
        if (made.endsWith('-shm') || sizeOf(made) === 0) fs.rmSync(made, { force: true });
    }
  }
}

export const FOREIGN_WAL = 'the write-ahead log beside the archive belongs to another archive';

/** Creates `file` empty and private if it does not exist; true when this call created it. */
function createIfAbsent(file: string): boolean {
  try {
    createPrivateFile(file, { exclusive: true });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Each archive gets a random id in its header's application_id, once. A -wal from another archive
 * shows its own id through the connection while the file keeps this one's.
 */
function ensureArchiveId(db: Db): void {
  if (db.pragma('application_id', { simple: true }) !== 0) return;
  db.pragma(`application_id = ${randomInt(1, 2 ** 31 - 1)}`);
}

/**
 * The application_id in the main file's own header (bytes 68–71), whatever a -wal says; in an
 * encrypted file the header is read by decrypting page 1 (see cipher.ts). 0 when the file is too
 * short to tell.
 */
export function archiveIdInFile(file: string, key: ArchiveKey | null): number {
  if (key) return decryptHeader(file, key)?.readInt32BE(68 - 16) ?? 0;
  const header = Buffer.alloc(72);
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.readSync(fd, header, 0, 72, 0) < 72) return 0;
  } finally {
    fs.closeSync(fd);
  }
  return header.readInt32BE(68);
}

/** A read-only connection to a plaintext archive, only ever to check it before it is encrypted. */
function openPlain(file: string): Db {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/**
 * Damage SQLite would not report, or would silently repair, found before it touches the files:
 *  - a zero-length archive: a new archive is created by this function, so an empty file was
 *    truncated, or its creation was cut off before SQLite wrote a byte. Either way the chair is told
 *    and the file is kept aside, rather than an empty archive silently taking its place;
 *  - a -wal whose header is not a WAL header: SQLite would ignore it and delete it on close, with
 *    whatever it held. A crash never leaves one (the header is written and synced before any frame).
 */
export function checkFilesBeforeOpen(file: string): void {
  const size = sizeOf(file);
  const walSize = sizeOf(`${file}-wal`);
  if (size === 0) {
    throw corrupt(
      file,
      listBackups(file).length > 0 || (walSize ?? 0) > 0
        ? 'the archive file is empty, but it has been backed up before: it was truncated'
        : EMPTY_ARCHIVE,
    );
  }
  if (walSize !== undefined && walSize > 0 && !hasWalHeader(`${file}-wal`)) {
    throw corrupt(file, 'the write-ahead log beside the archive does not start with a valid header');
  }
}

const WAL_MAGIC_LE = 0x377f0682;
const WAL_MAGIC_BE = 0x377f0683;
const WAL_FORMAT = 3007000;

/** Whether a -wal file starts with a well-formed WAL header (magic, format, page size, checksum). */
export function hasWalHeader(walFile: string): boolean {
  const header = Buffer.alloc(32);
  const fd = fs.openSync(walFile, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 32, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 32) return false;
  const magic = header.readUInt32BE(0);
  if (magic !== WAL_MAGIC_LE && magic !== WAL_MAGIC_BE) return false;
  const pageSize = header.readUInt32BE(8);
  const pageSizeOk = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
  if (header.readUInt32BE(4) !== WAL_FORMAT || !pageSizeOk) return false;
  const [s0, s1] = walChecksum(header.subarray(0, 24), magic === WAL_MAGIC_BE);
  return header.readUInt32BE(24) === s0 && header.readUInt32BE(28) === s1;
}

/** SQLite's WAL checksum over 32-bit words, in the byte order the magic number names. */
export function walChecksum(
  data: Buffer,
  bigEndian: boolean,
  seed: [number, number] = [0, 0],
): [number, number] {
  let [s0, s1] = seed;
  for (let i = 0; i < data.length; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

function sizeOf(file: string): number | undefined {
  try {
    return fs.statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** SQLite's own verdicts on a damaged file; anything else (locked, unreadable, full disk) is not damage. */
function isDamage(error: unknown): boolean {
  if (error instanceof AppError) return error.code === 'CORRUPT';
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

function corrupt(file: string, cause: unknown): AppError {
  if (cause instanceof AppError && cause.code === 'CORRUPT') return cause;
  return new AppError(
    'CORRUPT',
    `The archive at ${path.basename(file)} is damaged and cannot be opened safely. Restore it from a backup.`,
    // quick_check lists every bad page; the first lines say enough for a log.
    { cause: (cause instanceof Error ? cause.message : String(cause)).slice(0, 500) },
  );
}
