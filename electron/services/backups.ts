// "Back up now", the list of backups and "Restore…". A restore needs the archive closed, so the
// backend's host does it (ServiceContext.restoreArchive): the worker answers, closes the database,
// moves it aside (never deleting it), puts the verified backup in place and reopens.
import path from 'node:path';
import { statSync } from 'node:fs';
import type { BackupEntry } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { Handlers } from '../ipc/router';
import { listBackups, takeBackup, verifyBackup, type Backup } from '../store/backups';
import { SCHEMA_VERSION } from '../store/migrations';
import type { ServiceContext } from './context';

export function backupEntry(backup: Backup): BackupEntry {
  return {
    name: path.basename(backup.file),
    kind: backup.kind,
    takenAt: backup.takenAt,
    bytes: statSync(backup.file, { throwIfNoEntry: false })?.size ?? 0,
  };
}

function requireArchiveFile(context: ServiceContext): string {
  if (!context.archiveFile) {
    throw new AppError('CONFLICT', 'Backups are not available for this archive (it has no file of its own).');
  }
  return context.archiveFile;
}

export function backupHandlers(
  context: ServiceContext,
): Pick<Handlers, 'backup.create' | 'backup.list' | 'backup.restore'> {
  return {
    'backup.create': async () => {
      const file = requireArchiveFile(context);
      return backupEntry(await takeBackup(context.store.db, file));
    },

    'backup.list': () => {
      const file = context.archiveFile;
      return file ? listBackups(file).map(backupEntry) : [];
    },

    'backup.restore': async ({ name }) => {
      const file = requireArchiveFile(context);
      const backup = listBackups(file).find((b) => path.basename(b.file) === name);
      if (!backup)
        throw new AppError('NOT_FOUND', 'That backup is no longer there. Choose another from the list.');
      const key = context.archiveKey;
      if (!key) throw new AppError('CONFLICT', 'Restoring needs Roundtable’s window. Nothing was changed.');
      let schemaVersion: number;
      try {
        schemaVersion = verifyBackup(backup.file, key).schemaVersion;
      } catch {
        throw new AppError('CORRUPT', 'That backup is damaged, so it was not restored. Nothing was changed.');
      }
      if (schemaVersion > SCHEMA_VERSION) {
        throw new AppError(
          'TOO_NEW',
          'That backup was taken by a newer version of Roundtable, so this version cannot open it. Nothing was changed.',
        );
      }
      if (!context.restoreArchive) {
        throw new AppError('CONFLICT', 'Restoring needs Roundtable’s window. Nothing was changed.');
      }
      const keptAside = await context.restoreArchive(backup.file);
      return { restored: backupEntry(backup), keptAside: keptAside.map((f) => path.basename(f)) };
    },
  };
}
