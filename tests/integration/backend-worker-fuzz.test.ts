// The built backend worker, fed what a hostile renderer could push through IPC, including values
// structured clone refuses or handles oddly: it answers each with a typed envelope, never crashes,
// and a refusal changes no row.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/channels';
import { ERROR_CODES, type Envelope } from '../../shared/errors';
import { startBackend, type Backend } from '../../electron/backend/host';
import { openKeyed } from '../../electron/store/cipher';
import { TEST_KEY, TEST_KEY_HEX } from '../harness/test-key';
import { snapshot, tempDir } from './backend-fixture';
import { hostilePayload, nested, type SeededIds } from './hostile-payloads';

const WORKER = path.resolve('dist/electron/backend-worker.cjs');
let dir: string;
let dbPath: string;
let backend: Backend;
let reader: Database.Database;
let ids: SeededIds;

async function value<T>(promise: Promise<Envelope<unknown>>): Promise<T> {
  const envelope = await promise;
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as T;
}

beforeAll(async () => {
  if (!fs.existsSync(WORKER)) throw new Error('Build the worker first: npm run build');
  dir = tempDir();
  dbPath = path.join(dir, 'roundtable.db');
  backend = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
  const group = await value<{ id: string }>(backend.invoke('group.create', { name: 'Forum' }));
  const chair = await value<{ id: string }>(
    backend.invoke('member.create', { groupId: group.id, name: 'Dana', role: 'chair' }),
  );
  const ana = await value<{ id: string }>(
    backend.invoke('member.create', { groupId: group.id, name: 'Ana' }),
  );
  const situation = await value<{ id: string }>(
    backend.invoke('situation.create', { groupId: group.id, presenterId: ana.id, title: 'Sell now?' }),
  );
  const point = await value<{ id: string }>(
    backend.invoke('contribution.add', {
      situationId: situation.id,
      authorId: chair.id,
      kind: 'advice',
      body: 'Wait a year.',
    }),
  );
  const [tag] = await value<{ id: string }[]>(
    backend.invoke('situation.tag', { situationId: situation.id, name: 'exit' }),
  );
  const [other] = await value<{ id: string }[]>(
    backend.invoke('situation.tag', { situationId: situation.id, name: 'advisors' }),
  );
  ids = {
    groupId: group.id,
    chairId: chair.id,
    memberId: ana.id,
    situationId: situation.id,
    contributionId: point.id,
    tagId: tag!.id,
    otherTagId: other!.id,
  };
  // A second connection, read-only, sees what the worker committed (WAL allows a reader beside it).
  reader = openKeyed(dbPath, TEST_KEY, { readonly: true });
});

afterAll(async () => {
  reader.close();
  await backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function expectTyped(result: Envelope<unknown>): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) return;
  expect(ERROR_CODES).toContain(result.error.code);
  expect(result.error.code, result.error.message).not.toBe('INTERNAL');
}

async function expectAlive(): Promise<void> {
  await expect(backend.invoke('group.list', {})).resolves.toMatchObject({ ok: true });
}

class Presenter {
  constructor(readonly name: string) {}
  greet() {
    return this.name;
  }
}

function cyclic(): unknown {
  const a: Record<string, unknown> = { name: 'Forum' };
  a.self = a;
  return a;
}

/** Values structured clone refuses (the host answers VALIDATION) or clones into something unexpected. */
const EDGE_CASES: [string, () => unknown][] = [
  ['a function', () => ({ name: () => 'Forum' })],
  ['a bare function', () => () => 1],
  ['a symbol', () => ({ name: Symbol('Forum') })],
  ['a symbol-keyed field', () => ({ [Symbol('name')]: 'Forum' })],
  ['a BigInt', () => ({ name: 10n, limit: 10n })],
  ['a Date', () => ({ name: new Date(), from: new Date(0) })],
  ['a Map', () => new Map([['name', 'Forum']])],
  ['a Set', () => ({ name: new Set(['Forum']) })],
  ['a cyclic object', cyclic],
  [
    'a cyclic array',
    () => {
      const a: unknown[] = [];
      a.push(a);
      return a;
    },
  ],
  [
    'a getter that throws',
    () =>
      Object.defineProperty({}, 'name', {
        enumerable: true,
        get: () => {
          throw new Error('boom');
        },
      }),
  ],
  ['a Proxy', () => new Proxy({ name: 'Forum' }, {})],
  ['a class instance', () => new Presenter('Forum')],
  ['a WeakMap', () => ({ name: new WeakMap() })],
  ['a Promise', () => ({ name: Promise.resolve('Forum') })],
  ['an Error', () => new Error('Forum')],
  ['a RegExp', () => ({ name: /Forum/ })],
  ['a typed array', () => ({ name: new Uint8Array([70, 111]) })],
  ['an ArrayBuffer', () => new ArrayBuffer(64)],
  ['a sparse array', () => [, , 'Forum']], // eslint-disable-line no-sparse-arrays
  ['a null-prototype object', () => Object.assign(Object.create(null) as object, { name: 'Forum' })],
  ['boxed primitives', () => ({ name: Object('Forum') as unknown, limit: Object(5) as unknown })],
  ['nesting 100,000 deep', () => nested(100_000)],
  ['a 20 MB string', () => ({ name: 'x'.repeat(20_000_000) })],
];

describe('the backend worker under hostile payloads', () => {
  it.each(EDGE_CASES)(
    'answers %s on every channel without crashing or changing a row',
    async (_what, make) => {
      for (const channel of CHANNELS) {
        const before = snapshot(reader);
        // Some clone into valid input (a class instance becomes a plain object): those may save.
        const result = await backend.invoke(channel, make());
        expectTyped(result);
        if (!result.ok) expect(snapshot(reader)).toBe(before);
      }
      // As a channel name, too.
      expect(await backend.invoke(make(), {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      await expectAlive();
    },
  );

  it('answers arbitrary structured-clone values on every channel with typed envelopes', async () => {
    const anything = fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
      withBoxedValues: true,
      withObjectString: true,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHANNELS),
        fc.oneof(
          anything,
          fc.constantFrom(...CHANNELS).chain((c) => hostilePayload(c, ids)),
        ),
        async (channel, payload) => {
          const before = snapshot(reader);
          const result = await backend.invoke(channel, payload);
          expectTyped(result);
          if (!result.ok) expect(snapshot(reader)).toBe(before);
        },
      ),
      { numRuns: 300 },
    );
    await expectAlive();
  });
});
