// The situations of a pack opened read-only, as a virtualized list: only the rows on screen exist in
// the page, so a pack of 20,000 situations opens as quickly as one of twenty. Each row's title is a
// disclosure button that shows the background and the points. Arrow keys, Page Up/Down, Home and End
// move between rows (roving focus, as in the archive list), so every row is in reach of the keyboard
// though most are not in the page. A confidential situation (in a pack only when its chair included
// it) is labelled beside its title, as in the archive.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { creditLine } from '../../../shared/digest-format';
import type { PackContents } from '../../../shared/domain';
import { KIND_LABELS } from '../situation/contribution-kinds';

type PackSituation = PackContents['situations'][number];
type PackPoint = PackSituation['points'][number];

interface PointNode {
  point: PackPoint;
  replies: PointNode[];
}

/** Typical heights (px) of a closed row before it is measured, and of its credit line. */
const ROW_ESTIMATE = 60;
const CREDIT_ESTIMATE = 22;

export function PackSituationList({ situations }: { situations: readonly PackSituation[] }) {
  const id = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<number | null>(null);
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  const [activeIndex, setActiveIndex] = useState(0);
  const total = situations.length;

  // eslint-disable-next-line react-hooks/incompatible-library -- the list reads the virtualizer fresh each render and memoizes nothing from it
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => ROW_ESTIMATE + (situations[index]?.credit ? CREDIT_ESTIMATE : 0),
    // Keyed by id, so a row keeps its measured height (and an opened row its place) while scrolling.
    getItemKey: (index) => situations[index]?.id ?? index,
    overscan: 6,
    paddingEnd: 8,
  });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const toggle = scrollRef.current?.querySelector<HTMLButtonElement>(`[data-index="${index}"] button`);
    if (!toggle) return;
    pendingFocus.current = null;
    toggle.focus({ preventScroll: true });
  });

  function focusRow(index: number) {
    if (total === 0) return;
    const target = Math.max(0, Math.min(index, total - 1));
    setActiveIndex(target);
    pendingFocus.current = target;
    virtualizer.scrollToIndex(target, { align: 'auto' });
  }

  function handleKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (!(event.target instanceof HTMLButtonElement) || !event.target.dataset.toggle) return;
    const pageStep = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_ESTIMATE) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + pageStep,
      PageUp: activeIndex - pageStep,
      Home: 0,
      End: total - 1,
    };
    const move = moves[event.key];
    if (move === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    focusRow(move);
  }

  function toggle(situationId: string) {
    setOpened((current) => {
      const next = new Set(current);
      if (!next.delete(situationId)) next.add(situationId);
      return next;
    });
  }

  const tabbable = Math.min(activeIndex, total - 1);
  return (
    <>
      <p id={`${id}-hint`} className="field-hint">
        {total} {total === 1 ? 'situation' : 'situations'}. Up and down arrows move between them; Enter shows
        a situation’s background and points.
      </p>
      <div ref={scrollRef} className="pack-scroller">
        <ul
          className="pack-situation-list"
          aria-label="Situations in the pack"
          aria-describedby={`${id}-hint`}
          style={{ height: virtualizer.getTotalSize() }}
          onKeyDown={handleKeyDown}
        >
          {items.map((item) => {
            const situation = situations[item.index];
            if (!situation) return null;
            const open = opened.has(situation.id);
            const detailsId = `${id}-details-${item.index}`;
            return (
              <li
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                aria-setsize={total}
                aria-posinset={item.index + 1}
                className="pack-situation"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <h4 className="pack-situation-title">
                  <button
                    type="button"
                    data-toggle="points"
                    aria-expanded={open}
                    aria-controls={open ? detailsId : undefined}
                    tabIndex={item.index === tabbable ? 0 : -1}
                    onClick={() => toggle(situation.id)}
                    onFocus={() => setActiveIndex(item.index)}
                  >
                    <span className="pack-disclosure" aria-hidden="true" />
                    {situation.title}
                  </button>
                  {situation.confidential && <span className="badge confidential">Confidential</span>}
                </h4>
                <p className="pack-situation-meta">
                  {situation.presenterName} · {pointsLabel(situation.points.length)}
                  {situation.tags.length > 0 && ` · ${situation.tags.join(', ')}`}
                </p>
                {situation.credit && <p className="situation-credit">{creditLine(situation.credit)}</p>}
                {open && <SituationDetails id={detailsId} situation={situation} />}
              </li>
            );
          })}
        </ul>
      </div>
    </>
  );
}

function SituationDetails({ id, situation }: { id: string; situation: PackSituation }) {
  const roots = pointTree(situation.points);
  return (
    <div id={id} className="pack-situation-details">
      {situation.background.trim() !== '' && <p>{situation.background}</p>}
      {roots.length > 0 ? (
        <PointList nodes={roots} label={`Points on “${situation.title}”`} />
      ) : (
        <p className="muted">No points were captured.</p>
      )}
    </div>
  );
}

function PointList({ nodes, label }: { nodes: readonly PointNode[]; label?: string }) {
  return (
    <ul className="pack-points" aria-label={label}>
      {nodes.map(({ point, replies }) => (
        <li key={point.id}>
          <span className="pack-point-kind">{KIND_LABELS[point.kind]}</span> {point.authorName}: {point.body}
          {replies.length > 0 && <PointList nodes={replies} />}
        </li>
      ))}
    </ul>
  );
}

/**
 * Points under their parents, in the pack's order (oldest first). A point whose parent is not in the
 * pack, or that only loops back to itself, still shows at the top level.
 */
function pointTree(points: readonly PackPoint[]): PointNode[] {
  const nodes = new Map(points.map((point) => [point.id, { point, replies: [] as PointNode[] }]));
  const roots: PointNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.point.parentId === null ? undefined : nodes.get(node.point.parentId);
    (parent ? parent.replies : roots).push(node);
  }
  const reached = new Set<string>();
  const reach = (list: readonly PointNode[]) => {
    for (const node of list) {
      reached.add(node.point.id);
      reach(node.replies);
    }
  };
  reach(roots);
  for (const node of nodes.values()) {
    if (reached.has(node.point.id)) continue;
    // A loop: cut it at this point, which then shows at the top level with what hangs below it.
    const parent = node.point.parentId === null ? undefined : nodes.get(node.point.parentId);
    if (parent) parent.replies = parent.replies.filter((reply) => reply !== node);
    roots.push(node);
    reach([node]);
  }
  return roots;
}

function pointsLabel(count: number): string {
  return `${count} ${count === 1 ? 'point' : 'points'}`;
}
