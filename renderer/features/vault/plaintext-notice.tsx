// After an archive from an earlier version was encrypted: the notice under the header that an
// unencrypted copy is kept until the chair has checked everything is there, with the button that
// deletes it, and what became of the backups and of older files that stay unencrypted.
import { Fragment, useId, useState } from 'react';
import { selectOpenVault, useVaultStore, type OpenVault } from '../../stores/vault-store';
import { FormError } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';
import { backupSentences } from './vault-words';

/** Whether the open archive has anything to tell the chair about its encryption. */
export function hasEncryptionNews(status: OpenVault): boolean {
  return (
    status.plaintextCopy !== null ||
    status.plaintextAside.length > 0 ||
    status.converted?.archiveEncrypted === true ||
    backupSentences(status.converted).length > 0
  );
}

export function PlaintextNotice() {
  const status = useVaultStore(selectOpenVault);
  const dismissed = useVaultStore((s) => s.noticeDismissed);
  const [deleted, setDeleted] = useState<string | null>(null);
  if (!status || dismissed || (!hasEncryptionNews(status) && !deleted)) return null;
  return <Notice status={status} deleted={deleted} onDeleted={setDeleted} />;
}

function Notice({
  status,
  deleted,
  onDeleted,
}: {
  status: OpenVault;
  deleted: string | null;
  onDeleted: (fileName: string) => void;
}) {
  const id = useId();
  const discardPlaintext = useVaultStore((s) => s.discardPlaintext);
  const dismissNotice = useVaultStore((s) => s.dismissNotice);
  const [confirming, setConfirming] = useState(false);
  const { pending, error, submit } = useSubmission();
  const copy = status.plaintextCopy;
  const backups = backupSentences(status.converted);
  const aside = status.plaintextAside;

  async function discard() {
    if (!copy) return;
    const done = await submit(async () => {
      await discardPlaintext();
    });
    if (done) {
      setConfirming(false);
      onDeleted(copy);
    }
  }

  return (
    <section className="vault-notice" aria-labelledby={`${id}-title`}>
      <div className="vault-notice-body">
        <h2 id={`${id}-title`} className="vault-notice-title">
          The archive is now encrypted
        </h2>
        {(copy || backups.length > 0) && (
          <p>
            {copy && (
              <>
                An unencrypted copy from before, <span className="file-name">{copy}</span>, is kept in{' '}
                <span className="file-name">{status.folder}</span> until you have checked that everything is
                here.{' '}
              </>
            )}
            {backups.join(' ')}
          </p>
        )}
        {deleted && (
          <p role="status" className="form-status">
            The unencrypted copy {deleted} was deleted.
          </p>
        )}
        {aside.length > 0 && (
          <p>
            {aside.length === 1 ? 'A file' : 'Files'} an earlier version set aside in{' '}
            <span className="file-name">{status.folder}</span>{' '}
            {aside.length === 1
              ? 'is not encrypted; you may delete it: '
              : 'are not encrypted; you may delete them: '}
            {aside.map((name, i) => (
              <Fragment key={name}>
                {i > 0 && ', '}
                <span className="file-name">{name}</span>
              </Fragment>
            ))}
            .
          </p>
        )}
        <FormError message={error} />
        {copy && confirming && (
          <div role="alertdialog" aria-labelledby={`${id}-confirm`} className="confirm-box">
            <p id={`${id}-confirm`}>
              Delete <span className="file-name">{copy}</span>? Check first that your groups, meetings and
              situations are all here: the copy cannot be brought back.
            </p>
            <div className="form-actions">
              <button
                type="button"
                className="button danger"
                disabled={pending}
                onClick={() => void discard()}
              >
                {pending ? 'Deleting…' : 'Delete the unencrypted copy'}
              </button>
              <button
                type="button"
                className="button"
                autoFocus
                disabled={pending}
                onClick={() => setConfirming(false)}
              >
                Keep it for now
              </button>
            </div>
          </div>
        )}
        {copy && !confirming && (
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setConfirming(true)}>
              Delete the unencrypted copy…
            </button>
          </div>
        )}
      </div>
      <button
        type="button"
        className="button quiet vault-notice-dismiss"
        aria-label="Dismiss this notice until Roundtable restarts"
        onClick={dismissNotice}
      >
        Dismiss
      </button>
    </section>
  );
}
