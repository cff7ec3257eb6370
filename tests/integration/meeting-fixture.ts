// A forum of six with three situations in its parking lot, a clock the test moves, and helpers to
// run a meeting to a given phase and to check that a refused call wrote nothing.
import { expect } from 'vitest';
import type { Channel } from '../../shared/channels';
import type { Input } from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';
import { PHASES, type MeetingView, type Phase } from '../../shared/domain';
import { openTestBackend, type TestBackend } from './backend-fixture';

export const MINUTE = 60_000;
export const MEETING_DAY = Date.UTC(2025, 4, 8, 8);
export const UNKNOWN_ID = '0190f2a4-1c7e-7b7a-9c1e-3a5b7c9d1e2f';
export const FORUM_TEMPLATE = '01941f29-7c00-7000-8000-000000000001';
export const EXPERIENCE_TEMPLATE = '01941f29-7c00-7000-8000-000000000002';

/** A clock the services read; tests move it forward. */
export class TestClock {
  constructor(public time = MEETING_DAY) {}
  now = () => this.time;
  advance(ms: number) {
    this.time += ms;
  }
}

export async function openMeetingBackend(clock = new TestClock()) {
  const backend = await openTestBackend({ now: clock.now });
  return { backend, clock };
}

/** Calls a channel that must refuse: the error matches, and no row of any table changed. */
export async function expectRefusal<C extends Channel>(
  backend: TestBackend,
  channel: C,
  input: Input<C> | Record<string, unknown>,
  error: { code: ErrorCode; message?: string | RegExp },
) {
  const before = backend.snapshot();
  const result = await backend.route(channel, input);
  expect(result.ok, `${channel} should refuse`).toBe(false);
  if (!result.ok) {
    expect(result.error.code, result.error.message).toBe(error.code);
    if (typeof error.message === 'string') expect(result.error.message).toBe(error.message);
    else if (error.message) expect(result.error.message).toMatch(error.message);
  }
  expect(backend.snapshot()).toBe(before);
}

/** Six members (Dana chairs), three situations waiting, and a planned meeting built from the default template. */
export async function seedForum(backend: TestBackend) {
  const group = await backend.call('group.create', { name: 'Vistage CE 4821' });
  const member = (name: string, role: 'chair' | 'member' = 'member') =>
    backend.call('member.create', { groupId: group.id, name, company: `${name} Co`, title: 'CEO', role });
  const dana = await member('Dana Whitfield', 'chair');
  const ana = await member('Ana Ruiz');
  const ben = await member('Ben Okafor');
  const chen = await member('Chen Li');
  const eve = await member('Eve Marsh');
  const farid = await member('Farid Haddad');
  const situation = (presenterId: string, title: string) =>
    backend.call('situation.create', { groupId: group.id, presenterId, title });
  const teamwork = await situation(ana.id, 'How do you build teamwork across account teams?');
  const exit = await situation(ben.id, 'Should I sell the company now or in two years?');
  const coo = await situation(chen.id, 'When is the right time to hire a COO?');
  const planned = await backend.call('meeting.plan', {
    groupId: group.id,
    startsAt: MEETING_DAY,
    location: 'Whitfield office',
  });
  return {
    group,
    members: { dana, ana, ben, chen, eve, farid },
    situations: { teamwork, exit, coo },
    meetingId: planned.meeting.id,
    planned,
  };
}

export type Forum = Awaited<ReturnType<typeof seedForum>>;

/** Starts the meeting with everyone present. */
export async function startWithEveryone(backend: TestBackend, forum: Forum): Promise<MeetingView> {
  await backend.call('meeting.start', { meetingId: forum.meetingId });
  let view: MeetingView | undefined;
  for (const m of Object.values(forum.members)) {
    view = await backend.call('attendance.mark', {
      meetingId: forum.meetingId,
      memberId: m.id,
      status: 'present',
    });
  }
  return view!;
}

export function slotOf(view: MeetingView, situationId: string) {
  const slot = view.agenda.find((i) => i.situationId === situationId);
  if (!slot) throw new Error(`no slot for ${situationId}`);
  return slot;
}

/** Chooses the situation (if needed), starts its slot and moves phase by phase up to `phase`. */
export async function processUpTo(
  backend: TestBackend,
  forum: Forum,
  situationId: string,
  phase: Phase,
): Promise<MeetingView> {
  const meetingId = forum.meetingId;
  let view = await backend.call('meeting.get', { meetingId });
  if (!view.agenda.some((i) => i.situationId === situationId)) {
    const chosen = view.agenda.flatMap((i) => (i.situationId ? [i.situationId] : []));
    view = await backend.call('selection.choose', { meetingId, situationIds: [...chosen, situationId] });
  }
  view = await backend.call('segment.start', { meetingId, itemId: slotOf(view, situationId).id });
  for (const p of PHASES.slice(0, PHASES.indexOf(phase) + 1)) {
    view = await backend.call('phase.start', { meetingId, phase: p });
  }
  return view;
}

/**
 * The state most meeting tests start from: a fresh archive on a test clock, the forum seeded and its
 * meeting started with everyone present; `situationId` is the teamwork situation, not yet chosen.
 */
export async function openLiveForum(clock = new TestClock()) {
  const { backend } = await openMeetingBackend(clock);
  const forum = await seedForum(backend);
  await startWithEveryone(backend, forum);
  return { backend, clock, forum, meetingId: forum.meetingId, situationId: forum.situations.teamwork.id };
}
