// segment.start, phase.start, timer.*, turn.*, round.order and airtime.list through the router over
// a temp database file, with a clock the test moves; and timers that survive a restart.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/ipc/router';
import { createHandlers } from '../../electron/services';
import { createStore } from '../../electron/store';
import { openDatabase } from '../../electron/store/database';
import { TEST_KEY } from '../harness/test-key';
import type { MeetingView } from '../../shared/domain';
import { elapsedMs, pace, remainingMs, roundRobinOrder } from '../../shared/phase-rules';
import type { TestBackend } from './backend-fixture';
import {
  MINUTE,
  UNKNOWN_ID,
  expectRefusal,
  openLiveForum,
  processUpTo,
  slotOf,
  type Forum,
  type TestClock,
} from './meeting-fixture';

let backend: TestBackend;
let clock: TestClock;
let forum: Forum;
let meetingId: string;
beforeEach(async () => {
  ({ backend, clock, forum, meetingId } = await openLiveForum());
});
afterEach(() => backend.close());

describe('segment.start', () => {
  it('moves the meeting to a segment, starting its timer and stopping the one before', async () => {
    const [opening, updates] = forum.planned.agenda;
    let view = await backend.call('segment.start', { meetingId, itemId: opening!.id });
    expect(view.currentItemId).toBe(opening!.id);
    clock.advance(11 * MINUTE);
    view = await backend.call('segment.start', { meetingId, itemId: updates!.id });
    const [o, u] = view.agenda;
    expect(o!.timer).toMatchObject({ startedAt: clock.time - 11 * MINUTE, endedAt: clock.time });
    expect(pace(o!.timer, view.now)).toBe('overtime');
    expect(u!.timer).toMatchObject({ startedAt: clock.time, endedAt: null });
    // Going back continues the segment's clock: the time away does not count.
    clock.advance(5 * MINUTE);
    view = await backend.call('segment.start', { meetingId, itemId: opening!.id });
    clock.advance(MINUTE);
    expect(elapsedMs(view.agenda[0]!.timer, clock.time)).toBe(12 * MINUTE);
  });

  it('refuses a segment of another meeting, the running one, and a meeting not started, writing nothing', async () => {
    const [opening] = forum.planned.agenda;
    await backend.call('segment.start', { meetingId, itemId: opening!.id });
    await expectRefusal(
      backend,
      'segment.start',
      { meetingId, itemId: opening!.id },
      { code: 'CONFLICT', message: '“Opening: check-in and confidentiality” is already running.' },
    );
    const other = await backend.call('meeting.plan', { groupId: forum.group.id, startsAt: 1 });
    await expectRefusal(
      backend,
      'segment.start',
      { meetingId, itemId: other.agenda[0]!.id },
      { code: 'NOT_FOUND', message: 'That segment is not on this meeting’s agenda.' },
    );
    await expectRefusal(
      backend,
      'segment.start',
      { meetingId: other.meeting.id, itemId: other.agenda[0]!.id },
      { code: 'CONFLICT', message: 'This meeting has not started yet. Start it first.' },
    );
  });
});

describe('phase.start', () => {
  it('runs the five phases in order, each with its timebox, and puts the situation in processing', async () => {
    const view = await processUpTo(backend, forum, forum.situations.teamwork.id, 'commit');
    expect(view.phaseRuns.map((r) => [r.phase, r.minutes, r.timer.endedAt === null])).toEqual([
      ['present', 5, false],
      ['clarify', 10, false],
      ['advise', 15, false],
      ['reflect', 5, false],
      ['commit', 5, true],
    ]);
    const thread = await backend.call('situation.get', { id: forum.situations.teamwork.id });
    expect(thread.situation.status).toBe('processing');
  });

  it('goes back one phase without an override, continuing that phase’s clock', async () => {
    await processUpTo(backend, forum, forum.situations.teamwork.id, 'clarify');
    clock.advance(4 * MINUTE);
    await backend.call('phase.start', { meetingId, phase: 'advise' });
    clock.advance(3 * MINUTE);
    const view = await backend.call('phase.start', { meetingId, phase: 'clarify' });
    clock.advance(MINUTE);
    expect(view.currentPhase).toMatchObject({ phase: 'clarify' });
    expect(remainingMs(view.currentPhase!.timer, clock.time)).toBe(5 * MINUTE);
    expect(view.overrides).toEqual([]);
  });

  it('refuses an impossible transition with PHASE_RULE, writing nothing', async () => {
    await processUpTo(backend, forum, forum.situations.teamwork.id, 'present');
    await expectRefusal(
      backend,
      'phase.start',
      { meetingId, phase: 'commit' },
      {
        code: 'PHASE_RULE',
        message: 'Going from Present to Commit skips Clarify, Advise and Reflect; that needs an override.',
      },
    );
    await expectRefusal(
      backend,
      'phase.start',
      { meetingId, phase: 'present' },
      { code: 'CONFLICT', message: 'Present is already running.' },
    );
    await expectRefusal(
      backend,
      'phase.start',
      { meetingId, phase: 'debate' },
      { code: 'VALIDATION', message: 'A phase is Present, Clarify, Advise, Reflect or Commit.' },
    );
  });

  it('lets the chair override a skip, and records who overrode which rule when', async () => {
    await processUpTo(backend, forum, forum.situations.teamwork.id, 'present');
    clock.advance(MINUTE);
    const view = await backend.call('phase.start', { meetingId, phase: 'advise', override: true });
    expect(view.currentPhase?.phase).toBe('advise');
    expect(view.overrides).toEqual([
      expect.objectContaining({
        rule: 'phase_skip',
        action: 'phase.start',
        phase: 'present',
        situationId: forum.situations.teamwork.id,
        recordId: view.currentPhase!.id,
        createdAt: clock.time,
      }),
    ]);
  });

  it('refuses phases outside an issue-processing segment with a chosen situation', async () => {
    await expectRefusal(
      backend,
      'phase.start',
      { meetingId, phase: 'present' },
      { code: 'CONFLICT', message: 'No segment is running; start one for the situation first.' },
    );
    await backend.call('segment.start', { meetingId, itemId: forum.planned.agenda[0]!.id });
    await expectRefusal(backend, 'phase.start', { meetingId, phase: 'present' }, { code: 'CONFLICT' });
  });
});

describe('timer.pause and timer.resume', () => {
  it('pause every running timer together and resume them where they stopped', async () => {
    await processUpTo(backend, forum, forum.situations.teamwork.id, 'advise');
    await backend.call('turn.start', { meetingId });
    clock.advance(2 * MINUTE);
    let view = await backend.call('timer.pause', { meetingId });
    expect(view.paused).toBe(true);
    clock.advance(10 * MINUTE);
    view = await backend.call('timer.resume', { meetingId });
    expect(view.paused).toBe(false);
    clock.advance(MINUTE);
    const item = view.agenda.find((i) => i.id === view.currentItemId)!;
    expect(elapsedMs(view.currentPhase!.timer, clock.time)).toBe(3 * MINUTE);
    expect(elapsedMs(view.currentTurn!.timer, clock.time)).toBe(3 * MINUTE);
    expect(elapsedMs(item.timer, clock.time)).toBe(3 * MINUTE);
  });

  it('refuses pausing twice, resuming what runs, and pausing with nothing running, writing nothing', async () => {
    await expectRefusal(
      backend,
      'timer.pause',
      { meetingId },
      { code: 'CONFLICT', message: 'No segment is running; start one before pausing.' },
    );
    await backend.call('segment.start', { meetingId, itemId: forum.planned.agenda[0]!.id });
    await expectRefusal(
      backend,
      'timer.resume',
      { meetingId },
      { code: 'CONFLICT', message: 'The timers are running; nothing to resume.' },
    );
    await backend.call('timer.pause', { meetingId });
    await expectRefusal(
      backend,
      'timer.pause',
      { meetingId },
      { code: 'CONFLICT', message: 'The timers are already paused.' },
    );
  });

  it('refuses a timer action on a closed meeting, writing nothing', async () => {
    await backend.call('segment.start', { meetingId, itemId: forum.planned.agenda[0]!.id });
    await backend.call('meeting.close', { meetingId });
    const closed = {
      code: 'CONFLICT' as const,
      message: 'This meeting is closed, so it is read-only. Reopen it to change anything.',
    };
    await expectRefusal(backend, 'timer.pause', { meetingId }, closed);
    await expectRefusal(backend, 'timer.resume', { meetingId }, closed);
    await expectRefusal(backend, 'turn.start', { meetingId }, closed);
    await expectRefusal(backend, 'phase.start', { meetingId, phase: 'present' }, closed);
  });

  it('resume exactly after a restart: the same remaining time comes from the stored timestamps', async () => {
    await processUpTo(backend, forum, forum.situations.teamwork.id, 'advise');
    clock.advance(4 * MINUTE + 30_000);
    await backend.call('turn.start', { meetingId });
    clock.advance(20_000);
    const before = await backend.call('meeting.get', { meetingId });
    const remaining = (view: MeetingView) => ({
      phase: remainingMs(view.currentPhase!.timer, clock.time),
      turn: remainingMs(view.currentTurn!.timer, clock.time),
      segment: remainingMs(view.agenda.find((i) => i.id === view.currentItemId)!.timer, clock.time),
    });
    expect(remaining(before)).toEqual({
      phase: 10 * MINUTE + 10_000,
      turn: 160_000,
      segment: 40 * MINUTE + 10_000,
    });

    // Restart: close the database and open it again with a new store and router, as the app would.
    backend.db.close();
    const db = await openDatabase(backend.dbPath, { key: TEST_KEY });
    const route = createRouter(
      createHandlers({ store: createStore(db), emit: () => undefined, now: clock.now }),
    );
    try {
      const answer = await route('meeting.get', { meetingId });
      if (!answer.ok) throw new Error(answer.error.message);
      const after = answer.value as MeetingView;
      expect(remaining(after)).toEqual(remaining(before));
      expect(after.currentTurn?.memberId).toBe(before.currentTurn?.memberId);
      clock.advance(MINUTE);
      expect(remaining(after).phase).toBe(9 * MINUTE + 10_000);
    } finally {
      db.close();
    }
  });
});

describe('turn.start, turn.end and round.order', () => {
  it('gives the floor in round-robin order, skipping the presenter, with the phase split among speakers', async () => {
    let view = await processUpTo(backend, forum, forum.situations.teamwork.id, 'advise');
    expect(view.round?.slots.map((s) => s.memberName)).toEqual([
      'Ben Okafor',
      'Chen Li',
      'Dana Whitfield',
      'Eve Marsh',
      'Farid Haddad',
    ]);
    view = await backend.call('turn.start', { meetingId });
    expect(view.currentTurn).toMatchObject({ memberName: 'Ben Okafor', phase: 'advise' });
    expect(view.currentTurn?.timer.budgetMs).toBe(3 * MINUTE);
    clock.advance(MINUTE);
    view = await backend.call('turn.start', { meetingId });
    expect(view.currentTurn?.memberName).toBe('Chen Li');
    expect(view.round?.slots.map((s) => s.status)).toEqual([
      'done',
      'speaking',
      'waiting',
      'waiting',
      'waiting',
    ]);
    view = await backend.call('turn.end', { meetingId });
    expect(view.currentTurn).toBeNull();
    expect(view.round?.nextSpeakerId).toBe(forum.members.dana.id);
    // In Reflect the presenter has the floor for the whole phase.
    await backend.call('phase.start', { meetingId, phase: 'reflect' });
    view = await backend.call('turn.start', { meetingId, memberId: forum.members.ana.id });
    expect(view.currentTurn).toMatchObject({ memberName: 'Ana Ruiz', phase: 'reflect' });
    expect(view.currentTurn?.timer.budgetMs).toBe(5 * MINUTE);
  });

  it('shuffles with a seed, skips a member and gives a second turn', async () => {
    await processUpTo(backend, forum, forum.situations.teamwork.id, 'advise');
    let view = await backend.call('round.order', { meetingId, action: 'shuffle', seed: 7 });
    const present = view.attendance.map((a) => a.memberId);
    expect(view.round?.slots.map((s) => s.memberId)).toEqual(
      roundRobinOrder(present, forum.members.ana.id, 7),
    );
    const first = view.round!.slots[0]!.memberId;
    view = await backend.call('round.order', { meetingId, action: 'skip', memberId: first });
    expect(view.round?.slots[0]?.status).toBe('skipped');
    expect(view.round?.nextSpeakerId).toBe(view.round?.slots[1]?.memberId);
    view = await backend.call('round.order', {
      meetingId,
      action: 'second_turn',
      memberId: forum.members.eve.id,
    });
    expect(view.round?.slots.at(-1)).toMatchObject({
      memberName: 'Eve Marsh',
      secondTurn: true,
      status: 'waiting',
    });
    view = await backend.call('round.order', { meetingId, action: 'natural' });
    expect(view.round?.slots.map((s) => s.memberName)[0]).toBe('Ben Okafor');
  });

  it('adds a late arrival at the end of the round', async () => {
    await backend.call('attendance.mark', { meetingId, memberId: forum.members.farid.id, status: 'absent' });
    await processUpTo(backend, forum, forum.situations.teamwork.id, 'advise');
    const before = await backend.call('round.order', { meetingId, action: 'natural' });
    expect(before.round?.slots.map((s) => s.memberName)).not.toContain('Farid Haddad');
    const view = await backend.call('attendance.mark', {
      meetingId,
      memberId: forum.members.farid.id,
      status: 'late',
    });
    expect(view.round?.slots.map((s) => s.memberName).at(-1)).toBe('Farid Haddad');
  });

  it('refuses the floor for an absent or unknown member, and when the round is over, writing nothing', async () => {
    await backend.call('attendance.mark', { meetingId, memberId: forum.members.farid.id, status: 'absent' });
    await processUpTo(backend, forum, forum.situations.teamwork.id, 'advise');
    await expectRefusal(
      backend,
      'turn.start',
      { meetingId, memberId: forum.members.farid.id },
      { code: 'VALIDATION', message: 'Farid Haddad is marked absent. Mark them present first.' },
    );
    await expectRefusal(backend, 'turn.start', { meetingId, memberId: UNKNOWN_ID }, { code: 'NOT_FOUND' });
    await expectRefusal(
      backend,
      'turn.end',
      { meetingId },
      { code: 'CONFLICT', message: 'Nobody has the floor.' },
    );
    await expectRefusal(backend, 'turn.start', { meetingId, seconds: 5 }, { code: 'VALIDATION' });
    await expectRefusal(
      backend,
      'round.order',
      { meetingId, action: 'skip' },
      { code: 'VALIDATION', message: 'Say which member this is for.' },
    );
    await expectRefusal(backend, 'round.order', { meetingId, action: 'reverse' }, { code: 'VALIDATION' });
    for (let i = 0; i < 4; i++) await backend.call('turn.start', { meetingId });
    await backend.call('turn.end', { meetingId });
    await expectRefusal(
      backend,
      'turn.start',
      { meetingId },
      {
        code: 'CONFLICT',
        message: 'Everyone in the round has spoken. Give someone a second turn, or move on.',
      },
    );
    await expectRefusal(
      backend,
      'round.order',
      { meetingId, action: 'skip', memberId: forum.members.ben.id },
      { code: 'CONFLICT', message: 'Ben Okafor has no turn waiting to skip.' },
    );
  });
});

describe('airtime.list', () => {
  it('sums each member’s speaking turns per situation, pauses left out', async () => {
    await processUpTo(backend, forum, forum.situations.teamwork.id, 'advise');
    await backend.call('turn.start', { meetingId, memberId: forum.members.ben.id });
    clock.advance(2 * MINUTE);
    await backend.call('timer.pause', { meetingId });
    clock.advance(5 * MINUTE);
    await backend.call('timer.resume', { meetingId });
    clock.advance(MINUTE);
    await backend.call('turn.start', { meetingId, memberId: forum.members.chen.id });
    clock.advance(MINUTE);
    await backend.call('turn.start', { meetingId, memberId: forum.members.ben.id });
    clock.advance(30_000);
    await backend.call('turn.end', { meetingId });
    const view = await backend.call('meeting.get', { meetingId });
    const airtime = await backend.call('airtime.list', {
      meetingId,
      situationId: forum.situations.teamwork.id,
    });
    expect(airtime.map((a) => [a.memberName, a.turns, a.ms])).toEqual([
      ['Ben Okafor', 2, 3 * MINUTE + 30_000],
      ['Chen Li', 1, MINUTE],
    ]);
    expect(slotOf(view, forum.situations.teamwork.id).situationId).toBe(forum.situations.teamwork.id);
    await expectRefusal(backend, 'airtime.list', { meetingId: UNKNOWN_ID }, { code: 'NOT_FOUND' });
  });
});
