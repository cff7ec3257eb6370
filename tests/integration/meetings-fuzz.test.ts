// Property tests for the live-meeting channels over a meeting in session: arbitrary and near-valid
// payloads (real ids among them) get typed envelopes, never INTERNAL, and a refusal changes no row.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/channels';
import { ERROR_CODES } from '../../shared/errors';
import type { TestBackend } from './backend-fixture';
import { hostilePayload, type SeededIds } from './hostile-payloads';
import { processUpTo, openLiveForum } from './meeting-fixture';

const MEETING_CHANNELS = CHANNELS.slice(
  CHANNELS.indexOf('meeting.plan'),
  CHANNELS.indexOf('wrapup.record') + 1,
);

let backend: TestBackend;
let ids: SeededIds;

beforeAll(async () => {
  const opened = await openLiveForum();
  backend = opened.backend;
  const { forum } = opened;
  const view = await processUpTo(backend, forum, forum.situations.teamwork.id, 'commit');
  const commitment = await backend.call('commitment.add', {
    meetingId: forum.meetingId,
    situationId: forum.situations.teamwork.id,
    ownerId: forum.members.ana.id,
    body: 'Merge the pipeline reviews',
    dueDate: '2025-06-05',
  });
  const point = await backend.call('contribution.add', {
    situationId: forum.situations.teamwork.id,
    authorId: forum.members.ben.id,
    kind: 'advice',
    body: 'One shared bonus.',
  });
  const [tag] = await backend.call('situation.tag', {
    situationId: forum.situations.teamwork.id,
    name: 'teamwork',
  });
  const [other] = await backend.call('situation.tag', {
    situationId: forum.situations.teamwork.id,
    name: 'bonus',
  });
  ids = {
    groupId: forum.group.id,
    chairId: forum.members.dana.id,
    memberId: forum.members.ben.id,
    situationId: forum.situations.exit.id,
    contributionId: point.id,
    tagId: tag!.id,
    otherTagId: other!.id,
    meetingId: forum.meetingId,
    agendaItemId: view.currentItemId!,
    commitmentId: commitment.id,
  };
});
afterAll(() => backend.close());

describe('live-meeting channels under hostile input', () => {
  it.each(MEETING_CHANNELS)(
    '%s answers with typed envelopes and changes nothing when it refuses',
    async (channel) => {
      await fc.assert(
        fc.asyncProperty(hostilePayload(channel, ids), async (payload) => {
          const before = backend.snapshot();
          const result = await backend.route(channel, payload);
          if (result.ok) return;
          expect(ERROR_CODES).toContain(result.error.code);
          expect(result.error.code, result.error.message).not.toBe('INTERNAL');
          expect(result.error.message.length).toBeGreaterThan(10);
          expect(backend.snapshot()).toBe(before);
        }),
        { numRuns: 100 },
      );
    },
  );
});
