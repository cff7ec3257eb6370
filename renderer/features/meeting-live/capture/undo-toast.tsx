// After a point is deleted: a toast with Undo (Ctrl+Z while it shows), which restores it and its
// sub-points.
import { useEffect } from 'react';
import { useCaptureStore, useCaptureWrites } from '../../../stores/capture-store';

export function UndoToast() {
  const removed = useCaptureStore((s) => s.removed);
  const { undoRemove } = useCaptureWrites();

  useEffect(() => {
    if (!removed) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      const inField = event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && !inField) {
        event.preventDefault();
        void undoRemove();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [removed, undoRemove]);

  if (!removed) return null;
  return (
    <div className="toast" role="status">
      <span>Point deleted: “{removed.body.slice(0, 50)}”</span>
      <button type="button" className="button" onClick={() => void undoRemove()}>
        Undo
      </button>
    </div>
  );
}
