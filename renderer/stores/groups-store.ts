// The groups the chair runs, which one is current (remembered across restarts), and its members.
import { create } from 'zustand';
import type { Input } from '../../shared/contract';
import type { Group, Member } from '../../shared/domain';
import { describeError, invoke } from '../api/client';

const SELECTED_GROUP_KEY = 'roundtable.selectedGroupId';
const NO_MEMBERS: Member[] = [];

interface GroupsState {
  groups: Group[];
  groupsLoaded: boolean;
  selectedGroupId: string | null;
  members: Member[];
  /** The group `members` belongs to, so a list from a previous group never shows under the next. */
  membersOf: string | null;
  loadError: string | null;
  loadGroups: () => Promise<void>;
  selectGroup: (groupId: string) => Promise<void>;
  createGroup: (name: string) => Promise<Group>;
  addMember: (input: Input<'member.create'>) => Promise<Member>;
}

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

export const useGroupsStore = create<GroupsState>()((set, get) => {
  async function loadMembers(groupId: string): Promise<void> {
    try {
      const members = await invoke('member.list', { groupId });
      // The chair may have switched groups while this was on its way.
      if (get().selectedGroupId === groupId) set({ members, membersOf: groupId, loadError: null });
    } catch (error) {
      if (get().selectedGroupId === groupId) set({ loadError: describeError(error) });
    }
  }

  return {
    groups: [],
    groupsLoaded: false,
    selectedGroupId: rememberedGroupId(),
    members: NO_MEMBERS,
    membersOf: null,
    loadError: null,

    async loadGroups() {
      try {
        const groups = await invoke('group.list', {});
        const remembered = get().selectedGroupId;
        const selectedGroupId = groups.some((g) => g.id === remembered)
          ? remembered
          : (groups[0]?.id ?? null);
        set({ groups, groupsLoaded: true, selectedGroupId, loadError: null });
        if (selectedGroupId) await loadMembers(selectedGroupId);
      } catch (error) {
        set({ groupsLoaded: true, loadError: describeError(error) });
      }
    },

    async selectGroup(groupId) {
      rememberGroupId(groupId);
      set({ selectedGroupId: groupId });
      await loadMembers(groupId);
    },

    async createGroup(name) {
      const group = await invoke('group.create', { name });
      const groups = [...get().groups, group].sort((a, b) =>
        a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
      );
      set({ groups });
      await get().selectGroup(group.id);
      return group;
    },

    async addMember(input) {
      const member = await invoke('member.create', input);
      if (get().membersOf === member.groupId) {
        const members = [...get().members, member].sort((a, b) =>
          a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
        );
        set({ members });
      }
      return member;
    },
  };
});

export function selectCurrentGroup(state: GroupsState): Group | null {
  return state.groups.find((g) => g.id === state.selectedGroupId) ?? null;
}

/** Members of the current group, or none while they are still on their way. */
export function selectCurrentMembers(state: GroupsState): Member[] {
  return state.membersOf !== null && state.membersOf === state.selectedGroupId ? state.members : NO_MEMBERS;
}

export function selectMembersLoaded(state: GroupsState): boolean {
  return state.membersOf !== null && state.membersOf === state.selectedGroupId;
}
