// route(channel, input): copy the input as plain data (see plain-input.ts), validate it against the
// contract, call the domain handler, answer with an envelope. Plain functions, so tests call it
// in-process; the backend worker hosts one router and the host (Electron's main process or the
// browser shell) another for the channels only it can answer.
import type { z } from 'zod';
import {
  isChannel,
  isHostChannel,
  type BackendChannel,
  type Channel,
  type HostChannel,
} from '../../shared/channels';
import { contract, type Output, type ParsedInput } from '../../shared/contract';
import { AppError, type Envelope, type ErrorBody } from '../../shared/errors';
import { storageFault } from '../store/faults';
import { plainInput } from './plain-input';

export type Handler<C extends Channel> = (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;

/** One handler per backend channel: a missing or mis-shaped handler fails to compile. */
export type Handlers = { [C in BackendChannel]: Handler<C> };

/** One handler per host channel (saving files, printing). */
export type HostHandlers = { [C in HostChannel]: Handler<C> };

export type Route = (channel: unknown, input: unknown) => Promise<Envelope<unknown>>;

type Log = (error: unknown) => void;

/** The backend's router. A host channel reaching it means no host stood in front of it. */
export function createRouter(handlers: Handlers, log: Log = console.error): Route {
  return function route(channel, input) {
    if (!isChannel(channel)) return Promise.resolve(failure(UNKNOWN_CHANNEL));
    const handler = isHostChannel(channel)
      ? needsHost(channel)
      : (handlers[channel] as (input: unknown) => unknown);
    return answer(channel, input, handler, log);
  };
}

/** The host's router: answers the host channels itself and passes every other call to the backend. */
export function createHostRouter(handlers: HostHandlers, backend: Route, log: Log = console.error): Route {
  return function route(channel, input) {
    if (!isHostChannel(channel)) return backend(channel, input);
    return answer(channel, input, handlers[channel] as (input: unknown) => unknown, log);
  };
}

const UNKNOWN_CHANNEL: ErrorBody = { code: 'VALIDATION', message: 'Roundtable does not know that request.' };
function needsHost(channel: HostChannel): () => never {
  return () => {
    throw new AppError(
      'CONFLICT',
      channel.startsWith('vault.')
        ? 'Unlocking the archive is done by Roundtable’s window, before the archive opens. Nothing was changed.'
        : 'Saving a file needs Roundtable’s window. Nothing was saved.',
    );
  };
}

async function answer(
  channel: Channel,
  input: unknown,
  handler: (input: unknown) => unknown,
  log: Log,
): Promise<Envelope<unknown>> {
  const plain = plainInput(input);
  if (!plain.ok) return failure(plain.error);
  const parsed = contract[channel].input.safeParse(plain.value);
  if (!parsed.success) return failure(validationError(parsed.error));
  try {
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) return failure(error.toBody());
    // A full disk, a read-only file, an I/O error or damage: named, not lumped with the rest.
    const fault = storageFault(error);
    if (fault) return failure(fault.toBody());
    log(error);
    return failure({
      code: 'INTERNAL',
      message:
        'Something went wrong and nothing was saved. Try again; if it keeps happening, restart Roundtable.',
    });
  }
}

function failure(error: ErrorBody): Envelope<never> {
  return { ok: false, error };
}

function validationError(error: z.ZodError): ErrorBody {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  // The contract's own messages are sentences meant for the user; zod's defaults are not.
  const message =
    first?.message.endsWith('.') === true
      ? first.message
      : `That request was not understood${first ? ` (${first.path || 'input'}: ${first.message})` : ''}. Nothing was saved.`;
  return { code: 'VALIDATION', message, details: { issues } };
}
