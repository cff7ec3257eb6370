// commitment.add, commitment.review and followup.list through the router over a temp database file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from './backend-fixture';
import {
  MEETING_DAY,
  MINUTE,
  UNKNOWN_ID,
  expectRefusal,
  openLiveForum,
  processUpTo,
  type Forum,
  type TestClock,
} from './meeting-fixture';

const DAY = 24 * 60 * MINUTE;

let backend: TestBackend;
let clock: TestClock;
let forum: Forum;
let meetingId: string;
let situationId: string;
beforeEach(async () => {
  ({ backend, clock, forum, meetingId, situationId } = await openLiveForum());
});
afterEach(() => backend.close());

const commitment = (extra: Record<string, unknown> = {}) => ({
  meetingId,
  situationId,
  ownerId: forum.members.ana.id,
  body: 'Merge the two account teams’ pipeline reviews',
  dueDate: '2025-06-05',
  ...extra,
});

/** The next month's meeting, live, with everyone present. */
async function nextMeeting() {
  clock.advance(28 * DAY);
  const next = await backend.call('meeting.plan', {
    groupId: forum.group.id,
    startsAt: MEETING_DAY + 28 * DAY,
  });
  await backend.call('meeting.start', { meetingId: next.meeting.id });
  for (const m of Object.values(forum.members)) {
    await backend.call('attendance.mark', { meetingId: next.meeting.id, memberId: m.id, status: 'present' });
  }
  return next.meeting.id;
}

describe('commitment.add', () => {
  it('records a commitment with its owner and due day in the Commit phase', async () => {
    await processUpTo(backend, forum, situationId, 'commit');
    const saved = await backend.call('commitment.add', commitment());
    expect(saved).toEqual({
      id: expect.any(String) as string,
      situationId,
      ownerId: forum.members.ana.id,
      ownerName: 'Ana Ruiz',
      body: 'Merge the two account teams’ pipeline reviews',
      dueAt: Date.UTC(2025, 5, 5),
      status: 'open',
      outcome: '',
      helpedContributionIds: [],
    });
    const thread = await backend.call('situation.get', { id: situationId });
    expect(thread.commitments.map((k) => k.id)).toEqual([saved.id]);
    const { version } = await backend.call('meeting.get', { meetingId });
    expect(backend.events).toContainEqual({ name: 'meeting.changed', payload: { meetingId, version } });
    expect(backend.events).toContainEqual({
      name: 'archive.changed',
      payload: { records: ['commitment'], situationIds: [situationId] },
    });
  });

  it('takes a due day from the first of 1900 to the last of 2999', async () => {
    await processUpTo(backend, forum, situationId, 'commit');
    const first = await backend.call('commitment.add', commitment({ dueDate: '1900-01-01' }));
    const last = await backend.call('commitment.add', commitment({ dueDate: '2999-12-31' }));
    expect([first.dueAt, last.dueAt]).toEqual([Date.UTC(1900, 0, 1), Date.UTC(2999, 11, 31)]);
  });

  it('refuses a commitment before Commit with PHASE_RULE, and records one let through by an override', async () => {
    await processUpTo(backend, forum, situationId, 'reflect');
    await expectRefusal(backend, 'commitment.add', commitment(), {
      code: 'PHASE_RULE',
      message: 'Commitments are recorded in the Commit phase, not in Reflect.',
    });
    const saved = await backend.call('commitment.add', commitment({ override: true }));
    const view = await backend.call('meeting.get', { meetingId });
    expect(view.overrides).toEqual([
      expect.objectContaining({
        rule: 'commit_phase',
        action: 'commitment.add',
        phase: 'reflect',
        memberId: forum.members.ana.id,
        recordId: saved.id,
      }),
    ]);
  });

  it('refuses a commitment without an owner, with an unreadable due date or one outside 1900 to 2999, or an unknown owner, writing nothing', async () => {
    await processUpTo(backend, forum, situationId, 'commit');
    const { ownerId: _owner, ...ownerless } = commitment();
    await expectRefusal(backend, 'commitment.add', ownerless, {
      code: 'VALIDATION',
      message: 'A commitment needs an owner: pick who will do it.',
    });
    await expectRefusal(backend, 'commitment.add', commitment({ ownerId: null }), {
      code: 'VALIDATION',
      message: 'A commitment needs an owner: pick who will do it.',
    });
    await expectRefusal(backend, 'commitment.add', commitment({ dueDate: 'next Friday' }), {
      code: 'VALIDATION',
      message: 'The due date must be a date like 2025-03-31.',
    });
    await expectRefusal(backend, 'commitment.add', commitment({ dueDate: '2025-02-30' }), {
      code: 'VALIDATION',
      message: 'The due date is not a day of the calendar.',
    });
    await expectRefusal(backend, 'commitment.add', commitment({ dueDate: '2025-99-99' }), {
      code: 'VALIDATION',
    });
    for (const dueDate of ['0000-01-01', '0025-06-05', '1899-12-31', '3000-01-01', '9999-12-31']) {
      await expectRefusal(backend, 'commitment.add', commitment({ dueDate }), {
        code: 'VALIDATION',
        message: 'The due date must fall in the years 1900 to 2999.',
      });
    }
    await expectRefusal(backend, 'commitment.add', commitment({ ownerId: UNKNOWN_ID }), {
      code: 'NOT_FOUND',
    });
    await expectRefusal(backend, 'commitment.add', commitment({ body: ' ' }), {
      code: 'VALIDATION',
      message: 'The commitment cannot be empty.',
    });
    await expectRefusal(backend, 'commitment.add', commitment({ situationId: forum.situations.exit.id }), {
      code: 'PHASE_RULE',
    });
  });
});

describe('commitment.review', () => {
  async function madeAndAdvised() {
    await processUpTo(backend, forum, situationId, 'advise');
    const advice = await backend.call('contribution.add', {
      situationId,
      meetingId,
      authorId: forum.members.ben.id,
      kind: 'advice',
      body: 'Run one pipeline review for both teams.',
    });
    await backend.call('phase.start', { meetingId, phase: 'reflect' });
    const question = await backend.call('contribution.add', {
      situationId,
      meetingId,
      authorId: forum.members.ana.id,
      kind: 'observation',
      body: 'I heard: one review.',
    });
    await backend.call('phase.start', { meetingId, phase: 'commit' });
    const made = await backend.call('commitment.add', commitment());
    await backend.call('meeting.close', { meetingId });
    return { advice, question, made };
  }

  it('records the outcome at a later meeting with the advice that helped', async () => {
    const { advice, made } = await madeAndAdvised();
    const next = await nextMeeting();
    const reviewed = await backend.call('commitment.review', {
      meetingId: next,
      commitmentId: made.id,
      outcome: 'partly',
      text: 'One review, but the teams still split bonuses.',
      helpedContributionIds: [advice.id],
    });
    expect(reviewed).toMatchObject({
      status: 'partly',
      outcome: 'One review, but the teams still split bonuses.',
      helpedContributionIds: [advice.id],
    });
    const again = await backend.call('commitment.review', {
      meetingId: next,
      commitmentId: made.id,
      outcome: 'done',
    });
    expect(again).toMatchObject({ status: 'done', outcome: '', helpedContributionIds: [] });
    const found = await backend.call('archive.search', { query: 'bonuses' });
    expect(found.total).toBe(0);
  });

  it('refuses a review at the same meeting, an observation as helpful advice and an unknown outcome', async () => {
    const { question, made } = await madeAndAdvised();
    await backend.call('meeting.reopen', { meetingId });
    await expectRefusal(
      backend,
      'commitment.review',
      { meetingId, commitmentId: made.id, outcome: 'done' },
      {
        code: 'CONFLICT',
        message: 'A commitment is reviewed at a later meeting than the one it was made at.',
      },
    );
    const next = await nextMeeting();
    await expectRefusal(
      backend,
      'commitment.review',
      { meetingId: next, commitmentId: made.id, outcome: 'done', helpedContributionIds: [question.id] },
      { code: 'VALIDATION', message: 'Only advice given on this situation can be marked as having helped.' },
    );
    await expectRefusal(
      backend,
      'commitment.review',
      { meetingId: next, commitmentId: made.id, outcome: 'maybe' },
      { code: 'VALIDATION', message: 'An outcome is done, partly or not done.' },
    );
    await expectRefusal(
      backend,
      'commitment.review',
      { meetingId: next, commitmentId: UNKNOWN_ID, outcome: 'done' },
      { code: 'NOT_FOUND', message: 'That commitment no longer exists.' },
    );
  });
});

describe('followup.list', () => {
  it('lists every open commitment of the group and each earlier presenter’s situation, marking past due', async () => {
    await processUpTo(backend, forum, situationId, 'commit');
    const late = await backend.call('commitment.add', commitment({ dueDate: '2025-05-20' }));
    const onTime = await backend.call(
      'commitment.add',
      commitment({ dueDate: '2025-07-01', body: 'Hire a sales lead' }),
    );
    await processUpTo(backend, forum, forum.situations.exit.id, 'commit');
    const done = await backend.call('commitment.add', {
      ...commitment({ situationId: forum.situations.exit.id, ownerId: forum.members.ben.id }),
      body: 'Get a valuation',
    });
    await backend.call('meeting.close', { meetingId });

    const next = await nextMeeting();
    await backend.call('commitment.review', { meetingId: next, commitmentId: done.id, outcome: 'done' });
    const followUp = await backend.call('followup.list', { meetingId: next });
    // By due day; the one reviewed here stays listed with its outcome.
    expect(
      followUp.commitments.map((k) => [k.id, k.status, k.pastDue, k.presenterName, k.meetingId]),
    ).toEqual([
      [late.id, 'open', true, 'Ana Ruiz', meetingId],
      [done.id, 'done', false, 'Ben Okafor', meetingId],
      [onTime.id, 'open', false, 'Ana Ruiz', meetingId],
    ]);
    expect(
      followUp.situations.map((s) => [s.presenterName, s.processedAtMeetingId, s.commitmentIds.length]),
    ).toEqual([
      ['Ana Ruiz', meetingId, 2],
      ['Ben Okafor', meetingId, 1],
    ]);
    // The meeting where they were made does not follow them up.
    const same = await backend.call('followup.list', { meetingId });
    expect(same.commitments).toEqual([]);
    await expectRefusal(backend, 'followup.list', { meetingId: UNKNOWN_ID }, { code: 'NOT_FOUND' });
  });
});
