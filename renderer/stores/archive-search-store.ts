// The archive's results, a page at a time: the list knows how many situations match (total) and
// reads pages of rows as the reader scrolls to them, each page a query of the server-state layer
// (archive.search with its offset), kept fresh by change events. What is kept here is the window's
// own: the query on screen and the one before it (whose rows show until the new first page lands),
// the rows the list wants, the result keyboard focus is on and the scroll offset, so coming back
// to the archive returns to them. See docs/architecture.md "Renderer data layer".
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { create } from 'zustand';
import type { Input } from '../../shared/contract';
import type { ArchiveHit } from '../../shared/domain';
import { describeError } from '../api/client';
import { serverQuery } from '../api/server-state';

export const ARCHIVE_PAGE_SIZE = 100;

/** The search and its filters, without paging. */
export type ArchiveQuery = Omit<Input<'archive.search'>, 'offset' | 'limit'>;

interface ArchiveSearchState {
  /** The query on screen (see archiveQueryKey). */
  key: string | null;
  query: ArchiveQuery | null;
  /** The query shown before, whose rows stay until the new one's first page lands. */
  previous: ArchiveQuery | null;
  /** The rows the list has on screen, and a little around them. */
  wanted: { first: number; last: number };
  /** The result that keyboard focus is on, kept so coming back to the archive returns to it. */
  activeIndex: number;
  scrollOffset: number;
  search: (key: string, query: ArchiveQuery) => void;
  ensureRows: (first: number, last: number) => void;
  setActiveIndex: (index: number) => void;
  rememberScroll: (offset: number) => void;
}

export const useArchiveSearchStore = create<ArchiveSearchState>()((set, get) => ({
  key: null,
  query: null,
  previous: null,
  wanted: { first: 0, last: 0 },
  activeIndex: -1,
  scrollOffset: 0,

  search(key, query) {
    const state = get();
    if (state.key === key) return;
    set({
      key,
      query,
      previous: state.query,
      wanted: { first: 0, last: 0 },
      activeIndex: -1,
      scrollOffset: 0,
    });
  },

  ensureRows(first, last) {
    const { wanted } = get();
    if (wanted.first !== first || wanted.last !== last) set({ wanted: { first, last } });
  },

  setActiveIndex(index) {
    set({ activeIndex: index });
  },

  rememberScroll(offset) {
    set({ scrollOffset: offset });
  },
}));

/** The pages holding rows first..last of a result of `total` rows (always the first page). */
export function pagesFor(first: number, last: number, total: number): number[] {
  const lastPage = Math.floor(Math.max(0, Math.min(last, total - 1)) / ARCHIVE_PAGE_SIZE);
  const firstPage = Math.min(Math.floor(Math.max(first, 0) / ARCHIVE_PAGE_SIZE), lastPage);
  const pages = [0];
  for (let page = Math.max(firstPage, 1); page <= lastPage; page++) pages.push(page);
  return pages;
}

function pageQuery(query: ArchiveQuery, page: number) {
  return serverQuery('archive.search', {
    ...query,
    offset: page * ARCHIVE_PAGE_SIZE,
    limit: ARCHIVE_PAGE_SIZE,
  });
}

export interface ArchiveResults {
  /** True once the first page of the query on screen has landed, so `total` is its count. */
  settled: boolean;
  total: number;
  error: string | null;
  showsRows: boolean;
  /** The row at an index: fresh if its page has landed, else the one shown before, else null. */
  hitAt: (index: number) => ArchiveHit | null;
  /** Reads the query's pages again (after a failure). */
  refresh: () => void;
}

const NO_QUERY: ArchiveQuery = { query: '' };
/** Pages of the query before kept on screen while the new one's first page is on its way. */
const STALE_PAGES = [0, 1, 2];

/** The results of the query on screen, reading the pages the list wants. */
export function useArchiveResults(): ArchiveResults {
  const client = useQueryClient();
  const query = useArchiveSearchStore((s) => s.query);
  const previous = useArchiveSearchStore((s) => s.previous);
  const wanted = useArchiveSearchStore((s) => s.wanted);
  const [first] = useQueries({
    queries: [{ ...pageQuery(query ?? NO_QUERY, 0), enabled: query !== null }],
  });
  const settled = first.data !== undefined;
  const total = first.data?.total ?? 0;
  const pages = settled ? pagesFor(wanted.first, wanted.last, total).slice(1) : [];
  const more = useQueries({
    queries: pages.map((page) => ({ ...pageQuery(query ?? NO_QUERY, page), enabled: query !== null })),
  });
  // The query before, from the cache only (never fetched): its rows stay until the new first page lands.
  const before = useQueries({
    queries:
      previous && !settled
        ? STALE_PAGES.map((page) => ({ ...pageQuery(previous, page), enabled: false }))
        : [],
  });
  const fresh = new Map<number, ArchiveHit[]>();
  if (first.data) fresh.set(0, first.data.hits);
  more.forEach((result, i) => {
    const page = pages[i];
    if (result.data && page !== undefined) fresh.set(page, result.data.hits);
  });
  const stale = new Map<number, ArchiveHit[]>();
  before.forEach((result, page) => {
    if (result.data) stale.set(page, result.data.hits);
  });
  const failure = first.error ?? more.find((r) => r.error)?.error ?? null;
  return {
    settled,
    total: settled ? total : (before[0]?.data?.total ?? 0),
    error: failure ? describeError(failure) : null,
    showsRows: fresh.size > 0 || stale.size > 0,
    hitAt: (index) => {
      const page = Math.floor(index / ARCHIVE_PAGE_SIZE);
      const rows = fresh.get(page) ?? (settled ? undefined : stale.get(page));
      return rows?.[index % ARCHIVE_PAGE_SIZE] ?? null;
    },
    refresh: () => void client.refetchQueries({ queryKey: ['archive.search'], type: 'active' }),
  };
}
