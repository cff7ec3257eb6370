// The points said about the situation, nested as said. Arrows move between them; on a point, Enter
// edits it in place, Delete removes it (with undo), "+" records a member's +1 and Ctrl+K reassigns
// who said it. Points on their way to the backend show as "Saving…", never as saved.
import { useRef, useState, type KeyboardEvent } from 'react';
import type { FlatPoint, PendingPoint } from '../../../stores/capture-store';
import { useCaptureWrites } from '../../../stores/capture-store';
import { KIND_LABELS } from '../../situation/contribution-kinds';

export type PickFor = { purpose: 'endorse' | 'reassign'; pointId: string };

interface CapturedPointsProps {
  points: FlatPoint[];
  pending: PendingPoint[];
  names: Map<string, string>;
  onBackToBox: () => void;
  onPick: (pick: PickFor) => void;
}

export function CapturedPoints({ points, pending, names, onBackToBox, onPick }: CapturedPointsProps) {
  const list = useRef<HTMLOListElement>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const { removePoint } = useCaptureWrites();

  const bodyOf = (id: string) => points.find((f) => f.point.id === id)?.point.body ?? '';

  function focusAt(index: number) {
    const items = list.current?.querySelectorAll<HTMLElement>('[data-point-id]');
    if (!items) return;
    if (index >= items.length) onBackToBox();
    else items[Math.max(0, index)]?.focus();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLLIElement>, index: number, id: string) {
    if (event.target !== event.currentTarget) return;
    const key = event.key;
    if (key === 'ArrowUp' || key === 'ArrowDown') {
      event.preventDefault();
      focusAt(index + (key === 'ArrowUp' ? -1 : 1));
    } else if (key === 'Enter' || key === 'F2') {
      event.preventDefault();
      setEditing(id);
    } else if (key === 'Delete' || key === 'Backspace') {
      event.preventDefault();
      void removePoint(id, bodyOf(id)).then(() => focusAt(index));
    } else if (key === '+') {
      event.preventDefault();
      onPick({ purpose: 'endorse', pointId: id });
    } else if ((event.ctrlKey || event.metaKey) && key.toLowerCase() === 'k') {
      event.preventDefault();
      onPick({ purpose: 'reassign', pointId: id });
    } else if (key === 'Escape') {
      event.preventDefault();
      onBackToBox();
    }
  }

  if (points.length === 0 && pending.length === 0) {
    return <p className="muted capture-empty">No points yet. Type below; Enter adds a point.</p>;
  }
  return (
    <ol ref={list} className="captured-points" aria-label="Points captured">
      {points.map(({ point, depth }, index) => {
        const author = point.authorName || names.get(point.authorId) || 'A former member';
        const endorsers = point.endorsedBy.map((id) => names.get(id) ?? 'a member');
        return (
          <li
            key={point.id}
            data-point-id={point.id}
            tabIndex={-1}
            className={`captured-point depth-${Math.min(depth, 4)} kind-${point.kind}`}
            aria-label={`${KIND_LABELS[point.kind]} from ${author}${depth > 0 ? ' (sub-point)' : ''}`}
            onKeyDown={(event) => handleKeyDown(event, index, point.id)}
          >
            <span className="captured-author">{author}</span>
            <span className={`kind-badge kind-${point.kind}`}>{KIND_LABELS[point.kind]}</span>
            {editing === point.id ? (
              <EditInPlace
                id={point.id}
                body={point.body}
                onDone={() => {
                  setEditing(null);
                  focusAt(index);
                }}
              />
            ) : (
              <span className="captured-body">{point.body}</span>
            )}
            {endorsers.length > 0 ? (
              <span className="endorsements" title={`Endorsed by ${endorsers.join(', ')}`}>
                +{endorsers.length}
                <span className="visually-hidden"> endorsed by {endorsers.join(', ')}</span>
              </span>
            ) : (
              <span />
            )}
            <span className="captured-state">Saved</span>
            <span className="captured-actions">
              <button type="button" className="button link" onClick={() => setEditing(point.id)}>
                Edit<span className="visually-hidden"> point from {author}</span>
              </button>
              <button
                type="button"
                className="button link"
                onClick={() => onPick({ purpose: 'endorse', pointId: point.id })}
              >
                +1<span className="visually-hidden"> for the point from {author}</span>
              </button>
              <button
                type="button"
                className="button link"
                onClick={() => void removePoint(point.id, point.body)}
              >
                Delete<span className="visually-hidden"> point from {author}</span>
              </button>
            </span>
          </li>
        );
      })}
      {pending.map((point) => (
        <li key={point.key} className="captured-point pending" aria-label={`${point.authorName}: saving`}>
          <span className="captured-author">{point.authorName}</span>
          <span className={`kind-badge kind-${point.kind}`}>{KIND_LABELS[point.kind]}</span>
          <span className="captured-body">{point.body}</span>
          <span className="captured-state">Saving…</span>
        </li>
      ))}
    </ol>
  );
}

function EditInPlace({ id, body, onDone }: { id: string; body: string; onDone: () => void }) {
  const { editPoint } = useCaptureWrites();
  const [text, setText] = useState(body);
  async function save() {
    if (text.trim() === '' || text === body || (await editPoint(id, { body: text }))) onDone();
  }
  return (
    <textarea
      className="edit-in-place"
      aria-label="Edit the point"
      autoFocus
      rows={2}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone();
        } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
          event.preventDefault();
          void save();
        }
      }}
    />
  );
}
