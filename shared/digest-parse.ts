// Reads digest posts in the seed format out of free text, tolerating the ways real posts vary:
// typographic quotes and dashes, stray spaces and blank lines, Markdown marks, a count word that
// disagrees with the bullets, a missing credit and text around the posts. Pure; never throws.
import {
  CREDIT_PRONOUNS,
  countFromWord,
  oneLine,
  type CreditPronoun,
  type DigestPoint,
  type DigestPost,
} from './digest-format';

export interface ParsedPost extends DigestPost {
  /** 1-based line of the title in the file. */
  line: number;
  title: string;
  tags: string[];
  /** Imported anyway, but worth the chair's look (a count that disagrees with the bullets). */
  warnings: string[];
}

export interface SkippedPost {
  line: number;
  title: string;
  reason: string;
}

export interface DigestParse {
  posts: ParsedPost[];
  skipped: SkippedPost[];
}

const COUNT =
  '(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|\\d{1,4})';
// The noun is one word of up to 30 letters and dashes, as export.digest accepts it.
const TITLE = new RegExp(`^(.*?\\S)\\s+${COUNT}\\s+([A-Za-z][A-Za-z-]{0,29})\\s*[.:!]?$`, 'i');
const SITUATION = /^situation\s*:\s*(.*)$/i;
const ADVICE = /^advice\s+from\s+the\s+ceos?\s*:?\s*(.*)$/i;
const TAG_ARCHIVES = /^tag\s+archives?\s*:\s*(.+)$/i;
const POSTS_TAGGED = /^posts\s+tagged\s+['"](.+?)['"]\s*$/i;
const SEPARATOR = /^\[\s*like\s*\]$/i;
const BULLET = /^(\s*)(?:[•◦▪‣●○*+-]|\d{1,3}[.)])\s+(.*)$/;
// "Special thanks to NAME of ORG for his/her/their …". The format cannot tell where a name with "of"
// in it ends, so the first " of " does (organizations have "of" in them far more often than names);
// the first " for his/her/their" ends the organization. Without a "for …", a final period ends the
// sentence, not the organization ("of Acme Inc." credits "Acme Inc").
const CREDIT = new RegExp(
  `^special\\s+thanks\\s+to\\s+(.+?)\\s+of\\s+(.+?)(?:\\s+for\\s+(${CREDIT_PRONOUNS.join('|')})\\b.*|\\s*[.!]?)$`,
  'i',
);

const CREDIT_START = /^special\s/i;

/**
 * A credit line read by CREDIT with each run of four spaces or more cut to three. No match of CREDIT
 * needs more than three spaces of one run (" to", a name of spaces only, "of ") and its parts are
 * read as one line, so the credit is the same; a long run would have its lazy name and organization
 * try every way to split it.
 */
function creditMatch(line: string): RegExpExecArray | null {
  // Every line of the advice is asked; only one that starts like a credit is worth the copy.
  if (!CREDIT_START.test(line)) return null;
  return CREDIT.exec(line.replace(/\s{4,}/g, '   '));
}

const TYPOGRAPHIC =
  /[\u2018\u2019\u201A\u2032\u201C\u201D\u201E\u2033\u2013\u2014\u2212\u00A0\u2007\u202F\u200B\uFEFF\u2028\u2029\t]/;

/**
 * Typographic marks to their plain forms, odd spaces and tabs to spaces, trailing space off. The line
 * and paragraph separators (U+2028, U+2029) are spaces here as they are to oneLine: left in, they end
 * the line for every pattern's "." and each pattern fails only after trying every way to split the
 * spaces before them.
 */
export function normalizeLine(raw: string): string {
  // Most lines have none of these: one test instead of five replacements keeps long files cheap.
  if (!TYPOGRAPHIC.test(raw)) return raw.trimEnd();
  return raw
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/[\u00A0\u2007\u202F\u200B\uFEFF\u2028\u2029]/g, ' ')
    .replace(/\t/g, '    ')
    .trimEnd();
}

/** Markdown's backslash escapes taken off, once: every escape the exporter writes, and "." and "-". */
function unescapeText(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\([\\`*_[\]<>#|.+-])/g, '$1');
}

/**
 * A line with Markdown's heading marks and leading emphasis taken off, its escapes kept: the text
 * a post's pieces are read from, unescaped once when read.
 */
function unmarked(line: string): string {
  const trimmed = line.trim();
  if (!trimmed.startsWith('#') && !trimmed.startsWith('*')) return trimmed;
  return trimmed
    .replace(/^#{1,6}\s+/, '')
    .replace(/^\*\*(.*?)\*\*/, '$1')
    .trim();
}

/** A line as the patterns see it: unmarked and unescaped. */
function plain(line: string): string {
  return unescapeText(unmarked(line)).trim();
}

/** A pair of quotes around a whole tag ("Tag Archives: 'Teamwork'") is not part of its name. */
function unquote(text: string): string {
  return text.replace(/^(['"])(.+)\1$/, '$2');
}

/** The file's lines, normalized; line `index` is line `index + 1` of the file. */
type Lines = string[];

function lineAt(lines: Lines, index: number): string {
  return lines[index] ?? '';
}

export function parseDigest(source: string): DigestParse {
  // Plain strings, normalized in place: a file of millions of short lines holds no object per line.
  const lines: Lines = source.split(/\r\n|\r|\n/);
  for (let j = 0; j < lines.length; j++) lines[j] = normalizeLine(lineAt(lines, j));
  const posts: ParsedPost[] = [];
  const skipped: SkippedPost[] = [];
  let tags: string[] = [];

  let i = 0;
  while (i < lines.length) {
    if (lineAt(lines, i) === '') {
      i++;
      continue;
    }
    const raw = unmarked(lineAt(lines, i));
    const line = unescapeText(raw).trim();
    const header = TAG_ARCHIVES.exec(raw) ?? POSTS_TAGGED.exec(raw);
    if ((header || SITUATION.test(line)) && isTitle(lines, i)) {
      i++;
      continue;
    }
    if (header?.[1]) {
      tags = [oneLine(unquote(oneLine(unescapeText(header[1]))))].filter(Boolean);
      i++;
      continue;
    }
    if (!SITUATION.test(line)) {
      i++;
      continue;
    }
    const titleAt = previousNonEmpty(lines, i);
    const end = postEnd(lines, i + 1);
    const parsed = readPost(lines, titleAt, i, end, tags);
    if ('reason' in parsed) skipped.push(parsed);
    else posts.push(parsed);
    i = Math.max(end, i + 1);
  }
  return { posts, skipped };
}

/** The index of the non-empty line before `index`, or null at a separator or the file's start. */
function previousNonEmpty(lines: Lines, index: number): number | null {
  for (let j = index - 1; j >= 0; j--) {
    const text = plain(lineAt(lines, j));
    if (text === '') continue;
    return SEPARATOR.test(text) ? null : j;
  }
  return null;
}

function nextNonEmpty(lines: Lines, index: number): string {
  for (let j = index + 1; j < lines.length; j++) {
    const text = plain(lineAt(lines, j));
    if (text !== '') return text;
  }
  return '';
}

/**
 * A line ending in a count word and a noun, right before a "Situation:" line, is a post's title,
 * whatever it starts with: a question may begin "Situation:" or "Tag archives:" too.
 */
function isTitle(lines: Lines, index: number): boolean {
  return TITLE.test(plain(lineAt(lines, index))) && SITUATION.test(nextNonEmpty(lines, index));
}

/** A post ends at a separator, a tag header, or the next post's title (the line before "Situation:"). */
function postEnd(lines: Lines, from: number): number {
  for (let j = from; j < lines.length; j++) {
    const text = plain(lineAt(lines, j));
    if (SEPARATOR.test(text) || TAG_ARCHIVES.test(text) || POSTS_TAGGED.test(text)) return j;
    if (SITUATION.test(text)) {
      if (isTitle(lines, j)) return j;
      let k = j - 1;
      while (k > from && plain(lineAt(lines, k)) === '') k--;
      return k;
    }
  }
  return lines.length;
}

function readPost(
  lines: Lines,
  titleAt: number | null,
  start: number,
  end: number,
  tags: string[],
): ParsedPost | SkippedPost {
  const title = titleAt === null ? '' : oneLine(unescapeText(unmarked(lineAt(lines, titleAt))));
  const at = (titleAt ?? start) + 1;
  const titleMatch = TITLE.exec(title);
  if (!titleMatch) {
    return {
      line: at,
      title,
      reason: 'No title line ending in a count word and a noun before "Situation:".',
    };
  }
  const heading = titleMatch[1] ?? '';
  const stated = countFromWord(titleMatch[2] ?? '');
  const noun = capitalizeNoun(titleMatch[3] ?? '');

  // "Situation:" runs until "Advice from the CEOs:".
  const situation: string[] = [SITUATION.exec(unmarked(lineAt(lines, start)))?.[1] ?? ''];
  let j = start + 1;
  let adviceAt = -1;
  for (; j < end; j++) {
    if (ADVICE.test(plain(lineAt(lines, j)))) {
      adviceAt = j;
      break;
    }
    situation.push(unmarked(lineAt(lines, j)));
  }
  const situationText = oneLine(unescapeText(situation.join(' ')));
  if (adviceAt === -1) return { line: at, title, reason: 'It has no "Advice from the CEOs:" section.' };

  const { points, credit, after } = readAdvice(lines, adviceAt + 1, end);
  // A situation without advice is exported with a count of 0 and no bullets; any other count with
  // no bullets means advice written some way this parser cannot read.
  if (points.length === 0 && stated !== 0) {
    return { line: at, title, reason: 'Its advice section has no bullets.' };
  }
  const { question, background } = splitQuestion(situationText, heading);
  if (question === '') return { line: at, title, reason: 'Its title has no question.' };

  const warnings: string[] = [];
  if (stated !== points.length) {
    warnings.push(
      `The title counts ${titleMatch[2]} (${stated ?? '?'}), but there are ${points.length} top-level advice points.`,
    );
  }
  if (after > 0) warnings.push(`${after} line${after === 1 ? '' : 's'} of text after the advice left out.`);
  return { line: at, title, question, background, noun, points, credit, tags, warnings };
}

function capitalizeNoun(noun: string): string {
  return noun.charAt(0).toUpperCase() + noun.slice(1).toLowerCase();
}

/** The question as asked sits at the end of "Situation:"; the title has it in title case. */
function splitQuestion(situation: string, heading: string): { question: string; background: string } {
  // Compared in lower case, cut by the heading's own length: lower-casing may change a length ("İ").
  const wanted = oneLine(heading);
  const tail = situation.slice(Math.max(0, situation.length - wanted.length));
  if (wanted !== '' && tail.toLowerCase() === wanted.toLowerCase()) {
    return { question: tail, background: situation.slice(0, situation.length - wanted.length).trim() };
  }
  // Otherwise the last sentence ending in "?" is the question; failing that, the title itself.
  const last = lastQuestion(situation);
  if (last.trim().length > 3) {
    return { question: last.trim(), background: situation.slice(0, situation.length - last.length).trim() };
  }
  return { question: oneLine(heading), background: situation };
}

const SENTENCE_END = new Set(['.', '?', '!']);

/**
 * The sentence that ends the text with "?", from just after the "." "?" or "!" before it; '' when
 * the text does not end with "?". Read backwards once: a pattern looking for it from every position
 * reads a long paragraph without "?" once per character.
 */
function lastQuestion(text: string): string {
  const end = text.trimEnd().length;
  if (text[end - 1] !== '?') return '';
  let start = end - 1;
  while (start > 0 && !SENTENCE_END.has(text[start - 1] ?? '')) start--;
  return text.slice(start, end);
}

interface Advice {
  points: DigestPoint[];
  credit: DigestPost['credit'];
  /** Lines of text around the post after the advice, left out. */
  after: number;
}

/** A bullet being read: its point, and its text so far in pieces, folded to one line once at the end. */
interface OpenPoint {
  indent: number;
  point: DigestPoint;
  pieces: string[];
}

function readAdvice(lines: Lines, from: number, end: number): Advice {
  const points: DigestPoint[] = [];
  const stack: OpenPoint[] = [];
  // Folding a point's text again at each continuation line would read a long point once per line.
  const continued: OpenPoint[] = [];
  let credit: DigestPost['credit'] = null;
  let after = 0;
  let finished = false;
  for (let j = from; j < end; j++) {
    const raw = lineAt(lines, j);
    const text = unmarked(raw);
    if (text === '') continue;
    const thanks = creditMatch(text);
    if (thanks) {
      const org = oneLine(unescapeText(thanks[2] ?? ''));
      credit = {
        name: oneLine(unescapeText(thanks[1] ?? '')),
        org: thanks[3] ? org : org.replace(/[.!]$/, ''),
        pronoun: (thanks[3]?.toLowerCase() ?? 'their') as CreditPronoun,
      };
      finished = true;
      continue;
    }
    const bullet = finished ? null : BULLET.exec(raw);
    if (bullet) {
      const indent = (bullet[1] ?? '').length;
      const point: DigestPoint = { text: oneLine(unescapeText(bullet[2] ?? '')), points: [] };
      if (point.text === '') continue;
      while ((stack[stack.length - 1]?.indent ?? -1) >= indent) stack.pop();
      const parent = stack[stack.length - 1];
      (parent ? parent.point.points : points).push(point);
      stack.push({ indent, point, pieces: [point.text] });
      continue;
    }
    // An indented line continues the bullet above it; anything else is text around the post.
    const last = stack[stack.length - 1];
    if (!finished && last && /^\s+/.test(raw)) {
      if (last.pieces.length === 1) continued.push(last);
      last.pieces.push(unescapeText(text));
    } else {
      finished = finished || points.length > 0;
      after++;
    }
  }
  for (const open of continued) open.point.text = oneLine(open.pieces.join(' '));
  return { points, credit, after };
}
