// The past situations most like the one open on screen, found offline from its distinctive words.
import { create } from 'zustand';
import type { SituationSummary } from '../../shared/domain';
import { describeError, invoke } from '../api/client';

interface RelatedState {
  /** The situation `related` belongs to. */
  loadedFor: string | null;
  related: SituationSummary[];
  error: string | null;
  load: (situationId: string) => Promise<void>;
}

let latestRequest = 0;

export const useRelatedStore = create<RelatedState>()((set) => ({
  loadedFor: null,
  related: [],
  error: null,

  async load(situationId) {
    const request = ++latestRequest;
    try {
      const related = await invoke('archive.related', { situationId });
      if (request === latestRequest) set({ loadedFor: situationId, related, error: null });
    } catch (error) {
      if (request === latestRequest)
        set({ loadedFor: situationId, related: [], error: describeError(error) });
    }
  },
}));
