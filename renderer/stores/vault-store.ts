// Whether the archive is open, locked or not set up yet, as the host last said: the vault gate shows
// its screens from this until the archive is open, and the app reads what protects it. Every vault
// call answers with the new status, which replaces the old one. See docs/architecture.md
// "Encryption at rest".
import { create } from 'zustand';
import type { Input } from '../../shared/contract';
import type { VaultStatus } from '../../shared/domain-vault';
import { invoke } from '../api/client';

export type OpenVault = Extract<VaultStatus, { state: 'open' }>;

interface VaultState {
  /** Null until the host has answered the first time. */
  status: VaultStatus | null;
  /** The notice about the unencrypted copy, put away for the rest of this session. */
  noticeDismissed: boolean;
  /** Asks the host again (at start, and "Try again" when the keychain did not answer). */
  check: () => Promise<VaultStatus>;
  create: (passphrase: string) => Promise<VaultStatus>;
  unlock: (input: Input<'vault.unlock'>) => Promise<VaultStatus>;
  finishRecoveryKey: (choice: 'saved' | 'declined') => Promise<VaultStatus>;
  discardPlaintext: () => Promise<VaultStatus>;
  dismissNotice: () => void;
}

export const useVaultStore = create<VaultState>()((set) => {
  function settle(status: VaultStatus): VaultStatus {
    set({ status });
    return status;
  }

  return {
    status: null,
    noticeDismissed: false,
    check: async () => settle(await invoke('vault.status', {})),
    create: async (passphrase) => settle(await invoke('vault.create', { passphrase })),
    unlock: async (input) => settle(await invoke('vault.unlock', input)),
    finishRecoveryKey: async (choice) => settle(await invoke('vault.recoveryKeyDone', { choice })),
    discardPlaintext: async () => settle(await invoke('vault.discardPlaintext', {})),
    dismissNotice: () => set({ noticeDismissed: true }),
  };
});

export function selectOpenVault(state: { status: VaultStatus | null }): OpenVault | null {
  return state.status?.state === 'open' ? state.status : null;
}
