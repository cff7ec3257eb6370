// Saving an export from Electron's main process: the native save dialog picks the file, which is
// written owner-only (0600); a PDF is printToPDF of the export's own HTML in a hidden, sandboxed
// window with JavaScript off. Structural types only, so tests pass fakes of dialog and BrowserWindow.
import { constants, promises as fs } from 'node:fs';

export type SaveFormat = 'markdown' | 'html' | 'pdf' | 'pack';

export interface SaveRequest {
  fileName: string;
  format: SaveFormat;
  content: string;
}

export interface SaveDialogLike {
  showSaveDialog(options: {
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string | undefined }>;
}

export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  webContents: { printToPDF(options: { printBackground: boolean; pageSize: string }): Promise<Buffer> };
  destroy(): void;
}

export type PrintWindowFactory = (options: {
  show: false;
  webPreferences: { sandbox: true; javascript: false; contextIsolation: true; nodeIntegration: false };
}) => PrintWindowLike;

const FILTERS: Record<SaveFormat, { name: string; extensions: string[] }> = {
  markdown: { name: 'Markdown', extensions: ['md'] },
  html: { name: 'Web page', extensions: ['html'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
  pack: { name: 'Roundtable archive pack', extensions: ['rtpack'] },
};

/** Writes a new private file (0600 whatever the umask), replacing one the user chose to overwrite. */
export async function writePrivateFile(file: string, data: string | Buffer): Promise<void> {
  await fs.rm(file, { force: true });
  const handle = await fs.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.chmod(file, 0o600);
}

/** Prints self-contained HTML to PDF; the window never runs script and is always destroyed. */
export async function printHtmlToPdf(createWindow: PrintWindowFactory, html: string): Promise<Buffer> {
  const window = createWindow({
    show: false,
    webPreferences: { sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  } finally {
    window.destroy();
  }
}

export function pdfName(fileName: string): string {
  return fileName.replace(/\.(html|md)$/i, '') + '.pdf';
}

/** Asks where to save, then writes. `saved: false` when the chair cancelled. */
export async function saveExport(
  dialog: SaveDialogLike,
  createWindow: PrintWindowFactory,
  request: SaveRequest,
): Promise<{ saved: boolean; fileName: string | null }> {
  const defaultPath = request.format === 'pdf' ? pdfName(request.fileName) : request.fileName;
  const choice = await dialog.showSaveDialog({ defaultPath, filters: [FILTERS[request.format]] });
  if (choice.canceled || !choice.filePath) return { saved: false, fileName: null };
  const data =
    request.format === 'pdf'
      ? await printHtmlToPdf(createWindow, request.content)
      : request.format === 'pack'
        ? Buffer.from(request.content, 'base64')
        : request.content;
  await writePrivateFile(choice.filePath, data);
  return { saved: true, fileName: choice.filePath.split(/[\\/]/).pop() ?? null };
}
