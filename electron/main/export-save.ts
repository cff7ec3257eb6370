// Saving an export, the host's `export.save`: a save dialog picks the file, which is written
// owner-only (0600); a PDF is the export's own HTML printed in a hidden page with JavaScript off and
// no network. Structural types only: Electron's main process passes its dialog and a hidden
// BrowserWindow, the browser shell a folder and a headless Chromium page, and tests pass fakes.
import { randomUUID } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Output, ParsedInput } from '../../shared/contract';
import { EXPORT_CSP } from '../../shared/export-csp';
import type { PrintPages } from './print-pages';

export type SaveRequest = ParsedInput<'export.save'>;
export type SaveFormat = SaveRequest['format'];

export interface SaveDialogLike {
  showSaveDialog(options: {
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string | undefined }>;
}

export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  webContents: { printToPDF(options: { printBackground: boolean; pageSize: 'A4' }): Promise<Buffer> };
  destroy(): void;
}

export type PrintWindowFactory = (options: {
  show: false;
  webPreferences: { sandbox: true; javascript: false; contextIsolation: true; nodeIntegration: false };
}) => PrintWindowLike | Promise<PrintWindowLike>;

const FILTERS: Record<SaveFormat, { name: string; extensions: string[] }> = {
  markdown: { name: 'Markdown', extensions: ['md'] },
  html: { name: 'Web page', extensions: ['html'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
  pack: { name: 'Roundtable archive pack', extensions: ['rtpack'] },
};

/**
 * Writes a new private file (0600 whatever the umask). It is written whole beside the target, synced,
 * then renamed over it: a file the chair chose to overwrite stays as it was until the new one is
 * complete, and a failed write leaves neither a truncated file nor the temporary one behind.
 */
export async function writePrivateFile(file: string, data: string | Buffer): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.partial`);
  const handle = await fs.open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.chmod(temporary, 0o600);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/**
 * The export's policy as the first thing in the page's head, whatever HTML arrives: a page printed to
 * PDF can then fetch nothing (no image, font or stylesheet from anywhere), even if its HTML asked to.
 */
export function withExportPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head)
    return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return `${html.slice(0, at)}<head>${meta}</head>${html.slice(at)}`;
}

/** Turns an export's HTML into a PDF's bytes. */
export type PrintToPdf = (html: string) => Promise<Buffer>;

/**
 * Electron's printer: the page is held in memory and served at app://print/<token> (PrintPages) to a
 * hidden window that never runs script; the window is always destroyed and the page let go.
 */
export function windowPrinter(createWindow: PrintWindowFactory, pages: PrintPages): PrintToPdf {
  return async (html) => {
    const page = pages.hold(withExportPolicy(html));
    try {
      const window = await createWindow({
        show: false,
        webPreferences: { sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false },
      });
      try {
        await window.loadURL(page.url);
        return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
      } finally {
        window.destroy();
      }
    } finally {
      page.release();
    }
  };
}

export function pdfName(fileName: string): string {
  return fileName.replace(/\.(html|md)$/i, '') + '.pdf';
}

/** Asks where to save, then writes. `saved: false` when the chair cancelled. */
export async function saveExport(
  dialog: SaveDialogLike,
  print: PrintToPdf,
  request: SaveRequest,
): Promise<Output<'export.save'>> {
  const defaultPath = request.format === 'pdf' ? pdfName(request.fileName) : request.fileName;
  const choice = await dialog.showSaveDialog({ defaultPath, filters: [FILTERS[request.format]] });
  if (choice.canceled || !choice.filePath) return { saved: false, fileName: null };
  const data =
    request.format === 'pdf'
      ? await print(request.content)
      : request.format === 'pack'
        ? Buffer.from(request.content, 'base64')
        : request.content;
  await writePrivateFile(choice.filePath, data);
  return { saved: true, fileName: choice.filePath.split(/[\\/]/).pop() ?? null };
}
