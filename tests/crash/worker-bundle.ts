// The backend worker bundle the crash test runs (dist/electron/backend-worker.cjs, built by
// `npm run build`), and whether it is older than the sources it was built from.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const WORKER_BUNDLE = path.join(ROOT, 'dist/electron/backend-worker.cjs');

/**
 * Why the bundle cannot be run as the app's worker, or undefined when it is newer than its sources.
 * The sources are those its source map names, and every file in their folders: that covers the
 * migrations, which are bundled as text and not named there, and files added since the build.
 */
export function workerBundleProblem(): string | undefined {
  const bundle = path.relative(ROOT, WORKER_BUNDLE);
  const builtAt = fs.statSync(WORKER_BUNDLE, { throwIfNoEntry: false })?.mtimeMs;
  if (builtAt === undefined) return `${bundle} is missing`;
  let sources: string[];
  try {
    const map = JSON.parse(fs.readFileSync(`${WORKER_BUNDLE}.map`, 'utf8')) as { sources: string[] };
    sources = map.sources.map((source) => path.resolve(path.dirname(WORKER_BUNDLE), source));
  } catch {
    return `${bundle} has no readable source map beside it to tell what it was built from`;
  }
  const own = sources.filter((file) => !path.relative(ROOT, file).split(path.sep).includes('node_modules'));
  const folders = new Set(own.map((file) => path.dirname(file)));
  const files = new Set(own);
  for (const folder of folders) {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (entry.isFile()) files.add(path.join(folder, entry.name));
    }
  }
  for (const file of files) {
    // A source that is gone was changed too: the bundle holds code the tree no longer has.
    const changedAt = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Infinity;
    if (changedAt > builtAt) return `${bundle} is older than ${path.relative(ROOT, file)}`;
  }
  return undefined;
}
