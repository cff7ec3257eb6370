// The digest post of the seed format (docs/architecture.md "The digest post"): its title in title case with the spelled-out count
// of top-level advice points, and the pieces both the exporter and the importer agree on. An imported
// post keeps its own words: its heading, its Situation paragraph, its noun and its credit's sentence
// are written back as they came, typographic quotes, dashes and non-breaking spaces included.

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
  /**
   * The sentence as an imported post wrote it ("Special thanks to … for her situation."), when it is
   * not the one Roundtable writes from the name, organization and pronoun.
   */
  text?: string;
  /** It came as the last bullet of the advice, and goes back as one. */
  bullet?: boolean;
}

export interface DigestPost {
  /** The situation's question, as asked ("How do you build teamwork across account teams?"). */
  question: string;
  /** What the presenter told the group, before the question. */
  background: string;
  noun: string;
  points: DigestPoint[];
  credit: DigestCredit | null;
  /**
   * An imported post's own words: the question is its heading, in its own capitals, and the
   * background its whole Situation paragraph. Both are written back as they are.
   */
  asPosted?: boolean;
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
 * "ﬁ" → "FI"): a title keeps the question's letters one for one.
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
 * lower case except first and last; each part of a hyphenated word is capitalized. The spaces
 * between words stay as they are, a non-breaking one included.
 */
export function titleCase(text: string): string {
  // Words at even places, the spaces between them at odd ones.
  const parts = oneLine(text).split(/(\s+)/u);
  const last = parts.length - 1;
  return parts
    .map((word, i) => {
      if (i % 2 === 1) return word;
      const bare = word.replace(/[^\p{L}]/gu, '').toLowerCase();
      const edge = i === 0 || i === last;
      if (!edge && MINOR_WORDS.has(bare) && word === word.toLowerCase()) return word;
      if (/\p{Lu}/u.test(word.slice(1))) return word;
      return word.split('-').map(capitalize).join('-');
    })
    .join('');
}

/**
 * The whitespace a post's paragraph folds: ASCII whitespace, NEL and the line and paragraph
 * separators. A non-breaking or other typographic space is part of the text and stays.
 */
const FOLDED_SPACE = /[\t\n\v\f\r \u0085\u2028\u2029]+/g;
const UNFOLDED = /[\t\n\v\f\r\u0085\u2028\u2029]| {2}/;

/**
 * Folded whitespace (newlines included) as single spaces and none at either end: a post's lines
 * hold one paragraph each.
 */
export function oneLine(text: string): string {
  // Most text is folded already; replacing each of its spaces with itself costs a long paragraph
  // a string per word.
  return UNFOLDED.test(text) ? text.replace(FOLDED_SPACE, ' ').trim() : text.trim();
}

/**
 * Text as a comparison reads it, never as it is kept: typographic quotes, apostrophes, dashes,
 * ellipses and spaces as their plain forms, whitespace folded ("don’t" and "don't" read the same).
 */
export function foldTypography(text: string): string {
  return oneLine(
    text
      .replace(/[\u2018\u2019\u201A\u201B\u2032\u2035]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/\u2026/g, '...')
      .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' '),
  );
}

/** "How Do You Build Teamwork Across Account Teams? Four Observations" */
export function digestTitle(post: Pick<DigestPost, 'question' | 'noun' | 'points' | 'asPosted'>): string {
  const count = post.points.length;
  const heading = post.asPosted ? oneLine(post.question) : titleCase(post.question);
  return `${heading} ${countWord(count)} ${countedNoun(count, post.noun)}`;
}

/**
 * The noun a post's title counted in, as its situation keeps it: a chair's noun in its plural ("One
 * Idea": Ideas), any other as written. countedNoun gives the title's word back for one point.
 */
export function nounToKeep(noun: string): string {
  const plural = DIGEST_NOUNS.find((n) => n.toLowerCase() === `${noun.toLowerCase()}s`);
  return plural ?? noun;
}

/** "One Observation", "Four Observations": a plural noun loses its -s for a single point. */
export function countedNoun(count: number, noun: string): string {
  return count === 1 && /[^s]s$/i.test(noun) ? noun.slice(0, -1) : noun;
}

/**
 * The "Situation:" paragraph: the background, ending with the question (added unless it does); an
 * imported post's paragraph as it came.
 */
export function situationParagraph(post: Pick<DigestPost, 'question' | 'background' | 'asPosted'>): string {
  const background = oneLine(post.background);
  if (post.asPosted) return background;
  const question = oneLine(post.question);
  if (background === '') return question;
  if (background.toLowerCase().endsWith(question.toLowerCase())) return background;
  return `${background} ${question}`;
}

/** The credit's sentence: as an imported post wrote it, or Roundtable's own. */
export function creditLine(credit: DigestCredit): string {
  if (credit.text !== undefined) return oneLine(credit.text);
  return `Special thanks to ${oneLine(credit.name)} of ${oneLine(credit.org)} for ${credit.pronoun} insight and input to this discussion.`;
}

export const POST_SEPARATOR = '[like]';

export function tagHeading(tag: string): string {
  return `Tag Archives: ${oneLine(tag)}`;
}
