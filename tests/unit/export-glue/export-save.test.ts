// The Electron save glue with fakes of the save dialog and the print window: files are 0600, a
// cancelled dialog writes nothing, a PDF prints the export's HTML with JavaScript off.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  saveExport,
  withExportPolicy,
  type PrintWindowFactory,
  type SaveDialogLike,
} from '../../../electron/main/export-save';
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

function fakeWindow(): { factory: PrintWindowFactory; log: string[] } {
  const log: string[] = [];
  return {
    log,
    factory: (options) => {
      log.push(
        `create javascript=${String(options.webPreferences.javascript)} sandbox=${String(options.webPreferences.sandbox)}`,
      );
      return {
        loadURL: (url) => {
          log.push(`load ${decodeURIComponent(url)}`);
          return Promise.resolve();
        },
        webContents: { printToPDF: () => Promise.resolve(Buffer.from('%PDF-1.7 fake')) },
        destroy: () => log.push('destroy'),
      };
    },
  };
}

describe('saveExport', () => {
  it('writes Markdown where the chair chose, owner-only', async () => {
    const file = path.join(dir, 'notes.md');
    const dialog = dialogAnswering(file);
    const result = await saveExport(dialog, fakeWindow().factory, {
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
    const result = await saveExport(dialogAnswering(undefined), fakeWindow().factory, {
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
    await saveExport(dialog, window.factory, {
      fileName: 'notes.html',
      format: 'pdf',
      content: '<!DOCTYPE html><p>Q?</p>',
    });
    expect(window.log).toEqual([
      'create javascript=false sandbox=true',
      `load data:text/html;charset=utf-8,<!DOCTYPE html><head><meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}"></head><p>Q?</p>`,
      'destroy',
    ]);
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
    await expect(
      saveExport(dialogAnswering(file), failing, {
        fileName: 'notes.html',
        format: 'pdf',
        content: '<p>Q?</p>',
      }),
    ).rejects.toThrow('printing failed');
    expect(destroyed).toBe(1);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('replaces an existing file with a private one', async () => {
    const file = path.join(dir, 'pack.rtpack');
    fs.writeFileSync(file, 'old', { mode: 0o644 });
    await saveExport(dialogAnswering(file), fakeWindow().factory, {
      fileName: 'pack.rtpack',
      format: 'pack',
      content: Buffer.from('RTPACK').toString('base64'),
    });
    expect(fs.readFileSync(file, 'utf8')).toBe('RTPACK');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});
