// situation.* (create, get, list) and contribution.add through the router over a temp database file;
// situation.update is in situation-update.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, seedGroup, type TestBackend } from './backend-fixture';

let backend: TestBackend;
beforeEach(async () => {
  backend = await openTestBackend();
});
afterEach(() => backend.close());

const UNKNOWN_ID = '0190f2a4-1c7e-7b7a-9c1e-3a5b7c9d1e2f';
const QUESTION = 'How do you build teamwork across account teams?';

async function seedSituation() {
  const cast = await seedGroup(backend);
  const situation = await backend.call('situation.create', {
    groupId: cast.group.id,
    presenterId: cast.ana.id,
    title: QUESTION,
    background: 'Two account teams compete for the same clients and hoard information.',
  });
  return { ...cast, situation };
}

describe('situation.create', () => {
  it('creates a parked, non-confidential situation and tells the renderer the archive changed', async () => {
    const { situation, ana } = await seedSituation();
    expect(situation).toMatchObject({
      title: QUESTION,
      presenterId: ana.id,
      status: 'parked',
      confidential: false,
    });
    expect(backend.events).toContainEqual({
      name: 'archive.changed',
      payload: { records: ['situation'], situationIds: [situation.id] },
    });
  });

  it('refuses a presenter from another group and writes nothing', async () => {
    const { group } = await seedGroup(backend);
    const other = await backend.call('group.create', { name: 'Another forum' });
    const stranger = await backend.call('member.create', { groupId: other.id, name: 'Sam Stranger' });
    const before = backend.snapshot();
    const result = await backend.route('situation.create', {
      groupId: group.id,
      presenterId: stranger.id,
      title: QUESTION,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Sam Stranger is not a member of this group.' },
    });
    expect(backend.snapshot()).toBe(before);
  });

  it('stores a digest credit given at creation and reads it back; none when left out', async () => {
    const { group, ana, situation: plain } = await seedSituation();
    const credited = await backend.call('situation.create', {
      groupId: group.id,
      presenterId: ana.id,
      title: 'Should I sell now?',
      credit: { name: '  Ana Ruiz ', org: 'Ruiz Logistics', pronoun: 'her' },
    });
    const credit = { name: 'Ana Ruiz', org: 'Ruiz Logistics', pronoun: 'her' };
    expect(credited.credit).toEqual(credit);
    expect((await backend.call('situation.get', { id: credited.id })).situation.credit).toEqual(credit);
    expect(plain.credit).toBeNull();
    expect((await backend.call('situation.get', { id: plain.id })).situation.credit).toBeNull();
    const explicitNone = await backend.call('situation.create', {
      groupId: group.id,
      presenterId: ana.id,
      title: 'When do I hire a COO?',
      credit: null,
    });
    expect(explicitNone.credit).toBeNull();
  });

  it('refuses half a credit with VALIDATION and writes nothing', async () => {
    const { group, ana } = await seedGroup(backend);
    const before = backend.snapshot();
    const halves: unknown[] = [
      { name: 'Ana Ruiz', pronoun: 'her' },
      { name: 'Ana Ruiz', org: '   ', pronoun: 'her' },
      { name: '', org: 'Ruiz Logistics', pronoun: 'her' },
      { name: 'Ana Ruiz', org: 'Ruiz Logistics' },
      { name: 'Ana Ruiz', org: 'Ruiz Logistics', pronoun: 'its' },
      { name: 'Ana Ruiz', org: 'Ruiz Logistics', pronoun: 'her', extra: 'x' },
      { name: 'Ana Ruiz', org: 'x'.repeat(201), pronoun: 'her' },
      'Special thanks to Ana Ruiz of Ruiz Logistics',
    ];
    for (const credit of halves) {
      const result = await backend.route('situation.create', {
        groupId: group.id,
        presenterId: ana.id,
        title: QUESTION,
        credit,
      });
      expect(result, JSON.stringify(credit)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(backend.snapshot()).toBe(before);
  });

  it('refuses an empty question', async () => {
    const { group, ana } = await seedGroup(backend);
    const before = backend.snapshot();
    const result = await backend.route('situation.create', {
      groupId: group.id,
      presenterId: ana.id,
      title: ' ',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'The question cannot be empty.' },
    });
    expect(backend.snapshot()).toBe(before);
  });
});

describe('contribution.add and situation.get', () => {
  it('nests sub-points under their parent, in the order they were added, with authors', async () => {
    const { situation, ben, chair } = await seedSituation();
    const first = await backend.call('contribution.add', {
      situationId: situation.id,
      authorId: ben.id,
      kind: 'advice',
      body: 'Change the account management culture.',
    });
    const second = await backend.call('contribution.add', {
      situationId: situation.id,
      authorId: chair.id,
      kind: 'advice',
      body: 'Pay a shared bonus on the whole account.',
    });
    const sub = await backend.call('contribution.add', {
      situationId: situation.id,
      parentId: first.id,
      authorId: chair.id,
      kind: 'advice',
      body: 'Schedule meetings with the full account staff.',
    });
    expect([first.position, second.position, sub.position]).toEqual([0, 1, 0]);

    const thread = await backend.call('situation.get', { id: situation.id });
    expect(thread.presenter.name).toBe('Ana Ruiz');
    expect(thread.groupName).toBe('Vistage CE 1234');
    expect(thread.contributions.map((c) => [c.body, c.parentId, c.authorName])).toEqual([
      ['Change the account management culture.', null, 'Ben Okafor'],
      ['Schedule meetings with the full account staff.', first.id, 'Dana Whitfield'],
      ['Pay a shared bonus on the whole account.', null, 'Dana Whitfield'],
    ]);
  });

  it('refuses a reply to a point of another situation, and writes nothing', async () => {
    const { situation, group, ben } = await seedSituation();
    const otherSituation = await backend.call('situation.create', {
      groupId: group.id,
      presenterId: ben.id,
      title: 'When should I sell the company?',
    });
    const elsewhere = await backend.call('contribution.add', {
      situationId: otherSituation.id,
      authorId: ben.id,
      kind: 'question',
      body: 'What does your family want?',
    });
    const before = backend.snapshot();
    const result = await backend.route('contribution.add', {
      situationId: situation.id,
      parentId: elsewhere.id,
      authorId: ben.id,
      kind: 'advice',
      body: 'Misplaced reply',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(backend.snapshot()).toBe(before);
  });

  it('refuses an unknown situation, an unknown kind and an empty body, writing nothing', async () => {
    const { situation, ben } = await seedSituation();
    const before = backend.snapshot();
    const cases: [unknown, string][] = [
      [{ situationId: UNKNOWN_ID, authorId: ben.id, kind: 'advice', body: 'Hello' }, 'NOT_FOUND'],
      [{ situationId: situation.id, authorId: ben.id, kind: 'rant', body: 'Hello' }, 'VALIDATION'],
      [{ situationId: situation.id, authorId: ben.id, kind: 'advice', body: '  \n ' }, 'VALIDATION'],
      [{ situationId: situation.id, authorId: UNKNOWN_ID, kind: 'advice', body: 'Hello' }, 'NOT_FOUND'],
    ];
    for (const [input, code] of cases) {
      expect(await backend.route('contribution.add', input)).toMatchObject({ ok: false, error: { code } });
    }
    expect(backend.snapshot()).toBe(before);
  });
});

describe('situation.list', () => {
  it('lists the archive newest first, with presenter, group and top-level advice count', async () => {
    const { situation, group, ben } = await seedSituation();
    const point = await backend.call('contribution.add', {
      situationId: situation.id,
      authorId: ben.id,
      kind: 'advice',
      body: 'One idea',
    });
    await backend.call('contribution.add', {
      situationId: situation.id,
      parentId: point.id,
      authorId: ben.id,
      kind: 'advice',
      body: 'A sub-point does not count',
    });
    await backend.call('contribution.add', {
      situationId: situation.id,
      authorId: ben.id,
      kind: 'question',
      body: 'A question does not count either?',
    });
    const later = await backend.call('situation.create', {
      groupId: group.id,
      presenterId: ben.id,
      title: 'Should I hire a COO?',
      confidential: true,
    });
    const list = await backend.call('situation.list', {});
    expect(list.map((s) => s.id)).toEqual([later.id, situation.id]);
    expect(list[1]).toMatchObject({
      presenterName: 'Ana Ruiz',
      groupName: 'Vistage CE 1234',
      adviceCount: 1,
    });
    expect(list[0]).toMatchObject({ confidential: true, adviceCount: 0 });
    expect(await backend.call('situation.list', { groupId: group.id })).toHaveLength(2);
  });

  it('refuses an unknown group', async () => {
    expect(await backend.route('situation.list', { groupId: UNKNOWN_ID })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
