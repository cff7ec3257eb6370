// One line on what protects the archive at rest, for the Archive tools page.
import { selectOpenVault, useVaultStore } from '../../stores/vault-store';
import { protectionSentence } from './vault-words';

export function VaultProtection() {
  const status = useVaultStore(selectOpenVault);
  if (!status) return null;
  return <p className="vault-protection">{protectionSentence(status.protection)}</p>;
}
