// The groups the chair runs and their members, read through the server-state layer, and which group
// is current: the window's own choice, remembered across restarts. See docs/architecture.md
// "Renderer data layer".
import { useQueries } from '@tanstack/react-query';
import { useCallback } from 'react';
import { create } from 'zustand';
import type { Input } from '../../shared/contract';
import type { Group, Member } from '../../shared/domain';
import { describeError } from '../api/client';
import { serverQuery } from '../api/server-state';
import { useServer, useWrite } from '../api/use-server-state';
import { groupCreated, memberCreated } from '../api/writes';

const SELECTED_GROUP_KEY = 'roundtable.selectedGroupId';
const NO_GROUPS: Group[] = [];
const NO_MEMBERS: Member[] = [];

function rememberedGroupId(): string | null {
  try {
    return window.localStorage.getItem(SELECTED_GROUP_KEY);
  } catch {
    return null;
  }
}

function rememberGroupId(groupId: string): void {
  try {
    window.localStorage.setItem(SELECTED_GROUP_KEY, groupId);
  } catch {
    // Storage can be unavailable (a locked-down profile); the choice then lasts for this window only.
  }
}

interface GroupChoiceState {
  /** The group the chair picked last; it may since have gone, see useGroups. */
  chosenGroupId: string | null;
  selectGroup: (groupId: string) => void;
}

export const useGroupChoiceStore = create<GroupChoiceState>()((set) => ({
  chosenGroupId: rememberedGroupId(),
  selectGroup(groupId) {
    rememberGroupId(groupId);
    set({ chosenGroupId: groupId });
  },
}));

/** The current group: the one chosen, if it still exists, else the first. */
export function currentGroupId(groups: readonly Group[], chosen: string | null): string | null {
  return groups.some((g) => g.id === chosen) ? chosen : (groups[0]?.id ?? null);
}

export interface Groups {
  groups: Group[];
  groupsLoaded: boolean;
  selectedGroupId: string | null;
  group: Group | null;
  loadError: string | null;
}

export function useGroups(): Groups {
  const query = useServer('group.list', {});
  const chosen = useGroupChoiceStore((s) => s.chosenGroupId);
  const groups = query.data ?? NO_GROUPS;
  const selectedGroupId = currentGroupId(groups, chosen);
  return {
    groups,
    groupsLoaded: query.isFetched,
    selectedGroupId,
    group: groups.find((g) => g.id === selectedGroupId) ?? null,
    loadError: query.error ? describeError(query.error) : null,
  };
}

/** Members of a group (the current one by default), or none while they are on their way. */
export function useMembers(groupId: string | null): {
  members: Member[];
  membersLoaded: boolean;
  loadError: string | null;
} {
  const query = useServer('member.list', { groupId: groupId ?? '' }, { enabled: groupId !== null });
  return {
    members: query.data ?? NO_MEMBERS,
    membersLoaded: query.data !== undefined,
    loadError: query.error ? describeError(query.error) : null,
  };
}

export function useCurrentMembers() {
  return useMembers(useGroups().selectedGroupId);
}

/** Creates a group and makes it the current one. */
export function useCreateGroup(): (name: string) => Promise<Group> {
  const { mutateAsync } = useWrite('group.create', groupCreated);
  const selectGroup = useGroupChoiceStore((s) => s.selectGroup);
  return async (name) => {
    const group = await mutateAsync({ name });
    selectGroup(group.id);
    return group;
  };
}

export function useAddMember(): (input: Input<'member.create'>) => Promise<Member> {
  return useWrite('member.create', memberCreated).mutateAsync;
}

/** Everyone in every group, by group id; a group appears once its list has landed. */
export function useMemberDirectory(groups: readonly Group[]): Record<string, Member[]> {
  const combine = useCallback(
    (lists: { data?: Member[] }[]) =>
      Object.fromEntries(
        groups.flatMap((group, i) => {
          const members = lists[i]?.data;
          return members ? [[group.id, members] as const] : [];
        }),
      ),
    [groups],
  );
  return useQueries({
    queries: groups.map((g) => serverQuery('member.list', { groupId: g.id })),
    combine,
  });
}

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
