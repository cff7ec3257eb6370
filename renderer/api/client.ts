// The renderer's only way to the backend: typed calls over window.api, errors rethrown as ApiError.
import type { Channel, EventName } from '../../shared/channels';
import type { EventMap, Input, Output } from '../../shared/contract';
import type { Envelope, ErrorCode } from '../../shared/errors';

/** An error the backend answered with; its message is a sentence meant for the user. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

const NO_BRIDGE =
  'Roundtable cannot reach its archive from this window. Restart Roundtable; everything saved is kept.';

export async function invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const api = window.api;
  if (!api) throw new ApiError('INTERNAL', NO_BRIDGE);
  let envelope: Envelope<unknown>;
  try {
    envelope = await api.invoke(channel, input);
  } catch (error) {
    // The transport itself failed (the window is closing, the backend is gone); the call did not land.
    console.error(error);
    throw new ApiError('INTERNAL', NO_BRIDGE);
  }
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.details);
  // The contract ties each channel to its output type; the router enforces it on the other side.
  return envelope.value as Output<C>;
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
  const api = window.api;
  if (!api) return () => undefined;
  return api.on(event, listener);
}

/** What to show the user for a failed call: the backend's own sentence, never a stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  console.error(error);
  return 'Something went wrong and nothing was saved. Try again; if it keeps happening, restart Roundtable.';
}
