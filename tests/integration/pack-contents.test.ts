// What a pack holds, between two databases: points below a removed one left out, packs of the
// first format still read, looping points refused, and digest credits (newer wins, null clears,
// packs from before credits travelled never clear one, half a credit is refused).
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, openPack, sealPack } from '../../electron/services/packs/pack-crypto';
import { openTestBackend, seedGroup, type TestBackend } from './backend-fixture';

const PASS = 'forum passphrase 2025';

describe('what a pack holds', () => {
  let source: TestBackend;
  let target: TestBackend;
  let sourceGroup: string;

  beforeAll(async () => {
    source = await openTestBackend();
    target = await openTestBackend();
    const { group, ana, ben } = await seedGroup(source);
    sourceGroup = group.id;
    const s = await source.call('situation.create', {
      groupId: group.id,
      presenterId: ana.id,
      title: 'How do I price?',
    });
    const top = await source.call('contribution.add', {
      situationId: s.id,
      authorId: ben.id,
      kind: 'advice',
      body: 'Raise prices.',
    });
    const middle = await source.call('contribution.add', {
      situationId: s.id,
      parentId: top.id,
      authorId: ana.id,
      kind: 'advice',
      body: 'By ten percent.',
    });
    await source.call('contribution.add', {
      situationId: s.id,
      parentId: middle.id,
      authorId: ben.id,
      kind: 'advice',
      body: 'Every year.',
    });
    await source.call('contribution.add', {
      situationId: s.id,
      authorId: ana.id,
      kind: 'advice',
      body: 'Survey customers.',
    });
  });
  afterAll(() => {
    source.close();
    target.close();
  });

  it('leaves out every point below a removed one, and still imports', async () => {
    // Only the middle point is marked removed: its answer is live, but has nowhere to hang.
    source.db.prepare(`UPDATE contributions SET deleted_at = 1 WHERE body = 'By ten percent.'`).run();
    const pack = await source.call('pack.export', { groupId: sourceGroup, passphrase: PASS });
    const opened = await target.call('pack.open', { data: pack.data, passphrase: PASS });
    expect(opened.situations[0]!.points.map((p) => p.body)).toEqual(['Raise prices.', 'Survey customers.']);
    const report = await target.call('pack.import', { data: pack.data, passphrase: PASS });
    expect(report.contributions.added).toBe(2);
  });

  it('opens and merges a pack of the first format, one document', async () => {
    const pack = Buffer.from(
      (await source.call('pack.export', { groupId: sourceGroup, passphrase: PASS })).data,
      'base64',
    );
    const lines = gunzipSync(await openPack(pack, PASS))
      .toString('utf8')
      .split('\n');
    const [header, ...parts] = lines.map((line) => JSON.parse(line) as Record<string, unknown[]>);
    const whole: Record<string, unknown> = {
      ...header,
      situations: [],
      contributions: [],
      commitments: [],
      situationTags: [],
      endorsements: [],
    };
    delete whole.version;
    delete whole.situationCount;
    for (const part of parts)
      for (const [key, rows] of Object.entries(part)) (whole[key] as unknown[]).push(...rows);
    // The first format came before credits travelled.
    for (const s of whole.situations as Record<string, unknown>[]) {
      delete s.creditName;
      delete s.creditOrg;
      delete s.creditPronoun;
    }
    const first = await sealPack(gzipSync(JSON.stringify(whole)), PASS, DEFAULT_SCRYPT, 1);
    expect(first.readUInt8(6)).toBe(1);
    const data = first.toString('base64');
    const into = await openTestBackend();
    try {
      const opened = await into.call('pack.open', { data, passphrase: PASS });
      expect(opened.situations.map((s) => [s.title, s.credit])).toEqual([['How do I price?', null]]);
      const report = await into.call('pack.import', { data, passphrase: PASS });
      expect(report.situations.added).toBe(1);
      expect(report.contributions.added).toBe(2);
    } finally {
      into.close();
    }
  });

  it('refuses points that answer themselves or each other, writing nothing', async () => {
    const pack = Buffer.from(
      (await source.call('pack.export', { groupId: sourceGroup, passphrase: PASS })).data,
      'base64',
    );
    const [header, part] = gunzipSync(await openPack(pack, PASS))
      .toString('utf8')
      .split('\n');
    const rows = JSON.parse(part!) as { contributions: { id: string; parentId: string | null }[] };
    const [a, b] = rows.contributions;
    for (const loop of [
      () => (a!.parentId = a!.id),
      () => {
        a!.parentId = b!.id;
        b!.parentId = a!.id;
      },
    ]) {
      loop();
      const bad = await sealPack(gzipSync(`${header}\n${JSON.stringify(rows)}`), PASS);
      const into = await openTestBackend();
      try {
        const before = into.snapshot();
        const result = await into.route('pack.import', { data: bad.toString('base64'), passphrase: PASS });
        expect(result).toMatchObject({ ok: false, error: { code: 'CORRUPT' } });
        expect(into.snapshot()).toBe(before);
      } finally {
        into.close();
      }
    }
  });

  it('refuses a pack whose text has half an emoji in it, writing nothing', async () => {
    const pack = Buffer.from(
      (await source.call('pack.export', { groupId: sourceGroup, passphrase: PASS })).data,
      'base64',
    );
    const [header, part] = gunzipSync(await openPack(pack, PASS))
      .toString('utf8')
      .split('\n');
    const rows = JSON.parse(part!) as { contributions: { body: string }[] };
    rows.contributions[0]!.body = 'Raise prices \uD83D';
    const bad = await sealPack(gzipSync(`${header}\n${JSON.stringify(rows)}`), PASS);
    const into = await openTestBackend();
    try {
      const before = into.snapshot();
      for (const channel of ['pack.import', 'pack.open'] as const) {
        expect(await into.route(channel, { data: bad.toString('base64'), passphrase: PASS })).toMatchObject({
          ok: false,
          error: { code: 'CORRUPT' },
        });
      }
      expect(into.snapshot()).toBe(before);
    } finally {
      into.close();
    }
  });
});

describe('digest credits in a pack', () => {
  const CREDIT = { name: 'Priya Raman', org: 'Raman Logistics', pronoun: 'her' } as const;
  let source: TestBackend;
  let target: TestBackend;
  let sourceGroup: string;
  let creditedId: string;
  let plainId: string;

  const exportPack = async () =>
    (await source.call('pack.export', { groupId: sourceGroup, passphrase: PASS })).data;
  const creditIn = async (backend: TestBackend, id: string) =>
    (await backend.call('situation.get', { id })).situation.credit;

  /** The pack re-sealed with each situation's credit fields removed, as packs were written before. */
  async function withoutCreditFields(data: string): Promise<string> {
    const lines = gunzipSync(await openPack(Buffer.from(data, 'base64'), PASS))
      .toString('utf8')
      .split('\n');
    const stripped = lines.map((line, i) => {
      if (i === 0) return line;
      const part = JSON.parse(line) as { situations: Record<string, unknown>[] };
      for (const s of part.situations) {
        expect(Object.keys(s)).toEqual(expect.arrayContaining(['creditName', 'creditOrg', 'creditPronoun']));
        delete s.creditName;
        delete s.creditOrg;
        delete s.creditPronoun;
      }
      return JSON.stringify(part);
    });
    return (await sealPack(gzipSync(stripped.join('\n')), PASS)).toString('base64');
  }

  beforeAll(async () => {
    source = await openTestBackend();
    target = await openTestBackend();
    const { group, ana, ben } = await seedGroup(source);
    sourceGroup = group.id;
    creditedId = (
      await source.call('situation.create', {
        groupId: group.id,
        presenterId: ana.id,
        title: 'How do I sell the family firm?',
        credit: CREDIT,
      })
    ).id;
    plainId = (
      await source.call('situation.create', {
        groupId: group.id,
        presenterId: ben.id,
        title: 'Should I open a plant?',
      })
    ).id;
  });
  afterAll(() => {
    source.close();
    target.close();
  });

  /** Moves a situation's clock on after a change, so it is newer than any copy merged so far. */
  function later(backend: TestBackend, id: string, ms: number) {
    backend.db.prepare('UPDATE situations SET updated_at = updated_at + ? WHERE id = ?').run(ms, id);
  }

  it('travels with its situation: opened read-only, and merged into another archive', async () => {
    const data = await exportPack();
    const opened = await target.call('pack.open', { data, passphrase: PASS });
    expect(Object.fromEntries(opened.situations.map((s) => [s.id, s.credit]))).toEqual({
      [creditedId]: CREDIT,
      [plainId]: null,
    });
    const report = await target.call('pack.import', { data, passphrase: PASS });
    expect(report.situations.added).toBe(2);
    expect(await creditIn(target, creditedId)).toEqual(CREDIT);
    expect(await creditIn(target, plainId)).toBeNull();
    const again = await target.call('pack.import', { data, passphrase: PASS });
    expect(again.situations).toEqual({ added: 0, updated: 0, unchanged: 2, conflicts: 0 });
  });

  it('is replaced by a newer situation’s credit, and cleared by a newer situation without one', async () => {
    const changed = { name: 'Priya Raman-Shah', org: 'Raman Group', pronoun: 'their' } as const;
    await source.call('situation.update', { id: creditedId, credit: changed });
    later(source, creditedId, 1000);
    await source.call('situation.update', { id: plainId, credit: CREDIT });
    later(source, plainId, 1000);
    const report = await target.call('pack.import', { data: await exportPack(), passphrase: PASS });
    expect(report.situations).toEqual({ added: 0, updated: 2, unchanged: 0, conflicts: 0 });
    expect(await creditIn(target, creditedId)).toEqual(changed);
    expect(await creditIn(target, plainId)).toEqual(CREDIT);

    await source.call('situation.update', { id: creditedId, credit: null });
    later(source, creditedId, 1000);
    const cleared = await target.call('pack.import', { data: await exportPack(), passphrase: PASS });
    expect(cleared.situations).toMatchObject({ updated: 1, unchanged: 1 });
    expect(await creditIn(target, creditedId)).toBeNull();
    expect(await creditIn(target, plainId)).toEqual(CREDIT);
  });

  it('is kept here when it is older than ours', async () => {
    await target.call('situation.update', { id: plainId, credit: null });
    later(target, plainId, 5000);
    const report = await target.call('pack.import', { data: await exportPack(), passphrase: PASS });
    expect(report.situations.conflicts).toBe(1);
    expect(await creditIn(target, plainId)).toBeNull();
  });

  it('is null from a pack written before credits travelled, which never clears one here', async () => {
    const old = await withoutCreditFields(await exportPack());
    const into = await openTestBackend();
    try {
      const opened = await into.call('pack.open', { data: old, passphrase: PASS });
      expect(opened.situations.map((s) => s.credit)).toEqual([null, null]);
      expect((await into.call('pack.import', { data: old, passphrase: PASS })).situations.added).toBe(2);
      expect(await creditIn(into, plainId)).toBeNull();
    } finally {
      into.close();
    }

    // The source's situation with a credit is newer than the target's copy: its other changes
    // come in, the credit the old pack cannot speak for stays.
    await target.call('situation.update', { id: plainId, credit: CREDIT });
    await source.call('situation.update', { id: plainId, title: 'Should I open a second plant?' });
    later(source, plainId, 10_000);
    const oldNewer = await withoutCreditFields(await exportPack());
    const report = await target.call('pack.import', { data: oldNewer, passphrase: PASS });
    expect(report.situations).toMatchObject({ updated: 1, conflicts: 0 });
    const thread = await target.call('situation.get', { id: plainId });
    expect(thread.situation.title).toBe('Should I open a second plant?');
    expect(thread.situation.credit).toEqual(CREDIT);
    const before = target.snapshot();
    const again = await target.call('pack.import', { data: oldNewer, passphrase: PASS });
    expect(again.situations).toMatchObject({ updated: 0, conflicts: 0 });
    expect(target.snapshot()).toBe(before);
  });

  it(
    'opens a pack whose credit holds a long run of spaces, keeping it as written',
    async () => {
      const lines = gunzipSync(await openPack(Buffer.from(await exportPack(), 'base64'), PASS))
        .toString('utf8')
        .split('\n');
      const part = JSON.parse(lines[1]!) as { situations: Record<string, unknown>[] };
      const run = ' '.repeat(99_000);
      const credit = { name: `A${run}B`, org: `C${run}D`, pronoun: 'his' } as const;
      Object.assign(
        part.situations.find((x) => x.id === plainId)!,
        {
          creditName: credit.name,
          creditOrg: credit.org,
          creditPronoun: credit.pronoun,
        },
      );
      const pack = await sealPack(gzipSync(`${lines[0]}\n${JSON.stringify(part)}`), PASS);
      const into = await openTestBackend();
      try {
        const opened = await into.call('pack.open', { data: pack.toString('base64'), passphrase: PASS });
        expect(opened.situations.find((s) => s.id === plainId)?.credit).toEqual(credit);
      } finally {
        into.close();
      }
    },
    // Trimmed by a pattern, each run took over ten seconds.
    10_000,
  );

  it('refuses a pack with half a credit, writing nothing', async () => {
    const lines = gunzipSync(await openPack(Buffer.from(await exportPack(), 'base64'), PASS))
      .toString('utf8')
      .split('\n');
    const part = JSON.parse(lines[1]!) as { situations: Record<string, unknown>[] };
    for (const broken of [
      { creditOrg: null },
      { creditName: '  ' },
      { creditPronoun: 'its' },
      { creditName: undefined },
    ]) {
      const copy = structuredClone(part);
      const s = copy.situations.find((x) => x.id === plainId)!;
      Object.assign(s, { creditName: 'A', creditOrg: 'B', creditPronoun: 'his' }, broken);
      const bad = await sealPack(gzipSync(`${lines[0]}\n${JSON.stringify(copy)}`), PASS);
      const into = await openTestBackend();
      try {
        const before = into.snapshot();
        const result = await into.route('pack.import', { data: bad.toString('base64'), passphrase: PASS });
        expect(result, JSON.stringify(broken)).toMatchObject({ ok: false, error: { code: 'CORRUPT' } });
        expect(into.snapshot()).toBe(before);
      } finally {
        into.close();
      }
    }
  });
});
