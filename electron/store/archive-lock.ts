// One owner per archive: the worker holds an operating-system lock on `roundtable.db.lock` for as
// long as it has the archive open. The lock is SQLite's own file lock (fcntl on Unix, LockFileEx on
// Windows) on a tiny database kept in an open exclusive transaction, so the kernel drops it the
// moment the process ends, however it ends: a crash never leaves a stale lock behind. The file
// itself is never deleted, so two starts always lock the same inode.
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';
import { createPrivateFile, ensurePrivateDir } from './private-files';

export interface ArchiveLock {
  readonly file: string;
  release(): void;
}

export function lockFileOf(dbFile: string): string {
  return `${dbFile}.lock`;
}

export function archiveInUse(dbFile: string): AppError {
  return new AppError(
    'IN_USE',
    `This archive is already open in another copy of Roundtable (${dbFile}). Close that copy, or choose another archive, then open Roundtable again. Nothing was changed.`,
    { file: dbFile },
  );
}

/** Takes the archive's lock, or refuses with IN_USE when another process (or thread) holds it. */
export function lockArchive(dbFile: string): ArchiveLock {
  const file = lockFileOf(dbFile);
  ensurePrivateDir(path.dirname(file));
  createPrivateFile(file);
  // timeout 0: a second opener is told at once rather than left waiting behind the first.
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if (isBusy(error)) throw archiveInUse(dbFile);
    throw error;
  }
  let held = true;
  return {
    file,
    release() {
      if (!held) return;
      held = false;
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
