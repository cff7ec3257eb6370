// Archive packs of one group's whole archive: export through the router, import into a fresh empty
// database, and open read-only, each with progress checked. Each way's budget is 15 s; the pack's
// size is printed beside the contract's limit on what pack.import accepts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRouter, type Route } from '../../electron/ipc/router';
import { createHandlers } from '../../electron/services';
import { createStore } from '../../electron/store';
import { openDatabase, type Db } from '../../electron/store/database';
import { TEST_KEY } from '../harness/test-key';
import { contract } from '../../shared/contract';
import { summarize, time, type Measure } from './measure';

const PASSPHRASE = 'bench pack passphrase';
const RUNS = 3;

interface Progress {
  done: number;
  total: number;
}

function router(db: Db, progress: Progress[] = []): Route {
  return createRouter(
    createHandlers({
      store: createStore(db),
      emit: (name, payload) => {
        if (name === 'export.progress' || name === 'import.progress') progress.push(payload as Progress);
      },
    }),
  );
}

async function call<T>(route: Route, channel: string, input: unknown): Promise<T> {
  const result = await route(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Progress must climb to the total, or the bench does not count the run. */
function checkProgress(events: Progress[], total: number, what: string): void {
  const climbs = events.every((e, i) => i === 0 || e.done > (events[i - 1]?.done ?? 0));
  if (events.length === 0 || !climbs || events.at(-1)?.done !== total || events.at(-1)?.total !== total) {
    throw new Error(`the ${what} of ${total} situations did not report its progress up to the total`);
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

const seconds = (samples: number[]) => {
  const { median, p95 } = summarize(samples.map((ms) => ms / 1000).sort((a, b) => a - b));
  return { median, p95 };
};

/** The longest pack, in characters of base64, that pack.import accepts. */
const PACK_LIMIT = contract['pack.import'].input.shape.data.maxLength ?? Number.POSITIVE_INFINITY;

export async function benchPacks(file: string, log: (line: string) => void): Promise<Measure[]> {
  const db = await openDatabase(file, { key: TEST_KEY, quickCheck: false });
  const exportProgress: Progress[] = [];
  const route = router(db, exportProgress);
  const group = db.prepare<[], { id: string }>(`SELECT id FROM groups ORDER BY id LIMIT 1`).get();
  if (!group) throw new Error('The pack archive has no group.');
  const situations = (
    db.prepare(`SELECT count(*) AS n FROM situations WHERE group_id = ?`).get(group.id) as { n: number }
  ).n;

  // Export: the whole group, confidential situations included, three times.
  const exports: number[] = [];
  let data = '';
  for (let i = 0; i < RUNS; i++) {
    exportProgress.length = 0;
    const run = await timed(() =>
      call<{ data: string; situationCount: number }>(route, 'pack.export', {
        groupId: group.id,
        passphrase: PASSPHRASE,
        includeConfidential: true,
      }),
    );
    if (run.value.situationCount !== situations) throw new Error('the pack left situations out');
    checkProgress(exportProgress, situations, 'pack export');
    exports.push(run.ms);
    data = run.value.data;
    log(`  pack export ${i + 1}/${RUNS}: ${(run.ms / 1000).toFixed(2)} s`);
  }
  // Baseline: the same rows read with bare SQL, without JSON, compression or encryption.
  const readRows = time(
    () => {
      const inGroup = `IN (SELECT id FROM situations WHERE group_id = @g)`;
      for (const sql of [
        `SELECT * FROM members WHERE group_id = @g`,
        `SELECT * FROM situations WHERE group_id = @g`,
        `SELECT * FROM contributions WHERE situation_id ${inGroup}`,
        `SELECT * FROM commitments WHERE situation_id ${inGroup}`,
        `SELECT * FROM situation_tags WHERE situation_id ${inGroup}`,
        `SELECT e.* FROM endorsements e JOIN contributions c ON c.id = e.contribution_id
         WHERE c.situation_id ${inGroup}`,
      ]) {
        db.prepare(sql).raw().all({ g: group.id });
      }
    },
    RUNS,
    1,
  );

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundtable-pack-bench-'));
  const imports: number[] = [];
  const opens: number[] = [];
  const copies: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const target = await openDatabase(path.join(dir, `import-${i}.db`), { key: TEST_KEY });
      const importProgress: Progress[] = [];
      const fresh = router(target, importProgress);
      try {
        const run = await timed(() =>
          call<{ situations: { added: number } }>(fresh, 'pack.import', { data, passphrase: PASSPHRASE }),
        );
        if (run.value.situations.added !== situations) throw new Error('the import left situations out');
        checkProgress(importProgress, situations, 'pack import');
        imports.push(run.ms);
        log(`  pack import ${i + 1}/${RUNS}: ${(run.ms / 1000).toFixed(2)} s`);
        const open = await timed(() =>
          call<{ situations: unknown[] }>(fresh, 'pack.open', { data, passphrase: PASSPHRASE }),
        );
        if (open.value.situations.length !== situations) throw new Error('the open pack left situations out');
        opens.push(open.ms);
      } finally {
        target.close();
      }
      // Baseline: SQLite's own copy of the archive the pack came from, encrypted as the app's backups
      // are (VACUUM INTO: SQLite's backup API cannot write an encrypted copy).
      const copyFile = path.join(dir, `copy-${i}.db`);
      const copy = await timed(() => Promise.resolve(db.prepare('VACUUM INTO ?').run(copyFile)));
      copies.push(copy.ms);
      for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name), { force: true });
    }
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const exported = seconds(exports);
  const read = summarize(readRows);
  const imported = seconds(imports);
  const copied = seconds(copies);
  const opened = seconds(opens);
  const sizeMiB = data.length / 2 ** 20;
  return [
    {
      name: `export a pack of ${situations} situations (pack.export)`,
      ...exported,
      unit: 's',
      budget: '≤ 15 s',
      ratio: (exported.median * 1000) / read.median,
      baseline: `the same rows read by bare SQL (median ${read.median.toFixed(0)} ms)`,
    },
    {
      name: `import that pack into an empty archive (pack.import)`,
      ...imported,
      unit: 's',
      budget: '≤ 15 s',
      ratio: imported.median / copied.median,
      baseline: `SQLite's VACUUM INTO copy of the source archive (median ${copied.median.toFixed(2)} s)`,
    },
    {
      name: `open that pack read-only (pack.open)`,
      ...opened,
      unit: 's',
      budget: '— (printed)',
      ratio: opened.median / imported.median,
      baseline: 'the import',
    },
    {
      name: 'that pack, in base64 as it crosses IPC',
      median: sizeMiB,
      p95: sizeMiB,
      unit: 'MiB',
      budget: `≤ ${(PACK_LIMIT / 2 ** 20).toFixed(1)} MiB (contract)`,
      ratio: data.length / PACK_LIMIT,
      baseline: 'of what pack.import accepts',
    },
  ];
}
