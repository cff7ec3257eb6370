// Pins what the preload gives the page: window.api with invoke and on, for contract channels and events only.
import { describe, expect, it, vi } from 'vitest';
import { exposeApi, type IpcRendererLike } from '../../../electron/preload/expose-api';
import { IPC_EVENT, IPC_INVOKE, type RoundtableBridge } from '../../../shared/bridge';
import { CHANNELS, type EventName } from '../../../shared/channels';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

function exposed() {
  const listeners = new Set<IpcListener>();
  const ipcRenderer = {
    invoke: vi.fn<IpcRendererLike['invoke']>(() => Promise.resolve({ ok: true, value: [] })),
    on: vi.fn((channel: string, listener: IpcListener) => {
      if (channel === IPC_EVENT) listeners.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: IpcListener) => {
      if (channel === IPC_EVENT) listeners.delete(listener);
    }),
  };
  const world = new Map<string, unknown>();
  exposeApi({ exposeInMainWorld: (key, api) => world.set(key, api) }, ipcRenderer);
  const api = world.get('api') as RoundtableBridge;
  const push = (name: string, payload: unknown) => {
    for (const listener of listeners) listener({ sender: 'the IpcRendererEvent' }, name, payload);
  };
  return { world, api, ipcRenderer, listeners, push };
}

describe('exposeApi', () => {
  it('exposes exactly one key, api, with exactly invoke and on', () => {
    const { world, api } = exposed();
    expect([...world.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.on).toBe('function');
  });

  it.each(CHANNELS)('forwards %s on the invoke channel', async (channel) => {
    const { api, ipcRenderer } = exposed();
    await expect(api.invoke(channel, { groupId: 'g' })).resolves.toEqual({ ok: true, value: [] });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_INVOKE, channel, { groupId: 'g' });
  });

  it.each(['fs.readFile', 'roundtable:invoke', '__proto__', 42])(
    'answers the unknown channel %s with a VALIDATION envelope, never reaching ipcRenderer',
    async (channel) => {
      const { api, ipcRenderer } = exposed();
      // The page is untrusted: it can pass anything, whatever the types say.
      const envelope = await (api.invoke as (channel: unknown, input: unknown) => Promise<unknown>)(
        channel,
        {},
      );
      expect(envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('answers input that cannot cross IPC with a VALIDATION envelope', async () => {
    const { api, ipcRenderer } = exposed();
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    await expect(api.invoke('group.list', { callback: () => 1 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('throws for an unknown event name, subscribing to nothing', () => {
    const { api, ipcRenderer } = exposed();
    expect(() => api.on('archive.deleted' as EventName, () => {})).toThrow(/no event named archive\.deleted/);
    expect(ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('gives the listener only the payload of its own event', () => {
    const { api, push } = exposed();
    const listener = vi.fn();
    api.on('archive.changed', listener);
    push('archive.changed', { situationId: 's1' });
    push('import.progress', { done: 1 });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ situationId: 's1' });
  });

  it('returns an unsubscribe that removes the listener', () => {
    const { api, push, listeners, ipcRenderer } = exposed();
    const listener = vi.fn();
    const unsubscribe = api.on('archive.changed', listener);
    expect(ipcRenderer.on).toHaveBeenCalledWith(IPC_EVENT, expect.any(Function));
    unsubscribe();
    push('archive.changed', { situationId: 's1' });
    expect(listener).not.toHaveBeenCalled();
    expect(listeners.size).toBe(0);
  });
});
