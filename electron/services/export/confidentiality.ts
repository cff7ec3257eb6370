// What a confidentiality level hides: anonymized authors ("One CEO", "Another CEO", "A third CEO"…),
// people's names and organizations, by the rule written out above `redactor`. The people a
// situation's digest credit names count as members here: an imported post's presenter is known by
// its credit alone.
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

// The redaction rule of an anonymized export (a digest is "the anonymized, publishable write-up",
// docs/architecture.md), and why:
//
// - A person's full name, and their first and last name together, are redacted in any letter case and
//   with any whitespace between the words ("Ben Okafor", "ben  okafor", "BEN OKAFOR"): two name words
//   in a row are that person, whoever typed them.
// - One part of a name alone (a first, middle or last name, or one half of "Mary-Jane") is redacted
//   when it is written with a capital ("Ben", "BEN", "Okafor's"), wherever it stands: a sentence that
//   opens with a member's name ("Ben, how many teams…") is the commonest mention of all, and a capital
//   at a sentence's start tells nothing either way, so there it counts as a name too.
// - The same part in lower case is an ordinary word and stays: "stay in your lane", "ask the dean",
//   "mark the date". Telling "ben" from "lane" would take a dictionary of English, and every surname
//   that is also a word (Price, Cash, Young) would then be a false alarm in the middle of advice. The
//   cost is a name typed all in lower case: the chair reads the preview before it leaves.
// - Titles and suffixes (Dr., Jr.), particles (de, van) and initials are never a name on their own;
//   particles that are also given names (Al, Del, Di) are names.
// - An organization is redacted by its full name as written, case-sensitive (its capitals tell the
//   company "Summit" from a summit), with or without its legal suffix ("Acme", "Acme Inc",
//   "Acme, Inc."). A member's company goes only when the chair asks; a credited organization always
//   goes, since "Special thanks to NAME of ORG" names the presenter by it.
// - A group's digest voice, who presents and advises imported posts, is no one: it is not among the
//   people (store.exports.people leaves it out), so "imported" stays.
// Whole words only: a name inside a longer word ("Bengal", "Lanes") is not that name.

/** Words that stand beside a name but are no name on their own: titles, suffixes, particles. */
const NOT_A_NAME = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'miss',
  'dr',
  'prof',
  'sir',
  'dame',
  'lord',
  'lady',
  'rev',
  'hon',
  'jr',
  'sr',
  'ii',
  'iii',
  'iv',
  'phd',
  'md',
  'mba',
  'esq',
  'de',
  'da',
  'do',
  'dos',
  'das',
  'della',
  'der',
  'den',
  'du',
  'la',
  'le',
  'van',
  'von',
  'ten',
  'ter',
  'bin',
  'ibn',
  'st',
]);

/** Legal forms an organization's name may carry or leave off. */
const LEGAL_SUFFIX =
  '(?:Inc|Incorporated|LLC|L\\.L\\.C|Ltd|Limited|Co|Company|Corp|Corporation|PLC|plc|LLP|LP|GmbH|AG|SA|S\\.A|NV|BV|Pty)';
/**
 * An abbreviation's period ("Inc.") is part of the name, unless it ends the sentence too: before
 * the text's end or a capital, it stays for the sentence ("at [company]. Then…").
 */
const ABBREVIATION_DOT = '(?:\\.(?!\\s*$|\\s+\\p{Lu}))?';
const OWN_SUFFIX = new RegExp(`^(.*?\\S),?\\s+${LEGAL_SUFFIX}\\.?$`, 'u');

const WORD_EDGE_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}_])';
const WORD_EDGE_AFTER = '(?![\\p{L}\\p{M}\\p{N}_])';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name's text as a pattern: any whitespace between its words, either apostrophe in "O'Neil". */
function literal(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .map((word) => escapeRegExp(word).replace(/['\u2019]/g, "['\u2019]"))
    .join('\\s+');
}

/** One pattern for all of them, longest first, whole words only; null when there is none. */
function whole(patterns: Iterable<string>, flags: string): RegExp | null {
  const unique = [...new Set(patterns)].filter(Boolean);
  if (unique.length === 0) return null;
  unique.sort((a, b) => b.length - a.length);
  return new RegExp(`${WORD_EDGE_BEFORE}(?:${unique.join('|')})${WORD_EDGE_AFTER}`, flags);
}

/** A word of a name without the punctuation around it ("(Ben)" → "Ben", "Dr." → "Dr"). */
function bare(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function isNamePart(word: string): boolean {
  return word.length >= 2 && /\p{L}/u.test(word) && !NOT_A_NAME.has(word.toLowerCase());
}

/** How a name is written in full: the whole name, and its first and last name together. */
export function fullNames(name: string): string[] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return [];
  const named = words.filter((w) => isNamePart(bare(w)));
  const first = named[0];
  const last = named[named.length - 1];
  const pair = first !== undefined && last !== undefined && first !== last ? [`${first} ${last}`] : [];
  return [words.join(' '), ...pair];
}

/** The parts of a name that name a person alone when capitalized: "Mary-Jane O'Neil" → Mary-Jane, Mary, Jane, O'Neil. */
export function nameParts(name: string): string[] {
  const parts = name
    .trim()
    .split(/\s+/)
    .map(bare)
    .flatMap((word) => [word, ...(word.includes('-') ? word.split('-').map(bare) : [])]);
  return [...new Set(parts.filter(isNamePart))];
}

/** An organization as written, and without its own legal suffix when it has one. */
export function organizationCore(org: string): string {
  const trimmed = org.trim().replace(/\s+/g, ' ');
  const core = OWN_SUFFIX.exec(trimmed)?.[1]?.replace(/,$/, '') ?? trimmed;
  return core.length >= 2 && /[\p{L}\p{N}]/u.test(core) ? core : trimmed;
}

/** Written as a name: its first letter is a capital, or has no case to tell (as in 李). */
function capitalized(text: string): boolean {
  const letter = /\p{L}/u.exec(text)?.[0] ?? '';
  return letter !== letter.toLowerCase() || letter === letter.toUpperCase();
}

/** Anyone an export might name: a person of any group, or a person a situation credits. */
export interface ExportPeople {
  members: readonly Pick<Member, 'name' | 'company' | 'role'>[];
  credits: readonly Pick<DigestCredit, 'name' | 'org'>[];
}

export interface RedactOptions {
  /** Members' companies too, as the chair asked; credited organizations always go. */
  redactCompanies: boolean;
}

interface Piece {
  text: string;
  redacted: boolean;
}

/**
 * Replaces each match `keep` accepts with `mark`, in the pieces not yet redacted: what one rule
 * redacted, the next never reads again. A match `keep` turns down gives way to a shorter one inside it.
 */
function redactPieces(
  pieces: Piece[],
  pattern: RegExp | null,
  mark: string,
  keep: (match: string) => boolean = () => true,
): Piece[] {
  if (!pattern) return pieces;
  const out: Piece[] = [];
  for (const piece of pieces) {
    if (piece.redacted) {
      out.push(piece);
      continue;
    }
    const { text } = piece;
    let copied = 0;
    pattern.lastIndex = 0;
    for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
      if (!keep(found[0])) {
        pattern.lastIndex = found.index + 1;
        continue;
      }
      if (found.index > copied) out.push({ text: text.slice(copied, found.index), redacted: false });
      out.push({ text: mark, redacted: true });
      copied = found.index + found[0].length;
    }
    if (copied < text.length) out.push({ text: text.slice(copied), redacted: false });
  }
  return out;
}

/** A function that blanks names (and organizations) out of free text, by the rule above. */
export function redactor(people: ExportPeople, options: RedactOptions): (text: string) => string {
  const { members } = people;
  const names = [...members.map((m) => m.name), ...people.credits.map((c) => c.name)];
  const orgs = [
    ...people.credits.map((c) => c.org),
    ...(options.redactCompanies ? members.map((m) => m.company) : []),
  ].filter((org) => org.trim().length >= 2);
  const spelledOut = names.flatMap(fullNames);
  // "Ana Ruiz Co" without its legal form is Ana Ruiz, a person: there, the form is part of the name.
  const personal = new Set(spelledOut.map((n) => n.toLowerCase().replace(/\s+/g, ' ')));
  const organizations = whole(
    orgs.map((org) => {
      const core = organizationCore(org);
      const form = `,?\\s+${LEGAL_SUFFIX}${WORD_EDGE_AFTER}${ABBREVIATION_DOT}`;
      return personal.has(core.toLowerCase())
        ? `${literal(core)}(?:${form})`
        : `${literal(core)}(?:${form})?`;
    }),
    'gu',
  );
  const full = whole(spelledOut.map(literal), 'giu');
  const parts = whole(names.flatMap(nameParts).map(literal), 'giu');
  return (text) => {
    let pieces: Piece[] = [{ text, redacted: false }];
    pieces = redactPieces(pieces, organizations, COMPANY_MARK);
    pieces = redactPieces(pieces, full, NAME_MARK);
    pieces = redactPieces(pieces, parts, NAME_MARK, capitalized);
    return pieces.map((p) => p.text).join('');
  };
}

export function omittedNotice(count: number): string | null {
  if (count === 0) return null;
  return `${count} confidential situation${count === 1 ? '' : 's'} left out.`;
}
