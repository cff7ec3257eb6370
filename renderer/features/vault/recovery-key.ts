// The recovery key as the chair reads and types it: 56 letters and digits, shown in groups of four
// joined by dashes. Typing it, spaces, dashes, line breaks and capitals do not matter.

export const RECOVERY_KEY_LENGTH = 56;
const GROUP = 4;
/** Groups per printed line: two lines of seven. */
export const GROUPS_PER_LINE = 7;

/** The key's letters and digits alone, in capitals: what is left once spacing and dashes are gone. */
export function recoveryKeyCharacters(typed: string): string {
  return typed.replace(/[\s-]+/g, '').toUpperCase();
}

export function recoveryKeyGroups(key: string): string[] {
  const characters = recoveryKeyCharacters(key);
  const groups: string[] = [];
  for (let i = 0; i < characters.length; i += GROUP) groups.push(characters.slice(i, i + GROUP));
  return groups;
}

/** The key as it is printed: ABCD-EFGH-… */
export function formatRecoveryKey(key: string): string {
  return recoveryKeyGroups(key).join('-');
}

/** The printed key's lines, each of seven groups joined by dashes. */
export function recoveryKeyLines(key: string): string[] {
  const groups = recoveryKeyGroups(key);
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += GROUPS_PER_LINE) {
    lines.push(groups.slice(i, i + GROUPS_PER_LINE).join('-'));
  }
  return lines;
}

/** Why what was typed cannot be a recovery key, or null when it has the key's shape. */
export function recoveryKeyProblem(typed: string): string | null {
  const characters = recoveryKeyCharacters(typed);
  if (characters.length === 0) return 'Type the recovery key.';
  if (!/^[A-Z0-9]+$/.test(characters)) {
    return 'A recovery key has only letters and digits, in groups of four with dashes between them.';
  }
  if (characters.length !== RECOVERY_KEY_LENGTH) {
    const has = characters.length === 1 ? '1' : String(characters.length);
    return `A recovery key is ${RECOVERY_KEY_LENGTH} letters and digits; this has ${has}. Check each group of four.`;
  }
  return null;
}
