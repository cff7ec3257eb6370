// The current group's meetings (planned, live, closed), the agenda templates, and the parking lot's
// A/B/C priorities as the latest meeting shows them, all read through the server-state layer;
// planning a meeting, saving a template and setting a priority are its writes. See
// docs/architecture.md "Renderer data layer".
import { useMemo } from 'react';
import type { Input } from '../../shared/contract';
import type { AgendaTemplate, MeetingSummary, MeetingView, Priority } from '../../shared/domain';
import { describeError } from '../api/client';
import { useServer, useWrite } from '../api/use-server-state';
import { meetingWritten, prioritized, templateSaved } from '../api/writes';

const NO_MEETINGS: MeetingSummary[] = [];
const NO_TEMPLATES: AgendaTemplate[] = [];

export interface Meetings {
  /** Null until the list for this group has landed. */
  meetings: MeetingSummary[] | null;
  templates: AgendaTemplate[];
  /** Priorities of parked situations, as the latest meeting's view shows them. */
  priorities: Record<string, Priority | null>;
  error: string | null;
}

export function useMeetings(groupId: string | null): Meetings {
  const list = useServer('meeting.list', { groupId: groupId ?? '' }, { enabled: groupId !== null });
  const templates = useServer('template.list', {});
  const latest = useMemo(() => selectMeetingsByDate(list.data ?? NO_MEETINGS)[0] ?? null, [list.data]);
  const latestView = useServer('meeting.get', { meetingId: latest?.id ?? '' }, { enabled: latest !== null });
  const priorities = useMemo(
    () => Object.fromEntries((latestView.data?.parkingLot ?? []).map((e) => [e.situationId, e.priority])),
    [latestView.data],
  );
  const failure = list.error ?? templates.error ?? latestView.error;
  return {
    meetings: list.data ?? null,
    templates: templates.data ?? NO_TEMPLATES,
    priorities,
    error: failure ? describeError(failure) : null,
  };
}

export function usePlanMeeting(): (input: Input<'meeting.plan'>) => Promise<MeetingView> {
  return useWrite('meeting.plan', meetingWritten).mutateAsync;
}

export function useSaveTemplate(): (input: Input<'template.save'>) => Promise<AgendaTemplate> {
  return useWrite('template.save', templateSaved).mutateAsync;
}

export function usePrioritize(): (situationId: string, priority: Priority | null) => Promise<unknown> {
  const { mutateAsync } = useWrite('situation.prioritize', prioritized);
  return (situationId, priority) => mutateAsync({ situationId, priority });
}

/** Newest first: the next meeting on top, then the ones held. */
export function selectMeetingsByDate(meetings: MeetingSummary[]): MeetingSummary[] {
  return [...meetings].sort((a, b) => b.startsAt - a.startsAt);
}
