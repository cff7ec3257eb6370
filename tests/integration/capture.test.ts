// Capture in a live meeting through the router over a temp database file: contribution.add with
// phase rules and overrides, contribution.edit/remove/restore/endorse/unendorse, and draft.*.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CAPTURE_STATE_SQL } from '../../electron/store/facilitation';
import type { TestBackend } from './backend-fixture';
import {
  MINUTE,
  UNKNOWN_ID,
  expectRefusal,
  openLiveForum,
  processUpTo,
  type Forum,
  type TestClock,
} from './meeting-fixture';

let backend: TestBackend;
let clock: TestClock;
let forum: Forum;
let meetingId: string;
let situationId: string;
beforeEach(async () => {
  ({ backend, clock, forum, meetingId, situationId } = await openLiveForum());
});
afterEach(() => backend.close());

const point = (
  authorId: string,
  kind: 'question' | 'advice' | 'experience' | 'observation',
  body: string,
) => ({
  situationId,
  authorId,
  kind,
  body,
  meetingId,
});

describe('contribution.add in a meeting', () => {
  it('takes questions in Clarify, advice in Advise and the presenter’s observations in Reflect', async () => {
    const { ana, ben, chen } = forum.members;
    await processUpTo(backend, forum, situationId, 'clarify');
    const question = await backend.call(
      'contribution.add',
      point(ben.id, 'question', 'Who owns the client?'),
    );
    await backend.call('phase.start', { meetingId, phase: 'advise' });
    const advice = await backend.call('contribution.add', point(chen.id, 'advice', 'Pay one shared bonus.'));
    const sub = await backend.call('contribution.add', {
      ...point(ben.id, 'advice', 'Per account, not per team.'),
      parentId: advice.id,
    });
    await backend.call('phase.start', { meetingId, phase: 'reflect' });
    await backend.call('contribution.add', point(ana.id, 'observation', 'I heard: one bonus, one pipeline.'));
    const thread = await backend.call('situation.get', { id: situationId });
    // Siblings by position; the renderer nests sub-points under their parent.
    expect(thread.contributions.map((c) => [c.kind, c.authorName, c.parentId, c.position])).toEqual([
      ['question', 'Ben Okafor', null, 0],
      ['advice', 'Ben Okafor', advice.id, 0],
      ['advice', 'Chen Li', null, 1],
      ['observation', 'Ana Ruiz', null, 2],
    ]);
    expect(question.position).toBe(0);
    expect(sub.parentId).toBe(advice.id);
    const phases = backend.db.prepare(`SELECT phase, meeting_id FROM contributions ORDER BY rid`).raw().all();
    expect(phases).toEqual([
      ['clarify', meetingId],
      ['advise', meetingId],
      ['advise', meetingId],
      ['reflect', meetingId],
    ]);
    expect(backend.events).toContainEqual({
      name: 'archive.changed',
      payload: { records: ['contribution'], situationIds: [situationId] },
    });
  });

  it('refuses advice during Clarify with PHASE_RULE, writing nothing', async () => {
    await processUpTo(backend, forum, situationId, 'clarify');
    await expectRefusal(
      backend,
      'contribution.add',
      point(forum.members.ben.id, 'advice', 'Merge the teams.'),
      {
        code: 'PHASE_RULE',
        message: 'Clarify takes questions only; advice waits for the Advise phase.',
      },
    );
  });

  it('accepts advice during Clarify with an override, and records the override', async () => {
    await processUpTo(backend, forum, situationId, 'clarify');
    clock.advance(MINUTE);
    const saved = await backend.call('contribution.add', {
      ...point(forum.members.ben.id, 'advice', 'Merge the teams.'),
      override: true,
    });
    expect(saved).toMatchObject({ kind: 'advice', body: 'Merge the teams.' });
    const view = await backend.call('meeting.get', { meetingId });
    expect(view.overrides).toEqual([
      {
        id: expect.any(String) as string,
        rule: 'kind_in_phase',
        action: 'contribution.add',
        message: 'Clarify takes questions only; advice waits for the Advise phase.',
        situationId,
        phase: 'clarify',
        memberId: forum.members.ben.id,
        recordId: saved.id,
        createdAt: clock.time,
      },
    ]);
  });

  it('refuses the presenter advising, a point in Present, and a situation not being processed', async () => {
    await processUpTo(backend, forum, situationId, 'present');
    await expectRefusal(backend, 'contribution.add', point(forum.members.ben.id, 'question', 'Why now?'), {
      code: 'PHASE_RULE',
      message: 'The presenter has the floor in Present; points wait for Clarify.',
    });
    await backend.call('phase.start', { meetingId, phase: 'clarify' });
    await backend.call('phase.start', { meetingId, phase: 'advise' });
    await expectRefusal(backend, 'contribution.add', point(forum.members.ana.id, 'advice', 'I should…'), {
      code: 'PHASE_RULE',
      message: 'The presenter listens during Advise.',
    });
    await expectRefusal(
      backend,
      'contribution.add',
      { ...point(forum.members.ben.id, 'advice', 'Sell.'), situationId: forum.situations.exit.id },
      {
        code: 'PHASE_RULE',
        message: 'This situation is not being processed right now; start its Present phase first.',
      },
    );
  });

  it('refuses an absent, unexpected or unknown author, and a closed or planned meeting, writing nothing', async () => {
    await processUpTo(backend, forum, situationId, 'clarify');
    await backend.call('attendance.mark', { meetingId, memberId: forum.members.farid.id, status: 'absent' });
    await expectRefusal(backend, 'contribution.add', point(forum.members.farid.id, 'question', 'Why?'), {
      code: 'VALIDATION',
      message: 'Farid Haddad is marked absent. Mark them present first.',
    });
    const guest = await backend.call('member.create', {
      groupId: forum.group.id,
      name: 'Gia Guest',
      role: 'guest',
    });
    await expectRefusal(backend, 'contribution.add', point(guest.id, 'question', 'Why?'), {
      code: 'VALIDATION',
      message: 'Gia Guest is not marked present. Mark them present first.',
    });
    await expectRefusal(backend, 'contribution.add', point(UNKNOWN_ID, 'question', 'Why?'), {
      code: 'NOT_FOUND',
    });
    await expectRefusal(
      backend,
      'contribution.add',
      { ...point(forum.members.ben.id, 'question', 'Why?'), meetingId: UNKNOWN_ID },
      { code: 'NOT_FOUND', message: 'That meeting no longer exists.' },
    );
    const planned = await backend.call('meeting.plan', { groupId: forum.group.id, startsAt: 5 });
    await expectRefusal(
      backend,
      'contribution.add',
      { ...point(forum.members.ben.id, 'question', 'Why?'), meetingId: planned.meeting.id },
      { code: 'CONFLICT', message: 'This meeting has not started yet. Start it first.' },
    );
    await backend.call('meeting.close', { meetingId });
    await expectRefusal(backend, 'contribution.add', point(forum.members.ben.id, 'question', 'Why?'), {
      code: 'CONFLICT',
      message: 'This meeting is closed, so it is read-only. Reopen it to change anything.',
    });
  });

  it('adds one indexed lookup to a point captured in a meeting', () => {
    const plan = backend.db
      .prepare(`EXPLAIN QUERY PLAN ${CAPTURE_STATE_SQL}`)
      .all({ meetingId, memberId: forum.members.ben.id }) as { detail: string }[];
    expect(plan.map((row) => row.detail)).toEqual([
      expect.stringMatching(/^SEARCH mt USING INDEX/),
      'SEARCH r USING INDEX phase_runs_running (meeting_id=?) LEFT-JOIN',
      'SEARCH a USING PRIMARY KEY (meeting_id=? AND member_id=?) LEFT-JOIN',
    ]);
  });

  it('keeps the old behaviour without a meeting: any kind, no phase recorded', async () => {
    const saved = await backend.call('contribution.add', {
      situationId,
      authorId: forum.members.ben.id,
      kind: 'advice',
      body: 'Written up after the meeting.',
    });
    expect(saved.kind).toBe('advice');
    expect(backend.db.prepare(`SELECT meeting_id, phase FROM contributions`).get()).toEqual({
      meeting_id: null,
      phase: null,
    });
  });
});

describe('contribution.edit, contribution.remove and contribution.restore', () => {
  async function adviceWithSubPoint() {
    await processUpTo(backend, forum, situationId, 'advise');
    const top = await backend.call(
      'contribution.add',
      point(forum.members.ben.id, 'advice', 'Pay one bonus.'),
    );
    const sub = await backend.call('contribution.add', {
      ...point(forum.members.chen.id, 'advice', 'Per account.'),
      parentId: top.id,
    });
    return { top, sub };
  }

  it('edits the text in place and reassigns the author', async () => {
    const { top } = await adviceWithSubPoint();
    clock.advance(MINUTE);
    const edited = await backend.call('contribution.edit', {
      contributionId: top.id,
      body: 'Pay one shared bonus per account.',
      authorId: forum.members.eve.id,
    });
    expect(edited).toMatchObject({
      id: top.id,
      body: 'Pay one shared bonus per account.',
      authorId: forum.members.eve.id,
    });
    expect(backend.db.prepare(`SELECT updated_at FROM contributions WHERE id = ?`).pluck().get(top.id)).toBe(
      clock.time,
    );
    const found = await backend.call('archive.search', { query: 'shared bonus' });
    expect(found.total).toBe(1);
  });

  it('removes a point with its sub-points, and undo brings back exactly those', async () => {
    const { top, sub } = await adviceWithSubPoint();
    clock.advance(MINUTE);
    await backend.call('contribution.remove', { contributionId: sub.id });
    clock.advance(MINUTE);
    const removed = await backend.call('contribution.remove', { contributionId: top.id });
    expect(removed.removedIds).toEqual([top.id]);
    expect((await backend.call('situation.get', { id: situationId })).contributions).toEqual([]);
    expect((await backend.call('archive.search', { query: 'bonus' })).total).toBe(0);
    const restored = await backend.call('contribution.restore', { contributionId: top.id });
    expect(restored.restoredIds).toEqual([top.id]);
    expect((await backend.call('situation.get', { id: situationId })).contributions.map((c) => c.id)).toEqual(
      [top.id],
    );
    await backend.call('contribution.restore', { contributionId: sub.id });
    clock.advance(MINUTE);
    expect((await backend.call('contribution.remove', { contributionId: top.id })).removedIds.sort()).toEqual(
      [top.id, sub.id].sort(),
    );
    expect(
      (await backend.call('contribution.restore', { contributionId: top.id })).restoredIds.sort(),
    ).toEqual([top.id, sub.id].sort());
  });

  it('refuses an empty edit, an absent new author, restoring a live point and a sub-point of a removed one', async () => {
    const { top, sub } = await adviceWithSubPoint();
    await expectRefusal(backend, 'contribution.edit', { contributionId: top.id }, { code: 'VALIDATION' });
    await expectRefusal(
      backend,
      'contribution.edit',
      { contributionId: top.id, body: '  ' },
      {
        code: 'VALIDATION',
        message: 'The point cannot be empty.',
      },
    );
    await backend.call('attendance.mark', { meetingId, memberId: forum.members.farid.id, status: 'absent' });
    await expectRefusal(
      backend,
      'contribution.edit',
      { contributionId: top.id, authorId: forum.members.farid.id },
      {
        code: 'VALIDATION',
        message: 'Farid Haddad is marked absent. Mark them present first.',
      },
    );
    await expectRefusal(
      backend,
      'contribution.restore',
      { contributionId: top.id },
      {
        code: 'CONFLICT',
        message: 'That point has not been removed.',
      },
    );
    await backend.call('contribution.remove', { contributionId: top.id });
    await expectRefusal(backend, 'contribution.restore', { contributionId: sub.id }, { code: 'CONFLICT' });
    await expectRefusal(backend, 'contribution.remove', { contributionId: top.id }, { code: 'NOT_FOUND' });
    await expectRefusal(
      backend,
      'contribution.edit',
      { contributionId: UNKNOWN_ID, body: 'x' },
      { code: 'NOT_FOUND' },
    );
  });

  it('keeps what was said at a closed meeting as it was said', async () => {
    const { top } = await adviceWithSubPoint();
    await backend.call('meeting.close', { meetingId });
    const closed = { code: 'CONFLICT' as const, message: /closed, so it is read-only/ };
    await expectRefusal(backend, 'contribution.edit', { contributionId: top.id, body: 'Rewritten' }, closed);
    await expectRefusal(backend, 'contribution.remove', { contributionId: top.id }, closed);
    await expectRefusal(
      backend,
      'contribution.endorse',
      { contributionId: top.id, memberId: forum.members.eve.id },
      closed,
    );
  });
});

describe('contribution.endorse and contribution.unendorse', () => {
  it('adds and takes back a +1, once per member', async () => {
    await processUpTo(backend, forum, situationId, 'advise');
    const advice = await backend.call(
      'contribution.add',
      point(forum.members.ben.id, 'advice', 'Pay one bonus.'),
    );
    const contributionId = advice.id;
    await backend.call('contribution.endorse', { contributionId, memberId: forum.members.eve.id });
    await backend.call('contribution.endorse', { contributionId, memberId: forum.members.eve.id });
    const both = await backend.call('contribution.endorse', {
      contributionId,
      memberId: forum.members.ana.id,
    });
    expect(both.endorsedBy.sort()).toEqual([forum.members.eve.id, forum.members.ana.id].sort());
    const after = await backend.call('contribution.unendorse', {
      contributionId,
      memberId: forum.members.eve.id,
    });
    expect(after).toEqual({ contributionId, endorsedBy: [forum.members.ana.id] });
    const thread = await backend.call('situation.get', { id: situationId });
    expect(thread.contributions[0]?.endorsedBy).toEqual([forum.members.ana.id]);
  });

  it('refuses endorsing one’s own point, a stranger and an unknown point, writing nothing', async () => {
    await processUpTo(backend, forum, situationId, 'advise');
    const advice = await backend.call(
      'contribution.add',
      point(forum.members.ben.id, 'advice', 'Pay one bonus.'),
    );
    await expectRefusal(
      backend,
      'contribution.endorse',
      { contributionId: advice.id, memberId: forum.members.ben.id },
      {
        code: 'VALIDATION',
        message: 'Members endorse each other’s points, not their own.',
      },
    );
    const other = await backend.call('group.create', { name: 'EO Austin' });
    const sam = await backend.call('member.create', { groupId: other.id, name: 'Sam Adler' });
    await expectRefusal(
      backend,
      'contribution.endorse',
      { contributionId: advice.id, memberId: sam.id },
      { code: 'VALIDATION' },
    );
    await expectRefusal(
      backend,
      'contribution.unendorse',
      { contributionId: UNKNOWN_ID, memberId: sam.id },
      {
        code: 'NOT_FOUND',
      },
    );
  });
});

describe('draft.save, draft.list and draft.discard', () => {
  it('keeps one draft per author and place, exactly as typed, updated on every save', async () => {
    const key = { meetingId, authorId: forum.members.ben.id, context: `advise:${situationId}` };
    const first = await backend.call('draft.save', { ...key, body: 'Pay one' });
    clock.advance(400);
    const second = await backend.call('draft.save', { ...key, body: '  Pay one shared bonus\n' });
    expect(second).toMatchObject({ id: first!.id, body: '  Pay one shared bonus\n', updatedAt: clock.time });
    await backend.call('draft.save', { ...key, authorId: forum.members.chen.id, body: 'Hire a COO' });
    expect((await backend.call('draft.list', { meetingId })).map((d) => d.body)).toEqual([
      '  Pay one shared bonus\n',
      'Hire a COO',
    ]);
    expect(await backend.call('draft.discard', key)).toEqual({ discarded: true });
    expect(
      await backend.call('draft.save', { ...key, authorId: forum.members.chen.id, body: '' }),
    ).toBeNull();
    expect(await backend.call('draft.list', { meetingId })).toEqual([]);
  });

  it('keeps a draft through closing the meeting, and refuses to save or discard one once closed', async () => {
    const key = { meetingId, authorId: forum.members.ben.id, context: 'wrap-up' };
    await backend.call('draft.save', { ...key, body: 'Typed before the chair closed' });
    await backend.call('meeting.close', { meetingId });
    const closed = {
      code: 'CONFLICT' as const,
      message: 'This meeting is closed, so it is read-only. Reopen it to change anything.',
    };
    await expectRefusal(backend, 'draft.save', { ...key, body: 'Typed after' }, closed);
    await expectRefusal(backend, 'draft.save', { ...key, context: 'advise', body: 'A new one' }, closed);
    await expectRefusal(backend, 'draft.save', { ...key, body: '' }, closed);
    await expectRefusal(backend, 'draft.discard', key, closed);
    await backend.call('meeting.reopen', { meetingId });
    expect((await backend.call('draft.list', { meetingId })).map((d) => d.body)).toEqual([
      'Typed before the chair closed',
    ]);
  });

  it('refuses an unknown meeting, an author of another group, an empty place and an overlong draft', async () => {
    const other = await backend.call('group.create', { name: 'EO Austin' });
    const sam = await backend.call('member.create', { groupId: other.id, name: 'Sam Adler' });
    const key = { meetingId, authorId: forum.members.ben.id, context: 'advise' };
    await expectRefusal(
      backend,
      'draft.save',
      { ...key, meetingId: UNKNOWN_ID, body: 'x' },
      { code: 'NOT_FOUND' },
    );
    await expectRefusal(
      backend,
      'draft.save',
      { ...key, authorId: sam.id, body: 'x' },
      { code: 'VALIDATION' },
    );
    await expectRefusal(backend, 'draft.save', { ...key, context: ' ', body: 'x' }, { code: 'VALIDATION' });
    await expectRefusal(
      backend,
      'draft.save',
      { ...key, body: 'x'.repeat(10_001) },
      {
        code: 'VALIDATION',
        message: 'The draft is too long (at most 10000 characters).',
      },
    );
    await expectRefusal(backend, 'draft.list', { meetingId: UNKNOWN_ID }, { code: 'NOT_FOUND' });
    await expectRefusal(backend, 'draft.discard', { ...key, meetingId: UNKNOWN_ID }, { code: 'NOT_FOUND' });
  });
});
