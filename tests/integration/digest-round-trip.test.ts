// The digest round trip through the router. A seeded, realistic archive exported as full Markdown
// digests (one per tag, and a selection) and imported into fresh groups comes back as
// `expectedBack` defines "the same"; and, over generated archives with typography and credits of
// every form, export → import → export writes the same digest byte for byte, full and anonymized,
// for a tag, a selection and all situations. Hand-written posts: digest-hand-written.test.ts.
//
// What a digest carries, and so what "the same" means (`expectedBack`):
// - the post's title and its Situation paragraph, which come back as the situation's title (the
//   question in title case) and its background (the background ending with the question, once), as
//   written, typographic quotes, dashes and non-breaking spaces included;
// - in a full digest, its credit, and the "Confidential" label of a confidential situation the
//   chair included, which comes back confidential;
// - the advice tree: every point that is not a question (advice, experience, observation), with its
//   sub-points in order; questions (leaves here) and removed points with their sub-points are left
//   out. A situation with no advice left is no post unless the chair asks for it
//   (includeWithoutAdvice, which these exports do), and then comes back with none;
// - text with whitespace runs folded to one space (a post's paragraph is one line);
// - a tag digest carries its one tag: importing every tag's digest gives each situation all of its
//   tags; a selection carries all of them, its untagged posts first and then a "Tag Archives:"
//   section per tag by name, a post with two tags in both (the importer adds the second's tag);
// - a situation is its question and paragraph: the same question asked again with another
//   background comes back as another situation.
// What it does not carry: authors, kinds (every point comes back as advice by the group's digest
// voice, who also presents), endorsements and status (imported ones are processed).
// Markdown only: the importer reads text and Markdown, not the HTML export.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  foldTypography,
  oneLine,
  situationParagraph,
  titleCase,
  type DigestCredit,
} from '../../shared/digest-format';
import { parseDigest } from '../../shared/digest-parse';
import type { ContributionKind } from '../../shared/domain';
import { createArchiveGenerator } from '../bench/archive-generator';
import { openTestBackend, type TestBackend } from './backend-fixture';
import { byName, shapeOf, type Shape, type Tree } from './digest-shape';

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
    .map((p) => [oneLine(p.body), digestTree(p.points)]);
}

/**
 * What a situation's digest post gives back on import: the definition of "the same". `confidential`
 * when the digest included it, labelled.
 */
function expectedBack(s: PlannedSituation, tags: readonly string[], confidential = false): Shape {
  const question = s.question.trim();
  return {
    title: titleCase(question),
    background: situationParagraph({ question, background: s.background.trim() }),
    confidential,
    tags: [...tags].sort(byName),
    tree: digestTree(s.points),
    credit: s.credit && {
      name: oneLine(s.credit.name),
      org: oneLine(s.credit.org),
      pronoun: s.credit.pronoun,
    },
  };
}

/** The order of a selection's tag sections (digest-render.ts): by name, letter case aside. */
function byTagName(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

function identity(shape: Pick<Shape, 'title' | 'background'>): string {
  return foldTypography(`${shape.title}\n${shape.background}`).toLowerCase();
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
      const exported = await backend.call('export.digest', {
        tagId,
        format: 'markdown',
        level: 'full',
        includeWithoutAdvice: true,
      });
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
    // digest carried, with their tags; the situations already there are skipped and keep theirs.
    const selection = await backend.call('export.digest', {
      situationIds: ids,
      format: 'markdown',
      level: 'full',
      includeConfidential: true,
      includeWithoutAdvice: true,
    });
    const rest = await backend.call('import.digest', { groupId: fresh.id, text: selection.content });
    expect(rest.imported).toBe(planned.filter((s) => s.tags.length === 0 || s.confidential).length);
    // Only a confidential situation's second tag is news: no tag digest carried it.
    expect(rest.posts.flatMap((p) => p.warnings).sort()).toEqual(
      planned
        .filter((s) => s.confidential)
        .flatMap((s) => [...s.tags].sort(byTagName).slice(1))
        .map((tag) => `Its tag “${tag}” is added to that situation.`)
        .sort(),
    );

    const back = await backend.call('situation.list', { groupId: fresh.id });
    const actual = await shapes(
      back.map((b) => b.id),
      true,
    );
    // Confidential ones came only with the selection, which labelled them.
    const expected = planned.map((s) => expectedBack(s, s.tags, s.confidential));
    const order = (a: Shape, b: Shape) => byName(identity(a), identity(b));
    expect(actual.sort(order)).toEqual(expected.sort(order));
  });

  it('comes back the same, tags and all, in the order of its sections, from a selection imported into a fresh group, and a second round trip changes nothing', async () => {
    const exportAll = (situationIds: string[]) =>
      backend.call('export.digest', {
        situationIds,
        format: 'markdown',
        level: 'full',
        includeConfidential: true,
        includeWithoutAdvice: true,
      });
    const first = await exportAll(ids);
    const fresh = await backend.call('group.create', { name: 'Fresh from a selection' });
    const report = await backend.call('import.digest', { groupId: fresh.id, text: first.content });
    // Each tag past a situation's first (by name) is a repeat of its post in that tag's section.
    const repeats = planned.reduce((n, s) => n + Math.max(0, s.tags.length - 1), 0);
    expect(repeats).toBeGreaterThan(10);
    expect(report).toMatchObject({ imported: planned.length, skipped: repeats });
    expect(report.posts.flatMap((p) => p.warnings)).toHaveLength(repeats);
    // Imported in the order first written: the untagged posts, then each tag's section by name.
    const sections = [...new Set(planned.flatMap((s) => s.tags))].sort(byTagName);
    const order = [
      ...planned.filter((s) => s.tags.length === 0),
      ...sections.flatMap((tag) =>
        planned.filter((s) => s.tags.length > 0 && [...s.tags].sort(byTagName)[0] === tag),
      ),
    ];
    expect(await shapes(report.situationIds, true)).toEqual(
      order.map((s) => expectedBack(s, s.tags, s.confidential)),
    );
    // The 22-point post counts in numerals, the advice-less ones count 0, and both read back.
    expect(first.content).toMatch(/ 22 Observations\n/);
    expect(first.content).toMatch(/ 0 Observations\n/);
    // Unless the chair asks, a post without advice is left out.
    const bare = planned.filter((s) => digestTree(s.points).length === 0).length;
    const asPublished = await backend.call('export.digest', {
      situationIds: ids,
      format: 'markdown',
      level: 'full',
      includeConfidential: true,
    });
    expect(asPublished).toMatchObject({ situationCount: planned.length - bare, omittedWithoutAdvice: bare });
    expect(asPublished.content).not.toMatch(/ 0 Observations\n/);

    // The same selection of what came back writes the same digest, byte for byte.
    const back = new Map(order.map((s, i) => [s, report.situationIds[i]!]));
    const second = await exportAll(planned.map((s) => back.get(s)!));
    expect(second.content).toBe(first.content);
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-written posts
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Byte for byte, over generated archives
// ---------------------------------------------------------------------------------------------
// An archive of situations brought to the group and of posts imported from a page: typographic
// quotes, apostrophes, dashes, ellipses and non-breaking spaces throughout, Markdown's and HTML's
// characters, credits as Roundtable writes them, as a post's own closing sentence and as its last
// bullet, confidential situations, nested advice and tags. Each digest of it (full and anonymized;
// one tag's, a selection's, all situations') imported into an archive of its own and exported again
// is the same file. An anonymized digest leaves confidential situations out and says so in a
// notice: the archive it is imported into has nothing left out, and no notice.

const RT_WORDS = [
  'margin',
  'team',
  'board',
  'cash',
  'the',
  'a',
  'of',
  'to',
  'and',
  'we',
  'don’t',
  'CEO’s',
  'they’re',
  "can't",
  '“lean”',
  '‘no’',
  '"plain"',
  '–',
  '—',
  'growth—fast',
  '2019–2024',
  'wait…',
  '…and',
  '5\u00A0%',
  'Mr.\u00A0Lee',
  'Q3\u202Fresults',
  'R&D',
  '&amp;',
  '&#8217;',
  '<b>',
  '*not*',
  '_now_',
  '#3',
  'C:\\Board',
  '[like]',
  '|',
  '`x`',
  'Zürich',
  'İstanbul',
  'ﬁnance',
  '🚀',
  '50%',
  'e.g.',
  '(and',
  'more)',
  'Ana',
  'Okafor',
];
const RT_POINTS = [
  'Special thanks to nobody of nowhere for their insight.',
  '1. Call the bank.',
  '- Cut the bottom 10%.',
  '+ 5% in writing.',
  'Confidential',
  'Like this:',
  'Posted in Leadership',
];
const RT_TAGS = [
  'Teamwork',
  'CEO’s Role',
  'M&A',
  'Pricing – 2024',
  'R\\D',
  '#remote',
  'Führung',
  'Cash_flow',
];
const RT_NOUNS = ['Ideas', 'Thoughts', 'Ways', 'Observations', 'Lessons', 'Take-aways'];
const RT_MEMBERS = [
  { name: 'Ana Ruiz', company: 'Ruiz Logistics' },
  { name: 'Ben Okafor', company: 'Okafor Foods' },
];
const RT_CREDITS = [
  { name: 'Pat Lee', org: 'Lee Foods & Sons' },
  { name: 'María-José O’Neil', org: 'O’Neil Group — Austin' },
];

interface RtPoint {
  text: string;
  points: RtPoint[];
}

type RtCredit = {
  person: number;
  pronoun: DigestCredit['pronoun'];
  /** Roundtable's sentence (given at situation.create); a post's own closing sentence, or its last bullet. */
  form: 'roundtable' | 'line' | 'bullet';
  ending: string;
  address: boolean;
} | null;

interface RtSituation {
  imported: boolean;
  question: string;
  background: string;
  points: RtPoint[];
  credit: RtCredit;
  tags: string[];
  confidential: boolean;
  noun: string;
}

const rtSentence = fc
  .array(fc.constantFrom(...RT_WORDS), { minLength: 1, maxLength: 8 })
  .map((ws) => ws.join(' '));
const rtPoint = (depth: number): fc.Arbitrary<RtPoint> =>
  fc.record({
    text: fc.oneof(
      { weight: 6, arbitrary: rtSentence },
      { weight: 1, arbitrary: fc.constantFrom(...RT_POINTS) },
    ),
    points: depth >= 2 ? fc.constant([]) : fc.array(rtPoint(depth + 1), { maxLength: 2 }),
  });
const rtSituation: fc.Arbitrary<RtSituation> = fc
  .record({
    imported: fc.boolean(),
    question: rtSentence,
    background: fc
      .array(
        rtSentence.map((t) => `${t}.`),
        { maxLength: 3 },
      )
      .map((ss) => ss.join(' ')),
    points: fc.array(rtPoint(0), { maxLength: 4 }),
    credit: fc.option(
      fc.record({
        person: fc.integer({ min: 0, max: RT_CREDITS.length - 1 }),
        pronoun: fc.constantFrom('his', 'her', 'their'),
        form: fc.constantFrom('roundtable', 'line', 'bullet'),
        ending: fc.constantFrom('insight and input to this discussion.', 'situation.', 'help!'),
        address: fc.boolean(),
      }),
    ),
    tags: fc.uniqueArray(fc.constantFrom(...RT_TAGS), { maxLength: 3 }),
    confidential: fc.boolean(),
    noun: fc.constantFrom(...RT_NOUNS),
  })
  // A situation brought to the group has a credit only as Roundtable writes it.
  .map((s) => ({
    ...s,
    credit: s.credit && !s.imported ? { ...s.credit, form: 'roundtable' as const } : s.credit,
  }));
const rtArchive = fc.record({
  situations: fc.array(rtSituation, { minLength: 1, maxLength: 6 }),
  noun: fc.constantFrom('Observations', 'Ideas'),
  // Which situations a selection takes, and in what order.
  selection: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
});

const rtTree = (points: RtPoint[], depth = 0): string[] =>
  points.flatMap((p) => [
    `${'  '.repeat(depth)}${depth === 0 ? '•' : '◦'} ${p.text}`,
    ...rtTree(p.points, depth + 1),
  ]);

/** A page's post, as a blog wrote it: its heading in its own capitals, a date, bullets, its credit. */
function pagePost(s: RtSituation): string {
  const credit = s.credit && RT_CREDITS[s.credit.person]!;
  const sentence =
    s.credit && credit
      ? `Special thanks to ${credit.name} of ${credit.org}${s.credit.address ? ' (http://example.org/forum)' : ''} for ${s.credit.pronoun} ${s.credit.ending}`
      : null;
  const bulleted = s.credit?.form === 'bullet';
  const count = s.points.length;
  return [
    ...(s.tags[0] ? [`Tag Archives: ${s.tags[0]}`] : []),
    ...(s.confidential ? ['**Confidential**', ''] : []),
    `${s.question} ${count === 1 ? 'One' : String(count)} ${count === 1 ? s.noun.replace(/s$/, '') : s.noun}`,
    'June 3, 2011 by admin',
    '',
    `Situation: ${s.background} ${s.question}`.trim(),
    '',
    'Advice from the CEOs:',
    ...rtTree(s.points),
    ...(sentence ? [bulleted ? `• ${sentence}` : sentence] : []),
    '',
    'Leave a comment',
  ].join('\n');
}

/** The situation's key as a digest names it: its title and background, as the importer reads them. */
function keyOf(title: string, background: string): string {
  return `${title}\n${background}`;
}

describe('digest round trip, byte for byte', () => {
  it('exports the same digest again from what a digest imported: full and anonymized; a tag, a selection and all situations', async () => {
    let runs = 0;
    const seen = { bullet: 0, line: 0, roundtable: 0, confidential: 0 };
    await fc.assert(
      fc.asyncProperty(rtArchive, async (plan) => {
        const source = await openTestBackend();
        const targets: TestBackend[] = [];
        try {
          const group = await source.call('group.create', { name: `Forum ${++runs}` });
          const members: { id: string }[] = [];
          for (const m of RT_MEMBERS) {
            members.push(await source.call('member.create', { groupId: group.id, ...m }));
          }
          // Every question its own, so no two posts are one situation.
          const situations = plan.situations.map((s, i) => ({
            ...s,
            question: `${s.question} (case ${i + 1})?`,
          }));
          for (const s of situations) {
            if (s.imported) {
              const report = await source.call('import.digest', { groupId: group.id, text: pagePost(s) });
              expect(report.situationIds, JSON.stringify(report.posts)).toHaveLength(1);
              const id = report.situationIds[0]!;
              for (const tag of s.tags.slice(1))
                await source.call('situation.tag', { situationId: id, name: tag });
              const { situation } = await source.call('situation.get', { id });
              // The archive holds the forms it was meant to.
              expect(situation.confidential).toBe(s.confidential);
              if (s.credit) expect(situation.credit?.bullet === true).toBe(s.credit.form === 'bullet');
              if (s.credit) seen[s.credit.form]++;
              continue;
            }
            const credit = s.credit && RT_CREDITS[s.credit.person]!;
            const situation = await source.call('situation.create', {
              groupId: group.id,
              presenterId: members[0]!.id,
              title: s.question,
              background: s.background,
              confidential: s.confidential,
              credit: credit && s.credit && { name: credit.name, org: credit.org, pronoun: s.credit.pronoun },
            });
            if (s.credit) seen.roundtable++;
            for (const tag of s.tags)
              await source.call('situation.tag', { situationId: situation.id, name: tag });
            const write = async (points: RtPoint[], parentId: string | null) => {
              for (const [i, p] of points.entries()) {
                const added = await source.call('contribution.add', {
                  situationId: situation.id,
                  parentId,
                  authorId: members[i % members.length]!.id,
                  kind: 'advice',
                  body: p.text,
                });
                await write(p.points, added.id);
              }
            };
            await write(s.points, null);
          }
          if (situations.some((s) => s.confidential)) seen.confidential++;

          const all = (await source.call('situation.list', { groupId: group.id })).map((s) => s.id);
          const selection = [...new Set(plan.selection.map((n) => all[n % all.length]!))];
          const usedTag = (await source.call('tag.list', {})).find((t) => t.situationCount > 0);

          for (const level of ['full', 'anonymized'] as const) {
            const options = {
              format: 'markdown' as const,
              level,
              noun: plan.noun,
              includeConfidential: level === 'full',
              includeWithoutAdvice: true,
            };
            const target = await openTestBackend();
            targets.push(target);
            const same = (first: string, second: string) => {
              // What an anonymized digest left out is named only in its notice.
              const kept = first.replace(/^(# .*\n)?\n?_\d+ confidential situations? left out\._\n/, '$1');
              expect(level === 'anonymized' || kept === first).toBe(true);
              expect(second).toBe(kept);
            };
            /** Imports a digest into a fresh group of the target; null when it had no post. */
            const importInto = async (content: string, name: string) => {
              const into = await target.call('group.create', { name });
              if (parseDigest(content).posts.length === 0) return null;
              await target.call('import.digest', { groupId: into.id, text: content });
              return into.id;
            };
            /** The target's situation for each source situation the digest holds, by how it is written. */
            const counterparts = async (groupId: string, ids: string[]) => {
              const byKey = new Map<string, string>();
              for (const { id } of await target.call('situation.list', { groupId })) {
                const { situation } = await target.call('situation.get', { id });
                byKey.set(keyOf(situation.title, situation.background), id);
              }
              const found: string[] = [];
              for (const id of ids) {
                const alone = await source.call('export.digest', { ...options, situationIds: [id] });
                const [post] = parseDigest(alone.content).posts;
                if (post) found.push(byKey.get(keyOf(post.question, post.background))!);
              }
              expect(found.every(Boolean)).toBe(true);
              return found;
            };

            // One tag's digest: the archive it goes into has that one tag.
            if (usedTag) {
              const first = await source.call('export.digest', { ...options, tagId: usedTag.id });
              if (await importInto(first.content, 'A tag')) {
                const [tag] = (await target.call('tag.list', {})).filter((t) => t.situationCount > 0);
                const second = await target.call('export.digest', { ...options, tagId: tag!.id });
                same(first.content, second.content);
              }
            }
            for (const [name, ids] of [
              ['A selection', selection],
              ['All situations', all],
            ] as const) {
              const first = await source.call('export.digest', { ...options, situationIds: ids });
              const groupId = await importInto(first.content, name);
              if (!groupId) continue;
              const back = await counterparts(groupId, ids);
              const second = await target.call('export.digest', { ...options, situationIds: back });
              same(first.content, second.content);
              // A full digest of everything brings every situation back as the digest wrote it: an
              // imported post as it came, credit and all; one brought to the group as its post.
              if (level === 'full' && name === 'All situations') {
                for (const [i, id] of ids.entries()) {
                  const was = await source.call('situation.get', { id });
                  const now = await target.call('situation.get', { id: back[i]! });
                  const asPosted = was.presenter.origin === 'digest';
                  const tree = (t: typeof was, parent: string | null = null): Tree[] =>
                    t.contributions.filter((c) => c.parentId === parent).map((c) => [c.body, tree(t, c.id)]);
                  expect(shapeOf(now, true)).toEqual({
                    title: asPosted ? was.situation.title : titleCase(was.situation.title),
                    background: asPosted
                      ? was.situation.background
                      : situationParagraph({
                          question: was.situation.title,
                          background: was.situation.background,
                        }),
                    confidential: was.situation.confidential,
                    tags: was.tags.map((t) => t.name).sort(byName),
                    tree: tree(was),
                    credit: was.situation.credit,
                  });
                }
              }
            }
          }
        } finally {
          source.close();
          for (const target of targets) target.close();
        }
      }),
      { numRuns: 30 },
    );
    // The generated archives held every form of credit, and confidential situations.
    expect(Object.values(seen).every((n) => n > 0)).toBe(true);
  }, 240_000);
});
