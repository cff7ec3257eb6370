// Capture in a live meeting. The points themselves are the situation's thread in the server-state
// layer (situation.get, shared with the situation page); what is kept here is the window's own: the
// points on their way to the backend (shown as pending, never as saved), the last point removed
// until it is undone, and the last failure. A point counts as saved only once contribution.add has
// answered. See docs/architecture.md "Renderer data layer".
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { create } from 'zustand';
import type { Commitment, ContributionKind } from '../../shared/domain';
import { ApiError, describeError } from '../api/client';
import { write } from '../api/server-state';
import { useServer } from '../api/use-server-state';
import { endorsed, pointAdded, pointsRemoved } from '../api/writes';
import { buildPointTree, flattenPointTree, type FlatPoint } from '../features/situation/point-tree';

export type { FlatPoint } from '../features/situation/point-tree';

export interface PendingPoint {
  key: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  kind: ContributionKind;
  body: string;
}

export interface NewPoint extends Omit<PendingPoint, 'key'> {
  meetingId: string;
  override?: boolean;
}

export type AddResult = { ok: true } | { ok: false; ruleRefused: boolean; message: string };

interface RemovedPoint {
  id: string;
  body: string;
}

interface CaptureState {
  /** The situation being captured; pending points and the undo belong to it. */
  situationId: string | null;
  pending: PendingPoint[];
  /** The last point removed, until the chair undoes it or removes another. */
  removed: RemovedPoint | null;
  error: string | null;
  focus: (situationId: string) => void;
  dismissError: () => void;
}

export const useCaptureStore = create<CaptureState>()((set, get) => ({
  situationId: null,
  pending: [],
  removed: null,
  error: null,
  focus(situationId) {
    if (get().situationId !== situationId) set({ situationId, pending: [], removed: null, error: null });
  },
  dismissError() {
    set({ error: null });
  },
}));

let pendingCounter = 0;

/** Adds a point to the pending list; answers its key. */
export function startPending(point: Omit<PendingPoint, 'key'>): string {
  const key = `pending-${++pendingCounter}`;
  useCaptureStore.setState((s) => ({ pending: [...s.pending, { key, ...point }] }));
  return key;
}

export function endPending(key: string): void {
  useCaptureStore.setState((s) => ({ pending: s.pending.filter((p) => p.key !== key) }));
}

/** The situation's points, in said order with their depth, and its commitments. */
export function useCapturedThread(situationId: string): { points: FlatPoint[]; commitments: Commitment[] } {
  const { data } = useServer('situation.get', { id: situationId }, { enabled: situationId !== '' });
  const points = useMemo(() => flattenPointTree(buildPointTree(data?.contributions ?? [])), [data]);
  return { points, commitments: data?.commitments ?? NO_COMMITMENTS };
}

const NO_COMMITMENTS: Commitment[] = [];

/** Every write capture makes, each answered into the thread. */
export function useCaptureWrites() {
  const client = useQueryClient();
  return useMemo(() => captureWrites(client), [client]);
}

export function captureWrites(client: QueryClient) {
  const situation = () => useCaptureStore.getState().situationId;
  const fail = (error: unknown) => useCaptureStore.setState({ error: describeError(error) });

  return {
    addPoint: async ({ meetingId, override = false, ...point }: NewPoint): Promise<AddResult> => {
      const situationId = situation();
      if (!situationId) return { ok: false, ruleRefused: false, message: 'No situation is being processed.' };
      const key = startPending(point);
      try {
        await write(
          client,
          'contribution.add',
          {
            situationId,
            meetingId,
            parentId: point.parentId,
            authorId: point.authorId,
            kind: point.kind,
            body: point.body,
            override,
          },
          pointAdded(point.authorName),
        );
        return { ok: true };
      } catch (error) {
        const ruleRefused = error instanceof ApiError && error.code === 'PHASE_RULE';
        return { ok: false, ruleRefused, message: describeError(error) };
      } finally {
        endPending(key);
      }
    },

    editPoint: async (id: string, change: { body?: string; authorId?: string }): Promise<boolean> => {
      try {
        // The change event brings the point back under its (possibly new) author's name.
        await write(client, 'contribution.edit', { contributionId: id, ...change });
        useCaptureStore.setState({ error: null });
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },

    removePoint: async (id: string, body: string): Promise<void> => {
      const situationId = situation();
      if (!situationId) return;
      try {
        await write(client, 'contribution.remove', { contributionId: id }, pointsRemoved(situationId));
        useCaptureStore.setState({ removed: { id, body }, error: null });
      } catch (error) {
        fail(error);
      }
    },

    undoRemove: async (): Promise<void> => {
      const { removed } = useCaptureStore.getState();
      if (!removed) return;
      try {
        // The change event brings the restored points back.
        await write(client, 'contribution.restore', { contributionId: removed.id });
        useCaptureStore.setState({ removed: null, error: null });
      } catch (error) {
        fail(error);
      }
    },

    endorse: async (id: string, memberId: string, already: boolean): Promise<void> => {
      const situationId = situation();
      if (!situationId) return;
      try {
        await write(
          client,
          already ? 'contribution.unendorse' : 'contribution.endorse',
          { contributionId: id, memberId },
          endorsed(situationId),
        );
        useCaptureStore.setState({ error: null });
      } catch (error) {
        fail(error);
      }
    },
  };
}
