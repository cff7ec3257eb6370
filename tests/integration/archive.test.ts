// archive.search, archive.related and member.lens through the router over a temp database file.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '../../shared/domain';
import { typedSearch } from '../unit/typed-searches';
import { openTestBackend, seedGroup, type TestBackend } from './backend-fixture';

let backend: TestBackend;
let cast: Awaited<ReturnType<typeof seedArchive>>;
beforeEach(async () => {
  backend = await openTestBackend();
  cast = await seedArchive();
});
afterEach(() => backend.close());

const DAY = 86_400_000;

async function seedArchive() {
  const { group, chair, ana, ben } = await seedGroup(backend);
  const other = await backend.call('group.create', { name: 'EO Forum Seven' });
  const cleo = await backend.call('member.create', { groupId: other.id, name: 'Cleo Park' });
  const situation = (presenterId: string, groupId: string, title: string, background = '') =>
    backend.call('situation.create', { groupId, presenterId, title, background });

  const empowerment = await situation(ana.id, group.id, 'How do I build empowerment in my leadership team?');
  const teamwork = await situation(
    ben.id,
    group.id,
    'How do you build teamwork across account teams?',
    'Our account managers compete with each other. Empowerment is low.',
  );
  const pricing = await situation(
    cleo.id,
    other.id,
    'Should I raise prices this year?',
    'Margins are shrinking.',
  );
  const succession = await situation(
    chair.id,
    group.id,
    'Who should succeed me as CEO?',
    'A family business.',
  );

  const advice = await backend.call('contribution.add', {
    situationId: pricing.id,
    authorId: cleo.id,
    kind: 'advice',
    body: 'Benchmark against your competitors before the renewal cycle.',
  });
  await backend.call('contribution.add', {
    situationId: teamwork.id,
    authorId: chair.id,
    kind: 'advice',
    body: 'Pay one shared bonus on the whole account.',
  });
  // Dates spread over a year; a commitment with an outcome; a resolved situation; tags.
  const set = backend.db.prepare('UPDATE situations SET created_at = ? WHERE id = ?');
  set.run(Date.UTC(2025, 0, 10), empowerment.id);
  set.run(Date.UTC(2025, 3, 10), teamwork.id);
  set.run(Date.UTC(2025, 6, 10), pricing.id);
  set.run(Date.UTC(2025, 9, 10), succession.id);
  backend.store.commitments.insert({
    id: '0190f2a4-1c7e-7b7a-9c1e-000000000001',
    situationId: succession.id,
    ownerId: chair.id,
    body: 'Interview three successors',
    dueAt: null,
    status: 'open',
    outcome: 'Hired an executive search firm',
    now: 1,
  });
  backend.db.prepare(`UPDATE situations SET status = 'resolved' WHERE id = ?`).run(pricing.id);
  await backend.call('situation.tag', { situationId: teamwork.id, name: 'employee experience' });
  await backend.call('situation.tag', { situationId: empowerment.id, name: 'Employee Experience' });
  await backend.call('situation.tag', { situationId: empowerment.id, name: 'leadership' });
  return { group, other, chair, ana, ben, cleo, empowerment, teamwork, pricing, succession, advice };
}

const titles = async (input: Parameters<TestBackend['call']>[1] & object) =>
  (await backend.call('archive.search', input as never)).hits.map((h) => h.title);

describe('archive.search', () => {
  it('ranks a title match above a background match, and finds prefixes', async () => {
    const page = await backend.call('archive.search', { query: 'empow' });
    expect(page.total).toBe(2);
    expect(page.hits.map((h) => h.id)).toEqual([cast.empowerment.id, cast.teamwork.id]);
    expect(page.hits[0]?.titleMarked).toBe(
      `How do I build ${SNIPPET_MARK_START}empowerment${SNIPPET_MARK_END} in my leadership team?`,
    );
    expect(page.hits[0]?.snippet).toBeNull();
    expect(page.hits[1]?.titleMarked).toBeNull();
    expect(page.hits[1]?.snippet).toContain(`${SNIPPET_MARK_START}Empowerment${SNIPPET_MARK_END} is low`);
    expect(page.hits[1]?.snippetSource).toBe('situation');
    expect(page.hits[0]?.tags.sort()).toEqual(['employee experience', 'leadership']);
  });

  it('finds advice and commitments, with a snippet from where it matched', async () => {
    const advice = await backend.call('archive.search', { query: 'competitors' });
    expect(advice.hits.map((h) => [h.id, h.snippetSource])).toEqual([[cast.pricing.id, 'contribution']]);
    expect(advice.hits[0]?.snippet).toContain(`${SNIPPET_MARK_START}competitors${SNIPPET_MARK_END}`);
    const outcome = await backend.call('archive.search', { query: 'executive search' });
    expect(outcome.hits.map((h) => [h.id, h.snippetSource])).toEqual([[cast.succession.id, 'commitment']]);
  });

  it('ranks situations about the words above those where they only came up in what was said', async () => {
    const older = await backend.call('situation.create', {
      groupId: cast.group.id,
      presenterId: cast.ben.id,
      title: 'Should bonuses be paid monthly?',
    });
    backend.db.prepare('UPDATE situations SET created_at = 1 WHERE id = ?').run(older.id);
    const page = await backend.call('archive.search', { query: 'bonus' });
    expect(page.hits.map((h) => [h.id, h.snippetSource])).toEqual([
      [older.id, null],
      [cast.teamwork.id, 'contribution'],
    ]);
    expect(page.hits[0]?.titleMarked).toContain(`${SNIPPET_MARK_START}bonuses${SNIPPET_MARK_END}`);
    expect(page.hits[1]?.snippet).toContain(`${SNIPPET_MARK_START}bonus${SNIPPET_MARK_END}`);
  });

  it('matches quoted phrases exactly', async () => {
    expect(await titles({ query: '"account teams"' })).toEqual([
      'How do you build teamwork across account teams?',
    ]);
    expect(await titles({ query: '"teams account"' })).toEqual([]);
  });

  it('filters by group, tag, presenter, contributor, date range and status', async () => {
    expect(await titles({ groupId: cast.other.id })).toEqual([cast.pricing.title]);
    const tags = await backend.call('tag.list', {});
    const experience = tags.find((t) => t.name === 'employee experience');
    expect(experience?.situationCount).toBe(2);
    expect(await titles({ tagId: experience?.id, sort: 'date' })).toEqual([
      cast.teamwork.title,
      cast.empowerment.title,
    ]);
    expect(await titles({ presenterId: cast.ana.id })).toEqual([cast.empowerment.title]);
    expect(await titles({ contributorId: cast.chair.id })).toEqual([cast.teamwork.title]);
    expect(await titles({ from: Date.UTC(2025, 2, 1), to: Date.UTC(2025, 7, 1) })).toEqual([
      cast.pricing.title,
      cast.teamwork.title,
    ]);
    expect(await titles({ status: 'open_commitments' })).toEqual([cast.succession.title]);
    expect(await titles({ status: 'resolved' })).toEqual([cast.pricing.title]);
    expect(await titles({ status: 'never_processed' })).toHaveLength(3);
    expect(await titles({ query: 'empowerment', tagId: experience?.id, to: Date.UTC(2025, 1, 1) })).toEqual([
      cast.empowerment.title,
    ]);
  });

  it('sorts by date or by relevance, and pages', async () => {
    expect(await titles({ sort: 'date' })).toEqual([
      cast.succession.title,
      cast.pricing.title,
      cast.teamwork.title,
      cast.empowerment.title,
    ]);
    expect(await titles({ query: 'empowerment', sort: 'date' })).toEqual([
      cast.teamwork.title,
      cast.empowerment.title,
    ]);
    const second = await backend.call('archive.search', { sort: 'date', offset: 1, limit: 2 });
    expect([second.total, second.offset, second.hits.map((h) => h.title)]).toEqual([
      4,
      1,
      [cast.pricing.title, cast.teamwork.title],
    ]);
  });

  it('leaves deleted situations out', async () => {
    backend.db.prepare('UPDATE situations SET deleted_at = 1 WHERE id = ?').run(cast.empowerment.id);
    expect(await titles({ query: 'empowerment' })).toEqual([cast.teamwork.title]);
    expect(await titles({})).toHaveLength(3);
  });

  it('refuses a date filter outside the years 1900 to 2999', async () => {
    for (const input of [{ from: Date.UTC(1899, 0, 1) }, { to: Date.UTC(3000, 0, 2) }, { to: 8.64e15 }]) {
      expect(await backend.route('archive.search', input)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: 'A date must fall in the years 1900 to 2999.' },
      });
    }
    expect(await titles({ from: Date.UTC(1900, 0, 1), to: Date.UTC(2999, 11, 31) })).toEqual(
      await titles({}),
    );
  });

  it('refuses a date range that ends before it starts, and a limit out of range', async () => {
    for (const input of [
      { from: 10 * DAY, to: DAY },
      { limit: 0 },
      { limit: 10_000 },
      { sort: 'popularity' },
      { status: 'archived' },
    ]) {
      expect(await backend.route('archive.search', input)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    }
  });

  it('never fails on whatever a member types', async () => {
    await fc.assert(
      fc.asyncProperty(
        typedSearch,
        fc.constantFrom('relevance' as const, 'date' as const),
        async (query, sort) => {
          const result = await backend.route('archive.search', { query, sort });
          expect(result.ok).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('archive.related', () => {
  it('finds the situations that share distinctive words, never the situation itself', async () => {
    const related = await backend.call('archive.related', { situationId: cast.empowerment.id });
    expect(related.map((r) => r.id)).toEqual([cast.teamwork.id]);
    const many = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        backend.call('situation.create', {
          groupId: cast.group.id,
          presenterId: cast.ben.id,
          title: `How do I grow empowerment in team ${i}?`,
        }),
      ),
    );
    const five = await backend.call('archive.related', { situationId: cast.empowerment.id });
    expect(five).toHaveLength(5);
    expect(five.map((r) => r.id)).not.toContain(cast.empowerment.id);
    expect(many.map((m) => m.id)).toEqual(
      expect.arrayContaining(five.filter((r) => r.id !== cast.teamwork.id).map((r) => r.id)),
    );
  });

  it('refuses an unknown situation', async () => {
    expect(
      await backend.route('archive.related', { situationId: '0190f2a4-1c7e-7b7a-9c1e-3a5b7c9d1e2f' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('member.lens', () => {
  it('shows what a member presented, the advice they gave and the endorsements it received', async () => {
    const point = await backend.call('contribution.add', {
      situationId: cast.empowerment.id,
      authorId: cast.ben.id,
      kind: 'advice',
      body: 'Let them own the budget.',
    });
    backend.db
      .prepare(
        'INSERT INTO endorsements (contribution_id, member_id, created_at) VALUES (?, ?, 1), (?, ?, 1)',
      )
      .run(point.id, cast.ana.id, point.id, cast.chair.id);
    const lens = await backend.call('member.lens', { memberId: cast.ben.id });
    expect(lens.member.name).toBe('Ben Okafor');
    expect(lens.groupName).toBe('Vistage CE 1234');
    expect(lens.presented.map((s) => s.id)).toEqual([cast.teamwork.id]);
    expect(lens.advice.map((a) => [a.contribution.body, a.situationTitle, a.endorsements])).toEqual([
      ['Let them own the budget.', cast.empowerment.title, 2],
    ]);
    expect(lens.endorsementsReceived).toBe(2);
  });
});

describe('tags', () => {
  const tagNamed = async (name: string) => (await backend.call('tag.list', {})).find((t) => t.name === name);

  it('lists tags with counts, case-insensitively unique', async () => {
    expect((await backend.call('tag.list', {})).map((t) => [t.name, t.situationCount])).toEqual([
      ['employee experience', 2],
      ['leadership', 1],
    ]);
  });

  it('renames a tag, and refuses a name another tag has with CONFLICT, writing nothing', async () => {
    const leadership = await tagNamed('leadership');
    const renamed = await backend.call('tag.rename', { tagId: leadership!.id, name: 'Leadership team' });
    expect(renamed.name).toBe('Leadership team');
    const before = backend.snapshot();
    const clash = await backend.route('tag.rename', { tagId: leadership!.id, name: 'EMPLOYEE experience' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(backend.snapshot()).toBe(before);
  });

  it('merges one tag into another, keeping one label per situation', async () => {
    const leadership = await tagNamed('leadership');
    const experience = await tagNamed('employee experience');
    const merged = await backend.call('tag.merge', { fromTagId: leadership!.id, intoTagId: experience!.id });
    expect(merged.name).toBe('employee experience');
    expect((await backend.call('tag.list', {})).map((t) => [t.name, t.situationCount])).toEqual([
      ['employee experience', 2],
    ]);
    const thread = await backend.call('situation.get', { id: cast.empowerment.id });
    expect(thread.tags.map((t) => t.name)).toEqual(['employee experience']);
  });

  it('adds and removes tags on a situation', async () => {
    const tags = await backend.call('situation.tag', { situationId: cast.pricing.id, name: '  pricing ' });
    expect(tags.map((t) => t.name)).toEqual(['pricing']);
    const after = await backend.call('situation.untag', { situationId: cast.pricing.id, tagId: tags[0]!.id });
    expect(after).toEqual([]);
  });

  it('refuses merging a tag into itself, unknown tags and empty names, writing nothing', async () => {
    const leadership = await tagNamed('leadership');
    const before = backend.snapshot();
    const unknown = '0190f2a4-1c7e-7b7a-9c1e-3a5b7c9d1e2f';
    const cases: [string, unknown, string][] = [
      ['tag.merge', { fromTagId: leadership!.id, intoTagId: leadership!.id }, 'VALIDATION'],
      ['tag.merge', { fromTagId: unknown, intoTagId: leadership!.id }, 'NOT_FOUND'],
      ['tag.rename', { tagId: unknown, name: 'x' }, 'NOT_FOUND'],
      ['situation.tag', { situationId: cast.pricing.id, name: '   ' }, 'VALIDATION'],
      ['situation.untag', { situationId: cast.pricing.id, tagId: unknown }, 'NOT_FOUND'],
    ];
    for (const [channel, input, code] of cases) {
      expect(await backend.route(channel, input)).toMatchObject({ ok: false, error: { code } });
    }
    expect(backend.snapshot()).toBe(before);
  });
});

describe('search plan', () => {
  const BASE_TABLES =
    /^SCAN (s|c|k|g|m|st|t|situations|contributions|commitments|groups|members|situation_tags|tags)( |$)/;

  it('reads each FTS index through MATCH, and reaches base tables by key even with filters', () => {
    const plan = backend.store.archive.explain({
      fts: '"empow"*',
      sort: 'relevance',
      offset: 0,
      limit: 50,
      groupId: cast.group.id,
      tagId: cast.group.id,
      presenterId: cast.ana.id,
      contributorId: cast.ana.id,
      status: 'open_commitments',
      from: 0,
      to: Date.now(),
    });
    for (const index of ['situations_fts', 'contributions_fts', 'commitments_fts']) {
      expect(plan).toContainEqual(
        expect.stringMatching(new RegExp(`^SCAN ${index} VIRTUAL TABLE INDEX \\d+:M`)),
      );
    }
    expect(plan.filter((line) => BASE_TABLES.test(line))).toEqual([]);
  });

  it('browses a group by its index, newest first, without a full scan', () => {
    const plan = backend.store.archive.explain({
      fts: null,
      sort: 'date',
      offset: 0,
      limit: 50,
      groupId: cast.group.id,
    });
    expect(plan).toContainEqual(expect.stringMatching(/^SEARCH s USING INDEX situations_by_group/));
    expect(plan.filter((line) => BASE_TABLES.test(line))).toEqual([]);
  });
});
