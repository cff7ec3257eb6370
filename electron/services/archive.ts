// The archive: search, related past situations, one member's part, and tags.
import { AppError } from '../../shared/errors';
import type { Handlers } from '../ipc/router';
import { newId, now } from '../store/ids';
import type { ServiceContext } from './context';
import { requireGroup, requireMember } from './groups';
import { relatedQuery, toFtsQuery } from './search-query';
import { requireSituation } from './situation-record';

export function archiveHandlers({
  store,
  emit,
}: ServiceContext): Pick<
  Handlers,
  | 'archive.search'
  | 'archive.related'
  | 'member.lens'
  | 'tag.list'
  | 'tag.rename'
  | 'tag.merge'
  | 'situation.tag'
  | 'situation.untag'
> {
  function requireTag(id: string) {
    const tag = store.tags.get(id);
    if (!tag) throw new AppError('NOT_FOUND', 'That tag no longer exists.');
    return tag;
  }

  return {
    'archive.search': (input) => {
      if (input.from !== undefined && input.to !== undefined && input.from >= input.to) {
        throw new AppError('VALIDATION', 'The start date must come before the end date.');
      }
      const { total, hits } = store.archive.search({ ...input, fts: toFtsQuery(input.query) });
      return { total, offset: input.offset, hits };
    },

    'archive.related': ({ situationId }) => {
      requireSituation(store, situationId);
      const searchable = store.situations.searchable(situationId);
      const fts = searchable && relatedQuery(searchable.text);
      return searchable && fts ? store.archive.related(fts, searchable.rid) : [];
    },

    'member.lens': ({ memberId }) => {
      const member = requireMember(store, memberId);
      const advice = store.members.adviceGiven(memberId);
      return {
        member,
        groupName: requireGroup(store, member.groupId).name,
        presented: store.situations.listByPresenter(memberId),
        advice,
        endorsementsReceived: advice.reduce((sum, a) => sum + a.endorsements, 0),
      };
    },

    'tag.list': () => store.tags.list(),

    'tag.rename': ({ tagId, name }) => {
      const tag = requireTag(tagId);
      const clash = store.tags.findByName(name);
      if (clash && clash.id !== tag.id) {
        throw new AppError(
          'CONFLICT',
          `A tag named “${clash.name}” already exists. Merge the two tags instead.`,
          {
            existingTagId: clash.id,
          },
        );
      }
      store.tags.rename(tag.id, name, now());
      // Every thread and search row carrying the tag shows its name.
      emit('archive.changed', { records: ['tag'], situationIds: 'all' });
      return requireTag(tag.id);
    },

    'tag.merge': ({ fromTagId, intoTagId }) => {
      if (fromTagId === intoTagId) throw new AppError('VALIDATION', 'Choose two different tags to merge.');
      requireTag(fromTagId);
      const into = requireTag(intoTagId);
      store.db.transaction(() => store.tags.merge(fromTagId, intoTagId))();
      emit('archive.changed', { records: ['tag'], situationIds: 'all' });
      return into;
    },

    'situation.tag': ({ situationId, name }) => {
      requireSituation(store, situationId);
      store.db.transaction(() => {
        let tag = store.tags.findByName(name);
        if (!tag) {
          tag = { id: newId(), name };
          store.tags.insert({ ...tag, now: now() });
        }
        store.tags.attach(situationId, tag.id);
      })();
      emit('archive.changed', { records: ['tag'], situationIds: [situationId] });
      return store.tags.listBySituation(situationId);
    },

    'situation.untag': ({ situationId, tagId }) => {
      requireSituation(store, situationId);
      requireTag(tagId);
      store.tags.detach(situationId, tagId);
      emit('archive.changed', { records: ['tag'], situationIds: [situationId] });
      return store.tags.listBySituation(situationId);
    },
  };
}
