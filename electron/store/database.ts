// Opens roundtable.db: creates it private, refuses one from a newer app, sets every pragma, checks
// its integrity and brings its schema up to date, with a backup taken first.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for the running runtime (the Electron app passes its own). */
  nativeBinding?: string;
  /** Tests pass a prefix of the migrations to build older schemas. */
  migrations?: readonly Migration[];
  /** Run PRAGMA quick_check on open (default true). */
  quickCheck?: boolean;
}

export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Db> {
  const migrations = options.migrations ?? MIGRATIONS;
  createPrivateFile(file);
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // Read the version before anything writes: a database from a newer app must stay byte-for-byte as it was.
    const version = readUserVersion(db, file);
    if (version > migrations.length) {
      throw new AppError(
        'TOO_NEW',
        `This archive was saved by a newer version of Roundtable (schema ${version}; this version reads up to ${migrations.length}). Update Roundtable to open it. The file has not been changed.`,
        { version, supported: migrations.length },
      );
    }
    applyPragmas(db);
    if (options.quickCheck !== false) checkIntegrity(db, file);
    if (version < migrations.length) {
      if (version > 0) await backupBeforeMigration(db, file, version);
      migrate(db, migrations, version);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The pragmas every connection runs with; see DESIGN.md "Storage". */
export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // FULL: an acknowledged contribution survives power loss, not only a crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted content is overwritten, not left in free pages.
  db.pragma('secure_delete = ON');
}

export function migrate(db: Db, migrations: readonly Migration[], from: number): void {
  for (const migration of migrations.filter((m) => m.version > from)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

function createPrivateFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

function readUserVersion(db: Db, file: string): number {
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    throw corrupt(file, error);
  }
}

function checkIntegrity(db: Db, file: string): void {
  let result: unknown;
  try {
    result = db.pragma('quick_check', { simple: true });
  } catch (error) {
    throw corrupt(file, error);
  }
  if (result !== 'ok') throw corrupt(file, result);
}

function corrupt(file: string, cause: unknown): AppError {
  return new AppError(
    'CORRUPT',
    `The archive at ${path.basename(file)} is damaged and cannot be opened safely. Restore it from a backup.`,
    { cause: cause instanceof Error ? cause.message : String(cause) },
  );
}

async function backupBeforeMigration(db: Db, file: string, version: number): Promise<void> {
  const dir = path.join(path.dirname(file), 'backups');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, `${path.basename(file, '.db')}-schema${version}-${Date.now()}.db`);
  fs.closeSync(fs.openSync(target, 'wx', 0o600));
  await db.backup(target);
}
