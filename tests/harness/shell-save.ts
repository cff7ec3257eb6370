// The browser shell's `export.save`: the same saveExport as Electron's main process, with a folder
// standing in for the save dialog and a headless Chromium page for printToPDF. The page prints the
// export's HTML with JavaScript off and nothing fetched, served from memory as Electron serves it at
// app://print, under the same policy.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import {
  saveExport,
  withExportPolicy,
  type PrintToPdf,
  type SaveDialogLike,
} from '../../electron/main/export-save';
import { EXPORT_CSP } from '../../shared/export-csp';
import type { HostHandlers } from '../../electron/ipc/router';

/** Where the shell's print page is served from: answered by a route, never by a network. */
const PRINT_URL = 'https://print.roundtable.invalid/';

export interface ShellSaveOptions {
  /** Where saved files go: the shell's stand-in for the folder a chair picks in the save dialog. */
  exportDir: string;
  /** The shell's own browser when it is headless; Chromium prints to PDF only when headless. */
  headlessBrowser: Browser | null;
  launchHeadless: () => Promise<Browser>;
  /** Told the path of each saved file (start:browser prints it). */
  onSaved?: (file: string) => void;
}

export interface ShellSaveHost {
  handlers: Pick<HostHandlers, 'export.save'>;
  /** Every request a print page made besides its own: the export policy should leave this empty. */
  refusedPrintRequests: string[];
  /** Closes the printing browser if the shell had to launch one. */
  close(): Promise<void>;
}

export function shellSaveHost(options: ShellSaveOptions): ShellSaveHost {
  let printer: Promise<Browser> | undefined;
  const printingBrowser = () => {
    if (options.headlessBrowser) return Promise.resolve(options.headlessBrowser);
    // A launch that failed is forgotten, so the next PDF tries again.
    printer ??= options.launchHeadless().catch((error: unknown) => {
      printer = undefined;
      throw error;
    });
    return printer;
  };

  const dialog: SaveDialogLike = {
    showSaveDialog({ defaultPath }) {
      mkdirSync(options.exportDir, { recursive: true, mode: 0o700 });
      return Promise.resolve({ canceled: false, filePath: path.join(options.exportDir, defaultPath) });
    },
  };

  const refusedPrintRequests: string[] = [];
  const print = chromiumPrinter(printingBrowser, refusedPrintRequests);

  return {
    refusedPrintRequests,
    handlers: {
      'export.save': async (request) => {
        const result = await saveExport(dialog, print, request);
        if (result.fileName) options.onSaved?.(path.join(options.exportDir, result.fileName));
        return result;
      },
    },
    async close() {
      // Never throws: the shell closes its browser and backend after this whatever happened here.
      await printer?.then((browser) => browser.close()).catch(() => undefined);
    },
  };
}

/**
 * Prints an export's HTML to PDF in headless Chromium: a fresh context with JavaScript off, the page
 * served from memory, and every other request it makes refused (and noted in `refused`).
 */
export function chromiumPrinter(browser: () => Promise<Browser>, refused: string[] = []): PrintToPdf {
  return async (html) => {
    const context = await (await browser()).newContext({ javaScriptEnabled: false });
    try {
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url === PRINT_URL) {
          return route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            headers: { 'Content-Security-Policy': EXPORT_CSP },
            body: withExportPolicy(html),
          });
        }
        refused.push(url);
        return route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      await page.goto(PRINT_URL, { waitUntil: 'load' });
      return await page.pdf({ printBackground: true, format: 'A4' });
    } finally {
      await context.close().catch(() => undefined);
    }
  };
}
