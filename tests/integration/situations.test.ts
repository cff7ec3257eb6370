// situation.* (create, update, get, list) and contribution.add through the router over a temp database file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
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
      payload: { situationId: situation.id },
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

describe('situation.update', () => {
  const CREDIT = { name: 'Rosa Quintero', org: 'Quintero Holdings', pronoun: 'her' } as const;

  it('changes each field on its own, leaving the others as they were, and tells the renderer', async () => {
    const { situation } = await seedSituation();
    backend.events.length = 0;

    const retitled = await backend.call('situation.update', {
      id: situation.id,
      title: '  How do you build teamwork across two account teams? ',
    });
    expect(retitled).toMatchObject({
      title: 'How do you build teamwork across two account teams?',
      background: situation.background,
      confidential: false,
      credit: null,
    });
    expect(backend.events).toEqual([{ name: 'archive.changed', payload: { situationId: situation.id } }]);

    const rewritten = await backend.call('situation.update', { id: situation.id, background: '' });
    expect(rewritten).toMatchObject({ title: retitled.title, background: '', confidential: false });

    const secret = await backend.call('situation.update', { id: situation.id, confidential: true });
    expect(secret).toMatchObject({ title: retitled.title, background: '', confidential: true, credit: null });

    const credited = await backend.call('situation.update', {
      id: situation.id,
      credit: { ...CREDIT, name: ' Rosa Quintero ' },
    });
    expect(credited).toMatchObject({ title: retitled.title, confidential: true, credit: CREDIT });

    const uncredited = await backend.call('situation.update', { id: situation.id, credit: null });
    expect(uncredited).toMatchObject({ title: retitled.title, confidential: true, credit: null });

    const open = await backend.call('situation.update', { id: situation.id, confidential: false });
    expect(open.confidential).toBe(false);

    // What situation.get and the archive list read back is what the last update returned.
    const thread = await backend.call('situation.get', { id: situation.id });
    expect(thread.situation).toEqual(open);
    const [summary] = await backend.call('situation.list', {});
    expect(summary).toMatchObject({ title: retitled.title, confidential: false });
    // Everything else about the situation stays: group, presenter, status, creation time.
    expect(open).toMatchObject({
      groupId: situation.groupId,
      presenterId: situation.presenterId,
      status: situation.status,
      createdAt: situation.createdAt,
    });
  });

  it('changes several fields at once and bumps updated_at to the service clock', async () => {
    const at = Date.UTC(2031, 0, 2, 9);
    const timed = await openTestBackend({ now: () => at });
    try {
      const { group, ana } = await seedGroup(timed);
      const situation = await timed.call('situation.create', {
        groupId: group.id,
        presenterId: ana.id,
        title: 'Shuold I sell now?',
      });
      const updated = await timed.call('situation.update', {
        id: situation.id,
        title: 'Should I sell now?',
        background: 'Two offers are on the table.',
        confidential: true,
        credit: CREDIT,
      });
      expect(updated).toEqual({
        ...situation,
        title: 'Should I sell now?',
        background: 'Two offers are on the table.',
        confidential: true,
        credit: CREDIT,
        updatedAt: at,
      });
    } finally {
      timed.close();
    }
  });

  it('re-indexes a new question and background: search finds the new words, not the old', async () => {
    const { situation } = await seedSituation();
    const hits = async (query: string) =>
      (await backend.call('archive.search', { query })).hits.map((h) => h.id);
    expect(await hits('teamwork')).toEqual([situation.id]);
    expect(await hits('hoard')).toEqual([situation.id]);

    await backend.call('situation.update', {
      id: situation.id,
      title: 'How do you price a subscription product?',
      background: 'Customers churn after the first renewal.',
    });
    expect(await hits('teamwork')).toEqual([]);
    expect(await hits('hoard')).toEqual([]);
    expect(await hits('subscription')).toEqual([situation.id]);
    expect(await hits('renewal')).toEqual([situation.id]);

    // A change that leaves the searchable text alone keeps it findable.
    await backend.call('situation.update', { id: situation.id, confidential: true, credit: CREDIT });
    expect(await hits('subscription')).toEqual([situation.id]);
    const integrity = backend.db.prepare(
      `INSERT INTO situations_fts (situations_fts, rank) VALUES ('integrity-check', 1)`,
    );
    expect(() => integrity.run()).not.toThrow();
  });

  it('marked confidential, a situation leaves every digest but a full one the chair confirms', async () => {
    const { situation, chair } = await seedSituation();
    await backend.call('contribution.add', {
      situationId: situation.id,
      authorId: chair.id,
      kind: 'advice',
      body: 'Pay a shared bonus on the whole account.',
    });
    const digest = (input: Partial<Input<'export.digest'>>) =>
      backend.call('export.digest', { situationIds: [situation.id], format: 'markdown', ...input });
    expect(await digest({})).toMatchObject({ situationCount: 1, omittedConfidential: 0 });

    await backend.call('situation.update', { id: situation.id, confidential: true });
    for (const input of [
      {},
      { level: 'anonymized', includeConfidential: true },
      { level: 'full' },
      { level: 'full', includeConfidential: false },
    ] as const) {
      const result = await digest(input);
      expect(result, JSON.stringify(input)).toMatchObject({ situationCount: 0, omittedConfidential: 1 });
      expect(result.content).not.toMatch(/teamwork|shared bonus/i);
    }
    const confirmed = await digest({ level: 'full', includeConfidential: true });
    expect(confirmed).toMatchObject({ situationCount: 1, omittedConfidential: 0 });
    expect(confirmed.content).toContain('Pay a shared bonus on the whole account.');
  });

  it('refuses half a credit, and any bad field, with VALIDATION and writes nothing', async () => {
    const { situation } = await seedSituation();
    await backend.call('situation.update', { id: situation.id, credit: CREDIT });
    const before = backend.snapshot();
    const refused: [Record<string, unknown>, string | null][] = [
      [{ credit: { name: 'Ana Ruiz', pronoun: 'her' } }, null],
      [
        { credit: { name: 'Ana Ruiz', org: '   ', pronoun: 'her' } },
        'The credited organization cannot be empty.',
      ],
      [{ credit: { name: '', org: 'Ruiz Logistics', pronoun: 'her' } }, 'The credited name cannot be empty.'],
      [{ credit: { name: 'Ana Ruiz', org: 'Ruiz Logistics' } }, null],
      [{ credit: { name: 'Ana Ruiz', org: 'Ruiz Logistics', pronoun: 'its' } }, null],
      [{ credit: { ...CREDIT, extra: 'x' } }, null],
      [{ credit: 'Special thanks to Ana Ruiz of Ruiz Logistics' }, null],
      // A good field beside a bad one is not written either.
      [{ title: 'A fixed question?', credit: { name: 'Ana Ruiz' } }, null],
      [{ title: ' ', confidential: true }, 'The question cannot be empty.'],
      [{ title: 'x'.repeat(501) }, 'The question is too long (at most 500 characters).'],
      [{ background: 'x'.repeat(20_001) }, null],
      [{ confidential: 'yes' }, 'A situation is either confidential or not.'],
      [{ status: 'resolved' }, null],
      [{ presenterId: situation.presenterId, title: 'Moved?' }, null],
    ];
    for (const [fields, message] of refused) {
      const result = await backend.route('situation.update', { id: situation.id, ...fields });
      expect(result, JSON.stringify(fields).slice(0, 120)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', ...(message === null ? {} : { message }) },
      });
    }
    expect(backend.snapshot()).toBe(before);
    expect((await backend.call('situation.get', { id: situation.id })).situation.credit).toEqual(CREDIT);
  });

  it('refuses an update that changes nothing with VALIDATION', async () => {
    const { situation } = await seedSituation();
    const before = backend.snapshot();
    for (const input of [{ id: situation.id }, { id: situation.id, title: undefined }]) {
      expect(await backend.route('situation.update', input)).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'Nothing to change: give a new question, background, confidential mark or credit.',
        },
      });
    }
    expect(backend.snapshot()).toBe(before);
  });

  it('answers NOT_FOUND for an unknown or deleted situation, writing nothing and telling no one', async () => {
    const { situation } = await seedSituation();
    backend.db.prepare('UPDATE situations SET deleted_at = updated_at WHERE id = ?').run(situation.id);
    backend.events.length = 0;
    const before = backend.snapshot();
    for (const id of [UNKNOWN_ID, situation.id]) {
      expect(await backend.route('situation.update', { id, confidential: true })).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND', message: 'That situation no longer exists.' },
      });
    }
    expect(backend.snapshot()).toBe(before);
    expect(backend.events).toEqual([]);
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
