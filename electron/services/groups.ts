// Groups and their members.
import type { Member } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { Handlers } from '../ipc/router';
import { newId, now } from '../store/ids';
import type { ServiceContext } from './context';

export function groupHandlers({
  store,
  emit,
}: ServiceContext): Pick<Handlers, 'group.list' | 'group.create' | 'member.list' | 'member.create'> {
  return {
    'group.list': () => store.groups.list(),

    'group.create': ({ name }) => {
      const id = newId();
      store.groups.insert({ id, name, now: now() });
      emit('archive.changed', { records: ['group'], situationIds: [] });
      return requireGroup(store, id);
    },

    'member.list': ({ groupId }) => {
      requireGroup(store, groupId);
      return store.members.listByGroup(groupId);
    },

    'member.create': (input) => {
      requireGroup(store, input.groupId);
      const id = newId();
      store.members.insert({ ...input, id, now: now() });
      emit('archive.changed', { records: ['member'], situationIds: [] });
      return requireMember(store, id);
    },
  };
}

export function requireGroup(store: ServiceContext['store'], id: string) {
  const group = store.groups.get(id);
  if (!group) throw new AppError('NOT_FOUND', 'That group no longer exists.');
  return group;
}

/**
 * The member with this id; with a group, a person of that group, as one who attends, speaks, presents,
 * endorses or commits must be. The group's digest voice, who stands for imported posts, is no one and
 * does none of these.
 */
export function requireMember(store: ServiceContext['store'], id: string, groupId?: string): Member {
  const member = store.members.get(id);
  if (!member) throw new AppError('NOT_FOUND', 'That member no longer exists.');
  if (groupId !== undefined && member.groupId !== groupId) {
    throw new AppError('VALIDATION', `${member.name} is not a member of this group.`);
  }
  if (groupId !== undefined && member.origin === 'digest') {
    throw new AppError(
      'VALIDATION',
      'Imported digest posts speak for no one in the group: choose a member of the group.',
    );
  }
  return member;
}
