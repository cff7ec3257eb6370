// Nothing of the app renders, and so nothing calls the archive, until the host says the archive is
// open: before that the gate shows setup, unlock or the recovery key offer full-window. The projector
// window never shows a passphrase or a key. See docs/architecture.md "Encryption at rest".
import { useCallback, useEffect, type ReactNode } from 'react';
import { useRoute } from '../../routing/hash-route';
import { useVaultStore } from '../../stores/vault-store';
import { FormError, Loading } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';
import { RecoveryKeyOffer } from './recovery-key-offer';
import { VaultScreen } from './vault-screen';
import { VaultSetup } from './vault-setup';
import { VaultUnlock } from './vault-unlock';

export function VaultGate({ children }: { children: ReactNode }) {
  const status = useVaultStore((s) => s.status);
  const check = useVaultStore((s) => s.check);
  const projector = useRoute().page === 'present';
  const { pending, error, submit } = useSubmission();

  const recheck = useCallback(
    () =>
      submit(async () => {
        await check();
      }),
    [check, submit],
  );

  useEffect(() => {
    void recheck();
  }, [recheck]);

  if (!status) {
    if (!error) {
      return (
        <div className="vault-screen vault-starting">
          <Loading label="Opening the archive…" />
        </div>
      );
    }
    return (
      <VaultScreen title="Roundtable cannot open its archive">
        <FormError message={error} />
        <button type="button" className="button primary" disabled={pending} onClick={() => void recheck()}>
          {pending ? 'Trying again…' : 'Try again'}
        </button>
      </VaultScreen>
    );
  }

  if (status.state === 'open') {
    const offer = status.recoveryKey;
    if ((offer === 'pending' || offer === 'shown') && !projector) {
      return <RecoveryKeyOffer protection={status.protection} state={offer} />;
    }
    return children;
  }

  if (projector) {
    return (
      <VaultScreen title="The archive is locked">
        <p className="vault-lead">Unlock Roundtable in its main window; the meeting then shows here.</p>
        <button type="button" className="button" disabled={pending} onClick={() => void recheck()}>
          {pending ? 'Checking…' : 'Check again'}
        </button>
      </VaultScreen>
    );
  }

  if (status.state === 'setup') return <VaultSetup key={status.reason} reason={status.reason} />;
  return <VaultUnlock key={status.why} status={status} />;
}
