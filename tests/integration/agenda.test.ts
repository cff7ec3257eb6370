// template.*, agenda.*, and the parking lot (situation.prioritize, vote.record, selection.choose)
// through the router over a temp database file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from './backend-fixture';
import {
  EXPERIENCE_TEMPLATE,
  FORUM_TEMPLATE,
  UNKNOWN_ID,
  expectRefusal,
  openMeetingBackend,
  processUpTo,
  seedForum,
  slotOf,
  startWithEveryone,
  type Forum,
} from './meeting-fixture';

let backend: TestBackend;
let forum: Forum;
beforeEach(async () => {
  ({ backend } = await openMeetingBackend());
  forum = await seedForum(backend);
});
afterEach(() => backend.close());

describe('template.list and template.save', () => {
  it('lists the built-in "Forum meeting" and "Experience sharing" templates first', async () => {
    const templates = await backend.call('template.list', {});
    expect(templates.map((t) => [t.id, t.name, t.adviceKind, t.builtin, t.segments.length])).toEqual([
      [EXPERIENCE_TEMPLATE, 'Experience sharing', 'experience', true, 6],
      [FORUM_TEMPLATE, 'Forum meeting', 'advice', true, 6],
    ]);
  });

  it('saves a new template, then changes its segments and minutes', async () => {
    const created = await backend.call('template.save', {
      name: 'Half-day forum',
      segments: [
        { kind: 'opening', title: 'Check-in', minutes: 5 },
        { kind: 'issue_processing', title: 'Issue processing', minutes: 40 },
      ],
    });
    expect(created).toMatchObject({
      name: 'Half-day forum',
      adviceKind: 'advice',
      adviseLabel: 'Advise',
      builtin: false,
      phaseMinutes: { present: 5, clarify: 10, advise: 15, reflect: 5, commit: 5 },
      segments: [
        { kind: 'opening', title: 'Check-in', minutes: 5, speakerMinutes: null },
        { kind: 'issue_processing', title: 'Issue processing', minutes: 40, speakerMinutes: null },
      ],
    });
    const updated = await backend.call('template.save', {
      templateId: created.id,
      name: 'Half-day forum',
      adviceKind: 'experience',
      adviseLabel: 'Experience sharing',
      phaseMinutes: { present: 4, clarify: 8, advise: 20, reflect: 4, commit: 4 },
      segments: [
        { kind: 'issue_processing', title: 'Issue processing', minutes: 40 },
        { kind: 'updates', title: 'Updates', minutes: 30, speakerMinutes: 5 },
        { kind: 'wrap_up', title: 'Wrap-up', minutes: 10 },
      ],
    });
    expect(updated.id).toBe(created.id);
    expect(updated.segments.map((s) => s.kind)).toEqual(['issue_processing', 'updates', 'wrap_up']);
    expect(updated.phaseMinutes.advise).toBe(20);
    expect(await backend.call('template.list', {})).toHaveLength(3);
  });

  it('refuses a taken name, no segments, an unknown template and bad minutes, writing nothing', async () => {
    const segments = [{ kind: 'opening' as const, title: 'Check-in', minutes: 5 }];
    await expectRefusal(
      backend,
      'template.save',
      { name: 'forum MEETING', segments },
      { code: 'CONFLICT', message: 'A template named “forum MEETING” already exists; choose another name.' },
    );
    await expectRefusal(
      backend,
      'template.save',
      { name: 'Empty', segments: [] },
      { code: 'VALIDATION', message: 'A template needs at least one segment.' },
    );
    await expectRefusal(
      backend,
      'template.save',
      { templateId: UNKNOWN_ID, name: 'X', segments },
      { code: 'NOT_FOUND' },
    );
    await expectRefusal(
      backend,
      'template.save',
      { name: 'Long', segments: [{ kind: 'opening', title: 'Check-in', minutes: 0 }] },
      { code: 'VALIDATION', message: 'A segment lasts a whole number of minutes, from 1 to 600.' },
    );
    await expectRefusal(backend, 'template.list', { all: true }, { code: 'VALIDATION' });
  });
});

describe('agenda.fromTemplate, agenda.reorder, agenda.update, agenda.add and agenda.remove', () => {
  it('rebuilds the agenda from a template, keeping the situations already chosen in its slot', async () => {
    const meetingId = forum.meetingId;
    await backend.call('selection.choose', { meetingId, situationIds: [forum.situations.exit.id] });
    const view = await backend.call('agenda.fromTemplate', { meetingId, templateId: EXPERIENCE_TEMPLATE });
    expect(view.meeting).toMatchObject({ templateId: EXPERIENCE_TEMPLATE, adviceKind: 'experience' });
    expect(view.agenda.map((i) => [i.kind, i.situationTitle, i.minutes])).toEqual([
      ['opening', null, 10],
      ['updates', null, 40],
      ['follow_up', null, 10],
      ['issue_selection', null, 10],
      ['issue_processing', 'Should I sell the company now or in two years?', 45],
      ['wrap_up', null, 15],
    ]);
    expect(view.agenda.map((i) => i.position)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('reorders, retitles, retimes, adds and removes segments', async () => {
    const meetingId = forum.meetingId;
    const ids = forum.planned.agenda.map((i) => i.id);
    let view = await backend.call('agenda.reorder', {
      meetingId,
      itemIds: [ids[1]!, ids[0]!, ...ids.slice(2)],
    });
    expect(view.agenda.map((i) => i.kind).slice(0, 2)).toEqual(['updates', 'opening']);
    view = await backend.call('agenda.update', { itemId: ids[0]!, title: 'Check-in', minutes: 15 });
    expect(view.agenda[1]).toMatchObject({ title: 'Check-in', minutes: 15, speakerMinutes: null });
    view = await backend.call('agenda.update', { itemId: ids[1]!, speakerMinutes: null });
    expect(view.agenda[0]).toMatchObject({ kind: 'updates', speakerMinutes: null });
    view = await backend.call('agenda.add', {
      meetingId,
      kind: 'speaker',
      title: 'Guest speaker',
      minutes: 60,
      position: 2,
    });
    expect(view.agenda.map((i) => i.kind)).toEqual([
      'updates',
      'opening',
      'speaker',
      'follow_up',
      'issue_selection',
      'issue_processing',
      'wrap_up',
    ]);
    view = await backend.call('agenda.remove', { itemId: view.agenda[2]!.id });
    expect(view.agenda.map((i) => i.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(view.agenda.map((i) => i.kind)).not.toContain('speaker');
  });

  it('refuses an order that leaves out a segment, an empty change, and removing a segment that ran', async () => {
    const meetingId = forum.meetingId;
    const ids = forum.planned.agenda.map((i) => i.id);
    await expectRefusal(
      backend,
      'agenda.reorder',
      { meetingId, itemIds: ids.slice(1) },
      { code: 'VALIDATION', message: 'The new order must list every segment of this agenda exactly once.' },
    );
    await expectRefusal(
      backend,
      'agenda.reorder',
      { meetingId, itemIds: [ids[0]!, ...ids.slice(0, -1)] },
      { code: 'VALIDATION' },
    );
    await expectRefusal(
      backend,
      'agenda.update',
      { itemId: ids[0]! },
      { code: 'VALIDATION', message: 'Change the title, the minutes or the minutes per speaker.' },
    );
    await expectRefusal(backend, 'agenda.update', { itemId: UNKNOWN_ID, minutes: 5 }, { code: 'NOT_FOUND' });
    await expectRefusal(backend, 'agenda.add', { meetingId, title: ' ', minutes: 5 }, { code: 'VALIDATION' });
    await startWithEveryone(backend, forum);
    await backend.call('segment.start', { meetingId, itemId: ids[0]! });
    await expectRefusal(backend, 'agenda.remove', { itemId: ids[0]! }, { code: 'CONFLICT' });
    await expectRefusal(
      backend,
      'agenda.fromTemplate',
      { meetingId, templateId: FORUM_TEMPLATE },
      {
        code: 'CONFLICT',
        message: 'This agenda has already started; change its segments one by one instead.',
      },
    );
  });
});

describe('situation.prioritize', () => {
  it('sets and clears A/B/C priority, and orders the parking lot by it', async () => {
    await backend.call('situation.prioritize', { situationId: forum.situations.coo.id, priority: 'A' });
    expect(
      await backend.call('situation.prioritize', { situationId: forum.situations.exit.id, priority: 'B' }),
    ).toEqual({
      situationId: forum.situations.exit.id,
      priority: 'B',
    });
    const view = await backend.call('meeting.get', { meetingId: forum.meetingId });
    expect(view.parkingLot.map((p) => [p.presenterName, p.priority])).toEqual([
      ['Chen Li', 'A'],
      ['Ben Okafor', 'B'],
      ['Ana Ruiz', null],
    ]);
    await backend.call('situation.prioritize', { situationId: forum.situations.coo.id, priority: null });
  });

  it('refuses an unknown priority, an unknown situation and one no longer parked, writing nothing', async () => {
    await expectRefusal(
      backend,
      'situation.prioritize',
      { situationId: forum.situations.coo.id, priority: 'D' },
      { code: 'VALIDATION', message: 'Priority is A, B or C.' },
    );
    await expectRefusal(
      backend,
      'situation.prioritize',
      { situationId: UNKNOWN_ID, priority: 'A' },
      { code: 'NOT_FOUND' },
    );
    await startWithEveryone(backend, forum);
    await processUpTo(backend, forum, forum.situations.coo.id, 'present');
    await backend.call('meeting.close', { meetingId: forum.meetingId });
    await expectRefusal(
      backend,
      'situation.prioritize',
      { situationId: forum.situations.coo.id, priority: 'A' },
      { code: 'CONFLICT' },
    );
  });
});

describe('vote.record', () => {
  it('records each member’s dots, replacing their earlier ones, and tallies them', async () => {
    await startWithEveryone(backend, forum);
    const { meetingId } = forum;
    const { teamwork, exit, coo } = forum.situations;
    await backend.call('vote.record', {
      meetingId,
      memberId: forum.members.dana.id,
      votes: [
        { situationId: teamwork.id, dots: 2 },
        { situationId: exit.id, dots: 1 },
      ],
    });
    await backend.call('vote.record', {
      meetingId,
      memberId: forum.members.eve.id,
      votes: [{ situationId: coo.id, dots: 3 }],
    });
    const view = await backend.call('vote.record', {
      meetingId,
      memberId: forum.members.eve.id,
      votes: [{ situationId: teamwork.id, dots: 3 }],
    });
    const dots = Object.fromEntries(view.parkingLot.map((p) => [p.situationId, p.dots]));
    expect(dots).toEqual({ [teamwork.id]: 5, [exit.id]: 1, [coo.id]: 0 });
    expect(view.parkingLot.find((p) => p.situationId === teamwork.id)?.votes).toHaveLength(2);
  });

  it('refuses a vote on a situation not in the parking lot, an absent voter and too many dots, writing nothing', async () => {
    await startWithEveryone(backend, forum);
    const { meetingId } = forum;
    await processUpTo(backend, forum, forum.situations.coo.id, 'present');
    await backend.call('meeting.close', { meetingId });
    await backend.call('meeting.reopen', { meetingId });
    const later = await backend.call('meeting.plan', {
      groupId: forum.group.id,
      startsAt: forum.planned.meeting.startsAt + 1,
    });
    await backend.call('meeting.start', { meetingId: later.meeting.id });
    await backend.call('attendance.mark', {
      meetingId: later.meeting.id,
      memberId: forum.members.dana.id,
      status: 'present',
    });
    await expectRefusal(
      backend,
      'vote.record',
      {
        meetingId: later.meeting.id,
        memberId: forum.members.dana.id,
        votes: [{ situationId: forum.situations.coo.id, dots: 1 }],
      },
      {
        code: 'CONFLICT',
        message:
          '“When is the right time to hire a COO?” is not in the parking lot: it was taken up already.',
      },
    );
    await expectRefusal(
      backend,
      'vote.record',
      { meetingId: later.meeting.id, memberId: forum.members.ana.id, votes: [] },
      { code: 'VALIDATION', message: 'Ana Ruiz has not been marked present yet. Mark them present first.' },
    );
    await expectRefusal(
      backend,
      'vote.record',
      {
        meetingId: later.meeting.id,
        memberId: forum.members.dana.id,
        votes: [
          { situationId: forum.situations.exit.id, dots: 6 },
          { situationId: forum.situations.teamwork.id, dots: 5 },
        ],
      },
      { code: 'VALIDATION', message: 'A member has 10 dots at most to spread over the parking lot.' },
    );
    await expectRefusal(
      backend,
      'vote.record',
      {
        meetingId: later.meeting.id,
        memberId: forum.members.dana.id,
        votes: [{ situationId: forum.situations.exit.id, dots: 0 }],
      },
      { code: 'VALIDATION', message: 'Dots are a whole number from 1 to 10.' },
    );
  });
});

describe('selection.choose', () => {
  it('makes chosen situations issue-processing slots in order; the others stay in the parking lot', async () => {
    const { meetingId } = forum;
    const { teamwork, exit, coo } = forum.situations;
    let view = await backend.call('selection.choose', { meetingId, situationIds: [exit.id, teamwork.id] });
    expect(view.agenda.map((i) => [i.kind, i.situationTitle])).toEqual([
      ['opening', null],
      ['updates', null],
      ['follow_up', null],
      ['issue_selection', null],
      ['issue_processing', 'Should I sell the company now or in two years?'],
      ['issue_processing', 'How do you build teamwork across account teams?'],
      ['wrap_up', null],
    ]);
    expect(view.parkingLot.filter((p) => p.chosen).map((p) => p.situationId)).toEqual(
      [exit.id, teamwork.id].sort(),
    );
    view = await backend.call('selection.choose', { meetingId, situationIds: [coo.id, exit.id] });
    expect(view.agenda.filter((i) => i.kind === 'issue_processing').map((i) => i.presenterId)).toEqual([
      forum.members.chen.id,
      forum.members.ben.id,
    ]);
    // Chosen but never processed: still parked after the meeting closes.
    await startWithEveryone(backend, forum);
    await processUpTo(backend, forum, coo.id, 'commit');
    await backend.call('meeting.close', { meetingId });
    const statuses = await backend.call('situation.list', { groupId: forum.group.id });
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [teamwork.id]: 'parked',
      [exit.id]: 'parked',
      [coo.id]: 'processed',
    });
    view = await backend.call('meeting.get', { meetingId });
    expect(slotOf(view, exit.id).timer.startedAt).toBeNull();
  });

  it('keeps an open slot when nothing is chosen', async () => {
    const view = await backend.call('selection.choose', { meetingId: forum.meetingId, situationIds: [] });
    expect(view.agenda.filter((i) => i.kind === 'issue_processing').map((i) => i.situationId)).toEqual([
      null,
    ]);
  });

  it('refuses a situation of another group, one chosen twice, and dropping one being processed, writing nothing', async () => {
    const { meetingId } = forum;
    const other = await backend.call('group.create', { name: 'EO Austin' });
    const sam = await backend.call('member.create', { groupId: other.id, name: 'Sam Adler' });
    const elsewhere = await backend.call('situation.create', {
      groupId: other.id,
      presenterId: sam.id,
      title: 'Raise prices?',
    });
    await expectRefusal(
      backend,
      'selection.choose',
      { meetingId, situationIds: [elsewhere.id] },
      { code: 'VALIDATION', message: '“Raise prices?” belongs to another group.' },
    );
    await expectRefusal(
      backend,
      'selection.choose',
      { meetingId, situationIds: [forum.situations.coo.id, forum.situations.coo.id] },
      { code: 'VALIDATION', message: 'Choose each situation once.' },
    );
    await startWithEveryone(backend, forum);
    await processUpTo(backend, forum, forum.situations.coo.id, 'clarify');
    await expectRefusal(
      backend,
      'selection.choose',
      { meetingId, situationIds: [forum.situations.exit.id] },
      {
        code: 'CONFLICT',
        message:
          '“When is the right time to hire a COO?” is being processed already; it stays on the agenda.',
      },
    );
  });
});
