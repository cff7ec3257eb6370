// The rules a new archive passphrase is checked against before it is sent; the host checks them again.
import { MIN_ARCHIVE_PASSPHRASE, passphraseLength } from '../../../shared/domain-vault';

export const PASSPHRASE_HINT = `At least ${MIN_ARCHIVE_PASSPHRASE} characters. A few unrelated words are easy to remember and hard to guess.`;

/** Counted as the host counts it, so the two never disagree about a passphrase. */
export function passphraseTooShort(passphrase: string): string | null {
  if (passphraseLength(passphrase) < MIN_ARCHIVE_PASSPHRASE)
    return `Choose a passphrase of at least ${MIN_ARCHIVE_PASSPHRASE} characters.`;
  if (passphrase.trim().length === 0) return 'A passphrase of spaces alone is too easy to guess.';
  return null;
}

/**
 * Whether the second passphrase already differs from the first. While it is still a beginning of the
 * first, the chair may be typing it: only a finished or diverging one is called different.
 */
export function passphrasesDiffer(passphrase: string, repeated: string, finished: boolean): boolean {
  if (repeated.length === 0) return finished && passphrase.length > 0;
  return finished ? repeated !== passphrase : !passphrase.startsWith(repeated);
}

export const PASSPHRASES_DIFFER = 'The two passphrases differ.';
