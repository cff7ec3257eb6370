// The recovery key, offered once before the app opens: printed, saved as a file, or written down,
// then kept away from this laptop. Going on without one is allowed after a plain warning of what is
// lost if the passphrase is forgotten or the keychain loses the key.
import { useCallback, useEffect, useId, useState } from 'react';
import type { Protection } from '../../../shared/domain-vault';
import { useWrite } from '../../api/use-server-state';
import { useVaultStore } from '../../stores/vault-store';
import { FormError, Loading } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';
import { recoveryKeyLines } from './recovery-key';
import { recoveryKeySheet, SHEET_FILE_NAME } from './recovery-key-sheet';
import { VaultScreen } from './vault-screen';
import { lossCase } from './vault-words';

type SheetFormat = 'pdf' | 'html';

const SAVE_LABELS: Record<SheetFormat, { idle: string; pending: string }> = {
  pdf: { idle: 'Print…', pending: 'Printing…' },
  html: { idle: 'Save as a file…', pending: 'Saving…' },
};

export function RecoveryKeyOffer({ protection }: { protection: Protection }) {
  const id = useId();
  const finishRecoveryKey = useVaultStore((s) => s.finishRecoveryKey);
  const { mutateAsync: revealKey } = useWrite('vault.recoveryKey');
  const { mutateAsync: saveSheet } = useWrite('export.save');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [declining, setDeclining] = useState(false);
  const [savingAs, setSavingAs] = useState<SheetFormat | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const loading = useSubmission();
  const saving = useSubmission();
  const finishing = useSubmission();
  const { submit: load } = loading;

  const fetchKey = useCallback(
    () =>
      load(async () => {
        setRecoveryKey((await revealKey({})).recoveryKey);
      }),
    [load, revealKey],
  );

  useEffect(() => {
    void fetchKey();
  }, [fetchKey]);

  async function save(format: SheetFormat) {
    if (!recoveryKey) return;
    setSaved(null);
    setSavingAs(format);
    await saving.submit(async () => {
      const answer = await saveSheet({
        fileName: SHEET_FILE_NAME,
        format,
        content: recoveryKeySheet(recoveryKey, protection, Date.now()),
      });
      // A cancelled dialog saves nothing and says nothing.
      setSaved(answer.saved ? answer.fileName : null);
    });
    setSavingAs(null);
  }

  async function finish(choice: 'saved' | 'declined') {
    await finishing.submit(async () => {
      await finishRecoveryKey(choice);
    });
  }

  if (!recoveryKey) {
    return (
      <VaultScreen title="Keep a recovery key" wide>
        {loading.error ? (
          <>
            <FormError message={loading.error} />
            <button
              type="button"
              className="button"
              disabled={loading.pending}
              onClick={() => void fetchKey()}
            >
              Try again
            </button>
          </>
        ) : (
          <Loading label="Making the recovery key…" />
        )}
      </VaultScreen>
    );
  }

  return (
    <VaultScreen title="Keep a recovery key" wide focusTitle>
      <p className="vault-lead">
        This key opens the archive {lossCase(protection)}. Roundtable shows it only now.
      </p>
      <p className="recovery-key" aria-label="Recovery key" role="group" id={`${id}-key`}>
        {recoveryKeyLines(recoveryKey).map((line, i) => (
          <span key={i} className="recovery-key-line">
            {line}
          </span>
        ))}
      </p>
      <div className="form-actions">
        {(['pdf', 'html'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            disabled={saving.pending || finishing.pending}
            onClick={() => void save(format)}
          >
            {savingAs === format ? SAVE_LABELS[format].pending : SAVE_LABELS[format].idle}
          </button>
        ))}
        {saved && (
          <p role="status" className="form-status">
            Saved {saved}.
          </p>
        )}
      </div>
      <FormError message={saving.error} />
      <p className="vault-advice">
        Keep it away from this laptop: on paper with your important documents, or in a password manager that
        is not on this computer. Anyone with the key and a copy of the archive can read it.
      </p>
      <FormError message={finishing.error} />
      {declining ? (
        <div role="alertdialog" aria-labelledby={`${id}-warning`} className="confirm-box vault-warning">
          <p id={`${id}-warning`}>
            <strong>
              Without a recovery key, {lossCase(protection)}, everything in this archive is gone for good.
            </strong>{' '}
            Nobody can recover it, not even Roundtable.
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button danger"
              disabled={finishing.pending}
              onClick={() => void finish('declined')}
            >
              {finishing.pending ? 'Continuing…' : 'Continue without a recovery key'}
            </button>
            <button
              type="button"
              className="button"
              autoFocus
              disabled={finishing.pending}
              onClick={() => setDeclining(false)}
            >
              Back to the recovery key
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions vault-finish">
          <button
            type="button"
            className="button primary"
            disabled={finishing.pending}
            onClick={() => void finish('saved')}
          >
            {finishing.pending ? 'Opening the archive…' : 'I have kept it'}
          </button>
          <button
            type="button"
            className="button quiet"
            disabled={finishing.pending}
            onClick={() => setDeclining(true)}
          >
            Continue without a recovery key
          </button>
        </div>
      )}
    </VaultScreen>
  );
}
