// What protects the archive at rest, as the renderer sees it: whether it is open, locked or new,
// what holds its key (the system's keychain or the chair's passphrase), and the one-time offer of a
// recovery key. See docs/architecture.md "Encryption at rest".

/** What keeps the archive's key: the operating system's keychain, or a passphrase only the chair knows. */
export type Protection = { kind: 'keychain'; store: string } | { kind: 'passphrase' };

/**
 * The recovery key's offer: pending until the chair either declines it unseen, or has it shown
 * (shown), and then says it is kept (saved). A key that was shown can no longer be declined: it
 * opens the archive, whoever saw it.
 */
export type RecoveryKeyState = 'pending' | 'shown' | 'saved' | 'declined';

export interface ConversionSummary {
  /** Whether this start encrypted the archive an earlier version left in plaintext. */
  archiveEncrypted: boolean;
  /** Plaintext backups now encrypted, and damaged ones that could not be and were removed. */
  backupsEncrypted: number;
  backupsRemoved: number;
}

export type VaultStatus =
  /** No archive key yet and no keychain to keep one: the chair chooses a passphrase. */
  | { state: 'setup'; reason: 'new' | 'convert' }
  | {
      state: 'locked';
      /**
       * passphrase: the chair types it (or the recovery key);
       * keychain-unavailable: the keychain did not give the key back (a reinstalled system, a
       * denied prompt): the recovery key, or try again;
       * key-file-missing / key-file-damaged: the file that holds the wrapped key is gone or
       * unreadable: only the recovery key opens the archive.
       */
      why: 'passphrase' | 'keychain-unavailable' | 'key-file-missing' | 'key-file-damaged';
      /** Unlocking with the recovery key needs a new passphrase too (no keychain will keep the key). */
      needsNewPassphrase: boolean;
      /** The keychain's name, when one is meant to hold the key. */
      keychain: string | null;
      /** Whether a recovery key exists for this archive; null when the key file cannot tell. */
      recoveryKey: RecoveryKeyState | null;
    }
  | {
      state: 'open';
      protection: Protection;
      recoveryKey: RecoveryKeyState;
      /** What encrypting a plaintext archive from an earlier version did at this start. */
      converted: ConversionSummary | null;
      /** The plaintext archive kept from before encryption, until the chair confirms: its file name. */
      plaintextCopy: string | null;
      /** Files an earlier version kept aside (damaged copies) that are not encrypted: file names. */
      plaintextAside: string[];
      /** The folder those files are in, to tell the chair where to look. */
      folder: string;
    };

/** The shortest passphrase the archive accepts. */
export const MIN_ARCHIVE_PASSPHRASE = 10;

/** A passphrase's length as the chair sees it: in characters (an emoji is one), not UTF-16 units. */
export function passphraseLength(passphrase: string): number {
  return Array.from(passphrase).length;
}
