// The browser shell's `export.save`: the same saveExport as Electron's main process, with a folder
// standing in for the save dialog and a headless Chromium page for printToPDF. The page prints the
// export's HTML with JavaScript off and no network, as Electron's hidden print window does.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { saveExport, type PrintWindowFactory, type SaveDialogLike } from '../../electron/main/export-save';
import type { HostHandlers } from '../../electron/ipc/router';

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
  handlers: HostHandlers;
  /** Closes the printing browser if the shell had to launch one. */
  close(): Promise<void>;
}

export function shellSaveHost(options: ShellSaveOptions): ShellSaveHost {
  let printer: Promise<Browser> | undefined;
  const printingBrowser = () => {
    if (options.headlessBrowser) return Promise.resolve(options.headlessBrowser);
    printer ??= options.launchHeadless();
    return printer;
  };

  const dialog: SaveDialogLike = {
    showSaveDialog({ defaultPath }) {
      mkdirSync(options.exportDir, { recursive: true, mode: 0o700 });
      return Promise.resolve({ canceled: false, filePath: path.join(options.exportDir, defaultPath) });
    },
  };

  const createPrintPage: PrintWindowFactory = async () => {
    const browser = await printingBrowser();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route('**/*', (route) => route.abort('blockedbyclient'));
    const page = await context.newPage();
    return {
      async loadURL(url) {
        await page.goto(url, { waitUntil: 'load' });
      },
      webContents: {
        printToPDF: ({ printBackground, pageSize }) => page.pdf({ printBackground, format: pageSize }),
      },
      destroy() {
        void context.close().catch(() => undefined);
      },
    };
  };

  return {
    handlers: {
      'export.save': async (request) => {
        const result = await saveExport(dialog, createPrintPage, request);
        if (result.fileName) options.onSaved?.(path.join(options.exportDir, result.fileName));
        return result;
      },
    },
    async close() {
      if (printer) await (await printer).close().catch(() => undefined);
    },
  };
}
