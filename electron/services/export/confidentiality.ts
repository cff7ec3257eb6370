// What a confidentiality level hides: anonymized authors ("One CEO", "Another CEO", "A third CEO"…),
// members' names (full, first and last, whole words, any case) and, when the chair asks, companies.
// The people a situation's digest credit names count as members here: an imported post's presenter
// is known by its credit alone.
import type { DigestCredit } from '../../../shared/digest-format';
import type { Member } from '../../../shared/domain';

export const NAME_MARK = '[name]';
export const COMPANY_MARK = '[company]';

const ORDINALS = [
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];

/** The n-th (0-based) distinct voice in a situation, as the seed digests vary it. */
export function anonymousAuthor(index: number): string {
  if (index === 0) return 'One CEO';
  if (index === 1) return 'Another CEO';
  const ordinal = ORDINALS[index - 2];
  if (!ordinal) return `CEO number ${index + 1}`;
  // "An eighth CEO", "An eleventh CEO": the article follows the ordinal's first sound.
  return `${/^[aeiou]/.test(ordinal) ? 'An' : 'A'} ${ordinal} CEO`;
}

/** Labels members by the order they first speak; a fresh one per situation, so voices never link up. */
export function authorLabeller(presenterId: string): (memberId: string) => string {
  const seen = new Map<string, string>();
  return (memberId) => {
    if (memberId === presenterId) return 'The presenter';
    let label = seen.get(memberId);
    if (!label) {
      label = anonymousAuthor(seen.size);
      seen.set(memberId, label);
    }
    return label;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wholeWords(terms: Iterable<string>): RegExp | null {
  const unique = [...new Set([...terms].map((t) => t.trim()).filter((t) => t.length >= 2))];
  if (unique.length === 0) return null;
  unique.sort((a, b) => b.length - a.length);
  const alternatives = unique.map((t) => escapeRegExp(t).replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
}

/** Every spelling of a member's name a text might use: the full name, the first and the last. */
export function nameVariants(name: string): string[] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return [name, words[0] ?? '', words.length > 1 ? (words[words.length - 1] ?? '') : ''];
}

export interface RedactOptions {
  redactCompanies: boolean;
  /** Credits stored on the group's situations: their names go like members', their orgs like companies. */
  credits?: readonly DigestCredit[];
}

/** A function that blanks the group's names (and companies) out of free text. */
export function redactor(members: readonly Member[], options: RedactOptions): (text: string) => string {
  const credits = options.credits ?? [];
  const names = wholeWords(
    [...members.map((m) => m.name), ...credits.map((c) => c.name)].flatMap(nameVariants),
  );
  const companies = options.redactCompanies
    ? wholeWords([...members.map((m) => m.company), ...credits.map((c) => c.org)])
    : null;
  return (text) => {
    let result = text;
    if (companies) result = result.replace(companies, COMPANY_MARK);
    if (names) result = result.replace(names, NAME_MARK);
    return result;
  };
}

export function omittedNotice(count: number): string | null {
  if (count === 0) return null;
  return `${count} confidential situation${count === 1 ? '' : 's'} left out.`;
}
