// The meeting open on the chair's screen (or the projector): its MeetingView from the server-state
// layer, the skew between the backend's clock and this window's, and every write to it. What stays
// here is the window's own: the last failed write and a refusal waiting for the chair's override.
// See docs/architecture.md "Renderer data layer".
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { create } from 'zustand';
import type { Input } from '../../shared/contract';
import type { AgendaItem, AttendanceEntry, MeetingView } from '../../shared/domain';
import { ApiError, describeError } from '../api/client';
import { write } from '../api/server-state';
import { useServer } from '../api/use-server-state';
import { meetingWritten, type MeetingWrite } from '../api/writes';

export type { MeetingWrite } from '../api/writes';

/** What a phase rule refused, and how to send it again with the chair's override. */
export interface RuleRefusal {
  message: string;
  override: () => Promise<void>;
}

interface MeetingUiState {
  /** The last write that failed, as a sentence. */
  actionError: string | null;
  refusal: RuleRefusal | null;
  showRefusal: (refusal: RuleRefusal | null) => void;
  failed: (message: string | null) => void;
  dismissError: () => void;
}

export const useLiveMeetingStore = create<MeetingUiState>()((set) => ({
  actionError: null,
  refusal: null,
  showRefusal: (refusal) => set({ refusal, actionError: null }),
  failed: (actionError) => set({ actionError, refusal: null }),
  dismissError: () => set({ actionError: null, refusal: null }),
}));

export interface MeetingState {
  view: MeetingView | null;
  /** The backend's clock minus this window's, when the view arrived; timers tick from it. */
  skewMs: number;
  loadError: string | null;
}

/** The meeting as the backend last answered, kept fresh by meeting.changed. */
export function useMeeting(meetingId: string): MeetingState {
  const query = useServer('meeting.get', { meetingId });
  const view = query.data ?? null;
  return {
    view,
    skewMs: view ? view.now - query.dataUpdatedAt : 0,
    loadError: query.error ? describeError(query.error) : null,
  };
}

export type MeetingAct = <C extends MeetingWrite>(channel: C, input: Input<C>) => Promise<boolean>;

type Send = (write: { channel: MeetingWrite; input: Input<MeetingWrite> }) => Promise<unknown>;

/** Sends one meeting write; a refusal by a phase rule waits, with a way to send it again overridden. */
async function sendMeetingWrite<C extends MeetingWrite>(
  send: Send,
  channel: C,
  input: Input<C>,
): Promise<boolean> {
  const ui = useLiveMeetingStore.getState();
  try {
    await send({ channel, input });
    ui.dismissError();
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'PHASE_RULE' && 'override' in input) {
      useLiveMeetingStore.setState({
        actionError: null,
        refusal: {
          message: error.message,
          override: async () => {
            await sendMeetingWrite(send, channel, { ...input, override: true });
          },
        },
      });
    } else ui.failed(describeError(error));
    return false;
  }
}

/** Writes to the meeting; each answer is the meeting as it now is, put straight into the cache. */
export function useMeetingAct(): MeetingAct {
  const client = useQueryClient();
  const { mutateAsync } = useMutation({
    mutationFn: ({ channel, input }: { channel: MeetingWrite; input: Input<MeetingWrite> }) =>
      write(client, channel, input, meetingWritten),
  });
  return useCallback((channel, input) => sendMeetingWrite(mutateAsync, channel, input), [mutateAsync]);
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
