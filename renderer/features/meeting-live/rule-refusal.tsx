// What the backend refused, as its sentence. A phase rule's refusal offers an explicit Override,
// which resends the same write with override: true (the backend records the override).
import { useLiveMeetingStore } from '../../stores/live-meeting-store';

export function RuleRefusal() {
  const refusal = useLiveMeetingStore((s) => s.refusal);
  const actionError = useLiveMeetingStore((s) => s.actionError);
  const dismiss = useLiveMeetingStore((s) => s.dismissError);
  if (refusal) {
    return (
      <div className="rule-refusal" role="alert">
        <p>{refusal.message}</p>
        <button type="button" className="button danger" onClick={() => void refusal.override()}>
          Override
        </button>
        <button type="button" className="button quiet" onClick={dismiss}>
          Keep the rule
        </button>
      </div>
    );
  }
  if (!actionError) return null;
  return (
    <div className="rule-refusal" role="alert">
      <p>{actionError}</p>
      <button type="button" className="button quiet" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
