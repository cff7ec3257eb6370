// Commitments: made in the Commit phase, reviewed at a later meeting with an outcome and the advice
// that helped, and listed for the next meeting's follow-up.
import type { Commitment } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { checkCommitment } from '../../shared/phase-rules';
import type { Handlers } from '../ipc/router';
import type { Store } from '../store';
import { newId } from '../store/ids';
import type { ServiceContext } from './context';
import { requireMember } from './groups';
import { announceMeeting, clockOf, requireLiveMeeting, requireMeeting } from './meeting-state';
import { requireSituation } from './situation-record';

function commitmentOf(store: Store, situationId: string, id: string): Commitment {
  const commitment = store.commitments.listBySituation(situationId).find((k) => k.id === id);
  if (!commitment) throw new Error(`commitment ${id} vanished after a write`);
  return commitment;
}

export function commitmentHandlers(
  context: ServiceContext,
): Pick<Handlers, 'commitment.add' | 'commitment.review' | 'followup.list'> {
  const { store, emit } = context;
  const clock = clockOf(context);

  return {
    'commitment.add': (input) => {
      const meeting = requireLiveMeeting(store, input.meetingId);
      const situation = requireSituation(store, input.situationId);
      if (situation.groupId !== meeting.groupId) {
        throw new AppError('VALIDATION', 'This situation belongs to another group than the meeting.');
      }
      requireMember(store, input.ownerId, meeting.groupId);
      const run = store.facilitation.runningRun(meeting.id);
      const phase = run?.situationId === situation.id ? run.phase : null;
      const violation = checkCommitment(phase);
      if (violation && !input.override) {
        throw new AppError('PHASE_RULE', violation.message, { rule: violation.rule });
      }
      const id = newId();
      const at = clock();
      store.db.transaction(() => {
        store.commitments.insert({
          id,
          situationId: situation.id,
          ownerId: input.ownerId,
          body: input.body,
          dueAt: input.dueDate,
          status: 'open',
          outcome: '',
          meetingId: meeting.id,
          now: at,
        });
        store.situations.touch(situation.id, at);
        store.meetings.touch(meeting.id, at);
        if (violation) {
          store.facilitation.recordOverride({
            id: newId(),
            meetingId: meeting.id,
            situationId: situation.id,
            phase,
            rule: violation.rule,
            action: 'commitment.add',
            message: violation.message,
            memberId: input.ownerId,
            recordId: id,
            now: at,
          });
        }
      })();
      emit('archive.changed', { records: ['commitment'], situationIds: [situation.id] });
      announceMeeting(context, meeting.id);
      return commitmentOf(store, situation.id, id);
    },

    'commitment.review': (input) => {
      const meeting = requireLiveMeeting(store, input.meetingId);
      const commitment = store.commitments.get(input.commitmentId, meeting.startsAt);
      if (!commitment) throw new AppError('NOT_FOUND', 'That commitment no longer exists.');
      if (commitment.groupId !== meeting.groupId) {
        throw new AppError('VALIDATION', 'This commitment belongs to another group than the meeting.');
      }
      if (commitment.meetingId === meeting.id) {
        throw new AppError(
          'CONFLICT',
          'A commitment is reviewed at a later meeting than the one it was made at.',
        );
      }
      const helped = [...new Set(input.helpedContributionIds)];
      for (const pointId of helped) {
        const point = store.contributions.get(pointId);
        if (
          !point ||
          point.situationId !== commitment.situationId ||
          (point.kind !== 'advice' && point.kind !== 'experience')
        ) {
          throw new AppError(
            'VALIDATION',
            'Only advice given on this situation can be marked as having helped.',
          );
        }
      }
      const at = clock();
      store.db.transaction(() => {
        store.commitments.review(
          { id: commitment.id, status: input.outcome, outcome: input.text, meetingId: meeting.id, now: at },
          helped,
        );
        store.situations.touch(commitment.situationId, at);
        store.meetings.touch(meeting.id, at);
      })();
      emit('archive.changed', { records: ['commitment'], situationIds: [commitment.situationId] });
      announceMeeting(context, meeting.id);
      return commitmentOf(store, commitment.situationId, commitment.id);
    },

    'followup.list': ({ meetingId }) => {
      const meeting = requireMeeting(store, meetingId);
      return {
        meetingId,
        commitments: store.commitments.followUp(meeting.groupId, meeting.id, meeting.startsAt),
        situations: store.commitments.earlierSituations(
          meeting.groupId,
          meeting.id,
          store.meetings.previousOf(meeting),
        ),
      };
    },
  };
}
