// Archive packs between two databases: merge without duplicates, a second import changes nothing,
// newer wins, read-only open, confidential situations only when asked for, progress of large packs,
// and wrong passphrases, truncated and tampered packs write nothing. What a pack holds, point by
// point and credit by credit: pack-contents.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import {
  DEFAULT_SCRYPT,
  HEADER_BYTES,
  NOT_A_PACK,
  openPack,
  scryptMemory,
  sealPack,
  WRONG_PASSPHRASE,
  type ScryptParams,
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

describe('scrypt costs a pack header may ask for', () => {
  /** The chair's real pack with its header's scrypt parameters rewritten, as a crafted file would be. */
  function withParams({ log2N, r, p }: ScryptParams): string {
    const bytes = Buffer.from(pack, 'base64');
    bytes.writeUInt8(log2N, 8);
    bytes.writeUInt8(r, 9);
    bytes.writeUInt8(p, 10);
    return bytes.toString('base64');
  }

  // 2^20 · 16 · 4 asks for 2 GiB and tens of seconds; then each parameter one step past its cap, a
  // mix of them, and the most a header's bytes can say.
  it.each([
    { log2N: 20, r: 16, p: 4 },
    { log2N: 18, r: 8, p: 1 },
    { log2N: 15, r: 33, p: 1 },
    { log2N: 15, r: 8, p: 5 },
    { log2N: 16, r: 16, p: 2 },
    { log2N: 255, r: 255, p: 255 },
  ])('refuses log2(N) $log2N, r $r, p $p at once as not a pack, writing nothing', async (params) => {
    const data = withParams(params);
    const before = member.snapshot();
    for (const channel of ['pack.import', 'pack.open'] as const) {
      const started = performance.now();
      const result = await member.route(channel, { data, passphrase: PASS });
      expect(performance.now() - started, channel).toBeLessThan(250);
      expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', message: NOT_A_PACK } });
    }
    expect(member.snapshot()).toBe(before);
  });

  it('opens packs sealed with what Roundtable writes and with up to four times its cost', async () => {
    for (const params of [
      DEFAULT_SCRYPT,
      { log2N: 17, r: 8, p: 1 },
      { log2N: 15, r: 32, p: 1 },
      { log2N: 15, r: 8, p: 4 },
      { log2N: 16, r: 16, p: 1 },
    ]) {
      const sealed = await sealPack(Buffer.from('the archive'), PASS, params);
      expect((await openPack(sealed, PASS)).toString(), JSON.stringify(params)).toBe('the archive');
    }
  }, 60_000);

  it('gives scrypt exactly the memory those parameters need, not a byte more', async () => {
    const derive = promisify(scrypt) as (
      ...args: [string, Buffer, number, { N: number; r: number; p: number; maxmem: number }]
    ) => Promise<Buffer>;
    for (const params of [DEFAULT_SCRYPT, { log2N: 15, r: 32, p: 1 }, { log2N: 15, r: 8, p: 4 }]) {
      const options = { N: 2 ** params.log2N, r: params.r, p: params.p };
      const maxmem = scryptMemory(params);
      await expect(derive(PASS, Buffer.alloc(16), 32, { ...options, maxmem })).resolves.toHaveLength(32);
      await expect(derive(PASS, Buffer.alloc(16), 32, { ...options, maxmem: maxmem - 1 })).rejects.toThrow(
        /memory|invalid scrypt/i,
      );
    }
  }, 60_000);
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
