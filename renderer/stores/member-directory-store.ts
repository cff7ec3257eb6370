// Everyone in every group the chair runs, for the archive's presenter and contributor filters.
import { create } from 'zustand';
import type { Group, Member } from '../../shared/domain';
import { describeError, invoke } from '../api/client';

interface MemberDirectoryState {
  /** Members by group id; a group appears once its list has landed. */
  byGroup: Record<string, Member[]>;
  error: string | null;
  load: (groups: readonly Group[]) => Promise<void>;
}

export const useMemberDirectoryStore = create<MemberDirectoryState>()((set, get) => ({
  byGroup: {},
  error: null,

  async load(groups) {
    try {
      const lists = await Promise.all(
        groups.map(async (group) => [group.id, await invoke('member.list', { groupId: group.id })] as const),
      );
      set({ byGroup: { ...get().byGroup, ...Object.fromEntries(lists) }, error: null });
    } catch (error) {
      set({ error: describeError(error) });
    }
  },
}));

export interface MemberOption {
  id: string;
  label: string;
}

/**
 * The people a filter offers: the members of one group, or of all groups, by name. With more than
 * one group in play, each name says its group, since two forums may each have a "Sam".
 */
export function memberOptions(
  byGroup: Record<string, Member[]>,
  groups: readonly Group[],
  groupId: string | null,
): MemberOption[] {
  const inPlay = groupId === null ? groups : groups.filter((g) => g.id === groupId);
  const withGroup = inPlay.length > 1;
  return inPlay
    .flatMap((group) =>
      (byGroup[group.id] ?? []).map((member) => ({
        id: member.id,
        label: withGroup ? `${member.name} (${group.name})` : member.name,
      })),
    )
    .sort((a, b) => a.label.localeCompare(b.label, undefined, { sensitivity: 'base' }));
}
