// Reads digest posts in the seed format out of free text, tolerating the ways real posts vary: stray
// spaces and blank lines, Markdown marks, HTML character references of a page saved as text, a date
// or byline under the title and the page's other furniture ("Posted in …", "Leave a comment",
// "Like this:"), a count word that disagrees with the bullets, a credit as a closing line or as the
// last bullet, or none, and text around the posts. A post is kept in its own words: its heading, its
// Situation paragraph and its credit's sentence as written, typographic quotes, dashes, ellipses and
// non-breaking spaces included. Pure; never throws.
import {
  CREDIT_PRONOUNS,
  countFromWord,
  creditLine,
  oneLine,
  type CreditPronoun,
  type DigestCredit,
  type DigestPoint,
  type DigestPost,
} from './digest-format';
import { decodeEntities } from './html-entities';

export interface ParsedPost extends DigestPost {
  /** 1-based line of the title in the file. */
  line: number;
  title: string;
  tags: string[];
  /** Imported anyway, but worth the chair's look (a count that disagrees with the bullets). */
  warnings: string[];
  /** The post carried the "Confidential" label a full digest gives a confidential situation. */
  confidential: boolean;
  /** It has no advice to read (no "Advice from the CEOs:", or nothing under it): kept only on request. */
  withoutAdvice: boolean;
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
const POSTS_TAGGED = /^posts\s+tagged\s+['"‘’“”](.+?)['"‘’“”]\s*$/i;
const CONFIDENTIAL = /^confidential$/i;
// Between posts: "[like]" of the seed format, and the like and share buttons' words of a saved page.
const SEPARATOR =
  /^(?:\[\s*like\s*\]|like|like\s+this\s*:?|like\s+loading\s*(?:\.\.\.|…)?|share\s+this\s*:?)$/i;
// A bullet's mark: the first group marks a point in any list; the second conventionally marks a
// sub-point, so one of them beside a point of the first at the same indentation has lost its nesting.
const TOP_MARKS = '•●*+\\-–—−';
const SUB_MARKS = '◦○▪▫‣⁃';
const BULLET = new RegExp(`^(\\s*)([${TOP_MARKS}${SUB_MARKS}]|\\d{1,3}[.)])\\s+(.*)$`);
const SUB_MARK = new RegExp(`^[${SUB_MARKS}]$`);
// "Special thanks to NAME of ORG for his/her/their …". The format cannot tell where a name with "of"
// in it ends, so the first " of " does (organizations have "of" in them far more often than names);
// the first " for his/her/their" ends the organization. Without a "for …", a final period ends the
// sentence, not the organization ("of Acme Inc." credits "Acme Inc").
const CREDIT = new RegExp(
  `^special\\s+thanks\\s+to\\s+(.+?)\\s+of\\s+(.+?)(?:\\s+for\\s+(${CREDIT_PRONOUNS.join('|')})\\b.*|\\s*[.!]?)$`,
  'i',
);

const CREDIT_START = /^special\s/i;

// A page's furniture around a post: the date and byline under its title, its categories, the
// comments link. Read only where it can stand (between a title and "Situation:", in the advice) and
// only in a short line.
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?';
const DATE = `${WEEKDAY}(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+\\d{4}|\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4})`;
const FURNITURE = [
  // "June 3, 2011 by admin", "Posted on 3 June 2011 | Leave a comment"
  new RegExp(`^(?:(?:posted|published|written|updated)\\s+(?:on\\s+)?)?${DATE}(?:[^\\p{L}\\p{N}].*)?$`, 'iu'),
  // "Posted by admin on June 3, 2011", "by Pat Lee"
  /^(?:posted|written|published)\s+by\s+\S.*$/i,
  /^by\s+\S+(?:\s+\S+){0,2}$/i,
  new RegExp(`^by\\s+.+?\\s+(?:on\\s+)?${DATE}.*$`, 'i'),
  // "Posted in Leadership", "Filed under Teamwork, Growth | 2 Comments"
  /^(?:posted|filed)\s+(?:in|under)\s+\S.*$/i,
  /^(?:categor(?:y|ies)|tagged)\s*:\s*\S.*$/i,
  // "Leave a comment", "3 Comments", "Comments are closed."
  /^(?:leave\s+a\s+(?:comment|reply)|no\s+comments?(?:\s+yet)?|one\s+comment|\d+\s+comments?|comments?\s+(?:\(\d+\)|off|closed|are\s+closed))\W*$/i,
];
const FURNITURE_MAX = 200;

/** A line of furniture; never a title, whose question may well start "By" or with a date. */
function isFurniture(text: string): boolean {
  return text.length <= FURNITURE_MAX && FURNITURE.some((pattern) => pattern.test(text)) && !TITLE.test(text);
}

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

const SITE_START = /https?:\/\/|www\./gi;

/**
 * An organization without the address a page wrote after it ("Ruiz Foods (http://ruizfoods.example)"
 * is Ruiz Foods). Found by its last "http://" or "www.", read once; the address must end the text.
 */
function withoutAddress(org: string): string {
  let start = -1;
  for (const found of org.matchAll(SITE_START)) start = found.index;
  if (start <= 0 || /\s/.test(org.slice(start).replace(/\)\s*$/, ''))) return org;
  let end = start;
  while (end > 0 && /[\s(,;:–—-]/.test(org.charAt(end - 1))) end--;
  return end === 0 ? org : org.slice(0, end);
}

/**
 * A credit from its sentence (a line, or a bullet's text), keeping the sentence when it is its own;
 * `escaped` when the sentence still has Markdown's escapes in it.
 */
function readCredit(sentence: string, escaped: boolean): DigestCredit | null {
  const thanks = creditMatch(sentence);
  if (!thanks) return null;
  const unescaped = escaped ? unescapeText : (text: string) => text;
  const pronoun = (thanks[3]?.toLowerCase() ?? 'their') as CreditPronoun;
  const org = oneLine(unescaped(thanks[2] ?? ''));
  const credit: DigestCredit = {
    name: oneLine(unescaped(thanks[1] ?? '')),
    org: oneLine(withoutAddress(thanks[3] ? org : org.replace(/[.!]$/, ''))),
    pronoun,
  };
  const text = oneLine(unescaped(sentence));
  return text === creditLine(credit) ? credit : { ...credit, text };
}

/**
 * A line as the patterns read it: HTML character references decoded, tabs as four spaces, the line
 * and paragraph separators (U+2028, U+2029) as spaces, trailing space off. The separators are spaces
 * here as they are to oneLine: left in, they end the line for every pattern's "." and each pattern
 * fails only after trying every way to split the spaces before them. Typographic marks stay.
 */
export function normalizeLine(raw: string): string {
  const decoded = decodeEntities(raw);
  // Most lines have none of these: one test instead of two replacements keeps long files cheap.
  if (!/[\t\u2028\u2029]/.test(decoded)) return decoded.trimEnd();
  return decoded
    .replace(/[\u2028\u2029]/g, ' ')
    .replace(/\t/g, '    ')
    .trimEnd();
}

/**
 * Markdown's backslash escapes taken off, once: every escape the exporter writes ("&" before a
 * character reference among them), and "." and "-".
 */
function unescapeText(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\([\\`*_[\]<>#|.+&-])/g, '$1');
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

const QUOTE_PAIRS = ["''", '""', '‘’', '“”', '’’', '””', '«»'];

/** A pair of quotes around a whole tag ("Tag Archives: ‘Teamwork’") is not part of its name. */
function unquote(text: string): string {
  if (text.length < 3) return text;
  const pair = text.charAt(0) + text.charAt(text.length - 1);
  return QUOTE_PAIRS.includes(pair) ? text.slice(1, -1) : text;
}

/** The file's lines, normalized; line `index` is line `index + 1` of the file. */
type Lines = string[];

function lineAt(lines: Lines, index: number): string {
  return lines[index] ?? '';
}

export function parseDigest(source: string): DigestParse {
  // Plain strings, normalized in place: a file of millions of short lines holds no object per line.
  const lines: Lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
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
    const titleAt = titleBefore(lines, i);
    const end = postEnd(lines, i + 1);
    const parsed = readPost(lines, titleAt, i, end, tags);
    if ('reason' in parsed) skipped.push(parsed);
    else posts.push(parsed);
    i = Math.max(end, i + 1);
  }
  return { posts, skipped };
}

/**
 * The index of a "Situation:" line's title: the non-empty line before it, past a date, byline or
 * other furniture; null at a separator or the file's start.
 */
function titleBefore(lines: Lines, index: number): number | null {
  for (let j = index - 1; j >= 0; j--) {
    const text = plain(lineAt(lines, j));
    if (text === '' || isFurniture(text)) continue;
    return SEPARATOR.test(text) ? null : j;
  }
  return null;
}

/** The first line of a post: its title, or the "Confidential" label right before it. */
function postStart(lines: Lines, titleAt: number): number {
  for (let j = titleAt - 1; j >= 0; j--) {
    const text = plain(lineAt(lines, j));
    if (text === '') continue;
    return CONFIDENTIAL.test(text) ? j : titleAt;
  }
  return titleAt;
}

function nextContent(lines: Lines, index: number): string {
  for (let j = index + 1; j < lines.length; j++) {
    const text = plain(lineAt(lines, j));
    if (text !== '' && !isFurniture(text)) return text;
  }
  return '';
}

/**
 * A line ending in a count word and a noun, right before a "Situation:" line (a date or byline
 * aside), is a post's title, whatever it starts with: a question may begin "Situation:" or "Tag
 * archives:" too.
 */
function isTitle(lines: Lines, index: number): boolean {
  return TITLE.test(plain(lineAt(lines, index))) && SITUATION.test(nextContent(lines, index));
}

/** A post ends at a separator, a tag header, or the next post (its label or title, before "Situation:"). */
function postEnd(lines: Lines, from: number): number {
  for (let j = from; j < lines.length; j++) {
    const text = plain(lineAt(lines, j));
    if (SEPARATOR.test(text) || TAG_ARCHIVES.test(text) || POSTS_TAGGED.test(text)) return j;
    if (SITUATION.test(text)) {
      if (isTitle(lines, j)) return postStart(lines, j);
      let k = j - 1;
      while (k > from && (plain(lineAt(lines, k)) === '' || isFurniture(plain(lineAt(lines, k))))) k--;
      return k > from ? postStart(lines, k) : k;
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
  if (!titleMatch || titleAt === null) {
    return {
      line: at,
      title,
      reason: 'No title line ending in a count word and a noun before "Situation:".',
    };
  }
  // The title is the post's heading as written, its count phrase aside; the count is the exporter's
  // to write again, the noun the situation's to keep.
  const question = oneLine(titleMatch[1] ?? '');
  const stated = countFromWord(titleMatch[2] ?? '');
  const noun = capitalizeNoun(titleMatch[3] ?? '');
  const confidential = postStart(lines, titleAt) !== titleAt;

  // "Situation:" runs until "Advice from the CEOs:". Without one, it is the paragraph that starts
  // there, and the text after it is left out with a warning.
  const situation: string[] = [SITUATION.exec(unmarked(lineAt(lines, start)))?.[1] ?? ''];
  let adviceAt = -1;
  for (let j = start + 1; j < end; j++) {
    if (ADVICE.test(plain(lineAt(lines, j)))) {
      adviceAt = j;
      break;
    }
  }
  const warnings: string[] = [];
  const base = { line: at, title, question, noun, tags, confidential, asPosted: true as const };
  if (adviceAt === -1) {
    let j = start + 1;
    for (; j < end; j++) {
      const text = unmarked(lineAt(lines, j));
      if (text === '' && situation.some((piece) => piece !== '')) break;
      situation.push(text);
    }
    const after = countText(lines, j, end);
    warnings.push('It has no "Advice from the CEOs:" section.');
    if (after > 0) warnings.push(leftOut(after, 'the situation'));
    return {
      ...base,
      background: oneLine(unescapeText(situation.join(' '))),
      points: [],
      credit: null,
      warnings,
      withoutAdvice: true,
    };
  }
  for (let j = start + 1; j < adviceAt; j++) situation.push(unmarked(lineAt(lines, j)));
  const background = oneLine(unescapeText(situation.join(' ')));

  const sameLine = ADVICE.exec(plain(lineAt(lines, adviceAt)))?.[1] ?? '';
  const advice = readAdvice(lines, adviceAt + 1, end, sameLine === '' ? null : sameLine);
  const { points } = advice;
  let { credit } = advice;
  // A last bullet that reads as a credit is the credit, unless the title's count takes it in.
  if (!credit && advice.lastBullet && stated !== points.length) {
    credit = { ...advice.lastBullet.credit, bullet: true };
    points.pop();
  }
  // An advice section with nothing in it: a count of 0 is a situation the export wrote without
  // advice; any other count is advice this post lost.
  const withoutAdvice = points.length === 0 && stated !== 0;
  if (withoutAdvice) {
    warnings.push('Its "Advice from the CEOs:" section has no advice in it.');
  } else if (stated !== points.length) {
    warnings.push(
      `The title counts ${titleMatch[2]} (${stated ?? '?'}), but there are ${points.length} top-level advice points.`,
    );
  }
  warnings.push(...nestingWarnings(advice));
  if (advice.after > 0) warnings.push(leftOut(advice.after, 'the advice'));
  return { ...base, background, points, credit, warnings, withoutAdvice };
}

function leftOut(count: number, what: string): string {
  return `${count} line${count === 1 ? '' : 's'} of text after ${what} left out.`;
}

/** Lines of text in [from, end), furniture aside. */
function countText(lines: Lines, from: number, end: number): number {
  let count = 0;
  for (let j = from; j < end; j++) {
    const text = plain(lineAt(lines, j));
    if (text !== '' && !isFurniture(text)) count++;
  }
  return count;
}

function capitalizeNoun(noun: string): string {
  return noun.charAt(0).toUpperCase() + noun.slice(1).toLowerCase();
}

/** A few words of a point, to name it in a warning. */
function quoted(points: readonly DigestPoint[]): string {
  const first = points[0]?.text ?? '';
  const words = first.length > 40 ? `${first.slice(0, 40).trimEnd()}…` : first;
  return points.length === 1 ? `“${words}”` : `“${words}” and ${points.length - 1} more`;
}

function nestingWarnings(advice: Advice): string[] {
  const warnings: string[] = [];
  if (advice.unmarked.length > 0) {
    const n = advice.unmarked.length;
    warnings.push(
      `Nesting may be lost: ${n} advice point${n === 1 ? '' : 's'} (${quoted(advice.unmarked)}) ${n === 1 ? 'has' : 'have'} no bullet of ${n === 1 ? 'its' : 'their'} own, so ${n === 1 ? 'it is' : 'they are'} read at the level of the point above.`,
    );
  }
  if (advice.flattened.length > 0) {
    const n = advice.flattened.length;
    warnings.push(
      `Nesting may be lost: ${n} advice point${n === 1 ? '' : 's'} (${quoted(advice.flattened)}) marked as ${n === 1 ? 'a sub-point' : 'sub-points'} ${n === 1 ? 'stands' : 'stand'} at the same indentation as the point above.`,
    );
  }
  return warnings;
}

interface Advice {
  points: DigestPoint[];
  credit: DigestCredit | null;
  /** The last bullet, when it is a top-level point with nothing under it that reads as a credit. */
  lastBullet: { credit: DigestCredit } | null;
  /** Lines of text around the post after the advice, left out. */
  after: number;
  /** Points read from lines without a bullet among bulleted ones, or in advice without bullets. */
  unmarked: DigestPoint[];
  /** Points marked as sub-points at the indentation of the point before them. */
  flattened: DigestPoint[];
}

/** A point being read: its text so far in pieces, folded to one line once at the end. */
interface OpenPoint {
  indent: number;
  /** Its bullet's mark; '' for a line without one. */
  mark: string;
  point: DigestPoint;
  /** The list it is in: its parent's points, or the top level. */
  siblings: DigestPoint[];
  pieces: string[];
}

function readAdvice(lines: Lines, from: number, end: number, first: string | null): Advice {
  const points: DigestPoint[] = [];
  const stack: OpenPoint[] = [];
  // Folding a point's text again at each continuation line would read a long point once per line.
  const continued = new Set<OpenPoint>();
  const read = new Map<DigestPoint, OpenPoint>();
  const unmarkedPoints: DigestPoint[] = [];
  const flattened = new Set<DigestPoint>();
  // Lines without a bullet after the last bullet so far: points of their own if a bullet follows,
  // text around the post if none does.
  let pending: OpenPoint[] = [];
  let bullets = 0;
  // Set by readLine: a holder, which the checks after the loop read as it is then.
  const closing: { credit: DigestCredit | null } = { credit: null };
  let after = 0;
  let finished = false;

  /** A point in its place by its indentation: under the nearest point above indented less. */
  const place = (text: string, indent: number, mark: string): OpenPoint => {
    while ((stack[stack.length - 1]?.indent ?? -1) >= indent) stack.pop();
    const parent = stack[stack.length - 1];
    const siblings = parent ? parent.point.points : points;
    const entry: OpenPoint = { indent, mark, point: { text, points: [] }, siblings, pieces: [text] };
    siblings.push(entry.point);
    stack.push(entry);
    read.set(entry.point, entry);
    return entry;
  };
  /** Pending lines become points at the level of the point above them (the top level at first). */
  const placePending = () => {
    for (const line of pending) {
      const entry = place(line.point.text, stack[stack.length - 1]?.indent ?? 0, '');
      entry.pieces = line.pieces;
      if (line.pieces.length > 1) continued.add(entry);
      unmarkedPoints.push(entry.point);
    }
    pending = [];
  };
  const readLine = (raw: string) => {
    const text = unmarked(raw);
    if (text === '') return;
    const thanks = finished ? null : readCredit(text, true);
    if (thanks) {
      closing.credit = thanks;
      after += pending.length;
      pending = [];
      finished = true;
      return;
    }
    if (finished) {
      if (!isFurniture(plain(raw))) after++;
      return;
    }
    const bullet = BULLET.exec(raw);
    if (bullet) {
      const body = oneLine(unescapeText(bullet[3] ?? ''));
      if (body === '') return;
      placePending();
      const indent = (bullet[1] ?? '').length;
      const mark = bullet[2] ?? '';
      const entry = place(body, indent, mark);
      bullets++;
      // A sub-point's mark beside a point's at the same indentation: the indentation was lost.
      const before = read.get(entry.siblings[entry.siblings.length - 2] ?? entry.point);
      if (
        SUB_MARK.test(mark) &&
        before &&
        before !== entry &&
        before.indent === indent &&
        (flattened.has(before.point) || (before.mark !== '' && !SUB_MARK.test(before.mark)))
      ) {
        flattened.add(entry.point);
      }
      return;
    }
    if (isFurniture(plain(raw))) return;
    // An indented line continues the point above it; any other line is a point without a bullet,
    // or text around the post.
    const last = pending[pending.length - 1] ?? stack[stack.length - 1];
    if (last && /^\s+/.test(raw)) {
      if (last.pieces.length === 1) continued.add(last);
      last.pieces.push(unescapeText(text));
      return;
    }
    const body = oneLine(unescapeText(text));
    pending.push({
      indent: 0,
      mark: '',
      point: { text: body, points: [] },
      siblings: points,
      pieces: [body],
    });
  };

  if (first !== null) readLine(first);
  for (let j = from; j < end; j++) readLine(lineAt(lines, j));
  // Advice with no bullet at all is a list whose marks and indentation were lost: each line a point.
  if (bullets === 0) placePending();
  else after += pending.length;
  for (const entry of continued) entry.point.text = oneLine(entry.pieces.join(' '));

  const last = points[points.length - 1];
  const lastCredit =
    closing.credit === null && last && last.points.length === 0 && read.get(last)?.mark !== ''
      ? readCredit(last.text, false)
      : null;
  return {
    points,
    credit: closing.credit,
    lastBullet: lastCredit ? { credit: lastCredit } : null,
    after,
    unmarked: unmarkedPoints,
    flattened: [...flattened],
  };
}
