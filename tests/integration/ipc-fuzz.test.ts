// Property tests: every contract channel, called through the router with arbitrary payloads, answers
// with a typed error envelope (never INTERNAL) for bad input, and a refusal changes no row.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/channels';
import { ERROR_CODES, type Envelope } from '../../shared/errors';
import { openTestBackend, seedGroup, type TestBackend } from './backend-fixture';
import { NOT_PLAIN_DATA } from '../../electron/ipc/plain-input';
import {
  hostilePayload,
  nested,
  nonPlainPayloads,
  pollutionPayloads,
  unknownChannel,
  validInputs,
  withBrokenText,
  HUGE,
  type SeededIds,
} from './hostile-payloads';

let backend: TestBackend;
let ids: SeededIds;

beforeAll(async () => {
  backend = await openTestBackend();
  const { group, chair, ana } = await seedGroup(backend);
  const situation = await backend.call('situation.create', {
    groupId: group.id,
    presenterId: ana.id,
    title: 'How do I build teamwork across account teams?',
  });
  const point = await backend.call('contribution.add', {
    situationId: situation.id,
    authorId: chair.id,
    kind: 'advice',
    body: 'Schedule meetings with the full account staff.',
  });
  const [tag] = await backend.call('situation.tag', { situationId: situation.id, name: 'teamwork' });
  const [other] = await backend.call('situation.tag', { situationId: situation.id, name: 'accounts' });
  ids = {
    groupId: group.id,
    chairId: chair.id,
    memberId: ana.id,
    situationId: situation.id,
    contributionId: point.id,
    tagId: tag!.id,
    otherTagId: other!.id,
  };
});
afterAll(() => backend.close());

/** The shape every answer must have; a failure must carry a known code and a sentence, never INTERNAL. */
function expectTypedEnvelope(result: Envelope<unknown>): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) return;
  expect(ERROR_CODES).toContain(result.error.code);
  expect(result.error.code, result.error.message).not.toBe('INTERNAL');
  expect(typeof result.error.message).toBe('string');
  expect(result.error.message.length).toBeGreaterThan(10);
  expect(result.error.message).not.toMatch(/\n\s+at /);
}

describe('IPC fuzzing through the router', () => {
  it.each(CHANNELS)(
    '%s answers arbitrary payloads with typed envelopes, changing nothing when it refuses',
    async (channel) => {
      await fc.assert(
        fc.asyncProperty(hostilePayload(channel, ids), async (payload) => {
          const before = backend.snapshot();
          const result = await backend.route(channel, payload);
          expectTypedEnvelope(result);
          if (!result.ok) expect(backend.snapshot()).toBe(before);
        }),
        { numRuns: 200 },
      );
    },
  );

  it('answers unknown channel names with VALIDATION and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(unknownChannel, fc.anything({ maxDepth: 2 }), async (channel, payload) => {
        const before = backend.snapshot();
        const result = await backend.route(channel, payload);
        expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
        expect(backend.snapshot()).toBe(before);
      }),
      { numRuns: 200 },
    );
  });

  it.each(CHANNELS)(
    '%s refuses huge strings, deep nesting and prototype keys in every field',
    async (channel) => {
      const before = backend.snapshot();
      for (const value of [HUGE, nested(20_000), ...pollutionPayloads()]) {
        for (const payload of [
          value,
          { name: value, groupId: value, situationId: value, query: value, body: value },
        ]) {
          const result = await backend.route(channel, payload);
          expect(result.ok).toBe(false);
          expectTypedEnvelope(result);
        }
      }
      expect(backend.snapshot()).toBe(before);
    },
  );

  it.each(CHANNELS)(
    '%s refuses an Error, a Date, a Map, a class instance or inherited fields, reading none of them',
    async (channel) => {
      let reads = 0;
      const before = backend.snapshot();
      for (const { label, payload } of nonPlainPayloads(validInputs(ids)[channel], () => reads++)) {
        const result = await backend.route(channel, payload);
        expect(result, label).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION', message: NOT_PLAIN_DATA },
        });
      }
      expect(reads).toBe(0);
      expect(backend.snapshot()).toBe(before);
    },
  );

  it.each(CHANNELS)(
    '%s refuses a lone surrogate in any text it is given, changing nothing',
    async (channel) => {
      const before = backend.snapshot();
      for (const { path, payload } of withBrokenText(validInputs(ids)[channel])) {
        const result = await backend.route(channel, payload);
        expect(result, path).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
        expectTypedEnvelope(result);
      }
      expect(backend.snapshot()).toBe(before);
    },
  );

  it('never pollutes Object.prototype', () => {
    const probe = {} as Record<string, unknown>;
    expect(probe.polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
