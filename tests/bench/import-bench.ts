// Importing 5,000 generated digest posts through the router into a fresh database in `dir`, with
// progress events counted: the budget is 10 s. Not wired into run.ts here; the caller does that.
import path from 'node:path';
import { createRouter } from '../../electron/ipc/router';
import { createHandlers } from '../../electron/services';
import { createStore } from '../../electron/store';
import { openDatabase } from '../../electron/store/database';
import type { Measure } from './measure';

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

export async function benchImport(dir: string): Promise<Measure> {
  const db = await openDatabase(path.join(dir, 'import-bench.db'));
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
    const text = generatedDigest(BENCH_POSTS);
    const started = performance.now();
    const result = await route('import.digest', { groupId: (group.value as { id: string }).id, text });
    const ms = performance.now() - started;
    if (
      !result.ok ||
      (result.value as { imported: number }).imported !== BENCH_POSTS ||
      progressEvents === 0
    ) {
      throw new Error('the import bench did not import every post with progress');
    }
    return {
      name: `import ${BENCH_POSTS} digest posts`,
      median: ms,
      p95: ms,
      unit: 'ms',
      budget: '≤ 10000 ms',
    };
  } finally {
    db.close();
  }
}
