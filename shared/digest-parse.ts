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
const TITLE = new RegExp(`^(.*?\\S)\\s+${COUNT}\\s+([A-Za-z][A-Za-z-]{1,30})\\s*[.:!]?$`, 'i');
const SITUATION = /^situation\s*:\s*(.*)$/i;
const ADVICE = /^advice\s+from\s+the\s+ceos?\s*:?\s*(.*)$/i;
const TAG_ARCHIVES = /^tag\s+archives?\s*:\s*(.+)$/i;
const POSTS_TAGGED = /^posts\s+tagged\s+['"](.+?)['"]\s*$/i;
const SEPARATOR = /^\[\s*like\s*\]$/i;
const BULLET = /^(\s*)(?:[•◦▪‣●○*+-]|\d{1,3}[.)])\s+(.*)$/;
const CREDIT = new RegExp(
  `^special\\s+thanks\\s+to\\s+(.+?)\\s+of\\s+(.+?)(?:\\s+for\\s+(${CREDIT_PRONOUNS.join('|')})\\b.*|\\s*[.!]?)$`,
  'i',
);

/** Typographic marks to their plain forms, Markdown's emphasis and headings off, tabs to spaces. */
export function normalizeLine(raw: string): string {
  return raw
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/[\u00A0\u2007\u202F\u200B\uFEFF]/g, ' ')
    .replace(/\t/g, '    ')
    .replace(/\s+$/, '');
}

/** A line with Markdown's heading marks, emphasis and backslash escapes taken off, for matching. */
function plain(line: string): string {
  return line
    .trim()
    .replace(/^#{1,6}\s+/, '')
    .replace(/^\*\*(.*?)\*\*/, '$1')
    .replace(/\\([\\`*_[\]<>#|.-])/g, '$1')
    .trim();
}

function unescapeText(text: string): string {
  return text.replace(/\\([\\`*_[\]<>#|.-])/g, '$1');
}

interface Line {
  text: string;
  no: number;
}

function lineAt(lines: Line[], index: number): Line {
  return lines[index] ?? { text: '', no: 0 };
}

export function parseDigest(source: string): DigestParse {
  const lines: Line[] = source.split(/\r\n|\r|\n/).map((raw, i) => ({ text: normalizeLine(raw), no: i + 1 }));
  const posts: ParsedPost[] = [];
  const skipped: SkippedPost[] = [];
  let tags: string[] = [];

  let i = 0;
  while (i < lines.length) {
    const line = plain(lineAt(lines, i).text);
    const header = TAG_ARCHIVES.exec(line) ?? POSTS_TAGGED.exec(line);
    if (header?.[1]) {
      tags = [oneLine(unescapeText(header[1]).replace(/^['"]|['"]$/g, ''))].filter(Boolean);
      i++;
      continue;
    }
    if (!SITUATION.test(line)) {
      i++;
      continue;
    }
    const titleLine = previousNonEmpty(lines, i);
    const end = postEnd(lines, i + 1);
    const parsed = readPost(lines, titleLine, i, end, tags);
    if ('reason' in parsed) skipped.push(parsed);
    else posts.push(parsed);
    i = Math.max(end, i + 1);
  }
  return { posts, skipped };
}

function previousNonEmpty(lines: Line[], index: number): Line | null {
  for (let j = index - 1; j >= 0; j--) {
    const text = plain(lineAt(lines, j).text);
    if (text === '') continue;
    return SEPARATOR.test(text) ? null : lineAt(lines, j);
  }
  return null;
}

/** A post ends at a separator, a tag header, or the next post's title (the line before "Situation:"). */
function postEnd(lines: Line[], from: number): number {
  for (let j = from; j < lines.length; j++) {
    const text = plain(lineAt(lines, j).text);
    if (SEPARATOR.test(text) || TAG_ARCHIVES.test(text) || POSTS_TAGGED.test(text)) return j;
    if (SITUATION.test(text)) {
      let k = j - 1;
      while (k > from && plain(lineAt(lines, k).text) === '') k--;
      return k;
    }
  }
  return lines.length;
}

function readPost(
  lines: Line[],
  titleLine: Line | null,
  start: number,
  end: number,
  tags: string[],
): ParsedPost | SkippedPost {
  const title = titleLine ? oneLine(unescapeText(plain(titleLine.text))) : '';
  const at = titleLine?.no ?? lineAt(lines, start).no;
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
  const situation: string[] = [SITUATION.exec(plain(lineAt(lines, start).text))?.[1] ?? ''];
  let j = start + 1;
  let adviceAt = -1;
  for (; j < end; j++) {
    const text = plain(lineAt(lines, j).text);
    const advice = ADVICE.exec(text);
    if (advice) {
      adviceAt = j;
      break;
    }
    situation.push(text);
  }
  const situationText = oneLine(unescapeText(situation.join(' ')));
  if (adviceAt === -1) return { line: at, title, reason: 'It has no "Advice from the CEOs:" section.' };

  const { points, credit, after } = readAdvice(lines, adviceAt + 1, end);
  if (points.length === 0) return { line: at, title, reason: 'Its advice section has no bullets.' };
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
  const lower = situation.toLowerCase();
  const wanted = oneLine(heading).toLowerCase();
  if (wanted !== '' && lower.endsWith(wanted)) {
    return {
      question: situation.slice(situation.length - wanted.length),
      background: situation.slice(0, situation.length - wanted.length).trim(),
    };
  }
  // Otherwise the last sentence ending in "?" is the question; failing that, the title itself.
  const last = /([^.?!]*\?)\s*$/.exec(situation);
  if (last?.[1] && last[1].trim().length > 3) {
    const question = last[1].trim();
    return { question, background: situation.slice(0, situation.length - last[1].length).trim() };
  }
  return { question: oneLine(heading), background: situation };
}

interface Advice {
  points: DigestPoint[];
  credit: DigestPost['credit'];
  /** Lines of text around the post after the advice, left out. */
  after: number;
}

function readAdvice(lines: Line[], from: number, end: number): Advice {
  const points: DigestPoint[] = [];
  const stack: { indent: number; point: DigestPoint }[] = [];
  let credit: DigestPost['credit'] = null;
  let after = 0;
  let finished = false;
  for (let j = from; j < end; j++) {
    const raw = lineAt(lines, j).text;
    const text = plain(raw);
    if (text === '') continue;
    const thanks = CREDIT.exec(text);
    if (thanks) {
      credit = {
        name: oneLine(unescapeText(thanks[1] ?? '')),
        org: oneLine(unescapeText(thanks[2] ?? '')).replace(/[.!]$/, ''),
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
      stack.push({ indent, point });
      continue;
    }
    // An indented line continues the bullet above it; anything else is text around the post.
    const last = stack[stack.length - 1];
    if (!finished && last && /^\s+/.test(raw)) {
      last.point.text = oneLine(`${last.point.text} ${unescapeText(text)}`);
    } else {
      finished = finished || points.length > 0;
      after++;
    }
  }
  return { points, credit, after };
}
