// Meetings: planning one, its life from planned to live to closed (and reopened), attendance and
// the wrap-up's takeaways and ratings.
import { AppError } from '../../shared/errors';
import type { Handlers } from '../ipc/router';
import { newId } from '../store/ids';
import { buildAgenda, requireTemplate } from './agenda';
import type { ServiceContext } from './context';
import { requireGroup, requireMember } from './groups';
import {
  announceMeeting,
  changeMeeting,
  clockOf,
  meetingView,
  requireAttendee,
  requireMeeting,
} from './meeting-state';

/** The built-in "Forum meeting" template, seeded by migration 0002. */
export const FORUM_MEETING_TEMPLATE_ID = '01941f29-7c00-7000-8000-000000000001';

export function meetingHandlers(
  context: ServiceContext,
): Pick<
  Handlers,
  | 'meeting.plan'
  | 'meeting.list'
  | 'meeting.get'
  | 'meeting.start'
  | 'meeting.close'
  | 'meeting.reopen'
  | 'attendance.mark'
  | 'wrapup.record'
> {
  const { store } = context;
  const clock = clockOf(context);

  return {
    'meeting.plan': (input) => {
      requireGroup(store, input.groupId);
      const attendees = input.attendeeIds
        ? [...new Set(input.attendeeIds)].map((id) => requireMember(store, id, input.groupId))
        : store.members.listByGroup(input.groupId);
      const template = requireTemplate(store, input.templateId ?? FORUM_MEETING_TEMPLATE_ID);
      const id = newId();
      const at = clock();
      store.db.transaction(() => {
        store.meetings.insert({
          id,
          groupId: input.groupId,
          startsAt: input.startsAt,
          location: input.location,
          now: at,
        });
        for (const member of attendees) store.meetings.mark(id, member.id, 'expected', at);
        buildAgenda(store, id, template, at);
      })();
      announceMeeting(context, id);
      return meetingView(store, id, at);
    },

    'meeting.list': ({ groupId }) => {
      requireGroup(store, groupId);
      return store.meetings.listByGroup(groupId);
    },

    'meeting.get': ({ meetingId }) => {
      requireMeeting(store, meetingId);
      return meetingView(store, meetingId, clock());
    },

    'meeting.start': ({ meetingId }) =>
      changeMeeting(context, meetingId, 'open', (meeting, at) => {
        if (meeting.status === 'live') throw new AppError('CONFLICT', 'This meeting is already under way.');
        store.meetings.setStatus(meeting.id, 'live', at);
      }),

    'meeting.close': ({ meetingId }) =>
      changeMeeting(context, meetingId, 'live', (meeting, at) => {
        // Everything running stops where it is; situations taken up here leave the parking lot.
        store.facilitation.stopTurn(meeting.id, at);
        store.facilitation.stopRun(meeting.id, at);
        store.agenda.stopRunning(meeting.id, at);
        store.parkingLot.finishMeeting(meeting.id, at);
        store.meetings.setStatus(meeting.id, 'closed', at);
      }),

    'meeting.reopen': ({ meetingId }) => {
      const meeting = requireMeeting(store, meetingId);
      if (meeting.status !== 'closed') {
        throw new AppError('CONFLICT', 'Only a closed meeting can be reopened; this one is still open.');
      }
      const at = clock();
      store.db.transaction(() => store.meetings.setStatus(meeting.id, 'live', at))();
      announceMeeting(context, meetingId);
      return meetingView(store, meetingId, at);
    },

    'attendance.mark': ({ meetingId, memberId, status }) =>
      changeMeeting(context, meetingId, 'open', (meeting, at) => {
        requireMember(store, memberId, meeting.groupId);
        // A member who leaves gives up the floor.
        if (status === 'absent' && store.facilitation.runningTurn(meeting.id)?.memberId === memberId) {
          store.facilitation.stopTurn(meeting.id, at);
        }
        store.meetings.mark(meeting.id, memberId, status, at);
      }),

    'wrapup.record': ({ meetingId, memberId, takeaway, rating }) => {
      changeMeeting(context, meetingId, 'live', (meeting, at) => {
        requireAttendee(store, meeting, memberId);
        store.meetings.recordWrapUp({ meetingId, memberId, takeaway, rating, now: at });
      });
      const meeting = requireMeeting(store, meetingId);
      return { entries: store.meetings.wrapUp(meetingId), averageRating: meeting.rating };
    },
  };
}
