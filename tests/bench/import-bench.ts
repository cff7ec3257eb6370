// Importing 5,000 generated digest posts through the router into a fresh database in `dir`, with
// progress events counted: the budget is 10 s.
import path from 'node:path';
import { createRouter } from '../../electron/ipc/router';
import { createHandlers } from '../../electron/services';
import { createStore } from '../../electron/store';
import { openDatabase } from '../../electron/store/database';
import { summarize, type Measure } from './measure';

export const BENCH_POSTS = 5_000;

/** A digest file of `count` posts in the seed format, varied enough to exercise nesting and tags. */
export function generatedDigest(count: number): string {
  const posts: string[] = [];
  for (let i = 0; i < count; i++) {
    const question = `How do we handle challenge number ${i} in our growing company?`;
    const bullets = [1, 2, 3, 4]
      .map(
        (n) =>
          `  • Advice ${n} for challenge ${i}: talk to the team and measure the result.\n    • A detail of advice ${n}.`,
      )
      .join('\n');
    posts.push(
      `${i % 500 === 0 ? `Tag Archives: Theme ${i / 500}\n\n` : ''}How Do We Handle Challenge Number ${i} in Our Growing Company? Four Ideas\n\n` +
        `Situation: A CEO describes a situation at some length, with context about people and numbers. ${question}\n\n` +
        `Advice from the CEOs:\n${bullets}\nSpecial thanks to Pat Lee of Lee Foods for her insight and input to this discussion.`,
    );
  }
  return posts.join('\n[like]\n');
}

/** One import of BENCH_POSTS posts into a fresh database; returns the preview's and the import's times. */
async function importOnce(file: string): Promise<{ previewMs: number; importMs: number }> {
  const db = await openDatabase(file);
  let progressEvents = 0;
  const store = createStore(db);
  const route = createRouter(
    createHandlers({
      store,
      emit: (name) => {
        if (name === 'import.progress') progressEvents++;
      },
    }),
  );
  try {
    const group = await route('group.create', { name: 'Bench forum' });
    if (!group.ok) throw new Error('could not create the bench group');
    const groupId = (group.value as { id: string }).id;
    const text = generatedDigest(BENCH_POSTS);
    let started = performance.now();
    const preview = await route('import.preview', { groupId, text });
    const previewMs = performance.now() - started;
    if (!preview.ok) throw new Error(preview.error.message);
    started = performance.now();
    const result = await route('import.digest', { groupId, text });
    const importMs = performance.now() - started;
    if (
      !result.ok ||
      (result.value as { imported: number }).imported !== BENCH_POSTS ||
      progressEvents === 0
    ) {
      throw new Error('the import bench did not import every post with progress');
    }
    return { previewMs, importMs };
  } finally {
    db.close();
  }
}

/** Three imports, each into a fresh database; the baseline is the preview, which parses without writing. */
export async function benchImport(dir: string): Promise<Measure> {
  const runs: { previewMs: number; importMs: number }[] = [];
  for (let i = 0; i < 3; i++) runs.push(await importOnce(path.join(dir, `import-bench-${i}.db`)));
  const imports = summarize(runs.map((r) => r.importMs).sort((a, b) => a - b));
  const previews = summarize(runs.map((r) => r.previewMs).sort((a, b) => a - b));
  return {
    name: `import ${BENCH_POSTS} digest posts, with progress`,
    ...imports,
    unit: 'ms',
    budget: '≤ 10000 ms',
    ratio: imports.median / previews.median,
    baseline: `preview only, no writes (median ${previews.median.toFixed(0)} ms)`,
  };
}
