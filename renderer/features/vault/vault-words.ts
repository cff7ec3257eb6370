// What the vault screens say about the archive's protection, in the chair's words. The host names
// the keychain ("macOS Keychain", "Windows Credential Manager", "GNOME Keyring"); see
// docs/architecture.md "Encryption at rest".
import type { ConversionSummary, Protection, VaultStatus } from '../../../shared/domain-vault';

type LockReason = Extract<VaultStatus, { state: 'locked' }>['why'];

export function keychainName(keychain: string | null): string {
  return keychain ?? 'this computer’s keychain';
}

/** The line on the Archive tools page. */
export function protectionSentence(protection: Protection): string {
  return protection.kind === 'keychain'
    ? `Encrypted at rest. Its key is kept in ${protection.store}.`
    : 'Encrypted at rest with your passphrase; Roundtable asks for it at each start.';
}

/** What losing the way in would be, for this protection: the case a recovery key is for. */
export function lossCase(protection: Protection): string {
  return protection.kind === 'keychain'
    ? `if ${protection.store} loses the archive’s key (after reinstalling the system, or on a new computer)`
    : 'if you forget your passphrase';
}

/** Why the archive did not open by itself, for the reasons only the recovery key answers. */
export function lockedExplanation(why: Exclude<LockReason, 'passphrase'>, keychain: string | null): string {
  switch (why) {
    case 'keychain-unavailable':
      return (
        `Roundtable could not get this archive’s key from ${keychainName(keychain)}. ` +
        'This happens after reinstalling the system or moving to a new computer.'
      );
    case 'key-file-missing':
      return (
        'This archive’s key file, roundtable.key, is missing from its folder, so Roundtable cannot open ' +
        'the archive by itself. If a backup of this computer has it, put it back beside the archive.'
      );
    case 'key-file-damaged':
      return (
        'This archive’s key file, roundtable.key, is damaged, so Roundtable cannot open the archive by ' +
        'itself. If a backup of this computer has it, put it back beside the archive.'
      );
  }
}

function count(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/** What encrypting an older archive did to its backups, as sentences; none when it touched none. */
export function backupSentences(converted: ConversionSummary | null): string[] {
  if (!converted) return [];
  const sentences: string[] = [];
  if (converted.backupsEncrypted > 0) {
    sentences.push(`${count(converted.backupsEncrypted, 'backup was', 'backups were')} encrypted too.`);
  }
  if (converted.backupsRemoved > 0) {
    sentences.push(
      `${count(converted.backupsRemoved, 'damaged backup', 'damaged backups')} could not be encrypted and ` +
        `${converted.backupsRemoved === 1 ? 'was' : 'were'} removed.`,
    );
  }
  return sentences;
}
