// npm run bench: the performance budgets of docs/architecture.md "Budgets", measured on the seeded reference archive.
// Prints one table (or, with --json, one JSON array) with each budget beside its figures.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchAddContribution, benchOpen } from './capture-bench';
import { benchEncryption } from './encryption-bench';
import { benchImport, benchImportPreview } from './import-bench';
import { formatTable, summarize, type Measure } from './measure';
import { benchNotes } from './notes-bench';
import { benchPacks } from './pack-bench';
import { archiveSize, packGroupDatabase, referenceDatabase } from './reference-archive';
import { benchSearch } from './search-bench';

const args = new Set(process.argv.slice(2));
const json = args.has('--json');
const size = archiveSize(args.has('--small'));
// --import-preview: only the import preview rows, which need no reference archive.
const previewOnly = args.has('--import-preview');
// --packs: only the pack rows, on their own archive.
const packsOnly = args.has('--packs');
// --capture: only capture in Chromium (calls per point, Enter to saved).
const captureOnly = args.has('--capture');
// With --json, standard output carries only the JSON; progress goes to standard error.
const log = (line: string) => {
  if (json) console.error(line);
  else console.log(line);
};

interface CaptureProbe {
  enterToSaved: number[];
  bareAdd: number[];
  callsPerEnter: number[];
  channels: Record<string, number>;
}

/** Capture through the renderer: what one Enter costs in calls on the bridge, and in time. */
function captureMeasures(probe: CaptureProbe): Measure[] {
  const saved = summarize(probe.enterToSaved);
  const bare = summarize(probe.bareAdd);
  const calls = summarize(probe.callsPerEnter);
  const points = probe.callsPerEnter.length;
  const perChannel = Object.entries(probe.channels)
    .map(([channel, n]) => `${channel} ${(n / points).toFixed(1)}`)
    .join(', ');
  return [
    {
      name: `calls on the bridge per captured point (${perChannel})`,
      ...calls,
      unit: 'calls',
      budget: '≤ 2',
    },
    {
      name: 'Enter in the capture box to the point shown as saved, in Chromium',
      ...saved,
      unit: 'ms',
      budget: '— (printed)',
      ratio: saved.median / bare.median,
      baseline: `bare contribution.add over the bridge (median ${bare.median.toFixed(1)} ms)`,
    },
  ];
}

function runChromiumProbes(file: string, only?: 'capture'): string {
  const root = path.resolve(__dirname, '../..');
  return execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/tsx/dist/cli.mjs'),
      path.join(root, 'tests/bench/chromium-probes.ts'),
      file,
      '12',
      path.join(root, 'dist/electron/backend-worker.cjs'),
      ...(only ? [only] : []),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 600_000 },
  );
}

/** The archive's first render in Chromium, capture, and the worker's memory, measured by a tsx child process. */
function chromiumMeasures(file: string): Measure[] {
  const output = runChromiumProbes(file);
  const probe = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as {
    renderSamples: number[];
    capture: CaptureProbe;
    rssBeforeMiB: number;
    rssWithWorkerMiB: number;
  };
  // The first load is a cold start of the browser; the budget speaks of the list, so it is left out.
  const warm = probe.renderSamples.slice(1).sort((a, b) => a - b);
  return [
    {
      name: 'archive list first render in Chromium (virtualized)',
      ...summarize(warm),
      unit: 'ms',
      budget: '≤ 500 ms',
    },
    ...captureMeasures(probe.capture),
    {
      name: 'backend worker resident memory, archive open',
      median: probe.rssWithWorkerMiB - probe.rssBeforeMiB,
      p95: probe.rssWithWorkerMiB - probe.rssBeforeMiB,
      unit: 'MiB',
      budget: '— (printed)',
      ratio: probe.rssWithWorkerMiB / probe.rssBeforeMiB,
      baseline: `host process alone (${probe.rssBeforeMiB.toFixed(0)} MiB)`,
    },
  ];
}

/** The same meeting's notes printed to PDF in headless Chromium, as the browser shell prints them. */
function pdfMeasure(htmlFile: string): Measure {
  const root = path.resolve(__dirname, '../..');
  const output = execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/tsx/dist/cli.mjs'),
      path.join(root, 'tests/bench/pdf-probe.ts'),
      htmlFile,
      '12',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 300_000 },
  );
  const probe = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as {
    notesSamples: number[];
    baselineSamples: number[];
    bytes: number;
    htmlBytes: number;
  };
  const notes = summarize(probe.notesSamples);
  const baseline = summarize(probe.baselineSamples);
  return {
    name: `PDF of the same meeting's notes (${Math.round(probe.htmlBytes / 1024)} KiB of HTML → ${Math.round(probe.bytes / 1024)} KiB)`,
    ...notes,
    unit: 'ms',
    budget: '— (printed)',
    ratio: notes.median / baseline.median,
    baseline: `a one-line page's PDF (median ${baseline.median.toFixed(0)} ms)`,
  };
}

async function importMeasures(withImport: boolean): Promise<Measure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundtable-import-bench-'));
  try {
    return [
      ...(withImport ? [await benchImport(dir)] : []),
      ...(await benchImportPreview(path.join(dir, 'preview-bench.db'))),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function allMeasures(): Promise<Measure[]> {
  const file = await referenceDatabase(size, log);
  const notesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundtable-notes-html-'));
  const notesHtml = path.join(notesDir, 'notes.html');
  const measures: Measure[] = [
    await benchAddContribution(file),
    ...(await benchOpen(file)),
    ...(await benchSearch(file, log)),
    ...(await benchEncryption(file, log)),
    ...(await benchNotes(file, log, notesHtml)),
    pdfMeasure(notesHtml),
    ...chromiumMeasures(file),
    ...(await importMeasures(true)),
    ...(await benchPacks(await packGroupDatabase(size, log), log)),
  ];
  fs.rmSync(notesDir, { recursive: true, force: true });
  return measures;
}

async function captureOnlyMeasures(): Promise<Measure[]> {
  const file = await referenceDatabase(size, log);
  const output = runChromiumProbes(file, 'capture');
  const probe = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { capture: CaptureProbe };
  return captureMeasures(probe.capture);
}

async function main() {
  const measures = previewOnly
    ? await importMeasures(false)
    : packsOnly
      ? await benchPacks(await packGroupDatabase(size, log), log)
      : captureOnly
        ? await captureOnlyMeasures()
        : await allMeasures();
  if (json) {
    console.log(
      JSON.stringify(
        measures.map(({ name, median, p95, budget, unit, ratio, baseline }) => ({
          name,
          median,
          p95,
          budget,
          unit,
          ratio: ratio ?? null,
          baseline: baseline ?? null,
        })),
      ),
    );
    return;
  }
  const archive = previewOnly
    ? 'import preview only'
    : packsOnly
      ? `packs only, ${size.situations} situations`
      : captureOnly
        ? `capture only, ${size.situations} situations`
        : `${size.situations} situations, ${size.situations * size.contributionsPerSituation} contributions`;
  console.log(
    `\nRoundtable bench: ${archive}; ` +
      `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
  );
  console.log(formatTable(measures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
