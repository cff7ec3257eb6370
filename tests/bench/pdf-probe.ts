// Run by the bench under tsx: prints a meeting's HTML notes to PDF the way the browser shell does
// (headless Chromium, JavaScript off, the page from memory), and a one-line page as the baseline, in
// turns. Prints one JSON object to standard output.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumPrinter } from '../harness/shell-save';
import { CHROMIUM_ARGS } from '../harness/shell';

const [htmlFile, runsArg] = process.argv.slice(2);
if (!htmlFile || !runsArg) {
  console.error('usage: pdf-probe.ts NOTES_HTML RUNS');
  process.exit(2);
}

const html = readFileSync(htmlFile, 'utf8');
const oneLine = '<!DOCTYPE html><html><head><title>Notes</title></head><body><p>One line.</p></body></html>';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  const refused: string[] = [];
  const print = chromiumPrinter(() => Promise.resolve(browser), refused);
  const time = async (page: string) => {
    const start = performance.now();
    const pdf = await print(page);
    return { ms: performance.now() - start, bytes: pdf.length };
  };
  await time(html); // warms the browser up; not counted
  const notesSamples: number[] = [];
  const baselineSamples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < Number(runsArg); i += 1) {
    const notes = await time(html);
    notesSamples.push(notes.ms);
    bytes = notes.bytes;
    baselineSamples.push((await time(oneLine)).ms);
  }
  if (refused.length > 0) throw new Error(`the printed page asked for ${refused.join(', ')}`);
  console.log(JSON.stringify({ notesSamples, baselineSamples, bytes, htmlBytes: Buffer.byteLength(html) }));
} finally {
  await browser.close();
}
