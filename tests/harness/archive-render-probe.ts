// The bench's probe for the archive list's first render in Chromium: the browser shell over an
// existing database, the page loaded at #/archive, and the time from navigation start to the
// archive's own mark that its first rows have rendered (performance.mark in the result list).
import { RENDERER_URL } from './renderer-files';
import { openShell } from './shell';

/** Must match FIRST_ROWS_MARK in renderer/features/archive/result-list.tsx. */
const FIRST_ROWS_MARK = 'archive:first-rows';
const ARCHIVE_URL = `${RENDERER_URL}#/archive`;

/** One sample per run, in milliseconds; each run is a fresh page load. */
export async function measureArchiveFirstRender(
  dbPath: string,
  runs: number,
  archiveKey: string,
): Promise<number[]> {
  const shell = await openShell({ dbPath, headless: true, archiveKey });
  const samples: number[] = [];
  try {
    const { page } = shell;
    // The shell opens on the renderer already; a hash change alone would not load the page again.
    await page.goto('about:blank');
    for (let run = 0; run < runs; run++) {
      if (run === 0) await page.goto(ARCHIVE_URL);
      else await page.reload();
      const handle = await page.waitForFunction(
        (mark) => performance.getEntriesByName(mark, 'mark')[0]?.startTime,
        FIRST_ROWS_MARK,
        { timeout: 60_000 },
      );
      samples.push(Number(await handle.jsonValue()));
      await handle.dispose();
    }
    return samples;
  } finally {
    await shell.close();
  }
}
