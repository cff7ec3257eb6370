// meeting.*, attendance.mark and wrapup.record through the router over a temp database file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from './backend-fixture';
import {
  EXPERIENCE_TEMPLATE,
  MEETING_DAY,
  MINUTE,
  UNKNOWN_ID,
  expectRefusal,
  openMeetingBackend,
  processUpTo,
  seedForum,
  startWithEveryone,
  type Forum,
  type TestClock,
} from './meeting-fixture';

let backend: TestBackend;
let clock: TestClock;
let forum: Forum;
beforeEach(async () => {
  ({ backend, clock } = await openMeetingBackend());
  forum = await seedForum(backend);
});
afterEach(() => backend.close());

describe('meeting.plan', () => {
  it('plans a meeting with every member expected and the default agenda, and signals the change', () => {
    const { planned } = forum;
    expect(planned.meeting).toMatchObject({
      groupId: forum.group.id,
      startsAt: MEETING_DAY,
      location: 'Whitfield office',
      status: 'planned',
      rating: null,
      adviceKind: 'advice',
      adviseLabel: 'Advise',
      phaseMinutes: { present: 5, clarify: 10, advise: 15, reflect: 5, commit: 5 },
    });
    expect(planned.attendance.map((a) => [a.name, a.status])).toEqual([
      ['Ana Ruiz', 'expected'],
      ['Ben Okafor', 'expected'],
      ['Chen Li', 'expected'],
      ['Dana Whitfield', 'expected'],
      ['Eve Marsh', 'expected'],
      ['Farid Haddad', 'expected'],
    ]);
    expect(planned.agenda.map((i) => [i.kind, i.minutes])).toEqual([
      ['opening', 10],
      ['updates', 40],
      ['follow_up', 10],
      ['issue_selection', 10],
      ['issue_processing', 45],
      ['wrap_up', 15],
    ]);
    expect(planned.clock).toEqual({
      startedAt: null,
      endedAt: null,
      pausedAt: null,
      pausedMs: 0,
      budgetMs: 130 * MINUTE,
    });
    expect(planned.parkingLot.map((p) => p.title)).toHaveLength(3);
    expect(backend.events).toContainEqual({
      name: 'meeting.changed',
      payload: { meetingId: forum.meetingId, version: planned.version },
    });
  });

  it('plans with chosen attendees and the "Experience sharing" template', async () => {
    const view = await backend.call('meeting.plan', {
      groupId: forum.group.id,
      startsAt: MEETING_DAY + 28 * 24 * 60 * MINUTE,
      attendeeIds: [forum.members.ana.id, forum.members.ben.id, forum.members.ana.id],
      templateId: EXPERIENCE_TEMPLATE,
    });
    expect(view.attendance.map((a) => a.name)).toEqual(['Ana Ruiz', 'Ben Okafor']);
    expect(view.meeting).toMatchObject({ adviceKind: 'experience', adviseLabel: 'Experience sharing' });
  });

  it('refuses a member of another group, an unknown template and a date that is no time, writing nothing', async () => {
    const other = await backend.call('group.create', { name: 'YPO Hill Country' });
    const stranger = await backend.call('member.create', { groupId: other.id, name: 'Sam Adler' });
    const base = { groupId: forum.group.id, startsAt: MEETING_DAY };
    await expectRefusal(
      backend,
      'meeting.plan',
      { ...base, attendeeIds: [stranger.id] },
      {
        code: 'VALIDATION',
        message: 'Sam Adler is not a member of this group.',
      },
    );
    await expectRefusal(backend, 'meeting.plan', { ...base, templateId: UNKNOWN_ID }, { code: 'NOT_FOUND' });
    await expectRefusal(
      backend,
      'meeting.plan',
      { ...base, startsAt: 'next Tuesday' },
      {
        code: 'VALIDATION',
        message: 'A date must be a point in time.',
      },
    );
    await expectRefusal(backend, 'meeting.plan', { ...base, groupId: UNKNOWN_ID }, { code: 'NOT_FOUND' });
  });

  it('refuses a start outside the years 1900 to 2999, writing nothing', async () => {
    for (const startsAt of [
      Date.parse('0000-01-01T00:00:00Z'),
      Date.UTC(1899, 11, 31, 23, 59),
      Date.UTC(3000, 0, 1),
      8.64e15,
    ]) {
      await expectRefusal(
        backend,
        'meeting.plan',
        { groupId: forum.group.id, startsAt },
        { code: 'VALIDATION', message: 'A date must fall in the years 1900 to 2999.' },
      );
    }
    const last = await backend.call('meeting.plan', {
      groupId: forum.group.id,
      startsAt: Date.UTC(2999, 11, 31, 18),
    });
    expect(last.meeting.startsAt).toBe(Date.UTC(2999, 11, 31, 18));
  });
});

describe('meeting.list and meeting.get', () => {
  it('lists a group’s meetings, latest first, with attendees and situations counted', async () => {
    const later = await backend.call('meeting.plan', {
      groupId: forum.group.id,
      startsAt: MEETING_DAY + 9 * MINUTE,
    });
    await startWithEveryone(backend, forum);
    await backend.call('selection.choose', {
      meetingId: forum.meetingId,
      situationIds: [forum.situations.exit.id],
    });
    const list = await backend.call('meeting.list', { groupId: forum.group.id });
    expect(list.map((m) => m.id)).toEqual([later.meeting.id, forum.meetingId]);
    expect(list[1]).toMatchObject({ status: 'live', attendeeCount: 6, situationCount: 1 });
    await expectRefusal(backend, 'meeting.list', { groupId: UNKNOWN_ID }, { code: 'NOT_FOUND' });
  });

  it('reads everything a live screen needs, with timers as timestamps', async () => {
    await startWithEveryone(backend, forum);
    clock.advance(2 * MINUTE);
    await processUpTo(backend, forum, forum.situations.teamwork.id, 'clarify');
    await backend.call('turn.start', { meetingId: forum.meetingId, memberId: forum.members.ben.id });
    clock.advance(MINUTE);
    const view = await backend.call('meeting.get', { meetingId: forum.meetingId });
    expect(view.now).toBe(clock.time);
    expect(view.clock.startedAt).toBe(MEETING_DAY);
    expect(view.currentItemId).toBe(
      view.agenda.find((i) => i.situationId === forum.situations.teamwork.id)?.id,
    );
    expect(view.currentPhase).toMatchObject({ phase: 'clarify', minutes: 10 });
    expect(view.currentTurn).toMatchObject({ memberName: 'Ben Okafor', phase: 'clarify' });
    expect(view.round?.slots.map((s) => s.memberName)).not.toContain('Ana Ruiz');
    expect(view.paused).toBe(false);
    await expectRefusal(backend, 'meeting.get', { meetingId: UNKNOWN_ID }, { code: 'NOT_FOUND' });
  });
});

describe('meeting.start, meeting.close and meeting.reopen', () => {
  it('goes planned → live → closed → live again, stopping whatever runs at close', async () => {
    const live = await startWithEveryone(backend, forum);
    expect(live.meeting).toMatchObject({ status: 'live', startedAt: MEETING_DAY, closedAt: null });
    await processUpTo(backend, forum, forum.situations.teamwork.id, 'advise');
    await backend.call('turn.start', { meetingId: forum.meetingId });
    clock.advance(5 * MINUTE);
    const closed = await backend.call('meeting.close', { meetingId: forum.meetingId });
    expect(closed.meeting).toMatchObject({ status: 'closed', closedAt: clock.time });
    expect(closed.currentItemId).toBeNull();
    expect(closed.currentPhase).toBeNull();
    expect(closed.currentTurn).toBeNull();
    expect(closed.clock.endedAt).toBe(clock.time);
    const thread = await backend.call('situation.get', { id: forum.situations.teamwork.id });
    expect(thread.situation.status).toBe('processed');

    const reopened = await backend.call('meeting.reopen', { meetingId: forum.meetingId });
    expect(reopened.meeting).toMatchObject({ status: 'live', closedAt: null, startedAt: MEETING_DAY });
  });

  it('refuses starting twice, closing a planned meeting and reopening an open one, writing nothing', async () => {
    await expectRefusal(
      backend,
      'meeting.close',
      { meetingId: forum.meetingId },
      {
        code: 'CONFLICT',
        message: 'This meeting has not started yet. Start it first.',
      },
    );
    await expectRefusal(backend, 'meeting.reopen', { meetingId: forum.meetingId }, { code: 'CONFLICT' });
    await backend.call('meeting.start', { meetingId: forum.meetingId });
    await expectRefusal(
      backend,
      'meeting.start',
      { meetingId: forum.meetingId },
      {
        code: 'CONFLICT',
        message: 'This meeting is already under way.',
      },
    );
    await expectRefusal(backend, 'meeting.start', { meetingId: UNKNOWN_ID }, { code: 'NOT_FOUND' });
  });

  it('keeps a closed meeting read-only: every write is a CONFLICT with a sentence', async () => {
    const view = await startWithEveryone(backend, forum);
    await backend.call('meeting.close', { meetingId: forum.meetingId });
    const meetingId = forum.meetingId;
    const closed = { code: 'CONFLICT' as const, message: /closed, so it is read-only/ };
    await expectRefusal(backend, 'meeting.close', { meetingId }, closed);
    await expectRefusal(backend, 'meeting.start', { meetingId }, closed);
    await expectRefusal(
      backend,
      'attendance.mark',
      { meetingId, memberId: forum.members.ana.id, status: 'late' },
      closed,
    );
    await expectRefusal(backend, 'agenda.update', { itemId: view.agenda[0]!.id, minutes: 3 }, closed);
    await expectRefusal(backend, 'segment.start', { meetingId, itemId: view.agenda[0]!.id }, closed);
    await expectRefusal(backend, 'timer.pause', { meetingId }, closed);
    await expectRefusal(backend, 'timer.resume', { meetingId }, closed);
    await expectRefusal(
      backend,
      'wrapup.record',
      { meetingId, memberId: forum.members.ana.id, rating: 9 },
      closed,
    );
    await expectRefusal(backend, 'selection.choose', { meetingId, situationIds: [] }, closed);
    const { ana, ben } = forum.members;
    const situationId = forum.situations.teamwork.id;
    const itemId = view.agenda[0]!.id;
    await expectRefusal(
      backend,
      'agenda.fromTemplate',
      { meetingId, templateId: EXPERIENCE_TEMPLATE },
      closed,
    );
    await expectRefusal(
      backend,
      'agenda.reorder',
      { meetingId, itemIds: view.agenda.map((i) => i.id) },
      closed,
    );
    await expectRefusal(backend, 'agenda.add', { meetingId, title: 'Guest speaker', minutes: 30 }, closed);
    await expectRefusal(backend, 'agenda.remove', { itemId }, closed);
    await expectRefusal(backend, 'vote.record', { meetingId, memberId: ana.id, votes: [] }, closed);
    await expectRefusal(backend, 'phase.start', { meetingId, phase: 'present', override: true }, closed);
    await expectRefusal(backend, 'turn.start', { meetingId, memberId: ana.id }, closed);
    await expectRefusal(backend, 'turn.end', { meetingId }, closed);
    await expectRefusal(backend, 'round.order', { meetingId, action: 'shuffle', seed: 1 }, closed);
    await expectRefusal(
      backend,
      'contribution.add',
      { situationId, authorId: ben.id, kind: 'advice', body: 'Pay one bonus.', meetingId, override: true },
      closed,
    );
    await expectRefusal(
      backend,
      'commitment.add',
      {
        meetingId,
        situationId,
        ownerId: ana.id,
        body: 'Merge the reviews',
        dueDate: '2025-06-05',
        override: true,
      },
      closed,
    );
    await expectRefusal(
      backend,
      'commitment.review',
      { meetingId, commitmentId: UNKNOWN_ID, outcome: 'done' },
      closed,
    );
    const draft = { meetingId, authorId: ben.id, context: `advise:${situationId}` };
    await expectRefusal(backend, 'draft.save', { ...draft, body: 'Half a thought' }, closed);
    await expectRefusal(backend, 'draft.discard', draft, closed);
  });
});

describe('attendance.mark', () => {
  it('marks members present, late or absent, keeping the first arrival time', async () => {
    await backend.call('meeting.start', { meetingId: forum.meetingId });
    const meetingId = forum.meetingId;
    clock.advance(12 * MINUTE);
    let view = await backend.call('attendance.mark', {
      meetingId,
      memberId: forum.members.eve.id,
      status: 'late',
    });
    expect(view.attendance.find((a) => a.name === 'Eve Marsh')).toMatchObject({
      status: 'late',
      arrivedAt: MEETING_DAY + 12 * MINUTE,
    });
    view = await backend.call('attendance.mark', {
      meetingId,
      memberId: forum.members.farid.id,
      status: 'absent',
    });
    expect(view.attendance.find((a) => a.name === 'Farid Haddad')).toMatchObject({
      status: 'absent',
      arrivedAt: null,
    });
    // A guest who was not expected joins the list.
    const guest = await backend.call('member.create', {
      groupId: forum.group.id,
      name: 'Gia Guest',
      role: 'guest',
    });
    view = await backend.call('attendance.mark', { meetingId, memberId: guest.id, status: 'present' });
    expect(view.attendance.map((a) => a.name)).toContain('Gia Guest');
  });

  it('refuses an unknown member, a member of another group and an unknown status, writing nothing', async () => {
    const other = await backend.call('group.create', { name: 'EO Austin' });
    const stranger = await backend.call('member.create', { groupId: other.id, name: 'Sam Adler' });
    const meetingId = forum.meetingId;
    await expectRefusal(
      backend,
      'attendance.mark',
      { meetingId, memberId: UNKNOWN_ID, status: 'present' },
      { code: 'NOT_FOUND' },
    );
    await expectRefusal(
      backend,
      'attendance.mark',
      { meetingId, memberId: stranger.id, status: 'present' },
      { code: 'VALIDATION' },
    );
    await expectRefusal(
      backend,
      'attendance.mark',
      { meetingId, memberId: forum.members.ana.id, status: 'asleep' },
      { code: 'VALIDATION', message: 'Mark a member present, late or absent.' },
    );
  });
});

describe('wrapup.record', () => {
  it('records takeaways and ratings per attendee and keeps the average', async () => {
    await startWithEveryone(backend, forum);
    const meetingId = forum.meetingId;
    await backend.call('wrapup.record', {
      meetingId,
      memberId: forum.members.ana.id,
      takeaway: 'Share the pipeline',
      rating: 9,
    });
    await backend.call('wrapup.record', { meetingId, memberId: forum.members.ben.id, rating: 8 });
    let wrapUp = await backend.call('wrapup.record', {
      meetingId,
      memberId: forum.members.chen.id,
      takeaway: 'Hire slowly',
    });
    expect(wrapUp.averageRating).toBe(8.5);
    wrapUp = await backend.call('wrapup.record', {
      meetingId,
      memberId: forum.members.ben.id,
      takeaway: 'Wait a year',
      rating: 10,
    });
    expect(wrapUp.entries.map((e) => [e.memberName, e.takeaway, e.rating])).toEqual([
      ['Ana Ruiz', 'Share the pipeline', 9],
      ['Ben Okafor', 'Wait a year', 10],
      ['Chen Li', 'Hire slowly', null],
    ]);
    expect(wrapUp.averageRating).toBe(9.5);
    const view = await backend.call('meeting.get', { meetingId });
    expect(view.meeting.rating).toBe(9.5);
    expect(view.wrapUp.averageRating).toBe(9.5);
  });

  it('refuses a rating of 11, a rating of 7.5 and an absent member, writing nothing', async () => {
    await startWithEveryone(backend, forum);
    const meetingId = forum.meetingId;
    const rating = { code: 'VALIDATION' as const, message: 'A rating is a whole number from 1 to 10.' };
    await expectRefusal(
      backend,
      'wrapup.record',
      { meetingId, memberId: forum.members.ana.id, rating: 11 },
      rating,
    );
    await expectRefusal(
      backend,
      'wrapup.record',
      { meetingId, memberId: forum.members.ana.id, rating: 7.5 },
      rating,
    );
    await expectRefusal(
      backend,
      'wrapup.record',
      { meetingId, memberId: forum.members.ana.id, rating: 0 },
      rating,
    );
    await backend.call('attendance.mark', { meetingId, memberId: forum.members.farid.id, status: 'absent' });
    await expectRefusal(
      backend,
      'wrapup.record',
      { meetingId, memberId: forum.members.farid.id, rating: 7 },
      { code: 'VALIDATION', message: 'Farid Haddad is marked absent. Mark them present first.' },
    );
  });
});

describe('a situation edited while on an agenda', () => {
  it('signals the meetings not yet closed that hold it, so the chair’s screen and the projector show the new question', async () => {
    await startWithEveryone(backend, forum);
    await processUpTo(backend, forum, forum.situations.teamwork.id, 'present');
    backend.events.length = 0;
    await backend.call('situation.update', {
      id: forum.situations.teamwork.id,
      title: 'How do you build one team across accounts?',
    });
    const view = await backend.call('meeting.get', { meetingId: forum.meetingId });
    expect(backend.events).toContainEqual({
      name: 'meeting.changed',
      payload: { meetingId: forum.meetingId, version: view.version },
    });
    const slot = view.agenda.find((i) => i.situationId === forum.situations.teamwork.id);
    expect(slot?.situationTitle).toBe('How do you build one team across accounts?');

    // A situation on no agenda, and one whose meeting has closed, signal no meeting.
    backend.events.length = 0;
    await backend.call('situation.update', { id: forum.situations.coo.id, confidential: true });
    expect(backend.events.map((e) => e.name)).toEqual(['archive.changed']);
    await backend.call('meeting.close', { meetingId: forum.meetingId });
    backend.events.length = 0;
    await backend.call('situation.update', { id: forum.situations.teamwork.id, confidential: true });
    expect(backend.events.map((e) => e.name)).toEqual(['archive.changed']);
  });
});
