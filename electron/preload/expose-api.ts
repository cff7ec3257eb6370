// What the sandboxed preload gives the page: window.api with invoke and on, and nothing else.
// Only shared/channels and shared/bridge are imported, so the bundled preload stays free of zod.
import { IPC_EVENT, IPC_INVOKE, type RoundtableBridge } from '../../shared/bridge';
import { isChannel, isEventName } from '../../shared/channels';
import type { EventMap } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';

export interface ContextBridgeLike {
  exposeInMainWorld(key: string, api: unknown): void;
}

type IpcListener = (event: unknown, ...args: unknown[]) => void;

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

// An unknown channel resolves to the same envelope the router would give, rather than rejecting,
// so the renderer's client has one error path; the message never reaches ipcRenderer.
const UNKNOWN_CHANNEL: Envelope<never> = {
  ok: false,
  error: { code: 'VALIDATION', message: 'Roundtable does not know that request.' },
};

// ipcRenderer.invoke rejects mostly for input that cannot cross IPC (a function, a DOM node…): that is
// bad input, answered as an envelope like every other failure.
const NOT_SENT: Envelope<never> = {
  ok: false,
  error: { code: 'VALIDATION', message: 'That request could not be sent. Nothing was saved.' },
};

export function createBridge(ipcRenderer: IpcRendererLike): RoundtableBridge {
  return {
    invoke(channel, input) {
      if (!isChannel(channel)) return Promise.resolve(UNKNOWN_CHANNEL);
      return ipcRenderer.invoke(IPC_INVOKE, channel, input).then(
        (envelope) => envelope as Envelope<unknown>,
        () => NOT_SENT,
      );
    },
    on(event, listener) {
      if (!isEventName(event)) throw new Error(`Roundtable has no event named ${String(event)}.`);
      if (typeof listener !== 'function') throw new TypeError('An event listener must be a function.');
      // The IpcRendererEvent stays here: the page gets the payload and nothing else.
      const forward: IpcListener = (_ipcEvent, name, payload) => {
        if (name === event) listener(payload as EventMap[typeof event]);
      };
      ipcRenderer.on(IPC_EVENT, forward);
      return () => {
        ipcRenderer.removeListener(IPC_EVENT, forward);
      };
    },
  };
}

export function exposeApi(contextBridge: ContextBridgeLike, ipcRenderer: IpcRendererLike): void {
  contextBridge.exposeInMainWorld('api', createBridge(ipcRenderer));
}
