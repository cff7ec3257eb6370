// First start on a computer without a keychain Roundtable can use: the chair chooses the passphrase
// that protects the archive (and, for an archive from an earlier version, encrypts it).
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useVaultStore } from '../../stores/vault-store';
import { FormError } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';
import { NewPassphraseFields, type NewPassphrase } from './new-passphrase-fields';
import { passphrasesDiffer, passphraseTooShort } from './new-passphrase';
import { VaultScreen } from './vault-screen';

export function VaultSetup({ reason }: { reason: 'new' | 'convert' }) {
  const id = useId();
  const create = useVaultStore((s) => s.create);
  const [value, setValue] = useState<NewPassphrase>({ passphrase: '', repeated: '' });
  const [attempted, setAttempted] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const repeated = useRef<HTMLInputElement>(null);
  const { pending, error, submit } = useSubmission();
  const tooShort = attempted ? passphraseTooShort(value.passphrase) : null;
  const converting = reason === 'convert';

  async function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    if (passphraseTooShort(value.passphrase)) {
      first.current?.focus();
      return;
    }
    if (passphrasesDiffer(value.passphrase, value.repeated, true)) {
      repeated.current?.focus();
      return;
    }
    await submit(async () => {
      await create(value.passphrase);
    });
  }

  return (
    <VaultScreen title={converting ? 'Roundtable now encrypts its archive' : 'Protect the archive'}>
      {converting ? (
        <p className="vault-lead">
          From this version on, Roundtable keeps its archive encrypted on this computer. Your existing archive
          will be encrypted now; nothing in it is lost.
        </p>
      ) : (
        <p className="vault-lead">
          Roundtable keeps your groups’ situations and advice on this computer, in an encrypted archive.
        </p>
      )}
      <p>
        This computer has no system keychain Roundtable can use to keep the archive’s key, so a passphrase you
        choose protects it instead. Roundtable asks for it each time it starts.
      </p>
      <form aria-label="Choose a passphrase" onSubmit={(event) => void handleSubmit(event)} noValidate>
        <NewPassphraseFields
          id={id}
          value={value}
          onChange={setValue}
          attempted={attempted}
          problem={tooShort}
          busy={pending}
          autoFocus
          firstRef={first}
          repeatedRef={repeated}
        />
        <FormError message={error} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={pending}>
            {pending
              ? converting
                ? 'Encrypting the archive…'
                : 'Protecting the archive…'
              : converting
                ? 'Encrypt the archive'
                : 'Protect the archive'}
          </button>
          {pending && converting && (
            <p role="status" className="field-hint">
              A large archive can take a minute. Keep Roundtable open.
            </p>
          )}
        </div>
      </form>
      <p className="vault-aside">
        Next, Roundtable offers you a recovery key: the one way into the archive if the passphrase is ever
        forgotten.
      </p>
    </VaultScreen>
  );
}
