// route(channel, input): validate against the contract, call the domain handler, answer with an
// envelope. Plain functions, so tests call it in-process; the backend worker only hosts it.
import type { z } from 'zod';
import { isChannel, type Channel } from '../../shared/channels';
import { contract, type Output, type ParsedInput } from '../../shared/contract';
import { AppError, type Envelope, type ErrorBody } from '../../shared/errors';

export type Handler<C extends Channel> = (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;

/** One handler per channel: a missing or mis-shaped handler fails to compile. */
export type Handlers = { [C in Channel]: Handler<C> };

export type Route = (channel: unknown, input: unknown) => Promise<Envelope<unknown>>;

export function createRouter(handlers: Handlers, log: (error: unknown) => void = console.error): Route {
  return async function route(channel, input) {
    if (!isChannel(channel)) {
      return failure({ code: 'VALIDATION', message: 'Roundtable does not know that request.' });
    }
    const parsed = contract[channel].input.safeParse(input);
    if (!parsed.success) return failure(validationError(parsed.error));
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) return failure(error.toBody());
      log(error);
      return failure({
        code: 'INTERNAL',
        message:
          'Something went wrong and nothing was saved. Try again; if it keeps happening, restart Roundtable.',
      });
    }
  };
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
