// The archive's results as a virtualized list: only the rows on screen exist in the page, so 20,000
// situations scroll as smoothly as twenty. Rows are fetched a page at a time as they come into
// view. Arrow keys move focus between results (roving focus), Enter opens the focused one.
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
} from 'react';
import { hrefTo, navigate } from '../../routing/hash-route';
import { useArchiveResults, useArchiveSearchStore } from '../../stores/archive-search-store';
import { ResultRow, SkeletonRow } from './result-row';

export interface ResultListHandle {
  /** Moves keyboard focus to a result, scrolling it into view (and waiting for its row to load). */
  focusResult: (index: number) => void;
}

interface ResultListProps {
  ref: Ref<ResultListHandle>;
  /** The query the list shows; the scroll position is kept for it while away on a situation. */
  queryKey: string;
  hasQuery: boolean;
  /** ArrowUp on the first result leaves the list for the search box. */
  onLeaveTop: () => void;
}

/** Typical row heights (px) before a row is measured: without a snippet, and with one. */
const ROW_ESTIMATE = 76;
const QUERY_ROW_ESTIMATE = 112;

/** Set once per page load, when the first real rows have rendered; read by the render bench. */
export const FIRST_ROWS_MARK = 'archive:first-rows';

export function ResultList({ ref, queryKey, hasQuery, onLeaveTop }: ResultListProps) {
  const { total, settled, hitAt } = useArchiveResults();
  const activeIndex = useArchiveSearchStore((s) => s.activeIndex);
  const ensureRows = useArchiveSearchStore((s) => s.ensureRows);
  const setActiveIndex = useArchiveSearchStore((s) => s.setActiveIndex);
  const rememberScroll = useArchiveSearchStore((s) => s.rememberScroll);
  const scrollRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<number | null>(null);
  // Coming back from a situation to the same search returns to where the reader was.
  const [initialOffset] = useState(() => {
    const state = useArchiveSearchStore.getState();
    return state.key === queryKey ? state.scrollOffset : 0;
  });

  // eslint-disable-next-line react-hooks/incompatible-library -- the list reads the virtualizer fresh each render and memoizes nothing from it
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (hasQuery ? QUERY_ROW_ESTIMATE : ROW_ESTIMATE),
    overscan: 8,
    // Room under the last result, and scrolling to a result keeps it clear of the list's edge.
    paddingEnd: 16,
    scrollPaddingEnd: 16,
    initialOffset,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    // A little ahead of the reader in both directions, so scrolling rarely meets a skeleton.
    ensureRows(first - 20, last + 20);
  }, [first, last, ensureRows]);

  const focusPending = () => {
    const index = pendingFocus.current;
    if (index === null) return;
    const link = scrollRef.current?.querySelector<HTMLAnchorElement>(`[data-index="${index}"] a`);
    if (!link) return;
    pendingFocus.current = null;
    link.focus({ preventScroll: true });
  };

  // The virtualizer scrolls by estimated heights and may stop a few pixels short; once it is
  // still after a keyboard move, the focused result is brought fully into view. (Never after the
  // reader's own scrolling, which must not be pulled back to the focused row.)
  const movedByKeyboard = useRef(false);
  const isScrolling = virtualizer.isScrolling;
  useEffect(() => {
    if (isScrolling || !movedByKeyboard.current) return;
    movedByKeyboard.current = false;
    const row = document.activeElement?.closest('.result');
    if (row && scrollRef.current?.contains(row)) row.scrollIntoView({ block: 'nearest' });
  }, [isScrolling]);

  useEffect(() => {
    focusPending();
    const rendered = scrollRef.current?.querySelector('.result:not(.skeleton)');
    if (rendered && performance.getEntriesByName(FIRST_ROWS_MARK).length === 0) {
      performance.mark(FIRST_ROWS_MARK);
    }
  });

  // A new query starts at its first result.
  const shownKey = useRef(queryKey);
  useEffect(() => {
    if (shownKey.current === queryKey) return;
    shownKey.current = queryKey;
    virtualizer.scrollToOffset(0);
  }, [queryKey, virtualizer]);

  useEffect(() => {
    const scroller = scrollRef.current;
    return () => {
      if (scroller) rememberScroll(scroller.scrollTop);
    };
  }, [rememberScroll]);

  function focusResult(index: number) {
    if (total === 0) return;
    const target = Math.max(0, Math.min(index, total - 1));
    setActiveIndex(target);
    pendingFocus.current = target;
    movedByKeyboard.current = true;
    virtualizer.scrollToIndex(target, { align: 'auto' });
    focusPending();
  }

  useImperativeHandle(ref, () => ({ focusResult }));

  function readerScrolls() {
    movedByKeyboard.current = false;
  }

  function handleKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const current = Math.max(activeIndex, 0);
    // A page is what fits on screen, less one row kept in view for context.
    const rowHeight = hasQuery ? QUERY_ROW_ESTIMATE : ROW_ESTIMATE;
    const pageStep = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / rowHeight) - 1);
    const moves: Record<string, number | 'leave'> = {
      ArrowDown: current + 1,
      ArrowUp: activeIndex <= 0 ? 'leave' : current - 1,
      PageDown: current + pageStep,
      PageUp: current - pageStep,
      Home: 0,
      End: total - 1,
    };
    const move = moves[event.key];
    if (move === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    if (move === 'leave') onLeaveTop();
    else focusResult(move);
  }

  function openResult(event: MouseEvent<HTMLAnchorElement>, index: number) {
    event.preventDefault();
    const hit = hitAt(index);
    if (!hit) return;
    setActiveIndex(index);
    rememberScroll(virtualizer.scrollOffset ?? 0);
    navigate(hrefTo({ page: 'situation', id: hit.id }), { state: { openedFromArchive: true } });
  }

  const tabbableIndex = activeIndex >= 0 && activeIndex < total ? activeIndex : first;
  return (
    <div
      ref={scrollRef}
      className="result-scroller"
      aria-busy={!settled}
      onWheel={readerScrolls}
      onPointerDown={readerScrolls}
      onTouchStart={readerScrolls}
    >
      <ul
        className="result-list"
        aria-label="Situations in the archive"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={handleKeyDown}
      >
        {items.map((item) => {
          const hit = hitAt(item.index);
          const place = {
            index: item.index,
            total,
            start: item.start,
            rowRef: virtualizer.measureElement,
          };
          return hit ? (
            <ResultRow
              key={item.key}
              {...place}
              hit={hit}
              active={item.index === activeIndex}
              tabbable={item.index === tabbableIndex}
              onOpen={openResult}
              onFocus={setActiveIndex}
            />
          ) : (
            <SkeletonRow key={item.key} {...place} />
          );
        })}
      </ul>
    </div>
  );
}
