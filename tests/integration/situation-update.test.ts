// situation.update through the router over a temp database file: each field on its own, search
// kept right, confidential after the fact, and refusals that change nothing.
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
    expect(backend.events).toEqual([
      { name: 'archive.changed', payload: { records: ['situation'], situationIds: [situation.id] } },
    ]);

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
