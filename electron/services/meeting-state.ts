// What every meeting handler shares: finding a meeting and refusing writes its state forbids, the
// whole view a live screen reads, and one way to write that commits, tells the renderer and answers.
import type { AgendaItem, Meeting, MeetingView, Member, Phase, RoundView } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { speakingQueue } from '../../shared/phase-rules';
import type { Store } from '../store';
import { now as systemNow } from '../store/ids';
import type { ServiceContext } from './context';
import { requireMember } from './groups';

export function clockOf(context: ServiceContext): () => number {
  return context.now ?? systemNow;
}

export function requireMeeting(store: Store, id: string): Meeting {
  const meeting = store.meetings.get(id);
  if (!meeting) throw new AppError('NOT_FOUND', 'That meeting no longer exists.');
  return meeting;
}

export const CLOSED_MESSAGE = 'This meeting is closed, so it is read-only. Reopen it to change anything.';

/** A planned or live meeting: anything but a closed one. */
export function requireOpenMeeting(store: Store, id: string): Meeting {
  const meeting = requireMeeting(store, id);
  if (meeting.status === 'closed') throw new AppError('CONFLICT', CLOSED_MESSAGE);
  return meeting;
}

/** A meeting in session: started and not closed. Timers, phases and turns need one. */
export function requireLiveMeeting(store: Store, id: string): Meeting {
  const meeting = requireOpenMeeting(store, id);
  if (meeting.status !== 'live') {
    throw new AppError('CONFLICT', 'This meeting has not started yet. Start it first.');
  }
  return meeting;
}

/** A member of the meeting's group who is at the meeting (present or late). */
export function requireAttendee(store: Store, meeting: Meeting, memberId: string): Member {
  const member = requireMember(store, memberId, meeting.groupId);
  const status = store.meetings.attendanceOf(meeting.id, memberId);
  if (status === 'present' || status === 'late') return member;
  const why =
    status === 'absent'
      ? 'is marked absent'
      : status === 'expected'
        ? 'has not been marked present yet'
        : 'is not on this meeting’s attendance list';
  throw new AppError('VALIDATION', `${member.name} ${why}. Mark them present first.`);
}

export type MeetingGuard = 'open' | 'live';

/**
 * Runs a change to a meeting in one transaction (a refusal thrown inside writes nothing), marks
 * the meeting changed, tells every window, and answers with the meeting as it now is.
 */
export function changeMeeting(
  context: ServiceContext,
  meetingId: string,
  guard: MeetingGuard,
  change: (meeting: Meeting, at: number) => void,
): MeetingView {
  const { store } = context;
  const meeting =
    guard === 'live' ? requireLiveMeeting(store, meetingId) : requireOpenMeeting(store, meetingId);
  const at = clockOf(context)();
  store.db.transaction(() => {
    change(meeting, at);
    store.meetings.touch(meeting.id, at);
  })();
  announceMeeting(context, meetingId);
  return meetingView(store, meetingId, at);
}

/**
 * Tells every window that a meeting's view changed, with its version, so a window whose own write
 * already brought that version skips reading it again (docs/architecture.md "Renderer data layer").
 * The caller has touched the meeting.
 */
export function announceMeeting({ store, emit }: ServiceContext, meetingId: string): void {
  emit('meeting.changed', { meetingId, version: store.meetings.version(meetingId) });
}

/** The segment running now, and the phase running in it (issue-processing slots only). */
export interface RoundContext {
  item: AgendaItem;
  phase: Phase | null;
}

export function currentContext(store: Store, meetingId: string): RoundContext | null {
  const item = store.agenda
    .items(meetingId)
    .find((i) => i.timer.startedAt !== null && i.timer.endedAt === null);
  if (!item) return null;
  const run = store.facilitation.runningRun(meetingId);
  return { item, phase: run && run.agendaItemId === item.id ? run.phase : null };
}

export function presentIds(store: Store, meetingId: string): string[] {
  return store.meetings
    .attendance(meetingId)
    .filter((a) => a.status === 'present' || a.status === 'late')
    .map((a) => a.memberId);
}

/** The speaking order of a segment (and phase) with who has spoken; see shared speakingQueue. */
export function roundOf(store: Store, meetingId: string, { item, phase }: RoundContext): RoundView {
  const attendance = store.meetings.attendance(meetingId);
  const names = new Map(attendance.map((a) => [a.memberId, a.name]));
  const queue = speakingQueue({
    slots: store.facilitation.slots(item.id, phase).map((s) => ({
      memberId: s.memberId,
      secondTurn: s.secondTurn === 1,
      skipped: s.skippedAt !== null,
    })),
    presentIds: presentIds(store, meetingId),
    presenterId: item.presenterId,
    turns: store.facilitation.turnsIn(item.id, phase),
  });
  return {
    agendaItemId: item.id,
    phase,
    nextSpeakerId: queue.nextSpeakerId,
    slots: queue.slots.map((slot) => ({
      memberId: slot.memberId,
      memberName: names.get(slot.memberId) ?? store.members.get(slot.memberId)?.name ?? '',
      secondTurn: slot.secondTurn,
      status: slot.status,
    })),
  };
}

export function meetingView(store: Store, meetingId: string, now: number): MeetingView {
  const meeting = requireMeeting(store, meetingId);
  const agenda = store.agenda.items(meetingId);
  const current = agenda.find((i) => i.timer.startedAt !== null && i.timer.endedAt === null) ?? null;
  const phaseRuns = store.facilitation.runs(meetingId);
  const currentPhase = phaseRuns.find((r) => r.timer.endedAt === null) ?? null;
  const phase =
    currentPhase && current && currentPhase.agendaItemId === current.id ? currentPhase.phase : null;
  return {
    meeting,
    version: store.meetings.version(meetingId),
    groupName: store.groups.get(meeting.groupId)?.name ?? '',
    now,
    clock: {
      startedAt: meeting.startedAt,
      endedAt: meeting.closedAt,
      pausedAt: null,
      pausedMs: 0,
      budgetMs: agenda.reduce((sum, item) => sum + item.minutes, 0) * 60_000,
    },
    paused: current?.timer.pausedAt != null,
    attendance: store.meetings.attendance(meetingId),
    agenda,
    currentItemId: current?.id ?? null,
    phaseRuns,
    currentPhase,
    currentTurn: store.facilitation.runningTurn(meetingId) ?? null,
    round: current ? roundOf(store, meetingId, { item: current, phase }) : null,
    parkingLot: store.parkingLot.entries(meeting.groupId, meetingId),
    overrides: store.facilitation.overrides(meetingId),
    wrapUp: { entries: store.meetings.wrapUp(meetingId), averageRating: meeting.rating },
  };
}
