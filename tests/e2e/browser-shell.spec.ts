// Pins the browser shell's promises: the same narrow bridge as the Electron preload, the app's CSP,
// nothing served from outside dist/renderer, no network, and backend events reaching every page.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import { RENDERER_ORIGIN, RENDERER_URL } from '../harness/shell';
import type { RoundtableBridge } from '../../shared/bridge';
import { pdfText } from '../harness/pdf-text';
import { rendererFileFor } from '../harness/renderer-files';
import { expect, test } from './fixtures';

test('window.api offers only invoke and on, and refuses channels outside the contract', async ({ page }) => {
  const keys = await page.evaluate('Object.keys(window.api).sort()');
  expect(keys).toEqual(['invoke', 'on']);
  const envelope = await page.evaluate('window.api.invoke("shell.exec", { command: "id" })');
  expect(envelope).toEqual({
    ok: false,
    error: { code: 'VALIDATION', message: 'Roundtable does not know that request.' },
  });
  const groups = await page.evaluate('window.api.invoke("group.list", {})');
  expect(groups).toEqual({ ok: true, value: [] });
});

test.describe('content security policy', () => {
  // Chromium reports each blocked inline script as a console error; here that is the point.
  test.use({ expectedConsoleErrors: [/Content Security Policy/] });

  test('the page runs under the app’s CSP, from the header and the meta tag alike', async ({ page }) => {
    const response = await page.goto(RENDERER_URL);
    expect(await response?.headerValue('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toBe(CONTENT_SECURITY_POLICY);

    const blocked = page.evaluate(
      'new Promise((resolve) => document.addEventListener("securitypolicyviolation", (e) => resolve(e.violatedDirective), { once: true }))',
    );
    await page.evaluate(
      'document.head.appendChild(Object.assign(document.createElement("script"), { textContent: "window.inlineRan = true" }))',
    );
    expect(await blocked).toBe('script-src-elem');
    expect(await page.evaluate('window.inlineRan === undefined')).toBe(true);
  });
});

test('a frame other than the app’s own page cannot reach the backend', async ({ page }) => {
  await page.evaluate('document.body.appendChild(document.createElement("iframe")).id = "probe"');
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame, 'an about:blank child frame').toBeDefined();
  const envelope = await frame?.evaluate('window.__roundtableInvoke("group.list", {})');
  expect(envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
});

test('only files of the built renderer are served, and nothing else is fetched', async ({ shell }) => {
  const dir = path.resolve('dist/renderer');
  expect(rendererFileFor(dir, `${RENDERER_ORIGIN}/`)).toBe(path.join(dir, 'index.html'));
  expect(rendererFileFor(dir, `${RENDERER_ORIGIN}/..%2f..%2fpackage.json`)).toBe(null);
  // The URL parser folds %2e%2e like "..", at most up to the origin's root, which is dist/renderer.
  expect(rendererFileFor(dir, `${RENDERER_ORIGIN}/assets/%2e%2e/%2e%2e/package.json`)).toBe(
    path.join(dir, 'package.json'),
  );
  expect(rendererFileFor(dir, `${RENDERER_ORIGIN}/assets/..%5c..%5cpackage.json`)).toBe(null);
  expect(rendererFileFor(dir, 'https://example.com/index.html')).toBe(null);

  const probe = await shell.context.newPage();
  const missing = await probe.goto(`${RENDERER_ORIGIN}/..%2f..%2fpackage.json`);
  expect(missing?.status()).toBe(404);
  await expect(probe.goto('https://example.com/')).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
});

test('backend events reach a second page, which shows a point added elsewhere', async ({ shell, seed }) => {
  const group = await seed('group.create', { name: 'Lakeside Forum' });
  const presenter = await seed('member.create', { groupId: group.id, name: 'Ada Brennan' });
  const situation = await seed('situation.create', {
    groupId: group.id,
    presenterId: presenter.id,
    title: 'When do you let a founding employee go?',
  });
  const presenterView = await shell.newPage(`#/situations/${situation.id}`);
  await expect(presenterView.getByText('Nothing has been said yet.')).toBeVisible();

  await seed('contribution.add', {
    situationId: situation.id,
    authorId: presenter.id,
    kind: 'question',
    body: 'What would they say if you asked them directly?',
  });
  await expect(presenterView.getByRole('article', { name: 'Question from Ada Brennan' })).toBeVisible();
});

test('export.save prints a page larger than a data: URL can carry, fetching nothing it asks for', async ({
  page,
  shell,
}) => {
  // 3 MB of HTML: past Chromium's 2 MB limit on a URL, which a long digest can reach.
  const html =
    '<!DOCTYPE html><html><head><title>Digest</title></head><body><h1>Opening question?</h1>' +
    `<!-- ${'padding '.repeat(400_000)} -->` +
    '<img src="https://tracker.example/pixel.png" alt=""><p>Closing question?</p></body></html>';
  const answer = await page.evaluate((content) => {
    const { api } = globalThis as unknown as { api: RoundtableBridge };
    return api.invoke('export.save', { fileName: 'digest.html', format: 'pdf', content });
  }, html);
  expect(answer).toEqual({ ok: true, value: { saved: true, fileName: 'digest.pdf' } });
  const text = (await pdfText(await readFile(path.join(shell.exportDir, 'digest.pdf')))).replace(/\s+/g, ' ');
  expect(text).toContain('Opening question?');
  expect(text).toContain('Closing question?');
  // The image was never asked for: the page's policy stopped it before any request.
  expect(shell.refusedPrintRequests).toEqual([]);
});
