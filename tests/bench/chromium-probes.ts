// Run by the bench under tsx (the bench itself is a plain Node bundle): measures in Chromium, through
// the browser shell, the archive list's first render, capture (calls per point, Enter to saved), and
// the backend worker's resident memory with the archive open. Prints one JSON object to standard
// output. With a fifth argument `capture`, only capture is measured.
import { startBackend } from '../../electron/backend/host';
import { measureArchiveFirstRender } from '../harness/archive-render-probe';
import { measureCapture } from '../harness/capture-probe';
import { TEST_KEY_HEX } from '../harness/test-key';

const [dbPath, runsArg, worker, only] = process.argv.slice(2);
if (!dbPath || !runsArg || !worker) {
  console.error('usage: chromium-probes.ts DB RUNS WORKER_FILE');
  process.exit(2);
}

async function workerMemory(file: string, workerFile: string) {
  const before = process.memoryUsage().rss;
  const backend = await startBackend(workerFile, { dbPath: file, key: TEST_KEY_HEX });
  try {
    // Open the archive the way a member does: a few searches and a browse.
    for (const query of ['pricing', 'succession plan', 'team', '']) {
      await backend.invoke('archive.search', { query, limit: 50 });
    }
    return { rssBeforeMiB: before / 2 ** 20, rssWithWorkerMiB: process.memoryUsage().rss / 2 ** 20 };
  } finally {
    await backend.close();
  }
}

/** Points captured per run of the probe. */
const CAPTURED_POINTS = 40;

if (only === 'capture') {
  console.log(JSON.stringify({ capture: await measureCapture(dbPath, CAPTURED_POINTS, TEST_KEY_HEX) }));
} else {
  const memory = await workerMemory(dbPath, worker);
  const renderSamples = await measureArchiveFirstRender(dbPath, Number(runsArg), TEST_KEY_HEX);
  const capture = await measureCapture(dbPath, CAPTURED_POINTS, TEST_KEY_HEX);
  console.log(JSON.stringify({ renderSamples, capture, ...memory }));
}
