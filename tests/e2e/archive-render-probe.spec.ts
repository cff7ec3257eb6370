// The bench's archive-render probe works end to end on a small archive. Timing is the bench's job
// (npm run bench); this only shows the probe returns one positive sample per run.
import { measureArchiveFirstRender } from '../harness/archive-render-probe';
import { seedArchiveCast } from './archive-cast';
import { expect, test } from './fixtures';

test('measureArchiveFirstRender returns one positive sample per run', async ({ shell, seed, dbPath }) => {
  await seedArchiveCast(seed);
  // The probe opens its own shell on the database; this one lets go of it first.
  const key = shell.vault.config?.key ?? '';
  await shell.close();
  const samples = await measureArchiveFirstRender(dbPath, 2, key);
  expect(samples).toHaveLength(2);
  for (const sample of samples) expect(sample).toBeGreaterThan(0);
});
