// Pages waiting to be printed to PDF, served from memory at app://print/<token>: no temporary file
// holds the export, and there is no size limit (a data: URL stops at 2 MB, which a long digest passes).
// Each page is answered with the export's policy (nothing fetched, no script) and only while held.
import { randomUUID } from 'node:crypto';
import { EXPORT_CSP } from '../../shared/export-csp';
import { APP_PROTOCOL, APP_SCHEME, type PrintPageSource } from './app-protocol';

export const PRINT_HOST = 'print';

export class PrintPages implements PrintPageSource {
  private readonly pages = new Map<string, string>();

  /** Holds `html` until released; its URL is another origin than the app's own (app://roundtable). */
  hold(html: string): { url: string; release(): void } {
    const token = randomUUID();
    this.pages.set(token, html);
    return { url: `${APP_SCHEME}://${PRINT_HOST}/${token}`, release: () => this.pages.delete(token) };
  }

  /** True for a request this class answers: anything on app://print. */
  handles(url: string): boolean {
    try {
      const parsed = new URL(url);
      return parsed.protocol === APP_PROTOCOL && parsed.host === PRINT_HOST;
    } catch {
      return false;
    }
  }

  respond(url: string): Response {
    const token = new URL(url).pathname.replace(/^\//, '');
    const html = this.pages.get(token);
    const headers = new Headers({
      'Content-Security-Policy': EXPORT_CSP,
      'X-Content-Type-Options': 'nosniff',
    });
    if (html === undefined) return new Response(null, { status: 404, headers });
    headers.set('Content-Type', 'text/html; charset=utf-8');
    return new Response(html, { status: 200, headers });
  }

  get size(): number {
    return this.pages.size;
  }
}
