// The rules a new archive passphrase is checked against before it is sent; the host checks them again.
import { MIN_ARCHIVE_PASSPHRASE } from '../../../shared/domain-vault';

export const PASSPHRASE_HINT = `At least ${MIN_ARCHIVE_PASSPHRASE} characters. A few unrelated words are easy to remember and hard to guess.`;

/** Characters as the host counts them: an emoji is one, not two UTF-16 units. */
function characterCount(text: string): number {
  return Array.from(text).length;
}

export function passphraseTooShort(passphrase: string): string | null {
  return characterCount(passphrase) < MIN_ARCHIVE_PASSPHRASE
    ? `Choose a passphrase of at least ${MIN_ARCHIVE_PASSPHRASE} characters.`
    : null;
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
