// The recovery key, offered once before the app opens. The chair first chooses: see it (then print
// it, save it or write it down, and keep it away from this laptop), or go on without one after a
// plain warning of what is lost if the passphrase is forgotten or the keychain loses the key. A key
// that has been shown opens the archive from then on, so it can no longer be declined.
import { useCallback, useEffect, useId, useState } from 'react';
import type { Protection, RecoveryKeyState } from '../../../shared/domain-vault';
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
  pdf: { idle: 'Save a PDF to print…', pending: 'Saving…' },
  html: { idle: 'Save as a file…', pending: 'Saving…' },
};

export function RecoveryKeyOffer({
  protection,
  state,
}: {
  protection: Protection;
  state: Extract<RecoveryKeyState, 'pending' | 'shown'>;
}) {
  const id = useId();
  const finishRecoveryKey = useVaultStore((s) => s.finishRecoveryKey);
  const { mutateAsync: revealKey } = useWrite('vault.recoveryKey');
  const { mutateAsync: saveSheet } = useWrite('export.save');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [declining, setDeclining] = useState(false);
  const [revealed, setRevealed] = useState(state === 'shown');
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
    if (revealed) void fetchKey();
  }, [fetchKey, revealed]);

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

  if (!revealed) {
    return (
      <VaultScreen title="Keep a recovery key" wide focusTitle>
        <p className="vault-lead">
          A recovery key opens this archive {lossCase(protection)}. Roundtable shows it to you once: print it
          or write it down, and keep it away from this laptop.
        </p>
        <FormError message={finishing.error} />
        {declining ? (
          <DeclineWarning
            id={id}
            protection={protection}
            pending={finishing.pending}
            onConfirm={() => void finish('declined')}
            onBack={() => setDeclining(false)}
          />
        ) : (
          <div className="form-actions vault-finish">
            <button type="button" className="button primary" autoFocus onClick={() => setRevealed(true)}>
              Show the recovery key
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
        This key opens the archive {lossCase(protection)}, from now on. Roundtable shows it only until you say
        it is kept.
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
            Saved {saved}. Print it or copy it off this laptop, then delete it here.
          </p>
        )}
      </div>
      <FormError message={saving.error} />
      <p className="vault-advice">
        Keep it away from this laptop: on paper with your important documents, or in a password manager that
        is not on this computer. Anyone with the key and a copy of the archive can read it.
      </p>
      <FormError message={finishing.error} />
      <div className="form-actions vault-finish">
        <button
          type="button"
          className="button primary"
          disabled={finishing.pending}
          onClick={() => void finish('saved')}
        >
          {finishing.pending ? 'Opening the archive…' : 'I have kept it'}
        </button>
      </div>
    </VaultScreen>
  );
}

function DeclineWarning({
  id,
  protection,
  pending,
  onConfirm,
  onBack,
}: {
  id: string;
  protection: Protection;
  pending: boolean;
  onConfirm: () => void;
  onBack: () => void;
}) {
  return (
    <div
      role="alertdialog"
      aria-labelledby={`${id}-warning`}
      className="confirm-box vault-warning"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !pending) onBack();
      }}
    >
      <p id={`${id}-warning`}>
        <strong>
          Without a recovery key, {lossCase(protection)}, everything in this archive is gone for good.
        </strong>{' '}
        Nobody can recover it, not even Roundtable.
      </p>
      <div className="form-actions">
        <button type="button" className="button danger" disabled={pending} onClick={onConfirm}>
          {pending ? 'Continuing…' : 'Continue without a recovery key'}
        </button>
        <button type="button" className="button" autoFocus disabled={pending} onClick={onBack}>
          Back
        </button>
      </div>
    </div>
  );
}
