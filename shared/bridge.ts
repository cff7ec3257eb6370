// The shape of window.api: the only thing the preload (or the browser shell) gives the renderer.
import type { Channel, EventName } from './channels';
import type { EventMap } from './contract';
import type { Envelope } from './errors';

export interface RoundtableBridge {
  invoke(channel: Channel, input: unknown): Promise<Envelope<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

/** The single IPC channel the preload sends calls on, and the one main pushes events on. */
export const IPC_INVOKE = 'roundtable:invoke';
export const IPC_EVENT = 'roundtable:event';
