// An archive has one owner at a time. Copies of the backend started at the same moment on one
// archive file, each in its own process and each writing as fast as it can, never lose a write one
// of them acknowledged: the first to take the archive's lock writes, the others are refused with a
// sentence that says the archive is open elsewhere, and nobody touches anybody's -wal or -shm.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBackend } from '../../electron/backend/host';
import { lockArchive } from '../../electron/store/archive-lock';
import { openKeyed } from '../../electron/store/cipher';
import { AppError } from '../../shared/errors';
import { TEST_KEY, TEST_KEY_HEX } from '../harness/test-key';
import { tempDir } from './backend-fixture';

const WORKER = path.resolve('dist/electron/backend-worker.cjs');
const CHILD = path.resolve('tests/integration/processes/write-through-worker.mjs');
const TRIALS = 12;
const COPIES = 3;
const POINTS = 150;
let dir: string;

beforeAll(() => {
  if (!fs.existsSync(WORKER)) throw new Error('Build the worker first: npm run build');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** An archive with a group, a member and a situation, closed cleanly. */
async function seedArchive(dbPath: string) {
  const backend = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
  const value = async (channel: string, input: unknown) => {
    const envelope = await backend.invoke(channel, input);
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value as { id: string };
  };
  const group = await value('group.create', { name: 'Forum' });
  const member = await value('member.create', { groupId: group.id, name: 'Ana Ruiz' });
  const situation = await value('situation.create', {
    groupId: group.id,
    presenterId: member.id,
    title: 'How do I hand over the sales team?',
  });
  await backend.close();
  return { situationId: situation.id, authorId: member.id };
}

interface Outcome {
  acknowledged?: string[];
  refused?: { code: string; message: string };
}

function startCopy(dbPath: string, seed: { situationId: string; authorId: string }, tag: string) {
  return new Promise<Outcome>((resolve, reject) => {
    const child = spawn(process.execPath, [
      CHILD,
      WORKER,
      dbPath,
      TEST_KEY_HEX,
      seed.situationId,
      seed.authorId,
      String(POINTS),
      tag,
    ]);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as Outcome);
      } catch {
        reject(new Error(`copy ${tag} printed no outcome: ${out}`));
      }
    });
  });
}

describe('copies of the backend on one archive', () => {
  it(`started ${COPIES} at a time, ${TRIALS} times, lose no acknowledged write`, async () => {
    dir = tempDir();
    let acknowledged = 0;
    let refusals = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const dbPath = path.join(dir, `trial-${trial}`, 'roundtable.db');
      fs.mkdirSync(path.dirname(dbPath));
      const seed = await seedArchive(dbPath);
      const outcomes = await Promise.all(
        Array.from({ length: COPIES }, (_, copy) => startCopy(dbPath, seed, `t${trial}c${copy}`)),
      );
      const kept = openKeyed(dbPath, TEST_KEY, { readonly: true });
      const stored = new Set(
        (kept.prepare('SELECT body FROM contributions').all() as { body: string }[]).map((r) => r.body),
      );
      expect(kept.pragma('integrity_check', { simple: true })).toBe('ok');
      kept.close();
      for (const outcome of outcomes) {
        if (outcome.refused) {
          refusals++;
          expect(outcome.refused.code).toBe('IN_USE');
          expect(outcome.refused.message).toMatch(/already open in another copy of Roundtable/);
          continue;
        }
        for (const body of outcome.acknowledged ?? []) expect(stored.has(body), body).toBe(true);
        acknowledged += outcome.acknowledged?.length ?? 0;
      }
      expect(outcomes.some((o) => o.acknowledged && o.acknowledged.length === POINTS)).toBe(true);
    }
    expect(acknowledged).toBeGreaterThanOrEqual(TRIALS * POINTS);
    // Starting together, the copies overlap: most trials see a refusal (what each saw is printed).
    console.log(
      `${TRIALS} trials of ${COPIES} copies: ${acknowledged} acknowledged writes, 0 lost, ${refusals} starts refused`,
    );
    expect(refusals).toBeGreaterThan(0);
  }, 180_000);

  it('refuses a second backend in the same process while the first holds the archive, then lets it in', async () => {
    dir = tempDir();
    const dbPath = path.join(dir, 'roundtable.db');
    const first = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    const second = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(second).toBeInstanceOf(AppError);
    expect(second).toMatchObject({ code: 'IN_USE' });
    expect((second as AppError).message).toContain(dbPath);
    await first.close();
    const third = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    await third.close();
  });

  it('is free again the moment the process holding it is killed: the lock never outlives its owner', async () => {
    dir = tempDir();
    const dbPath = path.join(dir, 'roundtable.db');
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import Database from 'better-sqlite3-multiple-ciphers';
       const db = new Database(${JSON.stringify(`${dbPath}.lock`)}, { timeout: 0 });
       db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE');
       console.log('held'); setInterval(() => {}, 1000);`,
      ],
      { cwd: path.resolve('.') },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    expect(() => lockArchive(dbPath)).toThrow(/already open in another copy/);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const lock = lockArchive(dbPath);
    lock.release();
  });

  it('leaves the files of an archive it was refused exactly as they were', async () => {
    dir = tempDir();
    const dbPath = path.join(dir, 'roundtable.db');
    const first = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    await first.invoke('group.create', { name: 'Forum' });
    const before = fs.readdirSync(dir).sort();
    const sizes = before.map((f) => fs.statSync(path.join(dir, f)).size);
    await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX }).catch(() => undefined);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(before.map((f) => fs.statSync(path.join(dir, f)).size)).toEqual(sizes);
    await first.close();
  });
});
