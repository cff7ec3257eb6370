// The current group's situations waiting for a meeting, and bringing a new one.
import { create } from 'zustand';
import type { Input } from '../../shared/contract';
import type { Situation, SituationSummary } from '../../shared/domain';
import { describeError, invoke, onEvent } from '../api/client';

interface ParkingLotState {
  /** The group last asked for; answers for any other group are dropped. */
  requestedFor: string | null;
  /** The group `situations` belongs to. */
  loadedFor: string | null;
  situations: SituationSummary[];
  error: string | null;
  load: (groupId: string) => Promise<void>;
  bringSituation: (input: Input<'situation.create'>) => Promise<Situation>;
}

let latestRequest = 0;

export const useParkingLotStore = create<ParkingLotState>()((set, get) => ({
  requestedFor: null,
  loadedFor: null,
  situations: [],
  error: null,

  async load(groupId) {
    const request = ++latestRequest;
    set({ requestedFor: groupId });
    try {
      const situations = await invoke('situation.list', { groupId });
      if (request === latestRequest) set({ situations, loadedFor: groupId, error: null });
    } catch (error) {
      if (request === latestRequest) set({ error: describeError(error) });
    }
  },

  async bringSituation(input) {
    const situation = await invoke('situation.create', input);
    if (get().requestedFor === situation.groupId) await get().load(situation.groupId);
    return situation;
  },
}));

/** Waiting means parked: not yet taken up in a meeting. */
export function selectWaiting(situations: SituationSummary[]): SituationSummary[] {
  return situations.filter((s) => s.status === 'parked');
}

export function followParkingLotChanges(): () => void {
  return onEvent('archive.changed', () => {
    const { requestedFor, load } = useParkingLotStore.getState();
    if (requestedFor) void load(requestedFor);
  });
}
