// Opening the archive in the worker, and what happens when it is damaged: its files are moved aside
// together (never deleted) and the newest backup that passes quick_check is found, so main can offer
// to restore it or to start with an empty archive. Plain Node: tests drive it with damaged fixtures.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { latestGoodBackup, restoreBackup, verifyBackup } from '../store/backups';
import type { ArchiveKey } from '../store/cipher';
import { EMPTY_ARCHIVE, FOREIGN_WAL, openDatabase, type Db, type OpenOptions } from '../store/database';
import { MIGRATIONS } from '../store/migrations';
import { makePrivate, syncDir } from '../store/private-files';
import { damagedMessage, type DamagedArchive } from './damaged-archive';

/** `roundtable.db.corrupt-2025-11-22T07-23-01-123Z`: sortable, and free of characters Windows refuses. */
export function asideStamp(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/g, '-');
}

/**
 * Why the archive's files are set aside: it was damaged, a backup is about to replace it, or the
 * backup put in its place would not open.
 */
export type AsideReason = 'corrupt' | 'before-restore' | 'failed-restore';

/**
 * Moves the archive and its -wal and -shm to `<name>.<reason>-<stamp>` (with -wal and -shm suffixes,
 * so the three still belong together), makes them private and returns their new paths.
 */
export function moveAside(dbFile: string, now = Date.now(), reason: AsideReason = 'corrupt'): string[] {
  const dir = path.dirname(dbFile);
  let stem = `${dbFile}.${reason}-${asideStamp(now)}`;
  for (let n = 1; ['', '-wal', '-shm'].some((s) => fs.existsSync(stem + s)); n++) {
    stem = `${dbFile}.${reason}-${asideStamp(now)}-${n}`;
  }
  const moved: string[] = [];
  for (const suffix of ['', '-wal', '-shm']) {
    const from = dbFile + suffix;
    if (!fs.existsSync(from)) continue;
    const to = stem + suffix;
    fs.renameSync(from, to);
    makePrivate(to);
    moved.push(to);
  }
  syncDir(dir);
  return moved;
}

export interface OpenArchiveOptions extends OpenOptions {
  /** A backup chosen in the recovery dialog, put in place before opening. */
  restoreFrom?: string;
  now?: () => number;
}

/**
 * Opens the archive as the worker does. A damaged one is moved aside and refused with CORRUPT,
 * carrying a DamagedArchive in its details; every other refusal passes through unchanged. A backup
 * to restore is checked before anything moves: one that is damaged, or that a newer Roundtable took,
 * is refused with nothing changed. A restored copy that still will not open is kept aside as
 * failed-restore, and the next good backup is offered, so no start is ever left stuck on it.
 */
export async function openArchive(dbFile: string, options: OpenArchiveOptions): Promise<Db> {
  const { restoreFrom, now = Date.now, ...open } = options;
  const supported = (open.migrations ?? MIGRATIONS).length;
  if (restoreFrom !== undefined) putBackupInPlace(restoreFrom, dbFile, supported, open.key);
  try {
    return await openDatabase(dbFile, open);
  } catch (error) {
    const code = error instanceof AppError ? error.code : undefined;
    // A restored copy that fails to open for a reason of its own (not the disk's) is set aside.
    const restoredWontOpen =
      restoreFrom !== undefined && code !== 'IN_USE' && code !== 'READ_ONLY' && code !== 'WRONG_KEY';
    if (code !== 'CORRUPT' && !restoredWontOpen) throw error;
    const recorded =
      error instanceof AppError ? (error.details as { cause?: unknown } | undefined)?.cause : undefined;
    const cause =
      typeof recorded === 'string' ? recorded : error instanceof Error ? error.message : String(error);
    throw setAside(dbFile, {
      key: open.key,
      reason: restoreFrom !== undefined ? 'failed-restore' : 'corrupt',
      finding: findingOf(cause),
      now: now(),
      supported,
      except: restoreFrom !== undefined ? [restoreFrom] : [],
      cause,
    });
  }
}

function putBackupInPlace(backupFile: string, dbFile: string, supported: number, key: ArchiveKey): void {
  let schemaVersion: number;
  try {
    schemaVersion = verifyBackup(backupFile, key).schemaVersion;
  } catch (error) {
    throw new AppError(
      'CORRUPT',
      'That backup is damaged, so it was not restored. Nothing was changed or deleted.',
      { cause: error instanceof Error ? error.message : String(error) },
    );
  }
  if (schemaVersion > supported) {
    throw new AppError(
      'TOO_NEW',
      `That backup was taken by a newer version of Roundtable (schema ${schemaVersion}; this version reads up to ${supported}), so it was not restored. Nothing was changed or deleted.`,
      { version: schemaVersion, supported },
    );
  }
  try {
    restoreBackup(backupFile, dbFile, key);
  } catch (error) {
    throw new AppError(
      'CORRUPT',
      'That backup could not be restored: it could not be copied into place. Nothing was changed or deleted.',
      { cause: error instanceof Error ? error.message : String(error) },
    );
  }
}

/**
 * Keeps the archive's files aside whole and finds the backup that could replace them: the damaged
 * archive as a refusal main turns into the recovery dialog. Used at open and when damage is found
 * while the archive is open.
 */
export function setAside(
  dbFile: string,
  how: {
    key: ArchiveKey;
    reason: AsideReason;
    finding: string;
    now: number;
    supported?: number;
    except?: readonly string[];
    cause?: unknown;
  },
): AppError {
  const keptAs = moveAside(dbFile, how.now, how.reason);
  const backup = latestGoodBackup(dbFile, {
    key: how.key,
    supported: how.supported ?? MIGRATIONS.length,
    except: how.except ?? [],
  });
  const damaged: DamagedArchive = {
    keptIn: path.dirname(dbFile),
    keptAs,
    finding: how.finding,
    latestBackup: backup ? { file: backup.file, takenAt: backup.takenAt } : null,
  };
  return new AppError('CORRUPT', damagedMessage(damaged), { cause: how.cause, damaged });
}

/** What was found, in a sentence for the chair, from what the open path recorded. */
export function findingOf(cause: string): string {
  if (cause.includes(EMPTY_ARCHIVE))
    return 'The archive file was empty (0 bytes), so there was nothing in it to open.';
  if (cause.includes('truncated'))
    return 'The archive file was empty, but it had been backed up before: it was cut short.';
  if (cause.includes(FOREIGN_WAL))
    return 'The write-ahead log beside it (its -wal file) belongs to another archive; opening the two together would have mixed two archives.';
  if (cause.includes('write-ahead log'))
    return 'The write-ahead log beside it (its -wal file) is not one SQLite wrote.';
  return 'SQLite found damage in it.';
}
