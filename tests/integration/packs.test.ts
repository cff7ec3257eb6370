// Archive packs between two databases: merge without duplicates, a second import changes nothing,
// newer wins, read-only open, confidential situations only when asked for, progress of large packs,
// packs of the first format, digest credits (and packs from before they travelled), and wrong
// passphrases, truncated, tampered, looping and half-credited packs write nothing.
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT,
  HEADER_BYTES,
  openPack,
  sealPack,
  WRONG_PASSPHRASE,
} from '../../electron/services/packs/pack-crypto';
import { PART_SITUATIONS } from '../../electron/services/packs/pack-payload';
import { openTestBackend, seedGroup, type TestBackend } from './backend-fixture';

let chair: TestBackend;
let member: TestBackend;
let groupId: string;
let pack: string;
const PASS = 'forum passphrase 2025';

beforeAll(async () => {
  chair = await openTestBackend();
  member = await openTestBackend();
  const { group, ana, ben } = await seedGroup(chair);
  groupId = group.id;
  const s = await chair.call('situation.create', {
    groupId,
    presenterId: ana.id,
    title: 'How do I hire a COO?',
  });
  const top = await chair.call('contribution.add', {
    situationId: s.id,
    authorId: ben.id,
    kind: 'advice',
    body: 'Use a search firm.',
  });
  await chair.call('contribution.add', {
    situationId: s.id,
    parentId: top.id,
    authorId: ana.id,
    kind: 'advice',
    body: 'Ask for references.',
  });
  await chair.call('contribution.endorse', { contributionId: top.id, memberId: ana.id });
  await chair.call('situation.tag', { situationId: s.id, name: 'Hiring' });
  await chair.call('situation.create', { groupId, presenterId: ben.id, title: 'Secret', confidential: true });
  pack = (await chair.call('pack.export', { groupId, passphrase: PASS })).data;
}, 60_000);
afterAll(() => {
  chair.close();
  member.close();
});

describe('archive packs', () => {
  it('refuses a wrong passphrase with a clear message and writes nothing', async () => {
    const before = member.snapshot();
    const result = await member.route('pack.import', { data: pack, passphrase: 'not the passphrase' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: WRONG_PASSPHRASE,
      },
    });
    expect(member.snapshot()).toBe(before);
  });

  it('opens read-only without writing a row', async () => {
    const before = member.snapshot();
    const contents = await member.call('pack.open', { data: pack, passphrase: PASS });
    expect(member.snapshot()).toBe(before);
    expect(contents.groupNames).toEqual(['Vistage CE 1234']);
    expect(contents.situations.map((s) => s.title)).toEqual(['How do I hire a COO?']);
    expect(contents.situations[0]!.points.map((p) => p.body)).toEqual([
      'Use a search firm.',
      'Ask for references.',
    ]);
  });

  it('merges without duplicates, leaves confidential situations out, and a second import changes nothing', async () => {
    const report = await member.call('pack.import', { data: pack, passphrase: PASS });
    expect(report.situations).toEqual({ added: 1, updated: 0, unchanged: 0, conflicts: 0 });
    expect(report.contributions.added).toBe(2);
    expect(report.members.added).toBe(3);
    expect(report.tags.added).toBe(1);
    const [situation] = await member.call('situation.list', { groupId });
    const thread = await member.call('situation.get', { id: situation!.id });
    expect(thread.tags.map((t) => t.name)).toEqual(['Hiring']);
    expect(thread.contributions[0]!.endorsedBy).toHaveLength(1);
    const hits = await member.call('archive.search', { query: 'search firm' });
    expect(hits.total).toBe(1);

    const before = member.snapshot();
    const again = await member.call('pack.import', { data: pack, passphrase: PASS });
    expect(again.situations).toEqual({ added: 0, updated: 0, unchanged: 1, conflicts: 0 });
    expect(member.snapshot()).toBe(before);
  });

  it('lets the newer record win and reports older changes as conflicts', async () => {
    const situation = (await chair.call('situation.list', { groupId })).find((s) => !s.confidential);
    chair.db
      .prepare('UPDATE situations SET title = ?, updated_at = updated_at + 1000 WHERE id = ?')
      .run('How do I hire a great COO?', situation!.id);
    const newer = (await chair.call('pack.export', { groupId, passphrase: PASS })).data;
    expect((await member.call('pack.import', { data: newer, passphrase: PASS })).situations.updated).toBe(1);
    expect((await member.call('situation.get', { id: situation!.id })).situation.title).toBe(
      'How do I hire a great COO?',
    );
    member.db
      .prepare('UPDATE situations SET title = ?, updated_at = updated_at + 5000 WHERE id = ?')
      .run('Mine', situation!.id);
    const report = await member.call('pack.import', { data: newer, passphrase: PASS });
    expect(report.situations.conflicts).toBe(1);
    expect((await member.call('situation.get', { id: situation!.id })).situation.title).toBe('Mine');
  });

  it('refuses truncated packs and non-packs with typed errors, writing nothing', async () => {
    const bytes = Buffer.from(pack, 'base64');
    const before = member.snapshot();
    for (const cut of [0, 3, HEADER_BYTES - 1, HEADER_BYTES + 5, bytes.length - 1]) {
      const result = await member.route('pack.import', {
        data: bytes.subarray(0, cut).toString('base64'),
        passphrase: PASS,
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(['VALIDATION', 'CORRUPT']).toContain(result.error.code);
    }
    expect(member.snapshot()).toBe(before);
  });
});

describe('pack envelope', () => {
  it('fails to open when any header byte, or a sample of ciphertext and tag bytes, is changed', async () => {
    const sealed = await sealPack(Buffer.from('the archive'), PASS);
    expect((await openPack(sealed, PASS)).toString()).toBe('the archive');
    expect(sealed.subarray(0, 6).toString()).toBe('RTPACK');
    const positions = [
      ...Array.from({ length: HEADER_BYTES }, (_, i) => i),
      HEADER_BYTES,
      sealed.length - 17,
      sealed.length - 1,
    ];
    for (const at of positions) {
      const tampered = Buffer.from(sealed);
      tampered[at] = tampered[at]! ^ 0x01;
      await expect(openPack(tampered, PASS), `byte ${at}`).rejects.toMatchObject({ name: 'AppError' });
    }
  }, 120_000);
});

describe('confidential situations in a pack', () => {
  it('stay out unless included, and the export says how many stayed out', async () => {
    const left = await chair.call('pack.export', { groupId, passphrase: PASS });
    expect(left).toMatchObject({ situationCount: 1, omittedConfidential: 1 });
    const without = await member.call('pack.open', { data: left.data, passphrase: PASS });
    expect(without.situations.map((s) => s.title)).not.toContain('Secret');

    const all = await chair.call('pack.export', { groupId, passphrase: PASS, includeConfidential: true });
    expect(all).toMatchObject({ situationCount: 2, omittedConfidential: 0 });
    const opened = await member.call('pack.open', { data: all.data, passphrase: PASS });
    expect(opened.situations.map((s) => s.title).sort()).toEqual(['How do I hire a great COO?', 'Secret']);
  });

  it('leave out a selection’s confidential one too, and count it', async () => {
    const ids = (await chair.call('situation.list', { groupId })).map((s) => s.id);
    const chosen = await chair.call('pack.export', { groupId, passphrase: PASS, situationIds: ids });
    expect(chosen).toMatchObject({ situationCount: 1, omittedConfidential: 1 });
  });
});

/** The events a backend emitted since `from`, with their payloads. */
function progress(backend: TestBackend, name: string, from = 0) {
  return backend.events
    .slice(from)
    .flatMap((e) => (e.name === name ? [e.payload as { done: number; total: number }] : []));
}

function expectClimbingTo(events: { done: number; total: number }[], total: number) {
  expect(events.length).toBe(Math.ceil(total / PART_SITUATIONS));
  expect(events.every((e) => e.total === total)).toBe(true);
  expect(events.every((e, i) => i === 0 || e.done > events[i - 1]!.done)).toBe(true);
  expect(events.at(-1)?.done).toBe(total);
}

describe('a large pack', () => {
  const TOTAL = 2 * PART_SITUATIONS + 37;
  let big: TestBackend;
  let fresh: TestBackend;
  let bigGroup: string;

  beforeAll(async () => {
    big = await openTestBackend();
    fresh = await openTestBackend();
    const { group, ana, ben } = await seedGroup(big);
    bigGroup = group.id;
    for (let i = 0; i < TOTAL; i++) {
      const s = await big.call('situation.create', {
        groupId: bigGroup,
        presenterId: i % 2 ? ana.id : ben.id,
        title: `Situation number ${i}?`,
      });
      if (i % 50 === 0) {
        const top = await big.call('contribution.add', {
          situationId: s.id,
          authorId: i % 2 ? ben.id : ana.id,
          kind: 'advice',
          body: `Advice on ${i}.`,
        });
        await big.call('contribution.add', {
          situationId: s.id,
          parentId: top.id,
          authorId: ana.id,
          kind: 'advice',
          body: `More on ${i}.`,
        });
      }
    }
  }, 120_000);
  afterAll(() => {
    big.close();
    fresh.close();
  });

  it('reports its export and its import part by part, up to the total, and merges whole', async () => {
    const from = big.events.length;
    const pack = await big.call('pack.export', { groupId: bigGroup, passphrase: PASS });
    expect(pack.situationCount).toBe(TOTAL);
    expectClimbingTo(progress(big, 'export.progress', from), TOTAL);

    const report = await fresh.call('pack.import', { data: pack.data, passphrase: PASS });
    expect(report.situations.added).toBe(TOTAL);
    expect(report.contributions.added).toBe(2 * Math.ceil(TOTAL / 50));
    expectClimbingTo(progress(fresh, 'import.progress'), TOTAL);
    const opened = await fresh.call('pack.open', { data: pack.data, passphrase: PASS });
    expect(opened.situations).toHaveLength(TOTAL);
    expect(opened.situations.find((s) => s.title === 'Situation number 100?')?.points).toHaveLength(2);
    expect((await fresh.call('archive.search', { query: 'More on 500' })).total).toBe(1);
  });

  it('reports no progress for a pack of one part', async () => {
    const from = chair.events.length;
    const pack = await chair.call('pack.export', { groupId, passphrase: PASS });
    const into = member.events.length;
    await member.call('pack.import', { data: pack.data, passphrase: PASS });
    expect(progress(chair, 'export.progress', from)).toEqual([]);
    expect(progress(member, 'import.progress', into)).toEqual([]);
  });
});

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
