// The situation open on screen: which one it is (the window's own state), its thread and the group's
// members who may speak to it (read through the server-state layer, shared with capture), and the
// writes to it: a point, a tag, the chair's edits. Each shows once the backend has committed it, its
// answer put into the cached thread. See docs/architecture.md "Renderer data layer".
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { create } from 'zustand';
import type { Input } from '../../shared/contract';
import type { Contribution, Member, SituationThread } from '../../shared/domain';
import type { ErrorCode } from '../../shared/errors';
import { ApiError, describeError } from '../api/client';
import { serverKey, write } from '../api/server-state';
import { useServer } from '../api/use-server-state';
import { pointAdded, situationTagged, situationUpdated } from '../api/writes';

export type PointDraft = Omit<Input<'contribution.add'>, 'situationId'>;
/** The fields the chair changed; the backend leaves the others as they are. */
export type SituationChanges = Omit<Input<'situation.update'>, 'id'>;

interface OpenSituationState {
  openId: string | null;
  show: (id: string) => void;
}

export const useSituationStore = create<OpenSituationState>()((set) => ({
  openId: null,
  show: (openId) => set({ openId }),
}));

const NO_MEMBERS: Member[] = [];

export interface SituationOnScreen {
  thread: SituationThread | null;
  /** Members of the situation's own group, who may be authors; not the group picked in the header. */
  members: Member[];
  error: { code: ErrorCode; message: string } | null;
  retry: () => void;
}

export function useSituation(id: string): SituationOnScreen {
  const query = useServer('situation.get', { id });
  const thread = query.data ?? null;
  const groupId = thread?.situation.groupId ?? null;
  const members = useServer('member.list', { groupId: groupId ?? '' }, { enabled: groupId !== null });
  const failure = query.error ?? members.error;
  return {
    thread,
    members: members.data ?? NO_MEMBERS,
    error: failure
      ? { code: failure instanceof ApiError ? failure.code : 'INTERNAL', message: describeError(failure) }
      : null,
    retry: () => void query.refetch(),
  };
}

function openSituation(): string {
  const id = useSituationStore.getState().openId;
  if (!id) throw new ApiError('NOT_FOUND', 'No situation is open.');
  return id;
}

export function useSituationWrites() {
  const client = useQueryClient();
  return useMemo(
    () => ({
      addContribution: async (draft: PointDraft): Promise<Contribution> => {
        const situationId = openSituation();
        const thread = client.getQueryData<SituationThread>(serverKey('situation.get', { id: situationId }));
        const members = thread
          ? client.getQueryData<Member[]>(serverKey('member.list', { groupId: thread.situation.groupId }))
          : undefined;
        const authorName = members?.find((m) => m.id === draft.authorId)?.name ?? '';
        return write(client, 'contribution.add', { ...draft, situationId }, pointAdded(authorName));
      },
      updateSituation: async (id: string, changes: SituationChanges): Promise<void> => {
        await write(client, 'situation.update', { ...changes, id }, situationUpdated);
      },
      addTag: async (name: string): Promise<void> => {
        await write(client, 'situation.tag', { situationId: openSituation(), name }, situationTagged);
      },
      removeTag: async (tagId: string): Promise<void> => {
        await write(client, 'situation.untag', { situationId: openSituation(), tagId }, situationTagged);
      },
    }),
    [client],
  );
}
