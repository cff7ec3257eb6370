// Every tag in the archive with how many situations carry it, read through the server-state layer;
// renaming and merging tags, whose change event re-reads every list, thread and search row that
// names them. See docs/architecture.md "Renderer data layer".
import type { Tag, TagWithCount } from '../../shared/domain';
import { describeError } from '../api/client';
import { useServer, useWrite } from '../api/use-server-state';

const NO_TAGS: TagWithCount[] = [];

export function useTags(options: { enabled?: boolean } = {}): {
  tags: TagWithCount[];
  loaded: boolean;
  error: string | null;
} {
  const query = useServer('tag.list', {}, options);
  return {
    tags: query.data ?? NO_TAGS,
    loaded: query.data !== undefined || query.error !== null,
    error: query.error ? describeError(query.error) : null,
  };
}

export function useRenameTag(): (tagId: string, name: string) => Promise<Tag> {
  const { mutateAsync } = useWrite('tag.rename');
  return (tagId, name) => mutateAsync({ tagId, name });
}

export function useMergeTag(): (fromTagId: string, intoTagId: string) => Promise<Tag> {
  const { mutateAsync } = useWrite('tag.merge');
  return (fromTagId, intoTagId) => mutateAsync({ fromTagId, intoTagId });
}

export function selectTag(tags: readonly TagWithCount[], tagId: string | null): TagWithCount | null {
  return tagId === null ? null : (tags.find((t) => t.id === tagId) ?? null);
}
