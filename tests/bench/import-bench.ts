// Importing 5,000 generated digest posts through the router into a fresh database in `dir`, with
// progress events counted: the budget is 10 s. And the import preview at 1×, 4× and 16× one input
// size: parsing is linear, so 16× the input may cost at most 20× the time.
import path from 'node:path';
import { createRouter } from '../../electron/ipc/router';
import { createHandlers } from '../../electron/services';
import { createStore } from '../../electron/store';
import { openDatabase } from '../../electron/store/database';
import { TEST_KEY } from '../harness/test-key';
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
  const db = await openDatabase(file, { key: TEST_KEY });
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

/** The preview rows' input sizes, as multiples of the first. */
const PREVIEW_SCALES = [1, 4, 16] as const;
const PREVIEW_POSTS = 1_000;
const PREVIEW_ROUNDS = 7;

/**
 * A digest `scale` times the size of the first: generated posts, one post whose situation is one long
 * paragraph without a question mark, and one whose bullet runs on over many indented lines, the two
 * shapes whose parse once grew with the square of their length.
 */
function scaledDigest(scale: number): string {
  const paragraph = 'the board keeps asking for growth while the margins shrink and '.repeat(320 * scale);
  const runOn = '    and the next step of the plan is written down here\n'.repeat(1_000 * scale);
  return [
    generatedDigest(PREVIEW_POSTS * scale),
    `What Do I Tell the Board? One Idea\n\nSituation: ${paragraph}\n\nAdvice from the CEOs:\n  • Say it plainly.`,
    `How Do I Write the Plan Down? One Idea\n\nSituation: How do I write the plan down?\n\nAdvice from the CEOs:\n  • Write it down\n${runOn}`,
  ].join('\n[like]\n');
}

/**
 * The import preview through the router at each of PREVIEW_SCALES; the baseline is the 1× preview.
 * Each round gives every size the same time (sixteen 1× previews, four 4×, one 16×), so a slow
 * moment of the machine weighs on all of them alike.
 */
export async function benchImportPreview(file: string): Promise<Measure[]> {
  const db = await openDatabase(file, { key: TEST_KEY });
  try {
    const route = createRouter(createHandlers({ store: createStore(db), emit: () => undefined }));
    const group = await route('group.create', { name: 'Preview forum' });
    if (!group.ok) throw new Error('could not create the preview bench group');
    const groupId = (group.value as { id: string }).id;
    const largest = Math.max(...PREVIEW_SCALES);
    const inputs = PREVIEW_SCALES.map((scale) => ({ scale, text: scaledDigest(scale) }));
    const samples = inputs.map(() => [] as number[]);
    // One untimed round first: the first previews also compile the parser.
    for (let round = -1; round < PREVIEW_ROUNDS; round++) {
      for (const [i, { scale, text }] of inputs.entries()) {
        for (let n = 0; n < largest / scale; n++) {
          const started = performance.now();
          const preview = await route('import.preview', { groupId, text });
          const ms = performance.now() - started;
          if (!preview.ok) throw new Error(preview.error.message);
          if ((preview.value as { posts: unknown[] }).posts.length !== PREVIEW_POSTS * scale + 2) {
            throw new Error('the preview bench did not read every post');
          }
          if (round >= 0) samples[i]?.push(ms);
        }
      }
    }
    const base = summarize(samples[0] ?? []);
    return inputs.map(({ scale, text }, i) => {
      const figures = summarize(samples[i] ?? []);
      return {
        name: `import preview at ${scale}× (${(text.length / 1e6).toFixed(1)} MB, ${PREVIEW_POSTS * scale + 2} posts)`,
        ...figures,
        unit: 'ms',
        budget: scale === 1 ? '— (the baseline)' : `≤ ${1.25 * scale}× the 1× time`,
        ratio: figures.median / base.median,
        baseline: `the 1× preview (median ${base.median.toFixed(0)} ms)`,
      } satisfies Measure;
    });
  } finally {
    db.close();
  }
}
