// Binds the renderer's calls to the backend: one ipcMain handler that checks the sender frame, then
// forwards. No 'electron' import: the types are structural, so tests pass a fake ipcMain.
import { IPC_INVOKE } from '../../shared/bridge';
import type { Envelope } from '../../shared/errors';
import type { Backend } from '../backend/host';
import { isAppTopFrame } from '../main/sender-check';

export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
}

const NOT_FROM_APP: Envelope<never> = {
  ok: false,
  error: { code: 'VALIDATION', message: "That request did not come from Roundtable's own window." },
};

export function bindIpc(
  ipcMain: IpcMainLike,
  backend: Pick<Backend, 'invoke'>,
  isTrusted: (frame: SenderFrameLike | null) => boolean = isAppTopFrame,
): void {
  ipcMain.handle(IPC_INVOKE, (event, channel, input) => {
    if (!isTrusted(event.senderFrame)) return Promise.resolve(NOT_FROM_APP);
    // The router validates both the channel and the input against the contract.
    return backend.invoke(channel, input);
  });
}
