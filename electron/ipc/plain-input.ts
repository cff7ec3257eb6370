// What a call's input may be before the contract reads it: plain data, as JSON could write it.
//
// IPC copies inputs with the structured clone algorithm, which carries an Error, a Date, a Map or a
// typed array across as itself. zod's object schemas accept any object that is not an array and read
// each field as input[key], prototype chain included, while strictObject looks for unknown keys only
// among the enumerable own ones. So an Error passed group.create's strict check (its own message and
// stack are not enumerable) and the group was named after RangeError.prototype.name. Copying the input
// here, before validation, into objects without a prototype means the contract only ever reads fields
// the caller wrote, and never runs a getter or sees an inherited value.
import type { ErrorBody } from '../../shared/errors';

export const NOT_PLAIN_DATA = 'That request was not understood: it must be plain data. Nothing was saved.';

/** Far deeper than any input of the contract (a template's segments are three levels down). */
const MAX_DEPTH = 16;

export type PlainInput = { ok: true; value: unknown } | { ok: false; error: ErrorBody };

class NotPlain extends Error {
  constructor(readonly path: (string | number)[]) {
    super('not plain data');
  }
}

/**
 * A copy of `input` made only of primitives, arrays and prototype-less objects, built from own,
 * enumerable data properties; or a VALIDATION error naming where something else was found. A value
 * met twice (shared, or a cycle) is copied once, so the copy costs no more than the input's size.
 */
export function plainInput(input: unknown): PlainInput {
  try {
    return { ok: true, value: copy(input, [], new Map()) };
  } catch (error) {
    if (!(error instanceof NotPlain)) throw error;
    const path = error.path.map(String).join('.');
    return {
      ok: false,
      error: {
        code: 'VALIDATION',
        message: NOT_PLAIN_DATA,
        details: { issues: [{ path, message: 'Expected plain data.' }] },
      },
    };
  }
}

function copy(value: unknown, path: (string | number)[], copies: Map<object, unknown>): unknown {
  if (typeof value === 'function') throw new NotPlain(path);
  // The contract's own field schemas judge every primitive, with their own sentences.
  if (typeof value !== 'object' || value === null) return value;
  const done = copies.get(value);
  if (done !== undefined) return done;
  if (path.length >= MAX_DEPTH) throw new NotPlain(path);
  const proto: unknown = Object.getPrototypeOf(value);
  const isList = Array.isArray(value) && proto === Array.prototype;
  if (!isList && proto !== Object.prototype && proto !== null) throw new NotPlain(path);
  const keys = Reflect.ownKeys(value);
  if (isList) {
    const list = value as unknown[];
    const out: unknown[] = [];
    copies.set(value, out);
    // Every index from 0 to length - 1, and nothing else beside 'length': no holes, no extra fields.
    if (keys.length !== list.length + 1) throw new NotPlain(path);
    for (let i = 0; i < list.length; i++) out.push(copy(ownValue(value, i, path), [...path, i], copies));
    return out;
  }
  const out = Object.create(null) as Record<string, unknown>;
  copies.set(value, out);
  for (const key of keys) {
    if (typeof key === 'symbol') throw new NotPlain(path);
    // defineProperty, so that a field named __proto__ stays a field and sets no prototype.
    Object.defineProperty(out, key, {
      value: copy(ownValue(value, key, path), [...path, key], copies),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** An own, enumerable data property's value; an accessor would run the caller's code. */
function ownValue(holder: object, key: string | number, path: (string | number)[]): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(holder, key);
  if (!descriptor || !descriptor.enumerable || !('value' in descriptor)) {
    throw new NotPlain([...path, key]);
  }
  return descriptor.value;
}
