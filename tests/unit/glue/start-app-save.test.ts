// main's export.save with fake Electron modules: the save dialog, the owner-only file, the hidden
// print window (JavaScript off, its page from app://print and gone once printed), refusals before any
// dialog, and every other channel passed to the backend.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { FakeWindow } from './fake-electron';
import { fixture, removeFixture, setUp } from './start-app-fixture';

afterAll(removeFixture);
afterEach(() => vi.restoreAllMocks());

describe('startApp: export.save', () => {
  const appFrame = { senderFrame: { url: 'app://roundtable/index.html', parent: null } };
  async function invokeOf(setup: ReturnType<typeof setUp>) {
    await setup.start();
    const listener = setup.electron.ipcMain.handle.mock.calls[0]?.[1];
    if (!listener) throw new Error('no IPC handler');
    return (channel: string, input: unknown) => listener(appFrame, channel, input);
  }

  it('is answered by main through the save dialog, never by the backend, and writes an owner-only file', async () => {
    const setup = setUp();
    const file = path.join(fixture, 'saved-notes.md');
    setup.electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: file });
    const invoke = await invokeOf(setup);
    await expect(
      invoke('export.save', { fileName: 'notes.md', format: 'markdown', content: '# Notes' }),
    ).resolves.toEqual({ ok: true, value: { saved: true, fileName: 'saved-notes.md' } });
    expect(setup.electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: 'notes.md' }),
    );
    expect(readFileSync(file, 'utf8')).toBe('# Notes');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(setup.backend.invoke).not.toHaveBeenCalled();
  });

  it('prints a PDF in a hidden window with JavaScript off, then destroys it', async () => {
    const setup = setUp();
    const file = path.join(fixture, 'notes.pdf');
    setup.electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: file });
    const invoke = await invokeOf(setup);
    const html = '<!DOCTYPE html><html><head><title>Notes</title></head><body>Q?</body></html>';
    await expect(
      invoke('export.save', { fileName: 'notes.html', format: 'pdf', content: html }),
    ).resolves.toEqual({ ok: true, value: { saved: true, fileName: 'notes.pdf' } });
    const printer = FakeWindow.all.find((w) => w.options.webPreferences?.javascript === false);
    expect(printer?.options.webPreferences).toMatchObject({ javascript: false, sandbox: true });
    expect(printer?.webContents.printToPDF).toHaveBeenCalledOnce();
    expect(printer?.destroy).toHaveBeenCalledOnce();
    // The page came from memory over app://print, which answers nothing once the PDF is printed.
    const pageUrl = printer?.loadURL.mock.calls[0]?.[0] ?? '';
    expect(pageUrl).toMatch(/^app:\/\/print\/[0-9a-f-]{36}$/);
    const serve = setup.electron.protocol.handle.mock.calls[0]?.[1];
    expect((await serve?.(new Request(pageUrl)))?.status).toBe(404);
    expect(readFileSync(file, 'utf8')).toBe('%PDF-1.7 printed by a fake window');
  });

  it('never focuses a print window or sends it events', async () => {
    const setup = setUp();
    setup.electron.dialog.showSaveDialog.mockResolvedValue({
      canceled: false,
      filePath: path.join(fixture, 'focus.pdf'),
    });
    const invoke = await invokeOf(setup);
    await invoke('export.save', { fileName: 'notes.html', format: 'pdf', content: '<p>Q?</p>' });
    // The fake keeps a destroyed window listed, as a print window is while it prints.
    const [main, printer] = FakeWindow.all;
    expect(printer?.options.webPreferences?.javascript).toBe(false);
    setup.electron.app.emit('second-instance');
    expect(main?.focus).toHaveBeenCalled();
    expect(printer?.focus).not.toHaveBeenCalled();
    setup.backend.emit('archive.changed', { situationId: 's1' });
    expect(main?.webContents.send).toHaveBeenCalled();
    expect(printer?.webContents.send).not.toHaveBeenCalled();
  });

  it('refuses a malformed request with a sentence and opens no dialog', async () => {
    const setup = setUp();
    const invoke = await invokeOf(setup);
    const answer = await invoke('export.save', {
      fileName: '../../etc/passwd',
      format: 'markdown',
      content: '',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(setup.electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('passes every other channel to the backend', async () => {
    const setup = setUp();
    const invoke = await invokeOf(setup);
    await invoke('group.list', {});
    expect(setup.backend.invoke).toHaveBeenCalledExactlyOnceWith('group.list', {});
  });
});
