// Digest import through the router: a preview that writes nothing, the import in one transaction,
// duplicates skipped on a second run, the export → import round trip, and fuzzed text. Posts as real
// pages hold them: digest-real-pages.test.ts.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors';
import { ARCHIVE_RECORDS } from '../../shared/contract';
import { openTestBackend, seedGroup, type TestBackend } from './backend-fixture';

const FILE = `Tag Archives: Teamwork

How Do You Build Teamwork Across Account Teams? Four Observations

Situation: A CEO is concerned that his account teams compete. How do you build teamwork across account teams?

Advice from the CEOs:
  • Change the account management culture.
    • Schedule meetings with the full account staff.
  • Reward the team.
  • Rotate people.
Special thanks to Pat Lee of Lee Foods for her insight and input to this discussion.
[like]
Should I Sell Now? Three Ideas
Situation: Should I sell now?
Advice from the CEOs:
- Get a valuation.
[like]
Not a post at all
Situation: nothing here
`;

let backend: TestBackend;
let groupId: string;

beforeEach(async () => {
  backend = await openTestBackend();
  groupId = (await seedGroup(backend)).group.id;
});
afterEach(() => backend.close());

describe('digest import', () => {
  it('previews per post what will be imported and what is skipped and why, writing nothing', async () => {
    const before = backend.snapshot();
    const report = await backend.call('import.preview', { groupId, text: FILE });
    expect(backend.snapshot()).toBe(before);
    expect(report.imported).toBe(2);
    expect(report.skipped).toBe(1);
    expect(report.posts.map((p) => [p.question, p.adviceCount, p.skipReason === null])).toEqual([
      ['How Do You Build Teamwork Across Account Teams?', 4, true],
      ['Should I Sell Now?', 1, true],
      ['', 0, false],
    ]);
    expect(report.posts[0]!.credit).toMatch(/^Special thanks to Pat Lee of Lee Foods/);
    expect(report.posts[1]!.warnings[0]).toMatch(/counts Three/);
  });

  it('imports into the group under its digest voice, with trees and tags, and skips them the second time', async () => {
    const report = await backend.call('import.digest', { groupId, text: FILE });
    expect(report.situationIds).toHaveLength(2);
    const thread = await backend.call('situation.get', { id: report.situationIds[0]! });
    expect(thread.presenter).toMatchObject({ name: 'Imported', role: 'guest', origin: 'digest' });
    expect(thread.situation.status).toBe('processed');
    expect(thread.situation.title).toBe('How Do You Build Teamwork Across Account Teams?');
    expect(thread.situation.background).toBe(
      'A CEO is concerned that his account teams compete. How do you build teamwork across account teams?',
    );
    expect(thread.tags.map((t) => t.name)).toEqual(['Teamwork']);
    const top = thread.contributions.filter((c) => c.parentId === null).map((c) => c.body);
    expect(top).toEqual(['Change the account management culture.', 'Reward the team.', 'Rotate people.']);
    expect(thread.contributions.find((c) => c.parentId !== null)?.body).toBe(
      'Schedule meetings with the full account staff.',
    );
    expect(backend.events.some((e) => e.name === 'import.progress')).toBe(true);

    const again = await backend.call('import.digest', { groupId, text: FILE });
    expect(again.imported).toBe(0);
    expect(again.posts[0]!.skipReason).toMatch(/already in the group/);
    // One digest voice for the group, and no one the group's list of people holds.
    expect(
      backend.db
        .prepare(`SELECT count(*) FROM members WHERE group_id = ? AND origin = 'digest'`)
        .pluck()
        .get(groupId),
    ).toBe(1);
    const members = await backend.call('member.list', { groupId });
    expect(members.map((m) => m.name)).toEqual(['Ana Ruiz', 'Ben Okafor', 'Dana Whitfield']);
  });

  it('stores each post’s credit on its situation as written, typographic quotes and dashes kept, and none where a post has none', async () => {
    const handWritten = [
      '**How Do I Keep My Best Plant Manager? Two Thoughts**',
      '',
      'Situation: A CEO’s plant manager got a “better” offer — 30% more. How do I keep my best plant manager?',
      '',
      'Advice from the CEOs:',
      '• Ask her what she wants next – not what she earns.',
      '• Match only if you would have paid it anyway.',
      '',
      'Special thanks to María-José O’Neil of O’Neil & Sons — Austin for her insight and input to this discussion.',
      '',
      '[like]',
      'Should I Open a Second Plant? One Idea',
      'Situation: Should I open a second plant?',
      'Advice from the CEOs:',
      '• Run the first one at 90% for a year first.',
      '',
      'Special thanks to Sam Ortiz of Ortiz Metals.',
      '[like]',
      'When Do I Hire a CFO? One Way',
      'Situation: When do I hire a CFO?',
      'Advice from the CEOs:',
      '• When the bank asks who closes the books.',
    ].join('\n');
    const preview = await backend.call('import.preview', { groupId, text: handWritten });
    expect(preview.posts.map((p) => p.credit)).toEqual([
      'Special thanks to María-José O’Neil of O’Neil & Sons — Austin for her insight and input to this discussion.',
      'Special thanks to Sam Ortiz of Ortiz Metals.',
      null,
    ]);
    const report = await backend.call('import.digest', { groupId, text: handWritten });
    expect(report.imported).toBe(3);
    const credits = await Promise.all(
      report.situationIds.map(async (id) => (await backend.call('situation.get', { id })).situation.credit),
    );
    expect(credits).toEqual([
      { name: 'María-José O’Neil', org: 'O’Neil & Sons — Austin', pronoun: 'her' },
      {
        name: 'Sam Ortiz',
        org: 'Ortiz Metals',
        pronoun: 'their',
        text: 'Special thanks to Sam Ortiz of Ortiz Metals.',
      },
      null,
    ]);
    const columns = (id: string | undefined) =>
      backend.db
        .prepare(
          'SELECT credit_name, credit_org, credit_pronoun, credit_text, credit_form FROM situations WHERE id = ?',
        )
        .raw()
        .get(id);
    expect(columns(report.situationIds[0])).toEqual([
      'María-José O’Neil',
      'O’Neil & Sons — Austin',
      'her',
      null,
      null,
    ]);
    expect(columns(report.situationIds[2])).toEqual([null, null, null, null, null]);
  });

  it('imports a post whose credit names no organization or runs too long without the credit, and says so', async () => {
    const post = (question: string, thanks: string) =>
      [
        `${question} One Idea`,
        `Situation: ${question}`,
        'Advice from the CEOs:',
        '- Ask the team.',
        thanks,
      ].join('\n');
    const text = [
      post('Should I Move the Office?', 'Special thanks to Ana Ruiz of !'),
      post(
        'Should I Rename the Company?',
        `Special thanks to Ana Ruiz of ${'Ruiz '.repeat(60)}for her insight.`,
      ),
    ].join('\n[like]\n');
    const report = await backend.call('import.digest', { groupId, text });
    expect(report.imported).toBe(2);
    expect(report.posts.map((p) => p.credit)).toEqual([null, null]);
    expect(report.posts[0]!.warnings.join(' ')).toMatch(/names no one or no organization/);
    expect(report.posts[1]!.warnings.join(' ')).toMatch(/longer than 200 characters/);
    for (const id of report.situationIds) {
      expect((await backend.call('situation.get', { id })).situation.credit).toBeNull();
    }
  });

  it('round-trips: a tag digest exported and imported into another group gives the same situations, trees and tags', async () => {
    const first = await backend.call('import.digest', { groupId, text: FILE });
    const [tag] = (await backend.call('tag.list', {})).filter((t) => t.name === 'Teamwork');
    const { content } = await backend.call('export.digest', {
      tagId: tag!.id,
      format: 'markdown',
      level: 'full',
    });
    const other = await backend.call('group.create', { name: 'Second forum' });
    const second = await backend.call('import.digest', { groupId: other.id, text: content });
    expect(second.imported).toBe(first.situationIds.length);
    const shape = async (id: string) => {
      const t = await backend.call('situation.get', { id });
      const tree = (parent: string | null): unknown[] =>
        t.contributions.filter((c) => c.parentId === parent).map((c) => [c.body, tree(c.id)]);
      return {
        title: t.situation.title,
        background: t.situation.background,
        tags: t.tags.map((x) => x.name),
        tree: tree(null),
        credit: t.situation.credit,
      };
    };
    for (const [i, id] of first.situationIds.entries()) {
      expect(await shape(second.situationIds[i]!)).toEqual(await shape(id));
    }
    // The credit travels: the first post's comes back, the second still has none.
    expect((await shape(second.situationIds[0]!)).credit).toEqual({
      name: 'Pat Lee',
      org: 'Lee Foods',
      pronoun: 'her',
    });
    expect((await shape(second.situationIds[1]!)).credit).toBeNull();
  });

  // Found by the digest round trip (digest-round-trip.test.ts): a situation is a question and its
  // background, not the question alone, and letter case is compared beyond ASCII.
  it('imports the same question asked again with another background, and finds a non-ASCII question already there', async () => {
    const post = (question: string, background: string) =>
      [
        `${question} One Idea`,
        `Situation: ${background} ${question}`,
        'Advice from the CEOs:',
        '- Ask.',
      ].join('\n');
    const text = [
      post('How Do I Handle Burnout?', 'In 2012, after the merger.'),
      post('How Do I Handle Burnout?', 'In 2021, after the pandemic.'),
      post('Should Ängelholm Get a Second Plant?', 'Demand doubled.'),
    ].join('\n[like]\n');
    const first = await backend.call('import.digest', { groupId, text });
    expect(first.imported).toBe(3);
    const again = await backend.call('import.digest', { groupId, text });
    expect(again.imported).toBe(0);
    expect(again.posts.map((p) => p.skipReason)).toEqual(
      Array(3).fill('This situation (its question and background) is already in the group.'),
    );
  });

  it('adds a repeated post’s tags to the situation already there, from another file or earlier in the same one', async () => {
    const post = [
      'Should I Sell Now? One Idea',
      'Situation: The offer is good. Should I sell now?',
      'Advice from the CEOs:',
      '- Get a valuation.',
    ].join('\n');
    const first = await backend.call('import.digest', { groupId, text: `Tag Archives: Exit\n${post}` });
    const [id] = first.situationIds;
    const before = backend.snapshot();
    const preview = await backend.call('import.preview', {
      groupId,
      text: `Tag Archives: Valuation\n${post}\n[like]\nTag Archives: Exit\n${post}`,
    });
    expect(backend.snapshot()).toBe(before);
    expect(preview.posts.map((p) => [p.skipReason, p.warnings])).toEqual([
      [
        'This situation (its question and background) is already in the group.',
        ['Its tag “Valuation” is added to that situation.'],
      ],
      ['This situation (its question and background) is already in the group.', []],
    ]);
    const report = await backend.call('import.digest', {
      groupId,
      text: `Tag Archives: Valuation\n${post}\n[like]\nTag Archives: Exit\n${post}`,
    });
    expect(report).toMatchObject({ imported: 0, situationIds: [] });
    const tags = async (situationId: string) =>
      (await backend.call('situation.get', { id: situationId })).tags.map((t) => t.name);
    expect(await tags(id!)).toEqual(['Exit', 'Valuation']);
    expect(backend.events.at(-1)).toEqual({
      name: 'archive.changed',
      payload: { records: [...ARCHIVE_RECORDS], situationIds: 'all' },
    });

    // In one file, a post repeated under a second tag gives the one situation both tags.
    const other = await backend.call('group.create', { name: 'Second forum' });
    const both = await backend.call('import.digest', {
      groupId: other.id,
      text: `Posts Tagged 'Exit'\n${post}\n[like]\nPosts Tagged 'Boards'\n${post}`,
    });
    expect(both.posts.map((p) => [p.skipReason, p.warnings])).toEqual([
      [null, []],
      [
        'The same situation (question and background) comes earlier in this file.',
        ['Its tag “Boards” is added to that situation.'],
      ],
    ]);
    expect(await tags(both.situationIds[0]!)).toEqual(['Boards', 'Exit']);
  });

  it(
    'previews a 40 MB paragraph as the post it is, and a PDF read as text or an empty file as no digest, in moments',
    async () => {
      const paragraph = 'the board keeps asking for growth while the margins shrink and '
        .repeat(630_000)
        .trim();
      const huge = `What Do I Tell the Board? One Idea\nSituation: ${paragraph}\nAdvice from the CEOs:\n- Say it plainly.`;
      expect(huge.length).toBeGreaterThan(39_000_000);
      expect((await backend.call('import.preview', { groupId, text: huge })).posts).toEqual([
        expect.objectContaining({
          question: 'What Do I Tell the Board?',
          skipReason: 'Its situation is longer than 20000 characters.',
        }),
      ]);

      // A PDF's bytes as the file picker reads them: UTF-8 with every bad sequence replaced.
      let seed = 2025;
      const bytes = Uint8Array.from(
        { length: 4_000_000 },
        () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) >> 23,
      );
      const pdf = `%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n${new TextDecoder().decode(bytes)}`;
      for (const text of [pdf, '']) {
        expect(await backend.route('import.preview', { groupId, text })).toEqual({
          ok: false,
          error: {
            code: 'NOT_A_DIGEST',
            message: "No 'Situation / Advice from the CEOs' posts were found in this file.",
          },
        });
      }
    },
    // Searched for its question from every character, the paragraph alone once took days.
    10_000,
  );

  it('refuses an unknown group and writes nothing; arbitrary text never throws and gives typed answers', async () => {
    const before = backend.snapshot();
    const refused = await backend.route('import.digest', {
      groupId: '0190f2a4-1c7e-7b7a-9c1e-00000000beef',
      text: FILE,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(backend.snapshot()).toBe(before);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (text) => {
        const result = await backend.route('import.preview', { groupId, text });
        if (!result.ok) expect(ERROR_CODES).toContain(result.error.code);
        else expect(result.value).toHaveProperty('posts');
      }),
      { numRuns: 200 },
    );
  });
});
