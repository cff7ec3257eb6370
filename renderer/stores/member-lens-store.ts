// One member's part in the archive: what they presented, the advice they gave, its endorsements.
import { create } from 'zustand';
import type { MemberLens } from '../../shared/domain';
import type { ErrorCode } from '../../shared/errors';
import { ApiError, describeError, invoke, onEvent } from '../api/client';

interface MemberLensState {
  lens: MemberLens | null;
  requestedFor: string | null;
  error: { code: ErrorCode; message: string } | null;
  open: (memberId: string) => Promise<void>;
}

let latestRequest = 0;

export const useMemberLensStore = create<MemberLensState>()((set, get) => ({
  lens: null,
  requestedFor: null,
  error: null,

  async open(memberId) {
    const request = ++latestRequest;
    if (get().requestedFor !== memberId) set({ requestedFor: memberId, lens: null, error: null });
    try {
      const lens = await invoke('member.lens', { memberId });
      if (request === latestRequest) set({ lens, error: null });
    } catch (error) {
      const code: ErrorCode = error instanceof ApiError ? error.code : 'INTERNAL';
      if (request === latestRequest) set({ error: { code, message: describeError(error) } });
    }
  },
}));

/** Advice added or endorsed anywhere may belong to the member on screen. */
export function followMemberLensChanges(): () => void {
  return onEvent('archive.changed', () => {
    const { requestedFor, lens, open } = useMemberLensStore.getState();
    if (requestedFor && lens) void open(requestedFor);
  });
}
