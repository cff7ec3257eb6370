// npm run bench: the performance budgets of DESIGN.md, measured on the seeded reference archive.
// Prints one table (or, with --json, one JSON array) with each budget beside its figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createRouter } from '../../electron/ipc/router';
import { createHandlers } from '../../electron/services';
import { createStore } from '../../electron/store';
import { openDatabase } from '../../electron/store/database';
import { newId } from '../../electron/store/ids';
import { SCHEMA_VERSION } from '../../electron/store/migrations';
import {
  REFERENCE_ARCHIVE,
  createArchiveGenerator,
  generateArchive,
  type ArchiveSize,
} from './archive-generator';
import { formatTable, summarize, time, timeAsync, type Measure } from './measure';

const args = new Set(process.argv.slice(2));
const json = args.has('--json');
const small = args.has('--small');
const log = (line: string) => {
  if (!json) console.log(line);
  else console.error(line);
};

const size: ArchiveSize = small
  ? { ...REFERENCE_ARCHIVE, situations: REFERENCE_ARCHIVE.situations / 10 }
  : REFERENCE_ARCHIVE;

async function referenceDatabase(): Promise<string> {
  const dir = path.join(os.tmpdir(), 'roundtable-bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `reference-s${size.situations}-c${size.contributionsPerSituation}-schema${SCHEMA_VERSION}.db`,
  );
  if (fs.existsSync(file)) return file;
  log(`Generating the reference archive (${size.situations} situations) at ${file}…`);
  const partial = `${file}.partial`;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
  const db = await openDatabase(partial);
  const t0 = Date.now();
  generateArchive(db, size, undefined, (done, total) => {
    if (done % 5000 === 0 || done === total) log(`  ${done}/${total} situations`);
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  fs.renameSync(partial, file);
  log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return file;
}

async function benchAddContribution(file: string): Promise<Measure> {
  const db = await openDatabase(file, { quickCheck: false });
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
    `INSERT INTO contributions (id, situation_id, parent_id, author_id, kind, body, position, created_at, updated_at)
     VALUES (?, ?, NULL, ?, 'advice', ?, 0, ?, ?)`,
  );
  const rawSamples = time((i) => {
    const id = newId();
    raw.run(id, situation.id, author.id, bodies[runs + 20 + i] ?? '', Date.now(), Date.now());
    added.push(id);
  }, runs);

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

async function benchOpen(file: string): Promise<Measure[]> {
  const opens = await timeAsync(
    async () => {
      (await openDatabase(file, { quickCheck: false })).close();
    },
    20,
    3,
  );
  const bare = time(
    () => {
      const db = new Database(file);
      db.pragma('user_version');
      db.close();
    },
    20,
    3,
  );
  const checks = await timeAsync(
    async () => {
      (await openDatabase(file)).close();
    },
    5,
    1,
  );
  const open = summarize(opens);
  const baseline = summarize(bare);
  return [
    {
      name: 'open the reference database (quick_check excluded)',
      ...open,
      unit: 'ms',
      budget: '≤ 150 ms',
      ratio: open.median / baseline.median,
      baseline: `bare open (median ${baseline.median.toFixed(2)} ms)`,
    },
    { name: 'open with quick_check (for information)', ...summarize(checks), unit: 'ms', budget: '—' },
  ];
}

async function main() {
  const file = await referenceDatabase();
  const measures: Measure[] = [await benchAddContribution(file), ...(await benchOpen(file))];
  if (json) {
    console.log(
      JSON.stringify(
        measures.map(({ name, median, p95, budget, unit }) => ({ name, median, p95, budget, unit })),
      ),
    );
  } else {
    console.log(
      `\nRoundtable bench: ${size.situations} situations, ${size.situations * size.contributionsPerSituation} contributions; ` +
        `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n`,
    );
    console.log(formatTable(measures));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
