// The digest round trip through the router. A seeded, realistic archive exported as full Markdown
// digests (one per tag, and a selection) and imported into fresh groups comes back as
// `expectedBack` defines "the same"; and hand-written posts that vary as real ones do import as
// they were written.
//
// What a digest carries, and so what "the same" means (`expectedBack`):
// - the question (the situation's title), its background and, in a full digest, its credit;
// - the advice tree: every point that is not a question (advice, experience, observation), with its
//   sub-points in order; questions (leaves here) and removed points with their sub-points are left
//   out, and a situation with no advice left comes back with none;
// - text with whitespace runs folded to one space (a post's paragraph is one line) and typographic
//   quotes, dashes and spaces made plain (the importer's documented tolerance, digest-parse.ts);
// - a background that already ends with the question prints it once, so it comes back without it;
// - a tag digest carries its one tag: importing every tag's digest gives each situation all of its
//   tags; a selection carries none;
// - a situation is its question and background: the same question asked again with another
//   background comes back as another situation.
// What it does not carry: authors, kinds (every point comes back as advice by the "Imported" guest,
// who also presents), endorsements, status (imported ones are processed) and the confidential flag
// (a confidential situation leaves only when the chair includes it, and comes back not confidential).
// Markdown only: the importer reads text and Markdown, not the HTML export.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countWord, titleCase, type DigestCredit } from '../../shared/digest-format';
import { parseDigest } from '../../shared/digest-parse';
import type { ContributionKind, SituationThread } from '../../shared/domain';
import { createArchiveGenerator } from '../bench/archive-generator';
import { openTestBackend, type TestBackend } from './backend-fixture';

/** A point of the tree as written: its body, nested points, and in order. */
type Tree = [body: string, points: Tree[]];

interface Shape {
  title: string;
  background: string;
  tags: string[];
  tree: Tree[];
  credit: DigestCredit | null;
}

/** Typographic marks as the importer reads them, whitespace folded: spelled out here, not imported. */
function plainText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/[\u00A0\u2007\u202F\u200B\uFEFF]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function byName(a: string, b: string): number {
  return a.localeCompare(b, 'en');
}

/** A situation as it reads back out of the archive, checking what every imported one shares. */
function shapeOf(thread: SituationThread, imported: boolean): Shape {
  if (imported) {
    expect(thread.presenter).toMatchObject({ name: 'Imported', role: 'guest' });
    expect(thread.situation).toMatchObject({ status: 'processed', confidential: false });
    for (const c of thread.contributions) {
      expect(c).toMatchObject({ kind: 'advice', authorName: 'Imported', endorsedBy: [] });
    }
  }
  const tree = (parent: string | null): Tree[] =>
    thread.contributions.filter((c) => c.parentId === parent).map((c) => [c.body, tree(c.id)]);
  return {
    title: thread.situation.title,
    background: thread.situation.background,
    tags: thread.tags.map((t) => t.name).sort(byName),
    tree: tree(null),
    credit: thread.situation.credit,
  };
}

// ---------------------------------------------------------------------------------------------
// A generated archive
// ---------------------------------------------------------------------------------------------

interface PlannedPoint {
  kind: ContributionKind;
  body: string;
  author: number;
  removed: boolean;
  endorsers: number[];
  points: PlannedPoint[];
}

interface PlannedSituation {
  question: string;
  background: string;
  presenter: number;
  confidential: boolean;
  credit: DigestCredit | null;
  tags: string[];
  points: PlannedPoint[];
}

const TAGS = [
  'Teamwork',
  'Succession',
  'M&A',
  'Cash_flow',
  'Pricing [2024]',
  '#remote',
  'C-suite hiring',
  'Führung',
  'R\\D',
];

// Real-world text that Markdown, the seed format or Unicode could trip over.
const HOSTILE_QUESTIONS = [
  'Should I open an office in İstanbul?',
  'Is ﬁnancing the expansion with debt wise?',
  'Should I raise prices by +5% or 10%?',
  'How do I handle a *toxic* top performer?',
  'When is it time to hire a COO – or a president?',
  'Should we keep backups on C:\\ or in the cloud?',
  'Should I hire two salespeople',
  'Succession',
  'Tag Archives: should we blog about our wins?',
  'Situation: what now?',
  'Straße or Strasse: does the rebrand need a German name?',
];
const HOSTILE_BACKGROUNDS = [
  'Margins fell from 5% to 3% (*gross*, not net) per the #3 report | v2_final.',
  'The files live in C:\\Finance\\Board\\2024.',
  'Why now? Because the bank asked. What then? Nobody knows.',
  'Offices in İstanbul, Zürich and São Paulo; ﬁnance sits in Zürich.',
  'The CFO said “no” — twice – and she’s usually right.',
  '+ 5% is the plan for next year.',
  '- Three customers left in Q3.',
  '1. Revenue is flat. 2. Costs are up.',
  '# of customers doubled.',
  '[like] buttons on our site drive 30% of leads.',
  'Line one of the notes.\n\n  Line two, after a blank line.',
  'Advice from the CEOs: has helped us before.',
];
const HOSTILE_POINTS = [
  '+ 5% price rise, announced in writing.',
  '- Cut the bottom 10% of SKUs.',
  '1. Call the bank. 2. Call the board.',
  '* Never * sign a personal guarantee.',
  '• Keep a bulleted list of risks.',
  '# of customers matters more than revenue.',
  'Situation: the bank calls the loan. Plan for it.',
  'Advice from the CEOs: listen first.',
  'Special thanks to nobody of nowhere for their insight.',
  '[like]',
  'Keep the files in C:\\Finance\\Board; keep *.xlsx out of email.',
  '<b>Bold</b> & <i>brave</i> > timid',
  'Prices: `$5` -> `$7`, margins _up_ | costs ~flat~.',
  'Open the İstanbul, Zürich and São Paulo offices in that order.',
  'The ﬁnance team said “no” — twice – and they’re right.',
  'Tag Archives: keep them.',
  'Twenty Ideas',
  'Ask: what would you do? Then listen.',
  'Write it down.\nThen sleep on it.',
];

const MEMBERS = 9;
const SITUATIONS = 110;

/** A realistic archive from the bench's seeded generator, with the hostile text sprinkled in. */
function planArchive(seed: number): PlannedSituation[] {
  const gen = createArchiveGenerator(seed);
  const chance = (percent: number) => gen.int(1, 100) <= percent;
  const pick = <T>(items: readonly T[]): T => items[gen.int(0, items.length - 1)]!;

  const point = (depth: number, topic: string, forceAdvice = false): PlannedPoint => {
    const roll = forceAdvice ? 1 : gen.int(1, 100);
    const kind: ContributionKind =
      roll <= 68 ? 'advice' : roll <= 80 ? 'experience' : roll <= 88 ? 'observation' : 'question';
    const body =
      kind === 'question' ? gen.question(topic) : chance(10) ? pick(HOSTILE_POINTS) : gen.advice(topic);
    const children = kind === 'question' || depth >= 4 || !chance(45) ? 0 : gen.int(1, 3);
    return {
      kind,
      body,
      author: gen.int(0, MEMBERS - 1),
      removed: kind !== 'question' && !forceAdvice && chance(4),
      endorsers: chance(20) ? [gen.int(0, MEMBERS - 1)] : [],
      points: Array.from({ length: children }, () => point(depth + 1, topic)),
    };
  };

  const situations: PlannedSituation[] = [];
  for (let i = 0; i < SITUATIONS; i++) {
    const topic = gen.topic();
    const question = i < HOSTILE_QUESTIONS.length ? HOSTILE_QUESTIONS[i]! : gen.question(topic);
    let background = chance(6) ? '' : gen.background(topic);
    if (chance(25)) background = `${background} ${pick(HOSTILE_BACKGROUNDS)}`.trim();
    if (chance(4)) background = `${pick(HOSTILE_BACKGROUNDS)} ${background}`.trim();
    // A background that ends with its own question: the post prints the question once.
    if (i === 20) background = `${background} ${question}`;
    const topLevel = i === 21 ? 22 : gen.int(0, 6);
    situations.push({
      question,
      background,
      presenter: gen.int(0, MEMBERS - 1),
      confidential: chance(5),
      credit: chance(20)
        ? {
            name: gen.name(),
            org: gen.company(),
            pronoun: pick(['his', 'her', 'their'] as const),
          }
        : null,
      tags: [...new Set(Array.from({ length: gen.int(0, 3) }, () => pick(TAGS)))],
      points: Array.from({ length: topLevel }, () => point(1, topic, i === 21)),
    });
  }
  // The same question asked again years later, with another background: a different situation.
  const again = situations[30]!;
  situations.push({ ...situations[31]!, question: again.question, tags: [...again.tags] });
  return situations;
}

function digestTree(points: PlannedPoint[]): Tree[] {
  return points
    .filter((p) => p.kind !== 'question' && !p.removed)
    .map((p) => [plainText(p.body), digestTree(p.points)]);
}

/** What a situation's digest post gives back on import: the definition of "the same". */
function expectedBack(s: PlannedSituation, tags: readonly string[]): Shape {
  const question = plainText(s.question);
  let background = plainText(s.background);
  if (background.toLowerCase().endsWith(question.toLowerCase())) {
    background = background.slice(0, background.length - question.length).trim();
  }
  return {
    title: question,
    background,
    tags: [...tags].sort(byName),
    tree: digestTree(s.points),
    credit: s.credit && {
      name: plainText(s.credit.name),
      org: plainText(s.credit.org),
      pronoun: s.credit.pronoun,
    },
  };
}

function identity(shape: Pick<Shape, 'title' | 'background'>): string {
  return `${shape.title}\n${shape.background}`.toLowerCase();
}

describe('digest round trip of a generated archive', () => {
  let backend: TestBackend;
  let planned: PlannedSituation[];
  let ids: string[];
  const tagIds = new Map<string, string>();

  beforeAll(async () => {
    backend = await openTestBackend();
    planned = planArchive(20_260_301);
    const gen = createArchiveGenerator(7);
    const group = await backend.call('group.create', { name: 'Forum 12' });
    const members: string[] = [];
    for (let m = 0; m < MEMBERS; m++) {
      const member = await backend.call('member.create', {
        groupId: group.id,
        name: gen.name(),
        company: gen.company(),
        role: m === 0 ? 'chair' : 'member',
      });
      members.push(member.id);
    }
    ids = [];
    for (const s of planned) {
      const situation = await backend.call('situation.create', {
        groupId: group.id,
        presenterId: members[s.presenter]!,
        title: s.question,
        background: s.background,
        confidential: s.confidential,
        credit: s.credit,
      });
      ids.push(situation.id);
      for (const tag of s.tags) {
        const tags = await backend.call('situation.tag', { situationId: situation.id, name: tag });
        tagIds.set(tag, tags.find((t) => t.name === tag)!.id);
      }
      const write = async (points: PlannedPoint[], parentId: string | null) => {
        for (const p of points) {
          const added = await backend.call('contribution.add', {
            situationId: situation.id,
            parentId,
            authorId: members[p.author]!,
            kind: p.kind,
            body: p.body,
          });
          for (const e of p.endorsers.filter((e) => e !== p.author)) {
            await backend.call('contribution.endorse', { contributionId: added.id, memberId: members[e]! });
          }
          await write(p.points, added.id);
          if (p.removed) await backend.call('contribution.remove', { contributionId: added.id });
        }
      };
      await write(s.points, null);
    }
  });
  afterAll(() => backend.close());

  async function shapes(situationIds: string[], imported: boolean): Promise<Shape[]> {
    return Promise.all(
      situationIds.map(async (id) => shapeOf(await backend.call('situation.get', { id }), imported)),
    );
  }

  it('is a realistic archive: nested, multi-author, mixed kinds, tagged, and the original reads as planned', async () => {
    const points = (ps: PlannedPoint[]): PlannedPoint[] => ps.flatMap((p) => [p, ...points(p.points)]);
    const all = planned.flatMap((s) => points(s.points));
    const depth = (ps: PlannedPoint[]): number => Math.max(0, ...ps.map((p) => 1 + depth(p.points)));
    expect(all.length).toBeGreaterThan(400);
    expect(Math.max(...planned.map((s) => depth(s.points)))).toBeGreaterThanOrEqual(4);
    expect(new Set(all.map((p) => p.kind))).toEqual(
      new Set(['advice', 'experience', 'observation', 'question']),
    );
    expect(new Set(all.map((p) => p.author)).size).toBe(MEMBERS);
    expect(planned.filter((s) => s.tags.length > 1).length).toBeGreaterThan(10);
    expect(planned.filter((s) => digestTree(s.points).length === 0).length).toBeGreaterThan(0);
    expect(planned.some((s) => s.confidential)).toBe(true);
    // The source itself holds what was planned, removed points aside.
    const source = await shapes(ids, false);
    const stored = (ps: PlannedPoint[]): Tree[] =>
      ps.filter((p) => !p.removed).map((p) => [p.body.trim(), stored(p.points)]);
    source.forEach((shape, i) => expect(shape.tree).toEqual(stored(planned[i]!.points)));
  });

  it('comes back the same from every tag’s digest imported into a fresh group: questions, backgrounds, trees, credits and all tags', async () => {
    const fresh = await backend.call('group.create', { name: 'Fresh from tags' });
    const imported = new Set<string>();
    for (const [tag, tagId] of tagIds) {
      const exported = await backend.call('export.digest', { tagId, format: 'markdown', level: 'full' });
      const tagged = planned.filter((s) => s.tags.includes(tag));
      const shown = tagged.filter((s) => !s.confidential);
      expect(exported.situationCount).toBe(shown.length);
      expect(exported.omittedConfidential).toBe(tagged.length - shown.length);

      const report = await backend.call('import.digest', { groupId: fresh.id, text: exported.content });
      expect(report.posts).toHaveLength(shown.length);
      shown.forEach((s, i) => {
        const row = report.posts[i]!;
        const expected = expectedBack(s, [tag]);
        expect(row).toMatchObject({ question: expected.title, tags: [tag] });
        if (imported.has(identity(expected))) {
          // Imported from an earlier tag's digest already: this one adds its tag to it.
          expect(row.skipReason).toBe(
            'This situation (its question and background) is already in the group.',
          );
          expect(row.warnings).toEqual([`Its tag “${tag}” is added to that situation.`]);
        } else {
          expect(row).toMatchObject({ skipReason: null, warnings: [] });
          imported.add(identity(expected));
        }
      });
      expect(report.situationIds).toHaveLength(report.posts.filter((p) => p.skipReason === null).length);
    }

    // A selection of every situation, the confidential ones included by the chair, adds what no tag
    // digest carried; the situations already there are skipped and keep their tags.
    const selection = await backend.call('export.digest', {
      situationIds: ids,
      format: 'markdown',
      level: 'full',
      includeConfidential: true,
    });
    const rest = await backend.call('import.digest', { groupId: fresh.id, text: selection.content });
    expect(rest.imported).toBe(planned.filter((s) => s.tags.length === 0 || s.confidential).length);
    expect(rest.posts.every((p) => p.warnings.length === 0)).toBe(true);

    const back = await backend.call('situation.list', { groupId: fresh.id });
    const actual = await shapes(
      back.map((b) => b.id),
      true,
    );
    const expected = planned.map((s) => expectedBack(s, s.confidential ? [] : s.tags));
    const order = (a: Shape, b: Shape) => byName(identity(a), identity(b));
    expect(actual.sort(order)).toEqual(expected.sort(order));
  });

  it('comes back the same, in order, from a selection imported into a fresh group, and a second round trip changes nothing', async () => {
    const exportAll = (situationIds: string[]) =>
      backend.call('export.digest', {
        situationIds,
        format: 'markdown',
        level: 'full',
        includeConfidential: true,
      });
    const first = await exportAll(ids);
    const fresh = await backend.call('group.create', { name: 'Fresh from a selection' });
    const report = await backend.call('import.digest', { groupId: fresh.id, text: first.content });
    expect(report).toMatchObject({ imported: planned.length, skipped: 0 });
    expect(report.posts.flatMap((p) => p.warnings)).toEqual([]);
    expect(await shapes(report.situationIds, true)).toEqual(planned.map((s) => expectedBack(s, [])));
    // The 22-point post counts in numerals, the advice-less ones count 0, and both read back.
    expect(first.content).toMatch(/ 22 Observations\n/);
    expect(first.content).toMatch(/ 0 Observations\n/);

    const second = await exportAll(report.situationIds);
    const again = await backend.call('group.create', { name: 'Fresh again' });
    const secondReport = await backend.call('import.digest', { groupId: again.id, text: second.content });
    expect((await exportAll(secondReport.situationIds)).content).toBe(second.content);
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-written posts
// ---------------------------------------------------------------------------------------------

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
const JUNK_AFTER = [
  'Posted in Uncategorized | Leave a comment',
  'Share this:',
  'Like this:',
  'Related',
  '© 2015 Roundtable Forum',
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
      const agrees = chance(75);
      const stated = agrees
        ? n
        : pick([...Array.from({ length: 25 }, (_, i) => i + 1)].filter((c) => c !== n));
      const word = stated > 20 || chance(10) ? String(stated) : countWord(stated);
      const count = pick([word, word.toLowerCase(), word.toUpperCase()]);
      const question = plainText(post.question);
      // The title is the question in title case, as written, or (rarely) a headline of its own: then
      // the question is the last sentence of the situation that ends in "?".
      const ownHeadline = chance(10) && /^[^.?!]{3,}\?$/.test(question) && !/[^.?!]$/.test(post.background);
      const heading = ownHeadline
        ? 'A Question for the Group'
        : chance(70)
          ? titleCase(post.question)
          : post.question;
      const title = `${typeset(heading)} ${count} ${post.noun}${pick(['', '', '.', ':', '!'])}`;
      lines.push(pick([title, `  ${title}  `, `**${title}**`, `## ${title}`]));
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
      // Deeper points indent further, by spaces or a tab, each post its own way.
      const indents = [pick(['', '', ' ', '  ', '\t'])];
      for (let d = 1; d < 4; d++) indents.push(indents[d - 1]! + pick([' ', '  ', '   ', '    ', '\t']));
      const bullet = (point: HandPoint, depth: number) => {
        const [head = '', ...rest] = wrap(typeset(point.text));
        lines.push(`${indents[depth]}${pick(BULLETS)}${pick([' ', ' ', '  ', '\t'])}${head}`);
        for (const line of rest) lines.push(`${indents[depth]}${pick([' ', '  ', '    '])}${line}`);
        if (chance(10)) lines.push('');
        for (const child of point.points) bullet(child, depth + 1);
      };
      for (const point of post.points) bullet(point, 0);

      let credit: DigestCredit | null = null;
      if (post.credit) {
        blank(1);
        const { name, org, pronoun } = post.credit;
        const thanks = pick(['Special thanks to', 'Special Thanks to']);
        if (chance(20)) {
          // Without "for …" the pronoun is "their", and a final period ends the sentence.
          lines.push(`${thanks} ${typeset(name)} of ${typeset(org)}${org.endsWith('.') ? '' : '.'}`);
          credit = { name: plainText(name), org: plainText(org).replace(/\.$/, ''), pronoun: 'their' };
        } else {
          const rest = pick([' insight and input to this discussion.', ' insight.', ' help']);
          lines.push(`${thanks} ${typeset(name)} of ${typeset(org)} for ${pronoun}${rest}`);
          credit = { name: plainText(name), org: plainText(org), pronoun };
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
      // Text right after a post's advice is left out, with a warning; after a separator, silently.
      if (chance(15)) {
        const junk = int(1, 2);
        blank(1);
        for (let j = 0; j < junk; j++) lines.push(pick(JUNK_AFTER));
        warnings.push(new RegExp(`^${junk} lines? of text after the advice left out\\.$`));
      }
      const tree = (points: HandPoint[]): Tree[] => points.map((pt) => [plainText(pt.text), tree(pt.points)]);
      expected.push({
        shape: {
          title: question,
          background: plainText(post.background),
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
    lines.push(pick(JUNK_AFTER));
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
          expect(shapeOf(thread, true)).toEqual({ ...want.shape, tags: [...want.shape.tags].sort(byName) });
        }
      }),
      { numRuns: 150 },
    );
  });
});
