// Capture during a meeting: the phase rules a new point must pass, editing points in place,
// removing them with undo, endorsements (+1), and drafts that keep what was typed.
import type { Member, Phase, Situation } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { checkContribution, type RuleViolation } from '../../shared/phase-rules';
import type { Handlers } from '../ipc/router';
import type { Store } from '../store';
import type { ContributionRecord } from '../store/contributions';
import { newId } from '../store/ids';
import type { ServiceContext } from './context';
import { requireMember } from './groups';
import {
  CLOSED_MESSAGE,
  clockOf,
  requireAttendee,
  requireMeeting,
  requireOpenMeeting,
} from './meeting-state';
import { requireSituation } from './situation-record';

export interface CaptureVerdict {
  meetingId: string;
  phase: Phase | null;
  /** The rule the chair overrode, to be recorded with the point. */
  overridden: RuleViolation | null;
}

/**
 * The one lookup a point captured in a meeting costs: the meeting's state, the phase running and
 * the author's attendance in a single query, then the pure phase rules.
 */
export function checkCapture(
  store: Store,
  input: { meetingId: string; kind: Parameters<typeof checkContribution>[0]['kind']; override: boolean },
  situation: Situation,
  author: Member,
): CaptureVerdict {
  const state = store.facilitation.captureState(input.meetingId, author.id);
  if (!state) throw new AppError('NOT_FOUND', 'That meeting no longer exists.');
  if (state.groupId !== situation.groupId) {
    throw new AppError('VALIDATION', 'This situation belongs to another group than the meeting.');
  }
  if (state.status === 'closed') throw new AppError('CONFLICT', CLOSED_MESSAGE);
  if (state.status === 'planned')
    throw new AppError('CONFLICT', 'This meeting has not started yet. Start it first.');
  if (state.attendance !== 'present' && state.attendance !== 'late') {
    throw new AppError(
      'VALIDATION',
      `${author.name} ${state.attendance === 'absent' ? 'is marked absent' : 'is not marked present'}. Mark them present first.`,
    );
  }
  const phase = state.situationId === situation.id ? state.phase : null;
  const violation = checkContribution({
    phase,
    kind: input.kind,
    byPresenter: author.id === situation.presenterId,
  });
  if (violation && !input.override)
    throw new AppError('PHASE_RULE', violation.message, { rule: violation.rule });
  return { meetingId: input.meetingId, phase, overridden: violation };
}

export function captureHandlers(
  context: ServiceContext,
): Pick<
  Handlers,
  | 'contribution.edit'
  | 'contribution.remove'
  | 'contribution.restore'
  | 'contribution.endorse'
  | 'contribution.unendorse'
  | 'draft.save'
  | 'draft.list'
  | 'draft.discard'
> {
  const { store, emit } = context;
  const clock = clockOf(context);

  function requirePoint(id: string, removed = false): ContributionRecord {
    const point = store.contributions.record(id);
    if (!point || (point.deletedAt !== null) !== removed) {
      throw new AppError(
        removed && point ? 'CONFLICT' : 'NOT_FOUND',
        removed && point ? 'That point has not been removed.' : 'That point no longer exists.',
      );
    }
    // What was said at a closed meeting stays as it was said.
    if (point.meetingId !== null && requireMeeting(store, point.meetingId).status === 'closed') {
      throw new AppError('CONFLICT', CLOSED_MESSAGE);
    }
    return point;
  }

  /**
   * Writes in one transaction, keeps the situation's updated_at, and tells every window. A meeting's
   * view holds no points, so the meeting is not announced.
   */
  function changePoint<T>(point: ContributionRecord, write: (at: number) => T): T {
    const at = clock();
    const result = store.db.transaction(() => {
      const value = write(at);
      store.situations.touch(point.situationId, at);
      return value;
    })();
    emit('archive.changed', { records: ['contribution'], situationIds: [point.situationId] });
    return result;
  }

  function endorsement(point: ContributionRecord, memberId: string) {
    const situation = requireSituation(store, point.situationId);
    const member = requireMember(store, memberId, situation.groupId);
    if (member.id === point.authorId) {
      throw new AppError('VALIDATION', 'Members endorse each other’s points, not their own.');
    }
    return member;
  }

  return {
    'contribution.edit': (input) => {
      const point = requirePoint(input.contributionId);
      if (input.body === undefined && input.kind === undefined && input.authorId === undefined) {
        throw new AppError('VALIDATION', 'Change the text, the kind or the author of the point.');
      }
      if (input.authorId !== undefined && input.authorId !== point.authorId) {
        const situation = requireSituation(store, point.situationId);
        if (point.meetingId === null) requireMember(store, input.authorId, situation.groupId);
        else requireAttendee(store, requireMeeting(store, point.meetingId), input.authorId);
      }
      const current = store.contributions.get(point.id);
      if (!current) throw new AppError('NOT_FOUND', 'That point no longer exists.');
      changePoint(point, (at) =>
        store.contributions.edit({
          id: point.id,
          body: input.body ?? current.body,
          kind: input.kind ?? current.kind,
          authorId: input.authorId ?? current.authorId,
          now: at,
        }),
      );
      const saved = store.contributions.get(point.id);
      if (!saved) throw new Error(`contribution ${point.id} vanished after an edit`);
      return saved;
    },

    'contribution.remove': ({ contributionId }) => {
      const point = requirePoint(contributionId);
      return { removedIds: changePoint(point, (at) => store.contributions.removeTree(point.id, at)) };
    },

    'contribution.restore': ({ contributionId }) => {
      const point = requirePoint(contributionId, true);
      if (point.parentId !== null && store.contributions.get(point.parentId) === undefined) {
        throw new AppError('CONFLICT', 'The point this one answers was removed too; restore that one first.');
      }
      const deletedAt = point.deletedAt ?? 0;
      return {
        restoredIds: changePoint(point, (at) => store.contributions.restoreTree(point.id, deletedAt, at)),
      };
    },

    'contribution.endorse': ({ contributionId, memberId }) => {
      const point = requirePoint(contributionId);
      endorsement(point, memberId);
      changePoint(point, (at) => store.contributions.endorse(point.id, memberId, at));
      return { contributionId, endorsedBy: store.contributions.endorsers(point.id) };
    },

    'contribution.unendorse': ({ contributionId, memberId }) => {
      const point = requirePoint(contributionId);
      endorsement(point, memberId);
      changePoint(point, () => store.contributions.unendorse(point.id, memberId));
      return { contributionId, endorsedBy: store.contributions.endorsers(point.id) };
    },

    // A closed meeting is read-only, its drafts too: what was typed before it closed stays, and comes
    // back into the box if the meeting is reopened. Drafts are private to the chair's window, so
    // saving one does not signal the other windows.
    'draft.save': ({ meetingId, authorId, context: where, body }) => {
      const meeting = requireOpenMeeting(store, meetingId);
      requireMember(store, authorId, meeting.groupId);
      const key = { meetingId, authorId, context: where };
      if (body.length === 0) {
        store.drafts.discard(key);
        return null;
      }
      store.drafts.save(key, newId(), body, clock());
      return store.drafts.get(key) ?? null;
    },

    'draft.list': ({ meetingId }) => {
      requireMeeting(store, meetingId);
      return store.drafts.list(meetingId);
    },

    'draft.discard': ({ meetingId, authorId, context: where }) => {
      requireOpenMeeting(store, meetingId);
      return { discarded: store.drafts.discard({ meetingId, authorId, context: where }) };
    },
  };
}
