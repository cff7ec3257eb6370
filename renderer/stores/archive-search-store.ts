// The archive's results, a page at a time: the list knows how many situations match (total) and
// fetches pages of rows as the reader scrolls to them. The cache belongs to one query and its
// filters; a new query, or a change in the archive, drops it.
import { create } from 'zustand';
import type { Input } from '../../shared/contract';
import type { ArchiveHit } from '../../shared/domain';
import { describeError, invoke, onEvent } from '../api/client';

export const ARCHIVE_PAGE_SIZE = 100;

/** The search and its filters, without paging. */
export type ArchiveQuery = Omit<Input<'archive.search'>, 'offset' | 'limit'>;

interface ArchiveSearchState {
  /** The query the cache belongs to (see archiveQueryKey). */
  key: string | null;
  query: ArchiveQuery | null;
  /** Bumped whenever the cache is dropped; answers from an older generation are ignored. */
  generation: number;
  /** True once the first page for `key` has landed, so `total` is its count. */
  settled: boolean;
  total: number;
  pages: Record<number, ArchiveHit[]>;
  /** Rows shown while fresh ones are on their way (the archive changed, or a new query is typed). */
  stalePages: Record<number, ArchiveHit[]>;
  error: string | null;
  /** The result that keyboard focus is on, kept so coming back to the archive returns to it. */
  activeIndex: number;
  scrollOffset: number;
  search: (key: string, query: ArchiveQuery) => void;
  ensureRows: (first: number, last: number) => void;
  /** Drops the cache; the list fetches again what is on screen when it next renders. */
  refresh: () => void;
  setActiveIndex: (index: number) => void;
  rememberScroll: (offset: number) => void;
}

const inFlight = new Set<string>();

export const useArchiveSearchStore = create<ArchiveSearchState>()((set, get) => {
  async function fetchPage(page: number): Promise<void> {
    const { key, query, generation } = get();
    const flight = `${generation}:${page}`;
    if (key === null || query === null || inFlight.has(flight)) return;
    inFlight.add(flight);
    const current = () => get().generation === generation;
    try {
      const result = await invoke('archive.search', {
        ...query,
        offset: page * ARCHIVE_PAGE_SIZE,
        limit: ARCHIVE_PAGE_SIZE,
      });
      if (!current()) return;
      const { pages, stalePages, settled } = get();
      const rest = Object.fromEntries(Object.entries(stalePages).filter(([p]) => Number(p) !== page));
      set({
        total: result.total,
        settled: true,
        pages: { ...pages, [page]: result.hits },
        // A new query's first page replaces every row of the last query at once.
        stalePages: settled ? rest : {},
        error: null,
      });
    } catch (error) {
      if (current()) set({ error: describeError(error) });
    } finally {
      inFlight.delete(flight);
    }
  }

  return {
    key: null,
    query: null,
    generation: 0,
    settled: false,
    total: 0,
    pages: {},
    stalePages: {},
    error: null,
    activeIndex: -1,
    scrollOffset: 0,

    search(key, query) {
      const state = get();
      if (state.key === key) return;
      set({
        key,
        query,
        generation: state.generation + 1,
        settled: false,
        pages: {},
        stalePages: { ...state.stalePages, ...state.pages },
        error: null,
        activeIndex: -1,
        scrollOffset: 0,
      });
      void fetchPage(0);
    },

    ensureRows(first, last) {
      const { settled, total, pages } = get();
      if (!settled || total === 0) return;
      const lastPage = Math.floor(Math.min(last, total - 1) / ARCHIVE_PAGE_SIZE);
      for (let page = Math.floor(Math.max(first, 0) / ARCHIVE_PAGE_SIZE); page <= lastPage; page++) {
        if (!(page in pages)) void fetchPage(page);
      }
    },

    refresh() {
      const state = get();
      if (state.key === null) return;
      set({
        generation: state.generation + 1,
        pages: {},
        stalePages: { ...state.stalePages, ...state.pages },
        error: null,
      });
      // A first page still on its way was asked in the old generation; ask again.
      if (!state.settled) void fetchPage(0);
    },

    setActiveIndex(index) {
      set({ activeIndex: index });
    },

    rememberScroll(offset) {
      set({ scrollOffset: offset });
    },
  };
});

/** The row at an index: fresh if its page has landed, else the one shown before, else null. */
export function selectHit(
  state: Pick<ArchiveSearchState, 'pages' | 'stalePages'>,
  index: number,
): ArchiveHit | null {
  const page = Math.floor(index / ARCHIVE_PAGE_SIZE);
  const rows = state.pages[page] ?? state.stalePages[page];
  return rows?.[index % ARCHIVE_PAGE_SIZE] ?? null;
}

export function selectShowsRows(state: ArchiveSearchState): boolean {
  return Object.keys(state.pages).length > 0 || Object.keys(state.stalePages).length > 0;
}

/** A change anywhere in the archive can move any row; the cache starts over. */
export function followArchiveSearchChanges(): () => void {
  return onEvent('archive.changed', () => useArchiveSearchStore.getState().refresh());
}
