// The digest post of the seed format (docs/architecture.md "The digest post"): its title in title case with the spelled-out count
// of top-level advice points, and the pieces both the exporter and the importer agree on.

export const COUNT_WORDS = [
  'One',
  'Two',
  'Three',
  'Four',
  'Five',
  'Six',
  'Seven',
  'Eight',
  'Nine',
  'Ten',
  'Eleven',
  'Twelve',
  'Thirteen',
  'Fourteen',
  'Fifteen',
  'Sixteen',
  'Seventeen',
  'Eighteen',
  'Nineteen',
  'Twenty',
] as const;

/** The chair's choice of noun in a title: "Four Observations". */
export const DIGEST_NOUNS = ['Thoughts', 'Observations', 'Ways', 'Ideas'] as const;
export type DigestNoun = (typeof DIGEST_NOUNS)[number];

export const CREDIT_PRONOUNS = ['his', 'her', 'their'] as const;
export type CreditPronoun = (typeof CREDIT_PRONOUNS)[number];

export interface DigestPoint {
  text: string;
  points: DigestPoint[];
}

export interface DigestCredit {
  name: string;
  org: string;
  pronoun: CreditPronoun;
}

export interface DigestPost {
  /** The situation's question, as asked ("How do you build teamwork across account teams?"). */
  question: string;
  /** What the presenter told the group, before the question. */
  background: string;
  noun: string;
  points: DigestPoint[];
  credit: DigestCredit | null;
}

/** One to Twenty spelled out; 0 and anything above twenty as a numeral. */
export function countWord(count: number): string {
  return Number.isInteger(count) && count >= 1 && count <= 20
    ? (COUNT_WORDS[count - 1] ?? String(count))
    : String(count);
}

/** The number a count word or numeral stands for, or null ("Four" → 4, "21" → 21). */
export function countFromWord(word: string): number | null {
  if (/^\d{1,4}$/.test(word)) return Number(word);
  const index = COUNT_WORDS.findIndex((w) => w.toLowerCase() === word.toLowerCase());
  return index === -1 ? null : index + 1;
}

// Short function words stay lower case inside a title (AP and Chicago agree on these).
const MINOR_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'but',
  'or',
  'nor',
  'for',
  'so',
  'yet',
  'as',
  'at',
  'by',
  'in',
  'of',
  'off',
  'on',
  'per',
  'to',
  'up',
  'via',
  'vs',
]);

/**
 * The first letter in upper case, unless that letter has no upper case of its own ("ß" → "SS",
 * "ﬁ" → "FI"): a title keeps the question's letters one for one, so the importer finds the
 * question at the end of the situation by the title.
 */
function capitalize(word: string): string {
  const index = word.search(/\p{L}/u);
  if (index === -1) return word;
  const letter = String.fromCodePoint(word.codePointAt(index) ?? 0);
  const upper = letter.toUpperCase();
  if (upper.length !== letter.length || upper.toLowerCase() !== letter.toLowerCase()) return word;
  return word.slice(0, index) + upper + word.slice(index + letter.length);
}

/**
 * "how do you build teamwork across account teams?" → "How Do You Build Teamwork Across Account
 * Teams?". Words already capitalized inside (CEO, iPhone) keep their letters; minor words stay
 * lower case except first and last; each part of a hyphenated word is capitalized.
 */
export function titleCase(text: string): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words
    .map((word, i) => {
      const bare = word.replace(/[^\p{L}]/gu, '').toLowerCase();
      const edge = i === 0 || i === words.length - 1;
      if (!edge && MINOR_WORDS.has(bare) && word === word.toLowerCase()) return word;
      if (/\p{Lu}/u.test(word.slice(1))) return word;
      return word.split('-').map(capitalize).join('-');
    })
    .join(' ');
}

/** Whitespace (newlines included) folded to single spaces: a post's lines hold one paragraph each. */
export function oneLine(text: string): string {
  // Most text is folded already; replacing each of its spaces with itself costs a long paragraph
  // a string per word.
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** "How Do You Build Teamwork Across Account Teams? Four Observations" */
export function digestTitle(post: Pick<DigestPost, 'question' | 'noun' | 'points'>): string {
  const count = post.points.length;
  return `${titleCase(oneLine(post.question))} ${countWord(count)} ${countedNoun(count, post.noun)}`;
}

/** "One Observation", "Four Observations": a plural noun loses its -s for a single point. */
export function countedNoun(count: number, noun: string): string {
  return count === 1 && /[^s]s$/i.test(noun) ? noun.slice(0, -1) : noun;
}

/** The "Situation:" paragraph: the background, ending with the question (added unless it does). */
export function situationParagraph(post: Pick<DigestPost, 'question' | 'background'>): string {
  const background = oneLine(post.background);
  const question = oneLine(post.question);
  if (background === '') return question;
  if (background.toLowerCase().endsWith(question.toLowerCase())) return background;
  return `${background} ${question}`;
}

export function creditLine(credit: DigestCredit): string {
  return `Special thanks to ${oneLine(credit.name)} of ${oneLine(credit.org)} for ${credit.pronoun} insight and input to this discussion.`;
}

export const POST_SEPARATOR = '[like]';

export function tagHeading(tag: string): string {
  return `Tag Archives: ${oneLine(tag)}`;
}
