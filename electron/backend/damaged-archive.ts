// What a CORRUPT refusal from the worker tells main about a damaged archive: where its files were
// kept and which backup could replace it. No SQLite here, so main can import it.
import path from 'node:path';
import { AppError } from '../../shared/errors';

export interface DamagedArchive {
  /** The folder the damaged files were kept in (the archive's own). */
  keptIn: string;
  /** Their new names: the archive, and its -wal and -shm where there were any. */
  keptAs: string[];
  /** What was found, in a sentence for the chair (an empty file, another archive's log, damage). */
  finding: string;
  /** The newest backup that passed quick_check, or null when there is none. */
  latestBackup: { file: string; takenAt: number } | null;
}

export type RecoveryChoice = 'restore' | 'fresh' | 'quit';

export function damagedMessage(damaged: DamagedArchive): string {
  const names = damaged.keptAs.map((f) => path.basename(f)).join(', ');
  return `Roundtable's archive is damaged and could not be opened safely. ${damaged.finding} Nothing was deleted: the damaged files were kept in ${damaged.keptIn} (${names}).`;
}

export function isDamagedArchive(value: unknown): value is DamagedArchive {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const backup = v.latestBackup;
  const backupOk =
    backup === null ||
    (typeof backup === 'object' &&
      typeof (backup as Record<string, unknown>).file === 'string' &&
      typeof (backup as Record<string, unknown>).takenAt === 'number');
  return (
    typeof v.keptIn === 'string' &&
    typeof v.finding === 'string' &&
    Array.isArray(v.keptAs) &&
    v.keptAs.every((f) => typeof f === 'string') &&
    backupOk
  );
}

/** The damaged-archive details of an error from startBackend, if it carries them. */
export function damagedArchiveOf(error: unknown): DamagedArchive | undefined {
  if (!(error instanceof AppError) || error.code !== 'CORRUPT') return undefined;
  const damaged = (error.details as { damaged?: unknown } | undefined)?.damaged;
  return isDamagedArchive(damaged) ? damaged : undefined;
}
