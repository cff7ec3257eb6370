// What the vault screens check and say before anything reaches the host: the recovery key's shape,
// a new passphrase's rules, the sentences about protection, and the recovery key's printed page.
import { describe, expect, it } from 'vitest';
import { vaultChannels } from '../../../shared/contract-vault';
import { MIN_ARCHIVE_PASSPHRASE } from '../../../shared/domain-vault';
import { passphrasesDiffer, passphraseTooShort } from '../../../renderer/features/vault/new-passphrase';
import {
  formatRecoveryKey,
  recoveryKeyCharacters,
  recoveryKeyLines,
  recoveryKeyProblem,
} from '../../../renderer/features/vault/recovery-key';
import { recoveryKeySheet } from '../../../renderer/features/vault/recovery-key-sheet';
import {
  backupSentences,
  lockedExplanation,
  lossCase,
  protectionSentence,
} from '../../../renderer/features/vault/vault-words';

const newPassphraseSchema = vaultChannels['vault.create'].input;
const KEY = 'K7QM3XWA9PLDR2TEHV6NBC4YUJ8FZS5GMQ1RXD7WPE3KLA9VTN2HGY6B';

describe('the recovery key as typed', () => {
  it('ignores spaces, dashes, line breaks and case', () => {
    const typed = ' k7qm-3xwa 9pld\nr2te--hv6n bc4y uj8f zs5g mq1r xd7w pe3k la9v tn2h gy6b ';
    expect(recoveryKeyCharacters(typed)).toBe(KEY);
    expect(recoveryKeyProblem(typed)).toBeNull();
  });

  it('is printed in groups of four, seven to a line', () => {
    expect(formatRecoveryKey(KEY)).toBe(
      'K7QM-3XWA-9PLD-R2TE-HV6N-BC4Y-UJ8F-ZS5G-MQ1R-XD7W-PE3K-LA9V-TN2H-GY6B',
    );
    expect(recoveryKeyLines(KEY)).toEqual([
      'K7QM-3XWA-9PLD-R2TE-HV6N-BC4Y-UJ8F',
      'ZS5G-MQ1R-XD7W-PE3K-LA9V-TN2H-GY6B',
    ]);
  });

  it('says what is wrong with what cannot be a key', () => {
    expect(recoveryKeyProblem('  - ')).toBe('Type the recovery key.');
    expect(recoveryKeyProblem('K7QM-3XWA')).toMatch(/is 56 letters and digits; this has 8\./);
    expect(recoveryKeyProblem(`${KEY}A`)).toMatch(/this has 57\./);
    expect(recoveryKeyProblem(KEY.replace('K', 'É'))).toMatch(/only letters and digits/);
  });

  it('always formats into what the contract accepts', () => {
    expect(formatRecoveryKey('ab cd\tef')).toMatch(/^[A-Za-z0-9\s-]+$/);
  });
});

describe('a new passphrase', () => {
  it(`needs ${MIN_ARCHIVE_PASSPHRASE} characters, counted as the host counts them`, () => {
    expect(passphraseTooShort('a'.repeat(MIN_ARCHIVE_PASSPHRASE - 1))).toMatch(/at least 10 characters/);
    expect(passphraseTooShort('a'.repeat(MIN_ARCHIVE_PASSPHRASE))).toBeNull();
    for (const candidate of [
      'short',
      'a'.repeat(MIN_ARCHIVE_PASSPHRASE),
      '🔑'.repeat(5),
      '🔑'.repeat(MIN_ARCHIVE_PASSPHRASE),
      ' '.repeat(MIN_ARCHIVE_PASSPHRASE + 2),
      'ça va bien',
    ]) {
      const hostAccepts = newPassphraseSchema.safeParse({ passphrase: candidate }).success;
      expect(passphraseTooShort(candidate) === null, candidate).toBe(hostAccepts);
    }
  });

  it('calls the second one different only once it diverges, or when the chair submits', () => {
    expect(passphrasesDiffer('river stone lamp', 'river', false)).toBe(false);
    expect(passphrasesDiffer('river stone lamp', 'rivet', false)).toBe(true);
    expect(passphrasesDiffer('river stone lamp', 'river', true)).toBe(true);
    expect(passphrasesDiffer('river stone lamp', '', false)).toBe(false);
    expect(passphrasesDiffer('river stone lamp', '', true)).toBe(true);
    expect(passphrasesDiffer('river stone lamp', 'river stone lamp', true)).toBe(false);
  });
});

describe('what the screens say', () => {
  const keychain = { kind: 'keychain', store: 'GNOME Keyring' } as const;
  const passphrase = { kind: 'passphrase' } as const;

  it('names what protects the archive', () => {
    expect(protectionSentence(keychain)).toBe('Encrypted at rest. Its key is kept in GNOME Keyring.');
    expect(protectionSentence(passphrase)).toBe(
      'Encrypted at rest with your passphrase; Roundtable asks for it at each start.',
    );
  });

  it('says which loss a recovery key is for', () => {
    expect(lossCase(passphrase)).toBe('if you forget your passphrase');
    expect(lossCase(keychain)).toMatch(/^if GNOME Keyring loses the archive’s key/);
  });

  it('explains why the archive did not open by itself', () => {
    expect(lockedExplanation('keychain-unavailable', 'macOS Keychain')).toMatch(
      /^Roundtable could not get this archive’s key from macOS Keychain\. This happens after reinstalling/,
    );
    expect(lockedExplanation('keychain-unavailable', null)).toMatch(/from this computer’s keychain\./);
    expect(lockedExplanation('key-file-missing', null)).toMatch(/is missing/);
    expect(lockedExplanation('key-file-damaged', null)).toMatch(/is damaged/);
  });

  it('counts the backups an encryption touched, and says nothing of none', () => {
    expect(backupSentences(null)).toEqual([]);
    expect(backupSentences({ archiveEncrypted: true, backupsEncrypted: 0, backupsRemoved: 0 })).toEqual([]);
    expect(backupSentences({ archiveEncrypted: true, backupsEncrypted: 1, backupsRemoved: 2 })).toEqual([
      '1 backup was encrypted too.',
      '2 damaged backups could not be encrypted and were removed.',
    ]);
    expect(backupSentences({ archiveEncrypted: true, backupsEncrypted: 3, backupsRemoved: 1 })).toEqual([
      '3 backups were encrypted too.',
      '1 damaged backup could not be encrypted and was removed.',
    ]);
  });
});

describe('the recovery key’s page', () => {
  const madeAt = new Date(2026, 11, 4, 12).getTime();

  it('holds the key, the day, the protection and what the key is for, and no script', () => {
    const page = recoveryKeySheet(KEY, { kind: 'passphrase' }, madeAt);
    expect(page).toContain('<span>K7QM-3XWA-9PLD-R2TE-HV6N-BC4Y-UJ8F</span>');
    expect(page).toContain('<dt>Made on</dt><dd>4 Dec 2026</dd>');
    expect(page).toContain('Encrypted with a passphrase the chair chose');
    expect(page).toContain('if you forget your passphrase');
    expect(page).toContain('Content-Security-Policy');
    expect(page).not.toMatch(/<script/i);
  });

  it('escapes the keychain’s name', () => {
    const page = recoveryKeySheet(KEY, { kind: 'keychain', store: '<b>Keys & "more"</b>' }, madeAt);
    expect(page).toContain('&lt;b&gt;Keys &amp; &quot;more&quot;&lt;/b&gt;');
    expect(page).not.toContain('<b>Keys');
  });
});
