// The Electron save glue with fakes of the save dialog and the print window: files are 0600, a
// cancelled dialog writes nothing, a PDF prints the export's HTML, served from memory under the export
// policy, in a window with JavaScript off.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  saveExport,
  windowPrinter,
  writePrivateFile,
  withExportPolicy,
  type PrintWindowFactory,
  type SaveDialogLike,
} from '../../../electron/main/export-save';
import { PrintPages } from '../../../electron/main/print-pages';
import { EXPORT_CSP } from '../../../shared/export-csp';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundtable-save-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function dialogAnswering(filePath: string | undefined): SaveDialogLike & { asked: unknown[] } {
  const asked: unknown[] = [];
  return {
    asked,
    showSaveDialog: (options) => {
      asked.push(options);
      return Promise.resolve({ canceled: filePath === undefined, filePath });
    },
  };
}

/** A print window that loads what PrintPages serves, and a log of what happened to it. */
function fakeWindow(): {
  factory: PrintWindowFactory;
  print: ReturnType<typeof windowPrinter>;
  pages: PrintPages;
  log: string[];
} {
  const log: string[] = [];
  const pages = new PrintPages();
  const factory: PrintWindowFactory = (options) => {
    log.push(
      `create javascript=${String(options.webPreferences.javascript)} sandbox=${String(options.webPreferences.sandbox)}`,
    );
    return {
      loadURL: async (url) => {
        const response = pages.respond(url);
        log.push(`load ${url.replace(/[0-9a-f-]{36}$/, '<token>')}`);
        log.push(`served ${response.status} csp=${response.headers.get('content-security-policy') ?? ''}`);
        log.push(`page ${await response.text()}`);
      },
      webContents: { printToPDF: () => Promise.resolve(Buffer.from('%PDF-1.7 fake')) },
      destroy: () => log.push('destroy'),
    };
  };
  return { factory, print: windowPrinter(factory, pages), pages, log };
}

describe('saveExport', () => {
  it('writes Markdown where the chair chose, owner-only', async () => {
    const file = path.join(dir, 'notes.md');
    const dialog = dialogAnswering(file);
    const result = await saveExport(dialog, fakeWindow().print, {
      fileName: 'notes.md',
      format: 'markdown',
      content: '# Notes',
    });
    expect(result).toEqual({ saved: true, fileName: 'notes.md' });
    expect(fs.readFileSync(file, 'utf8')).toBe('# Notes');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(dialog.asked).toEqual([
      { defaultPath: 'notes.md', filters: [{ name: 'Markdown', extensions: ['md'] }] },
    ]);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const result = await saveExport(dialogAnswering(undefined), fakeWindow().print, {
      fileName: 'a.html',
      format: 'html',
      content: 'x',
    });
    expect(result).toEqual({ saved: false, fileName: null });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('prints the HTML to PDF in a script-less window it always destroys, and saves it 0600', async () => {
    const file = path.join(dir, 'notes.pdf');
    const window = fakeWindow();
    const dialog = dialogAnswering(file);
    await saveExport(dialog, window.print, {
      fileName: 'notes.html',
      format: 'pdf',
      content: '<!DOCTYPE html><p>Q?</p>',
    });
    expect(window.log).toEqual([
      'create javascript=false sandbox=true',
      'load app://print/<token>',
      `served 200 csp=${EXPORT_CSP}`,
      `page <!DOCTYPE html><head><meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}"></head><p>Q?</p>`,
      'destroy',
    ]);
    // The page is let go once printed: nothing of the export stays in memory to be served again.
    expect(window.pages.size).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^%PDF/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(dialog.asked[0]).toMatchObject({ defaultPath: 'notes.pdf' });
  });

  it.each([
    [
      'a page with a head',
      '<!DOCTYPE html><html><head lang="en"><title>N</title></head><body>x</body></html>',
    ],
    ['a fragment', '<p>x</p>'],
    ['a page with a doctype only', '<!doctype html>\n<body>x</body>'],
  ])('puts the export policy first in the head of %s, so printing fetches nothing', (_label, html) => {
    const page = withExportPolicy(html);
    const policy = `<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`;
    expect(page.indexOf(policy)).toBeGreaterThan(-1);
    // Nothing of the page's own comes between <head> and the policy.
    expect(page).toMatch(/<head[^>]*><meta http-equiv="Content-Security-Policy"/);
    expect(page.replace(policy, '').replace('<head></head>', '')).toBe(html);
  });

  it('destroys the print window and writes nothing when printing fails', async () => {
    const file = path.join(dir, 'notes.pdf');
    let destroyed = 0;
    const failing: PrintWindowFactory = () => ({
      loadURL: () => Promise.resolve(),
      webContents: { printToPDF: () => Promise.reject(new Error('printing failed')) },
      destroy: () => {
        destroyed += 1;
      },
    });
    const pages = new PrintPages();
    await expect(
      saveExport(dialogAnswering(file), windowPrinter(failing, pages), {
        fileName: 'notes.html',
        format: 'pdf',
        content: '<p>Q?</p>',
      }),
    ).rejects.toThrow('printing failed');
    expect(destroyed).toBe(1);
    expect(pages.size).toBe(0);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('serves a held page only on app://print, only while held, always under the export policy', async () => {
    const pages = new PrintPages();
    const page = pages.hold('<p>Q?</p>');
    expect(page.url).toMatch(/^app:\/\/print\/[0-9a-f-]{36}$/);
    expect(pages.handles(page.url)).toBe(true);
    expect(pages.handles('app://roundtable/index.html')).toBe(false);
    expect(await pages.respond(page.url).text()).toBe('<p>Q?</p>');
    expect(pages.respond('app://print/another-token').status).toBe(404);
    page.release();
    const gone = pages.respond(page.url);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-security-policy')).toBe(EXPORT_CSP);
  });

  it('keeps the file being replaced whole when the new one fails to write', async () => {
    const target = path.join(dir, 'notes.md');
    fs.writeFileSync(target, '# Last month');
    // Data the file system cannot write: the write fails after the temporary file was opened.
    await expect(writePrivateFile(target, 42 as unknown as string)).rejects.toThrow();
    expect(fs.readFileSync(target, 'utf8')).toBe('# Last month');
    expect(fs.readdirSync(dir)).toEqual(['notes.md']);
  });

  it('leaves what was there, and no partial file, when the new file cannot take its place', async () => {
    // A folder where the chair asked for the file: the rename over it fails after the data was written.
    const target = path.join(dir, 'notes.md');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'kept.txt'), 'kept');
    await expect(writePrivateFile(target, '# Notes')).rejects.toThrow();
    expect(fs.readFileSync(path.join(target, 'kept.txt'), 'utf8')).toBe('kept');
    expect(fs.readdirSync(dir)).toEqual(['notes.md']);
  });

  it('replaces an existing file with a private one', async () => {
    const file = path.join(dir, 'pack.rtpack');
    fs.writeFileSync(file, 'old', { mode: 0o644 });
    await saveExport(dialogAnswering(file), fakeWindow().print, {
      fileName: 'pack.rtpack',
      format: 'pack',
      content: Buffer.from('RTPACK').toString('base64'),
    });
    expect(fs.readFileSync(file, 'utf8')).toBe('RTPACK');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['pack.rtpack']);
  });
});
