// Archive packs between two databases: merge without duplicates, a second import changes nothing,
// newer wins, read-only open, and wrong passphrases, truncated and tampered packs write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HEADER_BYTES,
  openPack,
  sealPack,
  WRONG_PASSPHRASE,
} from '../../electron/services/packs/pack-crypto';
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
