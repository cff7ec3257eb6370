// Capture in a live meeting: the points said about the situation being processed, the points on
// their way to the backend (shown as pending, never as saved), edits, endorsements, and removal
// with undo. A point counts as saved only once contribution.add has answered.
import { create } from 'zustand';
import type { Commitment, ContributionKind, ContributionView } from '../../shared/domain';
import { ApiError, describeError, invoke, onEvent } from '../api/client';

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
  situationId: string | null;
  points: ContributionView[];
  commitments: Commitment[];
  pending: PendingPoint[];
  /** The last point removed, until the chair undoes it or removes another. */
  removed: RemovedPoint | null;
  error: string | null;
  open: (situationId: string) => Promise<void>;
  refresh: () => Promise<void>;
  addPoint: (point: NewPoint) => Promise<AddResult>;
  editPoint: (id: string, change: { body?: string; authorId?: string }) => Promise<boolean>;
  removePoint: (id: string) => Promise<void>;
  undoRemove: () => Promise<void>;
  endorse: (id: string, memberId: string) => Promise<void>;
  dismissError: () => void;
}

let pendingCounter = 0;
let latestRequest = 0;

export const useCaptureStore = create<CaptureState>()((set, get) => ({
  situationId: null,
  points: [],
  commitments: [],
  pending: [],
  removed: null,
  error: null,

  async open(situationId) {
    if (get().situationId !== situationId) {
      set({ situationId, points: [], commitments: [], pending: [], removed: null, error: null });
    }
    await get().refresh();
  },

  async refresh() {
    const situationId = get().situationId;
    if (!situationId) return;
    const request = ++latestRequest;
    try {
      const thread = await invoke('situation.get', { id: situationId });
      if (request === latestRequest && get().situationId === situationId) {
        set({ points: thread.contributions, commitments: thread.commitments });
      }
    } catch (error) {
      if (request === latestRequest) set({ error: describeError(error) });
    }
  },

  async addPoint({ meetingId, override = false, ...point }) {
    const situationId = get().situationId;
    if (!situationId) return { ok: false, ruleRefused: false, message: 'No situation is being processed.' };
    const key = `pending-${++pendingCounter}`;
    set({ pending: [...get().pending, { key, ...point }] });
    try {
      const saved = await invoke('contribution.add', {
        situationId,
        meetingId,
        parentId: point.parentId,
        authorId: point.authorId,
        kind: point.kind,
        body: point.body,
        override,
      });
      const { points } = get();
      set({
        pending: get().pending.filter((p) => p.key !== key),
        // A meeting.changed refresh may have brought it in already; never show it twice.
        points: points.some((p) => p.id === saved.id)
          ? points
          : [...points, { ...saved, authorName: point.authorName, endorsedBy: [] }],
      });
      return { ok: true };
    } catch (error) {
      set({ pending: get().pending.filter((p) => p.key !== key) });
      const ruleRefused = error instanceof ApiError && error.code === 'PHASE_RULE';
      return { ok: false, ruleRefused, message: describeError(error) };
    }
  },

  async editPoint(id, change) {
    try {
      await invoke('contribution.edit', { contributionId: id, ...change });
      await get().refresh();
      set({ error: null });
      return true;
    } catch (error) {
      set({ error: describeError(error) });
      return false;
    }
  },

  async removePoint(id) {
    const point = get().points.find((p) => p.id === id);
    try {
      const { removedIds } = await invoke('contribution.remove', { contributionId: id });
      const gone = new Set(removedIds);
      set({
        points: get().points.filter((p) => !gone.has(p.id)),
        removed: { id, body: point?.body ?? '' },
        error: null,
      });
    } catch (error) {
      set({ error: describeError(error) });
    }
  },

  async undoRemove() {
    const removed = get().removed;
    if (!removed) return;
    try {
      await invoke('contribution.restore', { contributionId: removed.id });
      set({ removed: null, error: null });
      await get().refresh();
    } catch (error) {
      set({ error: describeError(error) });
    }
  },

  async endorse(id, memberId) {
    const point = get().points.find((p) => p.id === id);
    const already = point?.endorsedBy.includes(memberId) ?? false;
    try {
      const { endorsedBy } = await invoke(already ? 'contribution.unendorse' : 'contribution.endorse', {
        contributionId: id,
        memberId,
      });
      set({ points: get().points.map((p) => (p.id === id ? { ...p, endorsedBy } : p)), error: null });
    } catch (error) {
      set({ error: describeError(error) });
    }
  },

  dismissError() {
    set({ error: null });
  },
}));

export function followCaptureChanges(): () => void {
  return onEvent('archive.changed', ({ situationIds }) => {
    const state = useCaptureStore.getState();
    const id = state.situationId;
    if (id && (situationIds === 'all' || situationIds.includes(id))) void state.refresh();
  });
}

/** Points in said order, depth-first: the order the arrows move through. */
export interface FlatPoint {
  point: ContributionView;
  depth: number;
}

export function selectFlatPoints(points: readonly ContributionView[]): FlatPoint[] {
  const children = new Map<string | null, ContributionView[]>();
  const ids = new Set(points.map((p) => p.id));
  for (const point of points) {
    const parent = point.parentId !== null && ids.has(point.parentId) ? point.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), point]);
  }
  const flat: FlatPoint[] = [];
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort(
      (a, b) => a.position - b.position || a.createdAt - b.createdAt,
    );
    for (const point of list) {
      flat.push({ point, depth });
      walk(point.id, depth + 1);
    }
  };
  walk(null, 0);
  return flat;
}
