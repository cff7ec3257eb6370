// The current group's meetings (planned, live, closed), the agenda templates, planning a meeting,
// saving a template, and the parking lot's A/B/C priorities.
import { create } from 'zustand';
import type { Input } from '../../shared/contract';
import type { AgendaTemplate, MeetingSummary, MeetingView, Priority } from '../../shared/domain';
import { describeError, invoke, onEvent } from '../api/client';

interface MeetingsState {
  groupId: string | null;
  meetings: MeetingSummary[];
  templates: AgendaTemplate[];
  /** Priorities of parked situations, as the latest meeting's view shows them. */
  priorities: Record<string, Priority | null>;
  error: string | null;
  load: (groupId: string) => Promise<void>;
  plan: (input: Input<'meeting.plan'>) => Promise<MeetingView>;
  saveTemplate: (input: Input<'template.save'>) => Promise<AgendaTemplate>;
  prioritize: (situationId: string, priority: Priority | null) => Promise<void>;
}

let latestRequest = 0;

export const useMeetingsStore = create<MeetingsState>()((set, get) => ({
  groupId: null,
  meetings: [],
  templates: [],
  priorities: {},
  error: null,

  async load(groupId) {
    const request = ++latestRequest;
    if (get().groupId !== groupId) set({ groupId, meetings: [], priorities: {} });
    try {
      const [meetings, templates] = await Promise.all([
        invoke('meeting.list', { groupId }),
        invoke('template.list', {}),
      ]);
      const latest = [...meetings].sort((a, b) => b.startsAt - a.startsAt)[0];
      const view = latest ? await invoke('meeting.get', { meetingId: latest.id }) : null;
      const priorities = Object.fromEntries((view?.parkingLot ?? []).map((e) => [e.situationId, e.priority]));
      if (request === latestRequest) set({ meetings, templates, priorities, error: null });
    } catch (error) {
      if (request === latestRequest) set({ error: describeError(error) });
    }
  },

  async plan(input) {
    const view = await invoke('meeting.plan', input);
    await get().load(input.groupId);
    return view;
  },

  async saveTemplate(input) {
    const template = await invoke('template.save', input);
    set({ templates: await invoke('template.list', {}) });
    return template;
  },

  async prioritize(situationId, priority) {
    await invoke('situation.prioritize', { situationId, priority });
    set({ priorities: { ...get().priorities, [situationId]: priority } });
  },
}));

/** Newest first: the next meeting on top, then the ones held. */
export function selectMeetingsByDate(meetings: MeetingSummary[]): MeetingSummary[] {
  return [...meetings].sort((a, b) => b.startsAt - a.startsAt);
}

export function followMeetingListChanges(): () => void {
  return onEvent('meeting.changed', () => {
    const { groupId, load } = useMeetingsStore.getState();
    if (groupId) void load(groupId);
  });
}
