// Opening the archive in the worker, and what happens when it is damaged: its files are moved aside
// together (never deleted) and the newest backup that passes quick_check is found, so main can offer
// to restore it or to start with an empty archive. Plain Node: tests drive it with damaged fixtures.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { latestGoodBackup, restoreBackup } from '../store/backups';
import { openDatabase, type Db, type OpenOptions } from '../store/database';
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
 * carrying a DamagedArchive in its details; every other refusal passes through unchanged.
 */
export async function openArchive(dbFile: string, options: OpenArchiveOptions = {}): Promise<Db> {
  const { restoreFrom, now = Date.now, ...open } = options;
  if (restoreFrom !== undefined) {
    try {
      restoreBackup(restoreFrom, dbFile);
    } catch (error) {
      throw new AppError(
        'CORRUPT',
        'That backup could not be restored: it is damaged or could not be copied. Nothing was changed or deleted.',
        { cause: error instanceof Error ? error.message : String(error) },
      );
    }
  }
  try {
    return await openDatabase(dbFile, open);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'CORRUPT') throw error;
    const keptAs = moveAside(dbFile, now());
    const backup = latestGoodBackup(dbFile);
    const damaged: DamagedArchive = {
      keptIn: path.dirname(dbFile),
      keptAs,
      latestBackup: backup ? { file: backup.file, takenAt: backup.takenAt } : null,
    };
    const cause = (error.details as { cause?: unknown } | undefined)?.cause;
    throw new AppError('CORRUPT', damagedMessage(damaged), { cause, damaged });
  }
}
