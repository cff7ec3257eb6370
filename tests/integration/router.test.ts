// The router's promises: validation before anything runs, typed errors, no stack traces.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/channels';
import { AppError } from '../../shared/errors';
import { createRouter, type Handlers } from '../../electron/ipc/router';
import { openTestBackend, seedGroup, type TestBackend } from './backend-fixture';

let backend: TestBackend;
beforeEach(async () => {
  backend = await openTestBackend();
});
afterEach(() => backend.close());

const MALFORMED: unknown[] = [
  undefined,
  null,
  42,
  'group.create',
  [],
  [{ name: 'x' }],
  { unexpected: true },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
  { id: "'; DROP TABLE situations; --" },
  { groupId: 'not-an-id', name: 'A', situationId: 'x', authorId: 'y', presenterId: 'z', title: 'T' },
  { name: 'x'.repeat(100_000), title: 7, kind: 'rant', body: { nested: { deeper: [] } } },
];

describe('route', () => {
  it('refuses an unknown channel with VALIDATION and changes nothing', async () => {
    const before = backend.snapshot();
    for (const channel of ['nope', '', 'group.drop', 42, null, '__proto__', 'constructor']) {
      const result = await backend.route(channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(backend.snapshot()).toBe(before);
  });

  it.each(CHANNELS)(
    'refuses malformed payloads on %s with VALIDATION and changes no row',
    async (channel) => {
      await seedGroup(backend);
      const before = backend.snapshot();
      for (const payload of MALFORMED) {
        const result = await backend.route(channel, payload);
        expect(result.ok, `${channel} accepted malformed payload #${MALFORMED.indexOf(payload)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('VALIDATION');
          expect(result.error.message.length).toBeGreaterThan(10);
        }
      }
      expect(backend.snapshot()).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('turns an unexpected exception into INTERNAL without a stack trace', async () => {
    const log = vi.fn();
    const handlers = {
      'group.list': () => {
        throw new Error('SQLITE_IOERR at /home/someone/secret/path.db');
      },
    } as unknown as Handlers;
    const route = createRouter(handlers, log);
    const result = await route('group.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/secret|SQLITE_IOERR|at /);
    expect(log).toHaveBeenCalledOnce();
  });

  it('passes an AppError through with its code and message', async () => {
    const handlers = {
      'group.list': () => {
        throw new AppError('PHASE_RULE', 'Advice waits for the Advise phase.');
      },
    } as unknown as Handlers;
    const result = await createRouter(handlers)('group.list', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'PHASE_RULE', message: 'Advice waits for the Advise phase.' },
    });
  });

  it('answers with the contract message for a field the user filled wrongly', async () => {
    const result = await backend.route('group.create', { name: '   ' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'The group name cannot be empty.' },
    });
  });
});
