// Hand-written digest posts that vary as real ones do (typographic quotes and dashes, stray spaces
// and blank lines, tabs and CRLF, any bullet at any indent, both tag headers, a count that disagrees,
// a credit as a closing line, as the last bullet or none, text and page furniture around the posts)
// import exactly as they were written: a fast-check property through the router. Each post comes in
// as its heading, its whole Situation paragraph, its advice and its credit, typography kept.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countWord,
  creditLine,
  foldTypography,
  oneLine,
  titleCase,
  type DigestCredit,
} from '../../shared/digest-format';
import { parseDigest } from '../../shared/digest-parse';
import { openTestBackend, type TestBackend } from './backend-fixture';
import { byName, plainText, shapeOf, type Shape, type Tree } from './digest-shape';

interface HandPoint {
  text: string;
  points: HandPoint[];
}

interface HandPost {
  question: string;
  background: string;
  noun: string;
  points: HandPoint[];
  credit: DigestCredit | null;
}

// Words as a chair types them: plain quotes and dashes (rendering makes some typographic), Unicode,
// numbers and punctuation, nothing that starts a line as Markdown or a bullet would.
const WORDS = [
  'margin',
  'team',
  'board',
  'cash',
  'we',
  'our',
  'CEO',
  'sales',
  'the',
  'a',
  'of',
  'to',
  'and',
  'in',
  'for',
  "don't",
  '"lean"',
  'Zürich',
  'São',
  'Paulo',
  'İstanbul',
  'naïve',
  'Ørsted',
  '東京',
  '€5m',
  '50%',
  'Q3',
  '-',
  'co-founder',
  'ﬁnance',
  'straße',
  'ſo',
  '(and',
  'more)',
  'ok;',
  'e.g.',
  "CFO's",
  '2024',
  '🚀',
  'plan,',
  'two',
  'ideas',
];
const NAME_WORDS = ['Pat', 'Lee', "O'Neil", 'María-José', 'Ørsted', 'van', 'der', 'Berg', 'Jr.'];
const ORG_WORDS = [
  'Lee',
  'Foods',
  '&',
  'Sons',
  'Bank',
  'of',
  'America',
  'Zürich',
  'Group',
  '-',
  'Austin',
  'Inc.',
];
const HAND_TAGS = [
  'Teamwork',
  "CEO's Role",
  'M&A',
  'Cash flow',
  'Zürich office',
  'Co-founders',
  'Pricing - 2024',
];
const NOUNS = ['Thoughts', 'Observations', 'Ways', 'Ideas', 'Takeaways', 'Lessons', 'Take-aways', 'X'];
const JUNK_BEFORE = [
  'Roundtable Forum Blog',
  'Home | About | Contact',
  'Search for:',
  'Recent Posts',
  '« Older posts',
  'Category: Leadership',
];
/** Text after a post's advice, left out with a warning. */
const TEXT_AFTER = ['Related', '© 2015 Roundtable Forum', 'Read more from the forum'];
/** A page's furniture and buttons after a post, passed over without a word. */
const FURNITURE_AFTER = [
  'Posted in Uncategorized | Leave a comment',
  'Leave a comment',
  '3 Comments',
  'Share this:',
  'Like this:',
  'Like Loading...',
];
/** A date or byline between a title and its "Situation:". */
const UNDER_TITLE = [
  'June 3, 2011 by admin',
  'Posted on 14 March 2015',
  'By Pat Lee',
  'Posted in Leadership',
];
const BULLETS = ['•', '-', '*', '◦', '▪', '‣', '●', '+'];

const words = (from: readonly string[], max: number) =>
  fc.array(fc.constantFrom(...from), { minLength: 1, maxLength: max }).map((ws) => ws.join(' '));
const sentence = words(WORDS, 12);
const handPoint = (depth: number): fc.Arbitrary<HandPoint> =>
  fc.record({
    text: sentence,
    points: depth >= 3 ? fc.constant([]) : fc.array(handPoint(depth + 1), { maxLength: depth === 1 ? 3 : 2 }),
  });
const handPost: fc.Arbitrary<HandPost> = fc.record({
  question: fc
    .tuple(sentence, fc.constantFrom('?', '?', '?', '', '.'))
    .map(([text, mark]) => `${text}${mark}`),
  background: fc
    .array(
      fc.tuple(sentence, fc.constantFrom('.', '?', '!')).map(([text, mark]) => `${text}${mark}`),
      { maxLength: 4 },
    )
    .map((sentences) => sentences.join(' ')),
  noun: fc.constantFrom(...NOUNS),
  points: fc.oneof(
    { weight: 9, arbitrary: fc.array(handPoint(1), { minLength: 1, maxLength: 5 }) },
    {
      weight: 1,
      arbitrary: fc.array(
        sentence.map((text) => ({ text, points: [] })),
        { minLength: 21, maxLength: 23 },
      ),
    },
  ),
  credit: fc.option(
    fc.record({
      name: words(NAME_WORDS, 3),
      org: words(ORG_WORDS, 4).filter((org) => /^\p{L}/u.test(org)),
      pronoun: fc.constantFrom('his', 'her', 'their'),
    }),
  ),
});

/** Sections of a file: the first may have no tag header, every later one has one. */
const handFile = fc
  .uniqueArray(handPost, { minLength: 1, maxLength: 5, selector: (p) => plainText(p.question).toLowerCase() })
  .chain((posts) =>
    fc
      .tuple(
        fc.option(fc.constantFrom(...HAND_TAGS)),
        fc.array(fc.constantFrom(...HAND_TAGS), { minLength: posts.length, maxLength: posts.length }),
        fc.array(fc.boolean(), { minLength: posts.length, maxLength: posts.length }),
      )
      .map(([firstTag, tags, newSection]) => {
        const sections: { tag: string | null; posts: HandPost[] }[] = [];
        posts.forEach((post, i) => {
          if (i === 0) sections.push({ tag: firstTag, posts: [post] });
          else if (newSection[i]) sections.push({ tag: tags[i]!, posts: [post] });
          else sections[sections.length - 1]!.posts.push(post);
        });
        return sections;
      }),
  );

interface HandExpectation {
  shape: Shape;
  noun: string;
  warnings: RegExp[];
}

/**
 * Writes the posts as real ones vary, with `g` choosing each variation, and says what each post
 * must import as.
 */
function writeByHand(
  sections: { tag: string | null; posts: HandPost[] }[],
  g: fc.GeneratorValue,
): { text: string; expected: HandExpectation[] } {
  const int = (min: number, max: number) => g(fc.integer, { min, max });
  const chance = (percent: number) => int(1, 100) <= percent;
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const lines: string[] = [];
  const blank = (max = 2) => {
    for (let n = int(0, max); n > 0; n--) lines.push(pick(['', '   ', '\t']));
  };
  // Typographic quotes and dashes, and stray spaces between words.
  const typeset = (text: string) =>
    text
      .replace(/'/g, () => pick(["'", '’', '‘']))
      .replace(/"/g, () => pick(['"', '“', '”']))
      .replace(/-/g, () => pick(['-', '–', '—']))
      .replace(/ /g, () => pick([' ', ' ', ' ', '  ', '\u00A0']));
  /** Splits text across lines between words, before a word that starts with a letter. */
  const wrap = (text: string): string[] => {
    const parts = text.split(' ');
    const out: string[] = [];
    let current: string[] = [];
    for (const word of parts) {
      if (current.length > 0 && /^\p{L}/u.test(word) && chance(15)) {
        out.push(current.join(' '));
        current = [];
      }
      current.push(word);
    }
    out.push(current.join(' '));
    return out;
  };
  const expected: HandExpectation[] = [];

  if (chance(60)) {
    for (let n = int(1, 3); n > 0; n--) lines.push(pick(JUNK_BEFORE));
    blank();
  }
  sections.forEach((section, s) => {
    if (section.tag !== null) {
      if (s > 0 && chance(50)) lines.push('[like]');
      blank();
      const tag = typeset(section.tag);
      lines.push(
        pick([
          `Tag Archives: ${tag}`,
          `TAG ARCHIVES:   ${tag}  `,
          `# Tag Archives: ${tag}`,
          `Posts Tagged ‘${tag}’`,
          `Posts Tagged '${tag}'`,
          `Posts tagged “${tag}”`,
        ]),
      );
      blank();
    }
    section.posts.forEach((post, p) => {
      if (p > 0) {
        blank();
        lines.push(pick(['[like]', '[ like ]', '[Like]', '  [like]  ']));
        blank();
      }
      const n = post.points.length;
      // A credit may come as the last bullet; the title's count then leaves it out.
      const creditAsBullet = post.credit !== null && chance(30);
      const agrees = chance(75);
      const stated = agrees
        ? n
        : pick(
            [...Array.from({ length: 25 }, (_, i) => i + 1)].filter(
              (c) => c !== n && !(creditAsBullet && c === n + 1),
            ),
          );
      const word = stated > 20 || chance(10) ? String(stated) : countWord(stated);
      const count = pick([word, word.toLowerCase(), word.toUpperCase()]);
      // The title is the question in title case, as asked, or (rarely) a headline of its own.
      const heading = typeset(
        chance(10) ? 'A Question for the Group' : chance(70) ? titleCase(post.question) : post.question,
      );
      const title = `${heading} ${count} ${post.noun}${pick(['', '', '.', ':', '!'])}`;
      lines.push(pick([title, `  ${title}  `, `**${title}**`, `## ${title}`]));
      // A date or byline under the title, as a blog page has one.
      if (chance(20)) lines.push(pick(UNDER_TITLE));
      blank();
      const paragraph = typeset(`${post.background} ${post.question}`.trim());
      const label = pick(['Situation:', 'Situation: ', 'Situation:   ', 'SITUATION: ', '**Situation:** ']);
      const [first = '', ...more] = chance(10) ? ['', ...wrap(paragraph)] : wrap(paragraph);
      lines.push(`${label}${first}`, ...more.map((l) => pick(['', ' ', '  ']) + l));
      blank();
      lines.push(
        pick([
          'Advice from the CEOs:',
          'Advice From The CEOs:',
          'Advice from the CEOs',
          '**Advice from the CEOs:**',
          'ADVICE FROM THE CEOS:',
        ]),
      );
      blank(1);
      // Deeper points indent further, by spaces or a tab, each post its own way, and each level has
      // its own bullet.
      const indents = [pick(['', '', ' ', '  ', '\t'])];
      for (let d = 1; d < 4; d++) indents.push(indents[d - 1]! + pick([' ', '  ', '   ', '    ', '\t']));
      const marks = indents.map(() => pick(BULLETS));
      const shown = new Map<HandPoint, string>();
      const bullet = (point: HandPoint, depth: number) => {
        const written = typeset(point.text);
        shown.set(point, written);
        const [head = '', ...rest] = wrap(written);
        lines.push(`${indents[depth]}${marks[depth]}${pick([' ', ' ', '  ', '\t'])}${head}`);
        for (const line of rest) lines.push(`${indents[depth]}${pick([' ', '  ', '    '])}${line}`);
        if (chance(10)) lines.push('');
        for (const child of point.points) bullet(child, depth + 1);
      };
      for (const point of post.points) bullet(point, 0);

      let credit: DigestCredit | null = null;
      if (post.credit) {
        const { pronoun } = post.credit;
        const name = typeset(post.credit.name);
        const org = typeset(post.credit.org);
        const thanks = pick(['Special thanks to', 'Special Thanks to']);
        let sentence: string;
        if (chance(20)) {
          // Without "for …" the pronoun is "their", and a final period ends the sentence.
          sentence = `${thanks} ${name} of ${org}${org.endsWith('.') ? '' : '.'}`;
          credit = { name: oneLine(name), org: oneLine(org).replace(/\.$/, ''), pronoun: 'their' };
        } else {
          const rest = pick([' insight and input to this discussion.', ' insight.', ' help']);
          sentence = `${thanks} ${name} of ${org} for ${pronoun}${rest}`;
          credit = { name: oneLine(name), org: oneLine(org), pronoun };
        }
        // The sentence is kept as written wherever it is not the one Roundtable writes.
        if (oneLine(sentence) !== creditLine(credit)) credit = { ...credit, text: oneLine(sentence) };
        if (creditAsBullet) {
          lines.push(`${indents[0]}${marks[0]} ${sentence}`);
          credit = { ...credit, bullet: true };
        } else {
          blank(1);
          lines.push(sentence);
        }
      }
      const warnings: RegExp[] = [];
      if (!agrees) {
        warnings.push(
          new RegExp(
            `^The title counts \\S+ \\(${stated}\\), but there are ${n} top-level advice points\\.$`,
          ),
        );
      }
      // Text right after a post's advice is left out, with a warning; the page's furniture and what
      // comes after a separator, silently.
      if (chance(15)) {
        const junk = int(1, 2);
        blank(1);
        for (let j = 0; j < junk; j++) lines.push(pick(TEXT_AFTER));
        warnings.push(new RegExp(`^${junk} lines? of text after the advice left out\\.$`));
      }
      if (chance(15)) lines.push(pick(FURNITURE_AFTER));
      const tree = (points: HandPoint[]): Tree[] =>
        points.map((pt) => [oneLine(shown.get(pt) ?? ''), tree(pt.points)]);
      expected.push({
        shape: {
          title: oneLine(heading),
          background: oneLine(paragraph),
          confidential: false,
          tags: section.tag === null ? [] : [section.tag],
          tree: tree(post.points),
          credit,
        },
        noun: post.noun.charAt(0).toUpperCase() + post.noun.slice(1).toLowerCase(),
        warnings,
      });
    });
  });
  if (chance(40)) {
    blank();
    lines.push('[like]');
    blank();
    lines.push(pick([...TEXT_AFTER, ...FURNITURE_AFTER]));
  }
  return { text: lines.join(pick(['\n', '\r\n'])), expected };
}

describe('digest import of hand-written posts', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await openTestBackend();
  });
  afterAll(() => backend.close());

  it('imports posts that vary as real ones do exactly as written, and warns where a count disagrees', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(handFile, fc.gen(), async (sections, g) => {
        const { text, expected } = writeByHand(sections, g);
        const group = await backend.call('group.create', { name: `Blog import ${++run}` });
        const report = await backend.call('import.digest', { groupId: group.id, text });
        expect(report.posts.map((p) => p.skipReason)).toEqual(expected.map(() => null));
        expect(report.situationIds).toHaveLength(expected.length);
        const parsed = parseDigest(text).posts;
        for (const [i, want] of expected.entries()) {
          const row = report.posts[i]!;
          expect(row.warnings).toHaveLength(want.warnings.length);
          want.warnings.forEach((pattern, w) => expect(row.warnings[w]).toMatch(pattern));
          expect(parsed[i]!.noun).toBe(want.noun);
          const thread = await backend.call('situation.get', { id: report.situationIds[i]! });
          // A tag written with other quotes or dashes than one already in the archive is that tag.
          const shape = shapeOf(thread, true);
          expect({ ...shape, tags: shape.tags.map(foldTypography) }).toEqual({
            ...want.shape,
            tags: want.shape.tags.map(foldTypography).sort(byName),
          });
        }
      }),
      { numRuns: 150 },
    );
  });
});
