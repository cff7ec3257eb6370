// A locked archive: the passphrase, or the recovery key when the passphrase is forgotten or the key
// could not be had (the keychain did not give it back, the key file is missing or damaged).
import { useId, useRef, useState, type SubmitEvent } from 'react';
import type { VaultStatus } from '../../../shared/domain-vault';
import { ApiError } from '../../api/client';
import { useVaultStore } from '../../stores/vault-store';
import { Field, hintId } from '../../ui/field';
import { FormError } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';
import { NewPassphraseFields, type NewPassphrase } from './new-passphrase-fields';
import { passphrasesDiffer, passphraseTooShort } from './new-passphrase';
import { formatRecoveryKey, recoveryKeyProblem } from './recovery-key';
import { VaultScreen } from './vault-screen';
import { keychainName, lockedExplanation } from './vault-words';

type Locked = Extract<VaultStatus, { state: 'locked' }>;

/** Focuses a field and selects what is in it, so the next try replaces it. */
function selectField(input: HTMLInputElement | HTMLTextAreaElement | null): void {
  input?.focus();
  input?.select();
}

export function VaultUnlock({ status }: { status: Locked }) {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>(
    status.why === 'passphrase' ? 'passphrase' : 'recovery',
  );

  if (status.why === 'passphrase') {
    return mode === 'passphrase' ? (
      <VaultScreen title="Unlock the archive">
        <p className="vault-lead">The archive on this computer is encrypted with your passphrase.</p>
        <PassphraseForm onForgot={status.recoveryKey === 'declined' ? null : () => setMode('recovery')} />
        {status.recoveryKey === 'declined' && (
          <p className="field-hint">
            No recovery key was kept when this archive was set up, so only its passphrase opens it.
          </p>
        )}
      </VaultScreen>
    ) : (
      <VaultScreen title="Unlock with your recovery key">
        <p className="vault-lead">
          The recovery key you kept when the archive was set up opens it without the passphrase.
        </p>
        {/* An archive the chair protects with a passphrase keeps that protection: the recovery
            key opens it, and a new passphrase replaces the forgotten one. */}
        <RecoveryForm needsNewPassphrase onBack={() => setMode('passphrase')} />
      </VaultScreen>
    );
  }

  const keychainMayAnswer = status.why === 'keychain-unavailable';
  return (
    <VaultScreen title="Roundtable needs your recovery key">
      <p className="vault-lead">{lockedExplanation(status.why, status.keychain)}</p>
      {keychainMayAnswer && <TryKeychainAgain keychain={status.keychain} />}
      {status.recoveryKey === 'declined' ? (
        <p>
          No recovery key was kept when this archive was set up, so nothing else can open it. Nothing in the
          archive has changed.
        </p>
      ) : (
        <>
          <p>
            {keychainMayAnswer ? 'Otherwise, the' : 'The'} recovery key you kept when the archive was set up
            opens it. Nothing in the archive has changed.
          </p>
          <RecoveryForm needsNewPassphrase={status.needsNewPassphrase} onBack={null} />
        </>
      )}
    </VaultScreen>
  );
}

function PassphraseForm({ onForgot }: { onForgot: (() => void) | null }) {
  const id = useId();
  const unlock = useVaultStore((s) => s.unlock);
  const [passphrase, setPassphrase] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const { pending, error, submit, clearError } = useSubmission();

  async function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    // The last try's sentence goes as the next one starts, so it never sits beside "Unlocking…".
    clearError();
    const done = await submit(async () => {
      await unlock({ passphrase });
    });
    if (!done) selectField(field.current);
  }

  return (
    <form aria-label="Unlock with the passphrase" onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Field id={`${id}-passphrase`} label="Passphrase">
        <input
          id={`${id}-passphrase`}
          ref={field}
          type="password"
          autoComplete="current-password"
          autoFocus
          value={passphrase}
          readOnly={pending}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setPassphrase(event.target.value);
            clearError();
          }}
        />
      </Field>
      <div id={`${id}-error`}>
        <FormError message={error} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? 'Unlocking…' : 'Unlock'}
        </button>
        {onForgot && (
          <button type="button" className="button link vault-switch" disabled={pending} onClick={onForgot}>
            Forgot it? Use your recovery key
          </button>
        )}
      </div>
    </form>
  );
}

function RecoveryForm({
  needsNewPassphrase,
  onBack,
}: {
  needsNewPassphrase: boolean;
  /** Back to the passphrase form, when there is one. */
  onBack: (() => void) | null;
}) {
  const id = useId();
  const unlock = useVaultStore((s) => s.unlock);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [next, setNext] = useState<NewPassphrase>({ passphrase: '', repeated: '' });
  const [attempted, setAttempted] = useState(false);
  const keyField = useRef<HTMLTextAreaElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const repeated = useRef<HTMLInputElement>(null);
  const { pending, error, submit, clearError } = useSubmission();
  const keyProblem = attempted ? recoveryKeyProblem(recoveryKey) : null;
  const tooShort = attempted && needsNewPassphrase ? passphraseTooShort(next.passphrase) : null;

  async function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    // One sentence at a time: the backend's last answer goes before the form's own checks speak.
    clearError();
    const unready = recoveryKeyProblem(recoveryKey)
      ? keyField
      : !needsNewPassphrase
        ? null
        : passphraseTooShort(next.passphrase)
          ? first
          : passphrasesDiffer(next.passphrase, next.repeated, true)
            ? repeated
            : null;
    if (unready) {
      unready.current?.focus();
      return;
    }
    const outcome: { wrongKey: boolean } = { wrongKey: false };
    await submit(async () => {
      const key = formatRecoveryKey(recoveryKey);
      try {
        await unlock(
          needsNewPassphrase ? { recoveryKey: key, newPassphrase: next.passphrase } : { recoveryKey: key },
        );
      } catch (failure) {
        outcome.wrongKey = failure instanceof ApiError && failure.code === 'WRONG_KEY';
        throw failure;
      }
    });
    // A key that does not open the archive is selected, to be typed again over it.
    if (outcome.wrongKey) selectField(keyField.current);
  }

  const describedBy = [keyProblem ? `${id}-key-problem` : null, hintId(`${id}-key`)]
    .filter(Boolean)
    .join(' ');
  return (
    <form aria-label="Unlock with the recovery key" onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Field
        id={`${id}-key`}
        label="Recovery key"
        hint="56 letters and digits in groups of four, as on the page you kept. Spaces, dashes and capitals do not matter."
      >
        {/* Two lines, as the key is printed. Enter starts the second line while the key is not
            whole yet, and submits once it is (a line break means nothing in a key). */}
        <textarea
          id={`${id}-key`}
          ref={keyField}
          rows={2}
          className="vault-key-input"
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          autoFocus
          value={recoveryKey}
          readOnly={pending}
          aria-invalid={keyProblem !== null || error !== null}
          aria-describedby={describedBy}
          onChange={(event) => {
            setRecoveryKey(event.target.value);
            setAttempted(false);
            clearError();
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
            if (recoveryKeyProblem(recoveryKey)) return;
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }}
        />
        {keyProblem && (
          <p id={`${id}-key-problem`} className="field-problem">
            {keyProblem}
          </p>
        )}
      </Field>
      {needsNewPassphrase && (
        <fieldset className="vault-new-passphrase">
          <legend>Choose a new passphrase</legend>
          <p className="field-hint">From now on Roundtable asks for this passphrase at each start.</p>
          <NewPassphraseFields
            id={`${id}-next`}
            value={next}
            onChange={setNext}
            attempted={attempted}
            problem={tooShort}
            busy={pending}
            labels={{ passphrase: 'New passphrase', repeated: 'New passphrase again' }}
            firstRef={first}
            repeatedRef={repeated}
          />
        </fieldset>
      )}
      <FormError message={error} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? 'Unlocking…' : 'Unlock with the recovery key'}
        </button>
        {onBack && (
          <button type="button" className="button link vault-switch" disabled={pending} onClick={onBack}>
            Back to the passphrase
          </button>
        )}
      </div>
    </form>
  );
}

/** The keychain may answer on a second try (a prompt that was turned down, a keyring still locked). */
function TryKeychainAgain({ keychain }: { keychain: string | null }) {
  const check = useVaultStore((s) => s.check);
  const { pending, error, submit } = useSubmission();
  const [stillLocked, setStillLocked] = useState(false);
  const name = keychainName(keychain);

  async function tryAgain() {
    setStillLocked(false);
    await submit(async () => {
      const status = await check();
      // Opened, the gate moves on; still locked, say so, or the button would seem to do nothing.
      setStillLocked(status.state === 'locked' && status.why === 'keychain-unavailable');
    });
  }

  return (
    <div className="vault-try-again">
      <p>
        If {name} asked for permission and it was turned down, or it is still locked, unlock it and try again.
      </p>
      <div className="form-actions">
        <button type="button" className="button" disabled={pending} onClick={() => void tryAgain()}>
          {pending ? 'Trying again…' : 'Try again'}
        </button>
        {stillLocked && (
          <p role="status" className="field-hint">
            Still no key from {name}.
          </p>
        )}
      </div>
      <FormError message={error} />
    </div>
  );
}
