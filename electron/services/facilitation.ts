// Running the meeting: moving between segments, the phases of processing a situation (with their
// rules), pausing and resuming the timers, the floor and the round-robin order, and airtime.
import type { AirtimeEntry, Meeting } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import {
  PHASE_LABELS,
  checkPhaseTransition,
  elapsedMs,
  minutesToMs,
  roundRobinOrder,
  turnBudgetMs,
} from '../../shared/phase-rules';
import type { Handlers } from '../ipc/router';
import type { Store } from '../store';
import { newId } from '../store/ids';
import type { ServiceContext } from './context';
import {
  changeMeeting,
  clockOf,
  currentContext,
  presentIds,
  requireAttendee,
  requireMeeting,
  roundOf,
  type RoundContext,
} from './meeting-state';

function requireContext(store: Store, meeting: Meeting, what: string): RoundContext {
  const context = currentContext(store, meeting.id);
  if (!context) throw new AppError('CONFLICT', `No segment is running; start one ${what}.`);
  return context;
}

/** Leaves whatever runs: the floor, the phase, and the segment (a processed situation leaves the lot). */
function leaveSegment(store: Store, meetingId: string, at: number): void {
  store.facilitation.stopTurn(meetingId, at);
  store.facilitation.stopRun(meetingId, at);
  const running = store.agenda.running(meetingId);
  if (running?.situationId) store.parkingLot.finishProcessing(running.situationId, at);
  store.agenda.stopRunning(meetingId, at);
}

/** Stores the round as the queue shows it now, so a skip or a second turn has a slot to change. */
function materializeRound(store: Store, meetingId: string, context: RoundContext, at: number) {
  const { item, phase } = context;
  const stored = store.facilitation.slots(item.id, phase);
  const queue = roundOf(store, meetingId, context).slots;
  if (stored.length === queue.length && stored.length > 0) return stored;
  store.facilitation.clearSlots(item.id, phase);
  queue.forEach((slot, position) =>
    store.facilitation.insertSlot({
      id: newId(),
      meetingId,
      agendaItemId: item.id,
      phase,
      position,
      memberId: slot.memberId,
      secondTurn: slot.secondTurn ? 1 : 0,
      now: at,
    }),
  );
  const fresh = store.facilitation.slots(item.id, phase);
  queue.forEach((slot, i) => {
    const row = fresh[i];
    if (slot.status === 'skipped' && row) store.facilitation.skipSlot(row.id, at);
  });
  return store.facilitation.slots(item.id, phase);
}

export function facilitationHandlers(
  context: ServiceContext,
): Pick<
  Handlers,
  | 'segment.start'
  | 'phase.start'
  | 'timer.pause'
  | 'timer.resume'
  | 'turn.start'
  | 'turn.end'
  | 'round.order'
  | 'airtime.list'
> {
  const { store } = context;
  const clock = clockOf(context);

  return {
    'segment.start': ({ meetingId, itemId }) =>
      changeMeeting(context, meetingId, 'live', (meeting, at) => {
        const item = store.agenda.item(itemId);
        if (!item || item.meetingId !== meeting.id) {
          throw new AppError('NOT_FOUND', 'That segment is not on this meeting’s agenda.');
        }
        if (item.startedAt !== null && item.endedAt === null) {
          throw new AppError('CONFLICT', `“${item.title}” is already running.`);
        }
        leaveSegment(store, meeting.id, at);
        store.agenda.start(item.id, at);
      }),

    'phase.start': ({ meetingId, phase, override, minutes }) =>
      changeMeeting(context, meetingId, 'live', (meeting, at) => {
        const { item } = requireContext(store, meeting, 'for the situation first');
        const situationId = item.situationId;
        if (item.kind !== 'issue_processing' || situationId === null) {
          throw new AppError(
            'CONFLICT',
            'Phases belong to an issue-processing segment with a chosen situation.',
          );
        }
        const running = store.facilitation.runningRun(meeting.id);
        const from = running?.phase ?? store.facilitation.lastRun(item.id)?.phase ?? null;
        const verdict = checkPhaseTransition(from, phase);
        if (!verdict.allowed && !override) {
          throw new AppError('PHASE_RULE', verdict.violation.message, { rule: verdict.violation.rule });
        }
        if (verdict.allowed && verdict.step === 'same' && running) {
          throw new AppError('CONFLICT', `${PHASE_LABELS[phase]} is already running.`);
        }
        // Starting a phase ends a break: everything paused runs again.
        store.facilitation.resumeAll(meeting.id, at);
        store.facilitation.stopTurn(meeting.id, at);
        store.facilitation.stopRun(meeting.id, at);
        const earlier = store.facilitation.runOf(item.id, phase);
        const runId = earlier?.id ?? newId();
        if (earlier) store.facilitation.continueRun(earlier.id, at);
        else {
          store.facilitation.insertRun({
            id: runId,
            meetingId: meeting.id,
            agendaItemId: item.id,
            situationId,
            phase,
            minutes: minutes ?? meeting.phaseMinutes[phase],
            now: at,
          });
        }
        store.parkingLot.startProcessing(situationId, meeting.id, at);
        if (!verdict.allowed) {
          store.facilitation.recordOverride({
            id: newId(),
            meetingId: meeting.id,
            situationId,
            phase: from,
            rule: verdict.violation.rule,
            action: 'phase.start',
            message: verdict.violation.message,
            memberId: null,
            recordId: runId,
            now: at,
          });
        }
      }),

    'timer.pause': ({ meetingId }) =>
      changeMeeting(context, meetingId, 'live', (meeting, at) => {
        const { item } = requireContext(store, meeting, 'before pausing');
        if (item.timer.pausedAt !== null) throw new AppError('CONFLICT', 'The timers are already paused.');
        store.facilitation.pauseAll(meeting.id, at);
      }),

    'timer.resume': ({ meetingId }) =>
      changeMeeting(context, meetingId, 'live', (meeting, at) => {
        const { item } = requireContext(store, meeting, 'first');
        if (item.timer.pausedAt === null)
          throw new AppError('CONFLICT', 'The timers are running; nothing to resume.');
        store.facilitation.resumeAll(meeting.id, at);
      }),

    'turn.start': (input) =>
      changeMeeting(context, input.meetingId, 'live', (meeting, at) => {
        const round = requireContext(store, meeting, 'before giving someone the floor');
        const queue = roundOf(store, meeting.id, round);
        const memberId = input.memberId ?? queue.nextSpeakerId;
        if (memberId === null) {
          throw new AppError(
            'CONFLICT',
            'Everyone in the round has spoken. Give someone a second turn, or move on.',
          );
        }
        const member = requireAttendee(store, meeting, memberId);
        if (store.facilitation.runningTurn(meeting.id)?.memberId === memberId) {
          throw new AppError('CONFLICT', `${member.name} already has the floor.`);
        }
        const { item, phase } = round;
        const run = phase === null ? undefined : store.facilitation.runOf(item.id, phase);
        // The presenter (presenting, reflecting) gets the whole timebox; the round shares it.
        const speakers =
          memberId === item.presenterId
            ? 1
            : queue.slots.filter((s) => s.status !== 'skipped' && s.status !== 'absent').length;
        const budgetMs =
          input.seconds !== undefined
            ? input.seconds * 1000
            : item.speakerMinutes !== null
              ? minutesToMs(item.speakerMinutes)
              : turnBudgetMs(minutesToMs(run?.minutes ?? item.minutes), speakers);
        store.facilitation.resumeAll(meeting.id, at);
        store.facilitation.stopTurn(meeting.id, at);
        store.facilitation.insertTurn({
          id: newId(),
          meetingId: meeting.id,
          agendaItemId: item.id,
          situationId: item.situationId,
          phase,
          memberId,
          budgetMs,
          now: at,
        });
      }),

    'turn.end': ({ meetingId }) =>
      changeMeeting(context, meetingId, 'live', (meeting, at) => {
        if (!store.facilitation.runningTurn(meeting.id))
          throw new AppError('CONFLICT', 'Nobody has the floor.');
        store.facilitation.stopTurn(meeting.id, at);
      }),

    'round.order': ({ meetingId, action, seed, memberId }) =>
      changeMeeting(context, meetingId, 'live', (meeting, at) => {
        const round = requireContext(store, meeting, 'before setting the speaking order');
        const { item, phase } = round;
        if (action === 'shuffle' || action === 'natural') {
          const order = roundRobinOrder(
            presentIds(store, meeting.id),
            item.presenterId,
            action === 'shuffle' ? (seed ?? Math.floor(Math.random() * 2 ** 32)) : null,
          );
          store.facilitation.clearSlots(item.id, phase);
          order.forEach((id, position) =>
            store.facilitation.insertSlot({
              id: newId(),
              meetingId: meeting.id,
              agendaItemId: item.id,
              phase,
              position,
              memberId: id,
              secondTurn: 0,
              now: at,
            }),
          );
          return;
        }
        if (memberId === undefined) throw new AppError('VALIDATION', 'Say which member this is for.');
        const member = requireAttendee(store, meeting, memberId);
        const stored = materializeRound(store, meeting.id, round, at);
        if (action === 'second_turn') {
          store.facilitation.insertSlot({
            id: newId(),
            meetingId: meeting.id,
            agendaItemId: item.id,
            phase,
            position: stored.length,
            memberId,
            secondTurn: 1,
            now: at,
          });
          return;
        }
        const queue = roundOf(store, meeting.id, round).slots;
        const waiting = queue.findIndex((s) => s.memberId === memberId && s.status === 'waiting');
        const slot = stored[waiting];
        if (waiting < 0 || !slot)
          throw new AppError('CONFLICT', `${member.name} has no turn waiting to skip.`);
        store.facilitation.skipSlot(slot.id, at);
      }),

    'airtime.list': ({ meetingId, situationId }) => {
      requireMeeting(store, meetingId);
      const at = clock();
      const totals = new Map<string, AirtimeEntry>();
      for (const turn of store.facilitation.situationTurns(meetingId)) {
        if (turn.situationId === null || (situationId !== undefined && turn.situationId !== situationId))
          continue;
        const key = `${turn.situationId} ${turn.memberId}`;
        const entry = totals.get(key) ?? {
          situationId: turn.situationId,
          memberId: turn.memberId,
          memberName: turn.memberName,
          turns: 0,
          ms: 0,
        };
        totals.set(key, { ...entry, turns: entry.turns + 1, ms: entry.ms + elapsedMs(turn.timer, at) });
      }
      return [...totals.values()].sort((a, b) => a.situationId.localeCompare(b.situationId) || b.ms - a.ms);
    },
  };
}
