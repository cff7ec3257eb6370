// Every tag in the archive with how many situations carry it; renaming and merging tags.
import { create } from 'zustand';
import type { Tag, TagWithCount } from '../../shared/domain';
import { describeError, invoke, onEvent } from '../api/client';
import { useArchiveSearchStore } from './archive-search-store';

interface TagsState {
  tags: TagWithCount[];
  loaded: boolean;
  error: string | null;
  load: () => Promise<void>;
  rename: (tagId: string, name: string) => Promise<Tag>;
  merge: (fromTagId: string, intoTagId: string) => Promise<Tag>;
}

let latestRequest = 0;

export const useTagsStore = create<TagsState>()((set, get) => {
  /** Search results carry tag names, so a renamed or merged tag makes the cached rows stale. */
  async function afterChange(): Promise<void> {
    useArchiveSearchStore.getState().refresh();
    await get().load();
  }

  return {
    tags: [],
    loaded: false,
    error: null,

    async load() {
      const request = ++latestRequest;
      try {
        const tags = await invoke('tag.list', {});
        if (request === latestRequest) set({ tags, loaded: true, error: null });
      } catch (error) {
        if (request === latestRequest) set({ loaded: true, error: describeError(error) });
      }
    },

    async rename(tagId, name) {
      const tag = await invoke('tag.rename', { tagId, name });
      await afterChange();
      return tag;
    },

    async merge(fromTagId, intoTagId) {
      const tag = await invoke('tag.merge', { fromTagId, intoTagId });
      await afterChange();
      return tag;
    },
  };
});

export function selectTag(state: TagsState, tagId: string | null): TagWithCount | null {
  return tagId === null ? null : (state.tags.find((t) => t.id === tagId) ?? null);
}

/** Counts change when situations are tagged, untagged or added; refresh once the list has been shown. */
export function followTagChanges(): () => void {
  return onEvent('archive.changed', () => {
    if (useTagsStore.getState().loaded) void useTagsStore.getState().load();
  });
}
