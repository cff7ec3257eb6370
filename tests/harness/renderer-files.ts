// Serves the built renderer (dist/renderer) to Chromium through Playwright's request routing: no HTTP
// server and no open port. Only files inside the folder are reachable, with the app's CSP header.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Route } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';

/** A fixed origin that can never resolve (.invalid is reserved), so nothing real is ever reached. */
export const RENDERER_ORIGIN = 'https://roundtable.invalid';
export const RENDERER_URL = `${RENDERER_ORIGIN}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file a request maps to, or null when the path would leave the renderer folder. */
export function rendererFileFor(rendererDir: string, requestUrl: string): string | null {
  const url = new URL(requestUrl);
  if (url.origin !== RENDERER_ORIGIN) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // The URL parser already folds plain "..", so one left after decoding (%2e%2e, %2f) is an attempt.
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) return null;
  const relative = (pathname === '/' ? 'index.html' : pathname).replace(/^\/+/, '');
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}

export async function serveRendererFile(rendererDir: string, route: Route): Promise<void> {
  const request = route.request();
  const file = rendererFileFor(rendererDir, request.url());
  if (file === null || request.method() !== 'GET') {
    await route.fulfill({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found' });
    return;
  }
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    await route.fulfill({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found' });
    return;
  }
  await route.fulfill({
    status: 200,
    body,
    headers: {
      'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}
