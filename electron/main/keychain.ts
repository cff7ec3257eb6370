// The system's keychain as the vault uses it: Electron's safeStorage (the macOS Keychain, Windows'
// DPAPI, libsecret or KWallet on Linux). Where safeStorage would only obscure the key with a fixed
// password (Linux's basic_text store, when no keyring runs), there is no keychain: a passphrase
// protects the archive instead.
import type { Keychain } from '../backend/key-file';

/** The part of Electron's safeStorage the vault needs: its asynchronous API. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  getSelectedStorageBackend(): string;
}

const LINUX_STORES: Record<string, string> = {
  gnome_libsecret: 'the system keyring (Secret Service)',
  kwallet: 'KWallet',
  kwallet5: 'KWallet',
  kwallet6: 'KWallet',
};

/** The keychain on this computer, or null when there is none that keeps secrets for real. Call after 'ready'. */
export async function systemKeychain(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): Promise<Keychain | null> {
  let available: boolean;
  try {
    available = await safeStorage.isAsyncEncryptionAvailable();
  } catch {
    available = false;
  }
  if (!available) return null;
  let name: string | undefined;
  if (platform === 'darwin') name = 'the macOS Keychain';
  else if (platform === 'win32') name = 'Windows’ protected storage for your account';
  else name = LINUX_STORES[safeStorage.getSelectedStorageBackend()];
  if (!name) return null;
  return {
    name,
    seal: (plain) => safeStorage.encryptStringAsync(plain),
    open: async (sealed) => {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(sealed);
      return { plain: result, stale: shouldReEncrypt };
    },
  };
}
