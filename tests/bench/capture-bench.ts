// Capture and start-up budgets: adding a contribution through the router, and opening the archive.
import { createRouter } from '../../electron/ipc/router';
import { createHandlers } from '../../electron/services';
import { createStore } from '../../electron/store';
import { openKeyed } from '../../electron/store/cipher';
import { openDatabase } from '../../electron/store/database';
import { newId } from '../../electron/store/ids';
import { nextChildRidSql } from '../../electron/store/row-ids';
import { TEST_KEY } from '../harness/test-key';
import { createArchiveGenerator } from './archive-generator';
import { summarize, time, timeAsync, type Measure } from './measure';

export async function benchAddContribution(file: string): Promise<Measure> {
  const db = await openDatabase(file, { key: TEST_KEY, quickCheck: false });
  const store = createStore(db);
  const route = createRouter(createHandlers({ store, emit: () => undefined }));
  const situation = db
    .prepare<[], { id: string; groupId: string }>(
      `SELECT id, group_id AS groupId FROM situations ORDER BY rid DESC LIMIT 1`,
    )
    .get();
  if (!situation) throw new Error('The reference archive has no situations.');
  const author = store.members.listByGroup(situation.groupId)[0];
  if (!author) throw new Error('The reference archive has no members.');
  const gen = createArchiveGenerator(7);
  const runs = 400;
  const bodies = Array.from({ length: runs * 2 + 40 }, () => gen.advice());
  const added: string[] = [];

  const viaRouter = await timeAsync(async (i) => {
    const result = await route('contribution.add', {
      situationId: situation.id,
      authorId: author.id,
      kind: 'advice',
      body: bodies[i] ?? '',
    });
    if (!result.ok) throw new Error(result.error.message);
    added.push((result.value as { id: string }).id);
  }, runs);

  // The same row written by a bare prepared statement: what SQLite itself costs.
  const raw = db.prepare(
    `INSERT INTO contributions (rid, id, situation_id, parent_id, author_id, kind, body, position, created_at, updated_at)
     VALUES (${nextChildRidSql('contributions')}, @id, @situationId, NULL, @authorId, 'advice', @body, 0, @now, @now)`,
  );
  const rawSamples = time((i) => {
    const id = newId();
    raw.run({
      id,
      situationId: situation.id,
      authorId: author.id,
      body: bodies[runs + 20 + i] ?? '',
      now: Date.now(),
    });
    added.push(id);
  }, runs);

  // Leave the reference archive as it was for the next run.
  const remove = db.prepare(`DELETE FROM contributions WHERE id = ?`);
  db.transaction(() => {
    for (const id of added) remove.run(id);
  })();
  db.close();

  const router = summarize(viaRouter);
  const baseline = summarize(rawSamples);
  return {
    name: 'add one contribution through the router',
    ...router,
    unit: 'ms',
    budget: 'p95 ≤ 5 ms',
    ratio: router.median / baseline.median,
    baseline: `raw INSERT (median ${baseline.median.toFixed(2)} ms)`,
  };
}

export async function benchOpen(file: string): Promise<Measure[]> {
  const opens = await timeAsync(
    async () => {
      (await openDatabase(file, { key: TEST_KEY, quickCheck: false })).close();
    },
    20,
    3,
  );
  const bare = time(
    () => {
      const db = openKeyed(file, TEST_KEY);
      db.pragma('user_version');
      db.close();
    },
    20,
    3,
  );
  const checks = await timeAsync(
    async () => {
      (await openDatabase(file, { key: TEST_KEY })).close();
    },
    5,
    1,
  );
  // After a crash the -wal still holds frames, so the open runs the full integrity_check and checks
  // the log belongs to this archive. A second connection keeps one frame in the -wal throughout.
  const writer = openKeyed(file, TEST_KEY);
  writer.pragma('wal_autocheckpoint = 0');
  const first = writer.prepare('SELECT min(rowid) FROM groups').pluck().get() as number;
  writer.prepare("UPDATE groups SET name = name || ' ' WHERE rowid = ?").run(first);
  const afterCrash = await timeAsync(
    async () => {
      (await openDatabase(file, { key: TEST_KEY })).close();
    },
    3,
    0,
  );
  writer.prepare('UPDATE groups SET name = rtrim(name) WHERE rowid = ?').run(first);
  writer.close();
  const open = summarize(opens);
  const baseline = summarize(bare);
  const quick = summarize(checks);
  const crashed = summarize(afterCrash);
  return [
    {
      name: 'open the reference database (quick_check excluded)',
      ...open,
      unit: 'ms',
      budget: '≤ 150 ms',
      ratio: open.median / baseline.median,
      baseline: `bare open (median ${baseline.median.toFixed(2)} ms)`,
    },
    { name: 'open with quick_check (for information)', ...quick, unit: 'ms', budget: '—' },
    {
      name: 'open after a crash: -wal with frames (integrity_check, the log’s archive id)',
      ...crashed,
      unit: 'ms',
      budget: 'printed',
      ratio: crashed.median / quick.median,
      baseline: `open with quick_check (median ${quick.median.toFixed(0)} ms)`,
    },
  ];
}
