// The situation open on screen: its thread of points, the group's members who may speak to it,
// adding a point, its tags, and the chair's edits to the situation itself. A point, a tag or an
// edit shows only once the backend has committed it.
import { create } from 'zustand';
import type { Input } from '../../shared/contract';
import type { Contribution, Member, SituationThread, Tag } from '../../shared/domain';
import type { ErrorCode } from '../../shared/errors';
import { ApiError, describeError, invoke, onEvent } from '../api/client';

export type PointDraft = Omit<Input<'contribution.add'>, 'situationId'>;
/** The fields the chair changed; the backend leaves the others as they are. */
export type SituationChanges = Omit<Input<'situation.update'>, 'id'>;

interface SituationState {
  openId: string | null;
  thread: SituationThread | null;
  /** Members of the situation's own group, who may be authors; not the group picked in the header. */
  members: Member[];
  error: { code: ErrorCode; message: string } | null;
  open: (id: string) => Promise<void>;
  addContribution: (draft: PointDraft) => Promise<Contribution>;
  updateSituation: (id: string, changes: SituationChanges) => Promise<void>;
  addTag: (name: string) => Promise<void>;
  removeTag: (tagId: string) => Promise<void>;
}

let latestRequest = 0;

export const useSituationStore = create<SituationState>()((set, get) => ({
  openId: null,
  thread: null,
  members: [],
  error: null,

  async open(id) {
    const request = ++latestRequest;
    if (get().openId !== id) set({ openId: id, thread: null, members: [], error: null });
    try {
      const thread = await invoke('situation.get', { id });
      const members = await invoke('member.list', { groupId: thread.situation.groupId });
      if (request === latestRequest) set({ thread, members, error: null });
    } catch (error) {
      const code: ErrorCode = error instanceof ApiError ? error.code : 'INTERNAL';
      if (request === latestRequest) set({ error: { code, message: describeError(error) } });
    }
  },

  async addContribution(draft) {
    const situationId = get().openId;
    if (!situationId) throw new ApiError('NOT_FOUND', 'No situation is open.');
    const saved = await invoke('contribution.add', { ...draft, situationId });
    const { thread, members } = get();
    // An archive.changed refresh may already have brought the point in; never show it twice.
    if (thread?.situation.id === situationId && !thread.contributions.some((c) => c.id === saved.id)) {
      const authorName = members.find((m) => m.id === saved.authorId)?.name ?? '';
      set({
        thread: {
          ...thread,
          contributions: [...thread.contributions, { ...saved, authorName, endorsedBy: [] }],
        },
      });
    }
    return saved;
  },

  async updateSituation(id, changes) {
    const situation = await invoke('situation.update', { ...changes, id });
    // Shown at once; the archive.changed refresh that follows brings the same values.
    const { thread } = get();
    if (thread?.situation.id === id) set({ thread: { ...thread, situation } });
  },

  async addTag(name) {
    const situationId = get().openId;
    if (!situationId) throw new ApiError('NOT_FOUND', 'No situation is open.');
    setTags(situationId, await invoke('situation.tag', { situationId, name }));
  },

  async removeTag(tagId) {
    const situationId = get().openId;
    if (!situationId) throw new ApiError('NOT_FOUND', 'No situation is open.');
    setTags(situationId, await invoke('situation.untag', { situationId, tagId }));
  },
}));

function setTags(situationId: string, tags: Tag[]): void {
  const { thread } = useSituationStore.getState();
  if (thread?.situation.id === situationId) useSituationStore.setState({ thread: { ...thread, tags } });
}

/** Another window (a presenter view, a second page) may add points to the open situation. */
export function followSituationChanges(): () => void {
  return onEvent('archive.changed', ({ situationIds }) => {
    const { openId, thread, open } = useSituationStore.getState();
    if (openId && thread && (situationIds === 'all' || situationIds.includes(openId))) void open(openId);
  });
}
