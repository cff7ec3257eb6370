// Digest import of posts as real "Advice from the CEOs" pages hold them, through the router: the post's
// heading as the title and its whole Situation paragraph as the background, typography kept as it
// came and found by either form, a credit given as the last bullet, a date or byline under the title
// and the page's other furniture, posts without advice, points whose nesting may be lost, a file with
// no post in it, and the "Confidential" label. Who speaks in an imported post: digest-voices.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, seedGroup, type TestBackend } from './backend-fixture';

// A made-up page, saved as text from a blog, as a chair would have it.
const PRICING_PAGE = `Peer Forum Notes — a blog for CEOs

How Do You Price a Second Product Line? Five Ideas
June 3, 2011 by admin
Posted in Pricing

Situation: A CEO’s bakery sells one line of bread to grocers. A second line — organic, “premium” — is ready, and the grocers want a price by Friday… From your experience, how do you price it?

Advice from the CEOs:
• Price from the value to the grocer, not from your costs.
• Ask three grocers what they would pay, then add 10%.
  ◦ Don’t ask the biggest one first.
• Don’t discount the launch; give samples instead.
• Keep the new line’s margin apart in your books.
• Raise the first line’s price a little at the same time.
• Special thanks to Ana Ruiz of Ruiz Foods (http://ruizfoods.example) for her insight and input to this discussion.

Posted in Pricing | Leave a comment
[Like]
`;

const PARAGRAPH =
  'A CEO’s bakery sells one line of bread to grocers. A second line — organic, “premium” — is ready, and the grocers want a price by Friday… From your experience, how do you price it?';

const CREDIT_SENTENCE =
  'Special thanks to Ana Ruiz of Ruiz Foods (http://ruizfoods.example) for her insight and input to this discussion.';

let backend: TestBackend;
let groupId: string;
let cast: Awaited<ReturnType<typeof seedGroup>>;

beforeEach(async () => {
  backend = await openTestBackend();
  cast = await seedGroup(backend);
  groupId = cast.group.id;
});
afterEach(() => backend.close());

async function importOne(text: string, includeWithoutAdvice = false) {
  const report = await backend.call('import.digest', { groupId, text, includeWithoutAdvice });
  expect(report.situationIds).toHaveLength(1);
  return { report, thread: await backend.call('situation.get', { id: report.situationIds[0]! }) };
}

describe('a real page’s post', () => {
  it('is the situation its heading names, with its whole Situation paragraph, and goes back out as it came', async () => {
    const preview = await backend.call('import.preview', { groupId, text: PRICING_PAGE });
    expect(preview.posts).toEqual([
      expect.objectContaining({
        question: 'How Do You Price a Second Product Line?',
        adviceCount: 6,
        credit: CREDIT_SENTENCE,
        warnings: [],
        skipReason: null,
      }),
    ]);
    const { thread } = await importOne(PRICING_PAGE);
    expect(thread.situation.title).toBe('How Do You Price a Second Product Line?');
    expect(thread.situation.background).toBe(PARAGRAPH);
    expect(
      backend.db.prepare('SELECT digest_noun FROM situations WHERE id = ?').pluck().get(thread.situation.id),
    ).toBe('Ideas');

    // Exported with the chair's noun, the post keeps its own: five points, "Five Ideas".
    const { content } = await backend.call('export.digest', {
      situationIds: [thread.situation.id],
      format: 'markdown',
      level: 'full',
      noun: 'Observations',
    });
    const lines = content.split('\n');
    expect(lines).toContain('## How Do You Price a Second Product Line? Five Ideas');
    expect(lines).toContain(`Situation: ${PARAGRAPH}`);
    expect(content).not.toContain('Observations');
  });

  it('keeps its curly quotes, apostrophes, dashes, ellipses and non-breaking spaces as they came', async () => {
    const text = [
      'Posts Tagged ‘CEO’s Role’',
      'What’s a CEO’s “Real” Job – Strategy or People? One Observation',
      'Situation: She’s 55\u00A0years old… and tired — of “strategy”.',
      'Advice from the CEOs:',
      '• Don’t choose; hire a COO – soon…',
    ].join('\n');
    const { report, thread } = await importOne(text);
    const [id] = report.situationIds;
    expect(backend.db.prepare('SELECT title, background FROM situations WHERE id = ?').raw().get(id)).toEqual(
      [
        'What’s a CEO’s “Real” Job – Strategy or People?',
        'She’s 55\u00A0years old… and tired — of “strategy”.',
      ],
    );
    expect(thread.contributions.map((c) => c.body)).toEqual(['Don’t choose; hire a COO – soon…']);
    expect(thread.tags.map((t) => t.name)).toEqual(['CEO’s Role']);

    // The same post typed with plain marks is the same situation, and its tag the same tag.
    const typed = [
      "Posts Tagged 'CEO's Role'",
      'What\'s a CEO\'s "Real" Job - Strategy or People? One Observation',
      'Situation: She\'s 55 years old... and tired - of "strategy".',
      'Advice from the CEOs:',
      "• Don't choose; hire a COO - soon...",
    ].join('\n');
    const again = await backend.call('import.digest', { groupId, text: typed });
    expect(again.posts[0]!.skipReason).toBe(
      'This situation (its question and background) is already in the group.',
    );
    expect(again.posts[0]!.warnings).toEqual([]);
    expect((await backend.call('tag.list', {})).map((t) => t.name)).toEqual(['CEO’s Role']);
  });

  it('is found by a search typed with plain marks, and a plain one by a search with typographic marks', async () => {
    await importOne(
      [
        'Why Won’t My Managers Decide? One Idea',
        'Situation: They don’t decide — they “escalate”… to me.',
        'Advice from the CEOs:',
        '• Stop answering; ask what they’d do.',
      ].join('\n'),
    );
    const typed = await backend.call('situation.create', {
      groupId,
      presenterId: cast.ana.id,
      title: "Should I fire a 'brilliant jerk'?",
      background: "He's our best engineer, and he doesn't share.",
    });
    const titles = async (query: string) =>
      (await backend.call('archive.search', { query })).hits.map((h) => h.title);
    for (const query of ["don't decide", '“escalate”', 'escalate... to me', 'they’d do']) {
      expect(await titles(query), query).toEqual(['Why Won’t My Managers Decide?']);
    }
    for (const query of ['doesn’t share', '‘brilliant jerk’', 'he’s our best']) {
      expect(await titles(query), query).toEqual([typed.title]);
    }
  });

  it('gives its last bullet as its credit: counted out of the advice, without its address, written back as that bullet', async () => {
    const { thread } = await importOne(PRICING_PAGE);
    const top = thread.contributions.filter((c) => c.parentId === null).map((c) => c.body);
    expect(top).toHaveLength(5);
    expect(top).not.toContain(CREDIT_SENTENCE);
    expect(thread.situation.credit).toEqual({
      name: 'Ana Ruiz',
      org: 'Ruiz Foods',
      pronoun: 'her',
      text: CREDIT_SENTENCE,
      bullet: true,
    });
    const full = await backend.call('export.digest', {
      situationIds: [thread.situation.id],
      format: 'markdown',
      level: 'full',
    });
    expect(full.content).toMatch(
      /- Raise the first line’s price a little at the same time\.\n- Special thanks to Ana Ruiz of Ruiz Foods \(http:\/\/ruizfoods\.example\) for her insight and input to this discussion\.\n$/,
    );
    const anonymized = await backend.call('export.digest', {
      situationIds: [thread.situation.id],
      format: 'markdown',
      level: 'anonymized',
    });
    expect(anonymized.content).not.toMatch(/Special thanks|Ruiz/);

    // A credit the chair gives afterwards is Roundtable's sentence, on a line of its own.
    await backend.call('situation.update', {
      id: thread.situation.id,
      credit: { name: 'Ana Ruiz', org: 'Ruiz Foods', pronoun: 'her' },
    });
    expect(
      backend.db
        .prepare('SELECT credit_text, credit_form FROM situations WHERE id = ?')
        .raw()
        .get(thread.situation.id),
    ).toEqual([null, null]);
    const after = await backend.call('export.digest', {
      situationIds: [thread.situation.id],
      format: 'markdown',
      level: 'full',
    });
    expect(after.content).toMatch(
      /time\.\n\nSpecial thanks to Ana Ruiz of Ruiz Foods for her insight and input to this discussion\.\n$/,
    );
  });

  it('keeps a closing credit’s own sentence', async () => {
    const { thread } = await importOne(
      [
        'Should I Sell to My Managers? One Idea',
        'Situation: They offered. Should I sell to them?',
        'Advice from the CEOs:',
        '• Get an outside valuation first.',
        'Special thanks to Sam Ortiz of Ortiz Metals for his situation.',
      ].join('\n'),
    );
    expect(thread.situation.credit).toEqual({
      name: 'Sam Ortiz',
      org: 'Ortiz Metals',
      pronoun: 'his',
      text: 'Special thanks to Sam Ortiz of Ortiz Metals for his situation.',
    });
    const { content } = await backend.call('export.digest', {
      situationIds: [thread.situation.id],
      format: 'markdown',
      level: 'full',
    });
    expect(content).toMatch(/first\.\n\nSpecial thanks to Sam Ortiz of Ortiz Metals for his situation\.\n$/);
  });

  it('comes in past a date or byline under each title, the comment and like lines, and HTML character references', async () => {
    const page = [
      'How Do I Keep My Best Plant Manager? Two Thoughts',
      'June 3, 2011 by admin',
      'Situation: She got a better offer&nbsp;&mdash; 30% more. How do I keep her?',
      'Advice from the CEOs:',
      '&bull; Ask her what she wants next &amp; when.',
      '&bull; Match only what you&#8217;d pay anyway.',
      'Leave a comment',
      'Like this:',
      'Like Loading...',
      'Should I Open a Second Plant? One Idea',
      'Posted on March 4, 2012',
      'Posted in Operations',
      'Situation: Demand doubled. Should I open a second plant?',
      'Advice from the CEOs:',
      '- Run the first one at 90% for a year first.',
      '3 Comments',
      '[Like]',
      'When Do I Hire a CFO? One Way',
      'By Pat Lee',
      'Situation: When do I hire a CFO?',
      'Advice from the CEOs:',
      '- When the bank asks who closes the books.',
    ].join('\n');
    const report = await backend.call('import.digest', { groupId, text: page });
    expect(report.posts.map((p) => [p.question, p.skipReason, p.warnings])).toEqual([
      ['How Do I Keep My Best Plant Manager?', null, []],
      ['Should I Open a Second Plant?', null, []],
      ['When Do I Hire a CFO?', null, []],
    ]);
    const first = await backend.call('situation.get', { id: report.situationIds[0]! });
    expect(first.situation.background).toBe('She got a better offer\u00A0— 30% more. How do I keep her?');
    expect(first.contributions.map((c) => c.body)).toEqual([
      'Ask her what she wants next & when.',
      'Match only what you’d pay anyway.',
    ]);
  });

  it('without advice is previewed with a warning, and imported only when the chair asks', async () => {
    const text = [
      'Should I Move the Office? Two Ideas',
      'Situation: The lease ends in May. Should I move?',
      '[like]',
      'Should I Sell? One Idea',
      'Situation: Should I sell?',
      'Advice from the CEOs:',
      '- Not yet.',
    ].join('\n');
    const before = backend.snapshot();
    const preview = await backend.call('import.preview', { groupId, text });
    expect(preview).toMatchObject({ imported: 1, skipped: 1 });
    expect(preview.posts[0]).toMatchObject({
      question: 'Should I Move the Office?',
      adviceCount: 0,
      warnings: ['It has no "Advice from the CEOs:" section.'],
      skipReason:
        'It has no advice; tick “Import posts without advice” to bring it in as a situation without any.',
    });
    const left = await backend.call('import.digest', { groupId, text });
    expect(left).toMatchObject({ imported: 1, skipped: 1 });
    expect((await backend.call('situation.list', { groupId })).map((s) => s.title)).toEqual([
      'Should I Sell?',
    ]);
    expect(before).not.toBe(backend.snapshot());

    const asked = await backend.call('import.preview', { groupId, text, includeWithoutAdvice: true });
    expect(asked.posts[0]).toMatchObject({
      skipReason: null,
      warnings: ['It has no "Advice from the CEOs:" section.'],
    });
    const { report, thread } = await importOne(text, true);
    expect(report.posts[1]!.skipReason).toMatch(/already in the group/);
    expect(thread.situation).toMatchObject({
      title: 'Should I Move the Office?',
      background: 'The lease ends in May. Should I move?',
    });
    expect(thread.contributions).toEqual([]);
  });

  it('says in the preview where nesting may be lost', async () => {
    const preview = await backend.call('import.preview', {
      groupId,
      text: [
        'Should I Move? Two Ideas',
        'Situation: Should I move?',
        'Advice from the CEOs:',
        '• Stay until the lease ends.',
        '◦ Ask the landlord for a year.',
        '• Move the team first.',
      ].join('\n'),
    });
    expect(preview.posts[0]!.warnings).toEqual([
      'The title counts Two (2), but there are 3 top-level advice points.',
      'Nesting may be lost: 1 advice point (“Ask the landlord for a year.”) marked as a sub-point stands at the same indentation as the point above.',
    ]);
  });

  it('of a file with no post in it is a sentence saying so, and nothing is written', async () => {
    const article = [
      'Ten Lessons From a Year of Forums',
      'Posted on June 3, 2011 by admin',
      '',
      'Our members met twelve times this year. Here is what we learned about running a good session…',
    ].join('\n');
    const review = 'Book review: “Good to Great”\nThe situation Collins describes is a company that…\n';
    const before = backend.snapshot();
    for (const text of [article, review]) {
      for (const channel of ['import.preview', 'import.digest'] as const) {
        expect(await backend.route(channel, { groupId, text })).toEqual({
          ok: false,
          error: {
            code: 'NOT_A_DIGEST',
            message: "No 'Situation / Advice from the CEOs' posts were found in this file.",
          },
        });
      }
    }
    expect(backend.snapshot()).toBe(before);
  });

  it('marked "Confidential" by a full digest comes back confidential, and goes out labelled as it came', async () => {
    const secret = await backend.call('situation.create', {
      groupId,
      presenterId: cast.ben.id,
      title: 'Should I tell the board about the lawsuit?',
      background: 'Only the CFO knows.',
      confidential: true,
    });
    await backend.call('contribution.add', {
      situationId: secret.id,
      authorId: cast.ana.id,
      kind: 'advice',
      body: 'Tell the board chair first.',
    });
    const exported = await backend.call('export.digest', {
      situationIds: [secret.id],
      format: 'markdown',
      level: 'full',
      includeConfidential: true,
    });
    expect(exported.content).toMatch(/^\*\*Confidential\*\*\n\n## Should I Tell/);
    const other = await backend.call('group.create', { name: 'Second forum' });
    const preview = await backend.call('import.preview', { groupId: other.id, text: exported.content });
    expect(preview.posts[0]).toMatchObject({ confidential: true, warnings: [] });
    const report = await backend.call('import.digest', { groupId: other.id, text: exported.content });
    const thread = await backend.call('situation.get', { id: report.situationIds[0]! });
    expect(thread.situation).toMatchObject({
      confidential: true,
      title: 'Should I Tell the Board About the Lawsuit?',
      background: 'Only the CFO knows. Should I tell the board about the lawsuit?',
    });
    expect(thread.contributions.map((c) => c.body)).toEqual(['Tell the board chair first.']);
    const again = await backend.call('export.digest', {
      situationIds: report.situationIds,
      format: 'markdown',
      level: 'full',
      includeConfidential: true,
    });
    expect(again.content).toBe(exported.content);
  });
});
