// Faults of the disk and of the file under the archive, told apart and named: a full disk, a file or
// folder that cannot be written, an I/O error and damage each get their own code and a sentence the
// chair can act on, instead of one "something went wrong".
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

/** Marks a CORRUPT that SQLite found in the open archive (packs and backups have CORRUPTs of their own). */
export interface ArchiveFaultDetails {
  archiveFault: 'corrupt';
  cause: string;
}

export const DISK_FULL_MESSAGE =
  'The disk that holds the archive is full, so this was not saved. Everything saved before it is safe. Free some space on that disk, then try again.';
export const READ_ONLY_NOW_MESSAGE =
  'Roundtable can no longer write to its archive: the file or its folder has become read-only. Everything saved before is safe. Make it writable again, then restart Roundtable.';
export const IO_ERROR_MESSAGE =
  'The disk reported an error while Roundtable was reading or writing its archive, so this was not saved. Everything saved before is kept. Check the disk (or its cable or network), then restart Roundtable.';
export const DAMAGED_NOW_MESSAGE =
  'Roundtable found damage in its archive while it was open, so this was not saved. Nothing will be deleted.';

function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

function causeOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/** The named fault behind an error SQLite raised on the open archive, or undefined for any other error. */
export function storageFault(error: unknown): AppError | undefined {
  const code = sqliteCode(error);
  if (!code) return undefined;
  if (code === 'SQLITE_FULL') return new AppError('DISK_FULL', DISK_FULL_MESSAGE);
  if (code.startsWith('SQLITE_READONLY')) return new AppError('READ_ONLY', READ_ONLY_NOW_MESSAGE);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    const details: ArchiveFaultDetails = { archiveFault: 'corrupt', cause: causeOf(error) };
    return new AppError('CORRUPT', DAMAGED_NOW_MESSAGE, details);
  }
  // ENOSPC can surface as a failed write rather than SQLITE_FULL, depending on where it hits.
  if (code.startsWith('SQLITE_IOERR')) {
    return /no space|ENOSPC|disk is full/i.test(causeOf(error))
      ? new AppError('DISK_FULL', DISK_FULL_MESSAGE)
      : new AppError('IO_ERROR', IO_ERROR_MESSAGE, { cause: causeOf(error) });
  }
  return undefined;
}

export function isArchiveDamage(error: AppError): boolean {
  return (
    error.code === 'CORRUPT' &&
    (error.details as Partial<ArchiveFaultDetails> | undefined)?.archiveFault === 'corrupt'
  );
}

/**
 * Refuses an archive that cannot be written before anything opens it, naming the file and why: a
 * read-only file or folder would otherwise open fine and fail at the chair's first point.
 */
export function checkWritable(dbFile: string): void {
  const dir = path.dirname(dbFile);
  for (const target of [dir, dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (error) {
      const errno = (error as NodeJS.ErrnoException).code;
      if (errno === 'ENOENT') continue;
      const what = target === dir ? `the folder ${dir}` : target;
      const why =
        errno === 'EROFS'
          ? 'the disk it is on is mounted read-only'
          : 'its permissions do not let Roundtable write to it';
      throw new AppError(
        'READ_ONLY',
        `Roundtable cannot write to its archive: ${what} is read-only (${why}). Make it writable, or move the archive to a disk that is, then open Roundtable again. Nothing was changed.`,
        { file: target, errno },
      );
    }
  }
}
