// plainInput: what the router copies an input into before the contract reads it.
import { describe, expect, it } from 'vitest';
import { NOT_PLAIN_DATA, plainInput } from '../../electron/ipc/plain-input';

function copied(input: unknown): unknown {
  const result = plainInput(input);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

function refusedAt(input: unknown): string {
  const result = plainInput(input);
  if (result.ok) throw new Error('accepted');
  expect(result.error).toMatchObject({ code: 'VALIDATION', message: NOT_PLAIN_DATA });
  return (result.error.details as { issues: { path: string }[] }).issues[0]!.path;
}

describe('plainInput', () => {
  it('copies plain data into objects without a prototype, so only own fields can be read', () => {
    const value = copied({ name: 'Forum', segments: [{ minutes: 5 }], none: null }) as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(value)).toBeNull();
    expect('toString' in value).toBe(false);
    expect(JSON.stringify(value)).toBe('{"name":"Forum","segments":[{"minutes":5}],"none":null}');
    expect(Array.isArray(value.segments)).toBe(true);
  });

  it('keeps a field named __proto__ a field, setting no prototype', () => {
    const value = copied(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBeNull();
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('passes primitives through for the contract to judge, and takes prototype-less objects', () => {
    for (const primitive of ['text', 7, true, null, undefined, 10n])
      expect(copied(primitive)).toBe(primitive);
    expect(copied(Object.assign(Object.create(null) as object, { name: 'Forum' }))).toEqual({
      name: 'Forum',
    });
  });

  it('copies a value given twice, or a cycle, once', () => {
    const vote = { dots: 2 };
    const value = copied({ votes: [vote, vote] }) as { votes: object[] };
    expect(value.votes[0]).toBe(value.votes[1]);
    const loop: Record<string, unknown> = { name: 'Forum' };
    loop.self = loop;
    const copy = copied(loop) as Record<string, unknown>;
    expect(copy.self).toBe(copy);
  });

  it('refuses what is not plain data, saying where', () => {
    expect(refusedAt(new RangeError('boom'))).toBe('');
    expect(refusedAt({ credit: new Date(0) })).toBe('credit');
    expect(refusedAt({ ids: new Set(['a']) })).toBe('ids');
    expect(refusedAt({ segments: [{ minutes: 5 }, new Map()] })).toBe('segments.1');
    expect(refusedAt({ run: () => 1 })).toBe('run');
    expect(refusedAt(Object.create({ name: 'inherited' }))).toBe('');
    expect(refusedAt(Object.defineProperty({}, 'name', { get: () => 'Forum', enumerable: true }))).toBe(
      'name',
    );
    expect(refusedAt(Object.defineProperty({}, 'name', { value: 'Forum', enumerable: false }))).toBe('name');
    expect(refusedAt({ [Symbol('name')]: 'Forum' })).toBe('');
    expect(refusedAt({ ids: new Uint8Array(2) })).toBe('ids');
  });

  it('refuses a list with a hole or with fields of its own', () => {
    const holes: unknown[] = ['a'];
    holes[2] = 'c';
    expect(refusedAt({ ids: holes })).toBe('ids');
    expect(refusedAt({ ids: Object.assign(['a'], { extra: 1 }) })).toBe('ids');
  });

  it('refuses nesting deeper than any input of the contract, without deep recursion', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = { inner: deep };
    expect(refusedAt(deep).split('.')).toHaveLength(16);
  });
});
