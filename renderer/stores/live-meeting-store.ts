// The meeting open on the chair's screen (or the projector): its MeetingView as the backend last
// answered, the skew between the backend's clock and this window's, and every write to it. A write
// a phase rule refuses waits as a refusal, which the chair may override explicitly.
import { create } from 'zustand';
import type { Channel } from '../../shared/channels';
import type { Input } from '../../shared/contract';
import type { AgendaItem, AttendanceEntry, MeetingView } from '../../shared/domain';
import { ApiError, describeError, invoke, onEvent } from '../api/client';

/** Channels that change a meeting and answer with the meeting as it now is. */
export type MeetingWrite =
  | 'meeting.start'
  | 'meeting.close'
  | 'meeting.reopen'
  | 'attendance.mark'
  | 'vote.record'
  | 'selection.choose'
  | 'segment.start'
  | 'phase.start'
  | 'timer.pause'
  | 'timer.resume'
  | 'turn.start'
  | 'turn.end'
  | 'round.order';

/** What a phase rule refused, and how to send it again with the chair's override. */
export interface RuleRefusal {
  message: string;
  override: () => Promise<void>;
}

interface LiveMeetingState {
  meetingId: string | null;
  view: MeetingView | null;
  /** The backend's clock minus this window's, when the view arrived; timers tick from it. */
  skewMs: number;
  loadError: string | null;
  /** The last write that failed, as a sentence. */
  actionError: string | null;
  refusal: RuleRefusal | null;
  open: (meetingId: string) => Promise<void>;
  refresh: () => Promise<void>;
  act: <C extends MeetingWrite>(channel: C, input: Input<C>) => Promise<boolean>;
  showRefusal: (refusal: RuleRefusal | null) => void;
  dismissError: () => void;
}

let latestRequest = 0;

export const useLiveMeetingStore = create<LiveMeetingState>()((set, get) => {
  function receive(view: MeetingView) {
    if (view.meeting.id !== get().meetingId) return;
    set({ view, skewMs: view.now - Date.now(), loadError: null });
  }

  return {
    meetingId: null,
    view: null,
    skewMs: 0,
    loadError: null,
    actionError: null,
    refusal: null,

    async open(meetingId) {
      if (get().meetingId !== meetingId) {
        set({ meetingId, view: null, loadError: null, actionError: null, refusal: null });
      }
      await get().refresh();
    },

    async refresh() {
      const meetingId = get().meetingId;
      if (!meetingId) return;
      const request = ++latestRequest;
      try {
        const view = await invoke('meeting.get', { meetingId });
        if (request === latestRequest) receive(view);
      } catch (error) {
        if (request === latestRequest) set({ loadError: describeError(error) });
      }
    },

    async act(channel, input) {
      try {
        // Every MeetingWrite answers with a MeetingView; the union of outputs is exactly that.
        const view: MeetingView = await invoke<Channel & MeetingWrite>(channel, input);
        latestRequest++;
        receive(view);
        set({ actionError: null, refusal: null });
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'PHASE_RULE' && 'override' in input) {
          set({
            actionError: null,
            refusal: {
              message: error.message,
              override: async () => {
                await get().act(channel, { ...input, override: true });
              },
            },
          });
        } else set({ actionError: describeError(error), refusal: null });
        return false;
      }
    },

    showRefusal(refusal) {
      set({ refusal, actionError: null });
    },

    dismissError() {
      set({ actionError: null, refusal: null });
    },
  };
});

/** The presenter view and the chair's window re-read the meeting whenever any window changes it. */
export function followLiveMeetingChanges(): () => void {
  return onEvent('meeting.changed', ({ meetingId }) => {
    const state = useLiveMeetingStore.getState();
    if (state.meetingId === meetingId) void state.refresh();
  });
}

// ── Selectors ────────────────────────────────────────────────────────────────────────────────────

export function selectCurrentItem(view: MeetingView | null): AgendaItem | null {
  if (!view) return null;
  return view.agenda.find((item) => item.id === view.currentItemId) ?? null;
}

/** The first segment after the running one (or the first one not run yet). */
export function selectNextItem(view: MeetingView | null): AgendaItem | null {
  if (!view) return null;
  const current = view.agenda.findIndex((item) => item.id === view.currentItemId);
  if (current >= 0) return view.agenda[current + 1] ?? null;
  return view.agenda.find((item) => item.timer.startedAt === null) ?? null;
}

export function selectPresentAttendees(view: MeetingView | null): AttendanceEntry[] {
  if (!view) return [];
  return view.attendance.filter((a) => a.status === 'present' || a.status === 'late');
}

export function selectReadOnly(view: MeetingView | null): boolean {
  return view?.meeting.status === 'closed';
}

export function selectSpeakerName(view: MeetingView | null): string | null {
  return view?.currentTurn?.memberName ?? null;
}
