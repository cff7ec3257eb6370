// Pins what app://roundtable serves: files of the built renderer, with the CSP, and nothing outside it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProtocolHandler, resolveAppRequest } from '../../../electron/main/app-protocol';
import { PrintPages } from '../../../electron/main/print-pages';
import { EXPORT_CSP } from '../../../shared/export-csp';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';

// <tmp>/secret.txt sits beside <tmp>/renderer: reading it would be an escape.
let fixture: string;
let rendererDir: string;

beforeAll(() => {
  fixture = mkdtempSync(path.join(tmpdir(), 'roundtable-protocol-'));
  rendererDir = path.join(fixture, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(fixture, 'secret.txt'), 'the chair’s confidential notes');
  writeFileSync(path.join(fixture, 'package.json'), '{"name":"outside"}');
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Roundtable</title>');
  const assets: Record<string, string> = {
    'index-abc123.js': 'export {};',
    'index-abc123.js.map': '{}',
    'index-abc123.css': 'body{}',
    'logo.svg': '<svg/>',
    'logo.png': 'png',
    'strings.json': '{}',
    'inter.woff2': 'woff2',
  };
  for (const [name, body] of Object.entries(assets))
    writeFileSync(path.join(rendererDir, 'assets', name), body);
});

afterAll(() => rmSync(fixture, { recursive: true, force: true }));

const serve = (url: string) => appProtocolHandler(rendererDir)(new Request(url));

describe('appProtocolHandler', () => {
  it('serves a page held for printing at app://print under the export policy, and never the renderer there', async () => {
    const pages = new PrintPages();
    const held = pages.hold('<p>Notes</p>');
    const handler = appProtocolHandler(rendererDir, pages);
    const printed = await handler(new Request(held.url));
    expect(printed.status).toBe(200);
    expect(printed.headers.get('Content-Security-Policy')).toBe(EXPORT_CSP);
    expect(await printed.text()).toBe('<p>Notes</p>');
    expect((await handler(new Request('app://print/index.html'))).status).toBe(404);
    // Without print pages, app://print is just another host the renderer's handler refuses.
    expect((await serve(held.url)).status).toBe(403);
  });

  it('serves index.html at app://roundtable/index.html and at the root', async () => {
    for (const url of ['app://roundtable/index.html', 'app://roundtable/', 'app://roundtable']) {
      const response = await serve(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<title>Roundtable</title>');
    }
  });

  it.each([
    ['index-abc123.js', 'text/javascript; charset=utf-8'],
    ['index-abc123.css', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['logo.png', 'image/png'],
    ['strings.json', 'application/json; charset=utf-8'],
    ['index-abc123.js.map', 'application/json; charset=utf-8'],
    ['inter.woff2', 'font/woff2'],
  ])('serves assets/%s as %s', async (name, contentType) => {
    const response = await serve(`app://roundtable/assets/${name}?v=1#top`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(contentType);
  });

  it('sends the CSP and nosniff on every response, errors included', async () => {
    for (const url of [
      'app://roundtable/index.html',
      'app://roundtable/missing.js',
      'app://evil/index.html',
    ]) {
      const response = await serve(url);
      expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    }
  });

  it('answers 404 for a missing file or a folder', async () => {
    expect((await serve('app://roundtable/missing.js')).status).toBe(404);
    expect((await serve('app://roundtable/assets/')).status).toBe(404);
  });

  it.each([
    'app://roundtable/../secret.txt',
    'app://roundtable/../package.json',
    'app://roundtable/%2e%2e%2fsecret.txt',
    'app://roundtable/%2E%2E/secret.txt',
    'app://roundtable/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://roundtable/..%5csecret.txt',
    'app://roundtable/assets\\..\\..\\secret.txt',
  ])('never reads outside the renderer folder for %s', async (url) => {
    const response = await serve(url);
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('confidential');
  });
});

describe('resolveAppRequest', () => {
  it('maps app://roundtable/<path> to a file inside the renderer folder', () => {
    expect(resolveAppRequest('app://roundtable/assets/a.js', '/r')).toEqual({
      file: path.resolve('/r/assets/a.js'),
    });
    expect(resolveAppRequest('app://roundtable/', '/r')).toEqual({ file: path.resolve('/r/index.html') });
  });

  it.each([
    'app://roundtable/../package.json',
    'app://roundtable/%2e%2e%2fpackage.json',
    'app://roundtable/..%5cpackage.json',
    'app://roundtable/assets/..%2f..%2fpackage.json',
  ])('refuses traversal in %s', (url) => {
    expect(resolveAppRequest(url, '/r')).toEqual({ status: 403 });
  });

  it.each([
    'app://roundtable//etc/passwd',
    'app://roundtable/%2fetc%2fpasswd',
    'app://roundtable/C:%5cWindows%5cwin.ini',
    'app://roundtable/C:/Windows/win.ini',
  ])('refuses the absolute path in %s', (url) => {
    expect(resolveAppRequest(url, '/r')).toEqual({ status: 403 });
  });

  it.each([
    'app://evil/index.html',
    'https://roundtable/index.html',
    'file:///r/index.html',
    'app://roundtable:8080/x',
  ])('refuses %s, which is not the app origin', (url) => {
    expect(resolveAppRequest(url, '/r')).toEqual({ status: 403 });
  });

  it('refuses a malformed escape and a NUL byte', () => {
    expect(resolveAppRequest('app://roundtable/%E0%A4%A', '/r')).toEqual({ status: 403 });
    expect(resolveAppRequest('app://roundtable/index.html%00.js', '/r')).toEqual({ status: 403 });
  });
});
