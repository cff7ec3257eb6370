// The app:// protocol: serves the built renderer (dist/renderer) at app://roundtable/, and nothing
// outside it, plus the pages held for printing at app://print/. resolveAppRequest is pure, so traversal attempts are pinned by unit tests.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';

export const APP_SCHEME = 'app';
export const APP_PROTOCOL = `${APP_SCHEME}:`;
export const APP_HOST = 'roundtable';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export type AppRequestResolution = { file: string } | { status: 404 | 403 };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

// A dot-dot segment, plain or percent-encoded, between any kind of slash. Chromium normalizes most
// of these away before the handler sees them; refusing the raw form too costs nothing.
const DOT_DOT_SEGMENT = /(?:^|[/\\]|%2f|%5c)(?:\.|%2e){2}(?:[/\\?#]|%2f|%5c|$)/i;

export function resolveAppRequest(url: string, rendererDir: string): AppRequestResolution {
  if (DOT_DOT_SEGMENT.test(url)) return { status: 403 };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 404 };
  }
  if (parsed.protocol !== APP_PROTOCOL || parsed.host !== APP_HOST) return { status: 403 };

  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname).replace(/^\//, '');
  } catch {
    return { status: 403 };
  }
  if (relative === '') relative = 'index.html';
  if (
    relative.includes('\\') ||
    relative.includes('\0') ||
    path.isAbsolute(relative) ||
    /^[a-z]:/i.test(relative)
  ) {
    return { status: 403 };
  }
  if (relative.split('/').some((segment) => segment === '..' || segment === '.')) return { status: 403 };

  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  // The last word: whatever got past the checks above must still land inside the renderer folder.
  if (!file.startsWith(root + path.sep)) return { status: 403 };
  return { file };
}

/** True for any URL on Roundtable's own origin, app://roundtable. */
export function isAppUrl(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === APP_PROTOCOL && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function securityHeaders(contentType?: string): Headers {
  const headers = new Headers({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  });
  if (contentType) headers.set('Content-Type', contentType);
  return headers;
}

/** Pages held for printing (PrintPages): which URLs are theirs, and the answer to one. */
export interface PrintPageSource {
  handles(url: string): boolean;
  respond(url: string): Response;
}

/**
 * The handler for protocol.handle('app', …): the renderer at app://roundtable, and pages held for
 * printing at app://print when `printPages` is given.
 */
export function appProtocolHandler(
  rendererDir: string,
  printPages?: PrintPageSource,
): (request: { url: string }) => Promise<Response> {
  return async (request) => {
    if (printPages?.handles(request.url)) return printPages.respond(request.url);
    const resolved = resolveAppRequest(request.url, rendererDir);
    if ('status' in resolved)
      return new Response(null, { status: resolved.status, headers: securityHeaders() });
    try {
      const body = await readFile(resolved.file);
      return new Response(body, { status: 200, headers: securityHeaders(contentTypeOf(resolved.file)) });
    } catch {
      // Missing files and folders alike: the renderer only asks for files Vite emitted.
      return new Response(null, { status: 404, headers: securityHeaders() });
    }
  };
}
