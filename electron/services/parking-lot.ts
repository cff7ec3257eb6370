// The parking lot and issue selection: A/B/C priority, dot votes, and choosing which situations
// this meeting processes. A situation not chosen, or chosen and never started, stays parked.
import type { Meeting } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { Handlers } from '../ipc/router';
import type { Store } from '../store';
import { newId } from '../store/ids';
import type { ServiceContext } from './context';
import { changeMeeting, clockOf, requireAttendee } from './meeting-state';
import { requireSituation } from './situation-record';

const MAX_DOTS = 10;
const DEFAULT_SLOT_MINUTES = 45;

/** A situation of the meeting's group that waits in the parking lot (or this meeting already chose). */
function requireParked(store: Store, meeting: Meeting, situationId: string) {
  const situation = requireSituation(store, situationId);
  if (situation.groupId !== meeting.groupId) {
    throw new AppError('VALIDATION', `“${situation.title}” belongs to another group.`);
  }
  const chosenHere = store.agenda.items(meeting.id).some((i) => i.situationId === situationId);
  if (situation.status !== 'parked' && !chosenHere) {
    throw new AppError(
      'CONFLICT',
      `“${situation.title}” is not in the parking lot: it was taken up already.`,
    );
  }
  return situation;
}

export function parkingLotHandlers(
  context: ServiceContext,
): Pick<Handlers, 'situation.prioritize' | 'vote.record' | 'selection.choose'> {
  const { store, emit } = context;
  const clock = clockOf(context);

  return {
    'situation.prioritize': ({ situationId, priority }) => {
      const situation = requireSituation(store, situationId);
      if (situation.status !== 'parked') {
        throw new AppError('CONFLICT', 'Only a situation waiting in the parking lot has a priority.');
      }
      store.parkingLot.prioritize(situationId, priority, clock());
      emit('archive.changed', { records: ['situation'], situationIds: [situationId] });
      return { situationId, priority };
    },

    'vote.record': ({ meetingId, memberId, votes }) =>
      changeMeeting(context, meetingId, 'live', (meeting, at) => {
        requireAttendee(store, meeting, memberId);
        const seen = new Set<string>();
        for (const vote of votes) {
          if (seen.has(vote.situationId)) {
            throw new AppError('VALIDATION', 'Give each situation its dots once.');
          }
          seen.add(vote.situationId);
          requireParked(store, meeting, vote.situationId);
        }
        if (votes.reduce((sum, v) => sum + v.dots, 0) > MAX_DOTS) {
          throw new AppError(
            'VALIDATION',
            `A member has ${MAX_DOTS} dots at most to spread over the parking lot.`,
          );
        }
        store.parkingLot.vote(meeting.id, memberId, votes, at);
      }),

    'selection.choose': ({ meetingId, situationIds }) =>
      changeMeeting(context, meetingId, 'open', (meeting, at) => {
        if (new Set(situationIds).size !== situationIds.length) {
          throw new AppError('VALIDATION', 'Choose each situation once.');
        }
        for (const id of situationIds) requireParked(store, meeting, id);
        chooseSituations(store, meeting.id, situationIds, at);
      }),
  };
}

/**
 * Makes the chosen situations the meeting's issue-processing slots, in the order given, where the
 * slots (or the template's open slot) stood. Slots of situations no longer chosen go, unless they
 * have started: a situation being processed stays on the agenda.
 */
function chooseSituations(store: Store, meetingId: string, situationIds: readonly string[], at: number) {
  const items = store.agenda.items(meetingId);
  const slots = items.filter((i) => i.kind === 'issue_processing');
  const chosen = new Set(situationIds);
  // With nothing chosen, an open slot keeps the place for a later choice.
  const openSlot = situationIds.length === 0 ? slots.find((s) => s.situationId === null) : undefined;
  for (const slot of slots) {
    if (slot === openSlot || (slot.situationId !== null && chosen.has(slot.situationId))) continue;
    if (slot.timer.startedAt !== null) {
      throw new AppError(
        'CONFLICT',
        slot.situationTitle === null
          ? 'This open slot has already run; it stays on the agenda.'
          : `“${slot.situationTitle}” is being processed already; it stays on the agenda.`,
      );
    }
    store.agenda.removeItem(slot.id, at);
  }

  const others = items.filter((i) => i.kind !== 'issue_processing');
  const firstSlot = items.findIndex((i) => i.kind === 'issue_processing');
  let anchor: number;
  if (firstSlot >= 0) anchor = items.slice(0, firstSlot).filter((i) => i.kind !== 'issue_processing').length;
  else {
    const selection = others.findIndex((i) => i.kind === 'issue_selection');
    const wrapUp = others.findIndex((i) => i.kind === 'wrap_up');
    anchor = selection >= 0 ? selection + 1 : wrapUp >= 0 ? wrapUp : others.length;
  }
  const template = slots[0];
  const minutes = template?.minutes ?? DEFAULT_SLOT_MINUTES;
  const title = template?.title ?? 'Issue processing';

  // A new issue-processing slot at the end; the reorder below puts it in place.
  const addSlot = (situationId: string | null): string => {
    const id = newId();
    store.agenda.insertItem({
      id,
      meetingId,
      position: items.length,
      kind: 'issue_processing',
      title,
      minutes,
      speakerMinutes: null,
      situationId,
      now: at,
    });
    return id;
  };

  const ordered = situationIds.map(
    (situationId) => slots.find((s) => s.situationId === situationId)?.id ?? addSlot(situationId),
  );
  if (openSlot) ordered.push(openSlot.id);
  else if (ordered.length === 0) ordered.push(addSlot(null));
  const order = others.map((i) => i.id);
  order.splice(anchor, 0, ...ordered);
  store.agenda.setOrder(order, at);
}
