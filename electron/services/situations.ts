// Situations and what members say about them.
import { AppError } from '../../shared/errors';
import type { Handlers } from '../ipc/router';
import { newId, now } from '../store/ids';
import { checkCapture } from './capture';
import type { ServiceContext } from './context';
import { requireGroup, requireMember } from './groups';
import { announceMeeting } from './meeting-state';
import { requireSituation } from './situation-record';

export function situationHandlers(
  context: ServiceContext,
): Pick<
  Handlers,
  'situation.create' | 'situation.update' | 'situation.list' | 'situation.get' | 'contribution.add'
> {
  const { store, emit } = context;
  const clock = context.now ?? now;
  return {
    'situation.create': (input) => {
      requireGroup(store, input.groupId);
      requireMember(store, input.presenterId, input.groupId);
      const id = newId();
      store.situations.insert({
        id,
        groupId: input.groupId,
        presenterId: input.presenterId,
        title: input.title,
        background: input.background,
        confidential: input.confidential ? 1 : 0,
        credit: input.credit,
        now: now(),
      });
      emit('archive.changed', { records: ['situation'], situationIds: [id] });
      return requireSituation(store, id);
    },

    'situation.update': ({ id, ...changes }) => {
      const at = clock();
      const meetings = store.db.transaction(() => {
        if (!store.situations.update(id, changes, at)) {
          throw new AppError('NOT_FOUND', 'That situation no longer exists.');
        }
        const open = store.meetings.openWithSituation(id);
        for (const meetingId of open) store.meetings.touch(meetingId, at);
        return open;
      })();
      emit('archive.changed', { records: ['situation'], situationIds: [id] });
      // A fixed question reaches the chair's screen and the projector of a meeting that has it on its agenda.
      for (const meetingId of meetings) announceMeeting(context, meetingId);
      return requireSituation(store, id);
    },

    'situation.list': ({ groupId }) => {
      if (groupId !== undefined) requireGroup(store, groupId);
      return store.situations.list(groupId);
    },

    'situation.get': ({ id }) => {
      const situation = requireSituation(store, id);
      return {
        situation,
        groupName: requireGroup(store, situation.groupId).name,
        presenter: requireMember(store, situation.presenterId),
        contributions: store.contributions.listBySituation(id),
        tags: store.tags.listBySituation(id),
        commitments: store.commitments.listBySituation(id),
      };
    },

    'contribution.add': ({ meetingId, override, ...input }) => {
      const situation = requireSituation(store, input.situationId);
      const author = requireMember(store, input.authorId, situation.groupId);
      if (input.parentId !== null) {
        const parent = store.contributions.get(input.parentId);
        if (!parent || parent.situationId !== situation.id) {
          throw new AppError('NOT_FOUND', 'The point you are answering no longer exists.');
        }
      }
      // In a meeting, the phase rules decide (one lookup); outside one, a point is added as before.
      const capture =
        meetingId === undefined
          ? null
          : checkCapture(store, { meetingId, kind: input.kind, override }, situation, author);
      const id = newId();
      const at = clock();
      store.db.transaction(() => {
        store.contributions.insert({
          ...input,
          id,
          now: at,
          meetingId: capture?.meetingId ?? null,
          phase: capture?.phase ?? null,
        });
        store.situations.touch(situation.id, at);
        if (capture?.overridden) {
          store.meetings.touch(capture.meetingId, at);
          store.facilitation.recordOverride({
            id: newId(),
            meetingId: capture.meetingId,
            situationId: situation.id,
            phase: capture.phase,
            rule: capture.overridden.rule,
            action: 'contribution.add',
            message: capture.overridden.message,
            memberId: author.id,
            recordId: id,
            now: at,
          });
        }
      })();
      emit('archive.changed', { records: ['contribution'], situationIds: [situation.id] });
      // The meeting's view changes only when it records an override (see MeetingView.overrides).
      if (capture?.overridden) announceMeeting(context, capture.meetingId);
      const saved = store.contributions.get(id);
      if (!saved) throw new Error(`contribution ${id} vanished after insert`);
      return saved;
    },
  };
}
