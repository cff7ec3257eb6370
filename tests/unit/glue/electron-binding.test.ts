// Pins the IPC binding: one handler, and nothing reaches the backend from a frame that is not the app's.
import { describe, expect, it, vi } from 'vitest';
import { bindIpc, type InvokeEventLike } from '../../../electron/ipc/electron-binding';
import { IPC_INVOKE } from '../../../shared/bridge';
import { fakeBackend, fakeElectron } from './fake-electron';

function bound() {
  const { ipcMain } = fakeElectron();
  const backend = fakeBackend();
  bindIpc(ipcMain, backend);
  expect(ipcMain.handle).toHaveBeenCalledTimes(1);
  const [channel, listener] = ipcMain.handle.mock.calls[0] ?? [];
  if (!listener) throw new Error('bindIpc registered no handler');
  return { channel, backend, call: (event: InvokeEventLike, ...args: unknown[]) => listener(event, ...args) };
}

const appFrame = { senderFrame: { url: 'app://roundtable/index.html', parent: null } };
const input = { name: 'Austin CEO Forum' };

describe('bindIpc', () => {
  it('registers exactly one handler, on the invoke channel', () => {
    expect(bound().channel).toBe(IPC_INVOKE);
  });

  it('forwards a call from the app window with its channel and input', async () => {
    const { call, backend } = bound();
    await expect(call(appFrame, 'group.create', input)).resolves.toEqual({ ok: true, value: null });
    expect(backend.invoke).toHaveBeenCalledExactlyOnceWith('group.create', input);
  });

  it.each([
    ['another site', { url: 'https://evil.example/', parent: null }],
    [
      'a subframe of the app',
      { url: 'app://roundtable/index.html', parent: { url: 'app://roundtable/index.html' } },
    ],
    ['a file:// page', { url: 'file:///tmp/index.html', parent: null }],
    ['a destroyed frame', null],
  ])('refuses a call from %s without touching the backend', async (_label, senderFrame) => {
    const { call, backend } = bound();
    await expect(call({ senderFrame }, 'group.create', input)).resolves.toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: "That request did not come from Roundtable's own window." },
    });
    expect(backend.invoke).not.toHaveBeenCalled();
  });

  it('asks the given trust check about the sender frame', async () => {
    const { ipcMain } = fakeElectron();
    const backend = fakeBackend();
    const isTrusted = vi.fn(() => false);
    bindIpc(ipcMain, backend, isTrusted);
    await ipcMain.handle.mock.calls[0]?.[1](appFrame, 'group.list', {});
    expect(isTrusted).toHaveBeenCalledWith(appFrame.senderFrame);
    expect(backend.invoke).not.toHaveBeenCalled();
  });
});
