// The Archive page: search every situation of every group, narrow by filters, and open one. The
// query and filters live in the URL; this page turns them into a search and shows its results.
import { useEffect, useEffectEvent, useMemo, useRef } from 'react';
import type { Group } from '../../../shared/domain';
import { archiveHref, hasFilters, type ArchiveSearch } from '../../routing/archive-search';
import { rememberArchivePlace } from '../../routing/archive-place';
import { navigate } from '../../routing/hash-route';
import { useArchiveResults, useArchiveSearchStore } from '../../stores/archive-search-store';
import { useGroups, useMemberDirectory } from '../../stores/groups-store';
import { selectTag, useTags } from '../../stores/tags-store';
import { LoadError } from '../../ui/messages';
import { ArchiveEmpty } from './archive-empty';
import { ArchiveFilters } from './archive-filters';
import { archiveQueryKey, toArchiveQuery } from './archive-query';
import { ResultList, type ResultListHandle } from './result-list';
import { SearchBox, type SearchBoxHandle } from './search-box';
import { TagPanel } from './tag-panel';

const NO_FILTERS = {
  groupId: null,
  tagId: null,
  presenterId: null,
  contributorId: null,
  from: null,
  to: null,
  status: null,
} as const;

function countLabel(total: number): string {
  return `${total.toLocaleString('en')} ${total === 1 ? 'situation' : 'situations'}`;
}

const NO_GROUPS: Group[] = [];

export function ArchiveView({ search }: { search: ArchiveSearch }) {
  const runSearch = useArchiveSearchStore((s) => s.search);
  const { settled, total, error, showsRows, refresh } = useArchiveResults();
  const { groups } = useGroups();
  // Filters' choices come second: the first rows matter more than the tag counts.
  const { tags, loaded: tagsLoaded } = useTags({ enabled: settled || search.tagId !== null });
  const currentTag = selectTag(tags, search.tagId);
  const searchBox = useRef<SearchBoxHandle>(null);
  const list = useRef<ResultListHandle>(null);

  // `search` keeps its identity until the URL changes, so the query is worked out once per search.
  const query = useMemo(() => toArchiveQuery(search), [search]);
  const key = archiveQueryKey(query);
  const href = archiveHref(search);

  useEffect(() => {
    runSearch(key, query);
    rememberArchivePlace(href);
  }, [key, query, href, runSearch]);

  const membersByGroup = useMemberDirectory(settled ? groups : NO_GROUPS);

  const title = currentTag ? `Situations tagged '${currentTag.name}'` : 'Archive';
  useEffect(() => {
    document.title = `${title} — Roundtable`;
  }, [title]);

  // Back from a situation, focus returns to the result that was opened; otherwise to the search.
  // Only when the page opens: later changes of the search leave focus where the reader put it.
  const focusOnOpen = useEffectEvent(() => {
    const { key: cachedKey, activeIndex } = useArchiveSearchStore.getState();
    if (cachedKey === key && activeIndex >= 0) list.current?.focusResult(activeIndex);
    else searchBox.current?.focus();
  });
  useEffect(() => focusOnOpen(), []);

  function apply(next: ArchiveSearch, replace: boolean) {
    navigate(archiveHref(next), { replace });
    const nextQuery = toArchiveQuery(next);
    // Searched here, not only when the URL comes round, so an arrow key lands on the new results.
    runSearch(archiveQueryKey(nextQuery), nextQuery);
  }

  const clearFilters = () => apply({ ...search, ...NO_FILTERS }, false);
  const filtered = hasFilters(search);
  const hasQuery = search.query.trim() !== '';
  return (
    <div className="archive">
      <div className="archive-main">
        <header className="page-header archive-header">
          <h1>{title}</h1>
          {search.tagId && tagsLoaded && !currentTag && (
            <p className="page-subtitle">That tag no longer exists; it may have been merged into another.</p>
          )}
        </header>
        <SearchBox
          ref={searchBox}
          query={search.query}
          onQueryChange={(q) => apply({ ...search, query: q }, true)}
          onArrowDown={() => list.current?.focusResult(0)}
        />
        <ArchiveFilters
          search={search}
          groups={groups}
          tags={tags}
          membersByGroup={membersByGroup}
          onChange={(change) => apply({ ...search, ...change }, false)}
        />
        <div className="result-bar">
          <p className="result-count" role="status" aria-live="polite">
            {settled || showsRows ? countLabel(total) : 'Searching the archive…'}
          </p>
          {filtered && (
            <button type="button" className="button link" onClick={clearFilters}>
              Clear filters
            </button>
          )}
        </div>
        {error && (
          <div className="archive-error">
            <LoadError message={error} />
            <button type="button" className="button" onClick={refresh}>
              Try again
            </button>
          </div>
        )}
        {settled && total === 0 ? (
          <ArchiveEmpty search={search} filtered={filtered} onClearFilters={clearFilters} />
        ) : (
          (showsRows || !error) && (
            <ResultList
              ref={list}
              queryKey={key}
              hasQuery={hasQuery}
              onLeaveTop={() => searchBox.current?.focus()}
            />
          )
        )}
      </div>
      <TagPanel tags={tags} currentTagId={search.tagId} />
    </div>
  );
}
