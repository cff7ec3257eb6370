// "Back up now", the list of backups, and "Restore…" after an explicit confirmation.
import { useId, useState } from 'react';
import type { BackupEntry } from '../../../shared/domain';
import { describeError } from '../../api/client';
import { useServer, useWrite } from '../../api/use-server-state';
import { backupCreated, backupRestored } from '../../api/writes';
import { formatDayAndTime } from '../../ui/dates';
import { FormError } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';
import { VaultProtection } from '../vault/vault-protection';

const KIND_LABELS: Record<BackupEntry['kind'], string> = {
  rolling: 'Backup',
  'before-migration': 'Before an update',
};

function describeSize(bytes: number): string {
  return bytes >= 1_048_576
    ? `${(bytes / 1_048_576).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function BackupPanel() {
  const id = useId();
  const list = useServer('backup.list', {});
  const backups = list.data ?? null;
  const loadError = list.error ? describeError(list.error) : null;
  const create = useWrite('backup.create', backupCreated);
  const restoreWrite = useWrite('backup.restore', backupRestored);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { pending, error, submit } = useSubmission();

  async function backUpNow() {
    setMessage(null);
    await submit(async () => {
      const entry = await create.mutateAsync({});
      setMessage(`Backed up at ${formatDayAndTime(entry.takenAt)}.`);
    });
  }

  async function restore(entry: BackupEntry) {
    setMessage(null);
    await submit(async () => {
      const result = await restoreWrite.mutateAsync({ name: entry.name, confirm: true });
      const [keptAs] = result.keptAside;
      setMessage(
        `The archive was restored to the backup of ${formatDayAndTime(result.restored.takenAt)}. ` +
          (keptAs
            ? `The archive it replaced was kept beside it as ${keptAs}.`
            : 'The archive it replaced was kept aside.'),
      );
    });
    // A restore re-reads everything on screen, this list too (see backupRestored).
    setRestoring(null);
  }

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel-title">
        Backups
      </h2>
      <VaultProtection />
      <FormError message={loadError ?? error} />
      {message && (
        <div role="status" className="form-status">
          <p>{message}</p>
          {message.startsWith('The archive was restored') && (
            <button type="button" className="button" onClick={() => window.location.reload()}>
              Show the restored archive
            </button>
          )}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="button primary" disabled={pending} onClick={() => void backUpNow()}>
          Back up now
        </button>
      </div>
      {backups && backups.length === 0 && <p className="page-note">No backups yet.</p>}
      {backups && backups.length > 0 && (
        <ul aria-label="Backups" className="backup-list">
          {backups.map((entry) => (
            <li key={entry.name}>
              <span>
                {KIND_LABELS[entry.kind]} of {formatDayAndTime(entry.takenAt)} ({describeSize(entry.bytes)})
              </span>{' '}
              <button
                type="button"
                className="button link"
                aria-label={`Restore the backup of ${formatDayAndTime(entry.takenAt)}`}
                onClick={() => setRestoring(entry)}
              >
                Restore…
              </button>
              {restoring?.name === entry.name && (
                <div role="alertdialog" aria-label="Restore this backup?" className="confirm-box">
                  <p>
                    The archive goes back to this backup; everything written since is set aside (not deleted).
                    Restore it?
                  </p>
                  <div className="form-actions">
                    <button
                      type="button"
                      className="button primary"
                      disabled={pending}
                      onClick={() => void restore(entry)}
                    >
                      Restore
                    </button>
                    <button type="button" className="button" onClick={() => setRestoring(null)}>
                      Cancel
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
