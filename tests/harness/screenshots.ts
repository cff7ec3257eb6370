// Seeds a believable archive and takes the docs/ screenshots of the archive (a search with
// highlighted snippets and filters), of a situation's thread, and of an anonymized digest's preview.
// Run: npx tsx tests/harness/screenshots.ts (after a build).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchiveHistory } from './archive-history';
import { seedSampleArchive } from './sample-archive';
import { openShell } from './shell';

const docsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs');
const width = Number(process.env.SCREENSHOT_WIDTH ?? 1200);

const dir = await mkdtemp(path.join(os.tmpdir(), 'roundtable-screenshots-'));
const dbPath = path.join(dir, 'roundtable.db');
const shell = await openShell({ dbPath, headless: true, viewport: { width, height: 900 } });
const history = openArchiveHistory(shell);
try {
  const { mainId } = await seedSampleArchive(shell, history);
  const { page } = shell;
  const base = page.url().replace(/#.*$/, '');
  await page.goto(`${base}#/situations/${mainId}`);
  await page.getByRole('list', { name: 'Related past situations' }).waitFor();
  await page.getByLabel('Group', { exact: true }).selectOption({ label: 'Tuesday CEO Forum' });
  await page.getByRole('button', { name: 'Reply to Tom Asante' }).last().focus();
  // Focusing scrolled the page; the related panel is sticky, so start the capture from the top.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(docsDir, 'screenshot-situation.png'), fullPage: true });

  await page.goto(`${base}#/archive?q=bonus&from=2021-01-01`);
  await page.locator('.result mark').first().waitFor();
  await page.getByRole('link', { name: /How do you build teamwork/ }).focus();
  await page.screenshot({ path: path.join(docsDir, 'screenshot-archive.png') });
  await page.goto(`${base}#/tools`);
  const form = page.getByRole('form', { name: 'Export notes or a digest' });
  await form.getByLabel('What to export').selectOption('digest');
  const source = form.getByLabel('Situations');
  const tagValue = await source.locator('option', { hasText: 'team bonus' }).getAttribute('value');
  await source.selectOption(tagValue ?? '');
  await form.getByLabel('Confidentiality').selectOption('anonymized');
  await form.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByLabel('Export preview').waitFor();
  const panel = page.getByRole('region', { name: 'Export notes or a digest' });
  await panel.screenshot({ path: path.join(docsDir, 'screenshot-digest.png') });
  console.log(`Screenshots written to ${docsDir}`);
} finally {
  history.close();
  await shell.close();
  await rm(dir, { recursive: true, force: true });
}
