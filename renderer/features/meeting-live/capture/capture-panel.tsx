// Capture, keyboard first. Enter adds a point for the speaker on the floor (its kind from the phase);
// Tab and Shift+Tab nest and unnest it; ArrowUp moves into the points; Ctrl+K (or Alt+A) picks who
// said it. A phase rule's refusal shows its sentence with an explicit Override.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AgendaItem, ContributionKind, MeetingView, Phase } from '../../../../shared/domain';
import { CONTRIBUTION_KINDS } from '../../../../shared/domain';
import { defaultKind } from '../../../../shared/phase-rules';
import { useCapturedThread, useCaptureStore, useCaptureWrites } from '../../../stores/capture-store';
import { selectPresentAttendees, useLiveMeetingStore } from '../../../stores/live-meeting-store';
import { FormError } from '../../../ui/messages';
import { KIND_LABELS } from '../../situation/contribution-kinds';
import { AuthorPicker } from './author-picker';
import { CapturedPoints, type PickFor } from './captured-points';
import { UndoToast } from './undo-toast';
import { useCaptureDraft } from './use-capture-draft';

type Picking = PickFor | { purpose: 'author' };

export function CapturePanel({
  view,
  item,
  phase,
}: {
  view: MeetingView;
  item: AgendaItem;
  phase: Phase | null;
}) {
  const id = useId();
  const situationId = item.situationId ?? '';
  const attendees = selectPresentAttendees(view);
  const names = useMemo(() => new Map(view.attendance.map((a) => [a.memberId, a.name])), [view.attendance]);
  const owner = view.attendance.find((a) => a.role === 'chair') ?? view.attendance[0];
  const draft = useCaptureDraft(view.meeting.id, owner?.memberId ?? null, `capture:${situationId}`);

  const focus = useCaptureStore((s) => s.focus);
  const { points: flat } = useCapturedThread(situationId);
  const pending = useCaptureStore((s) => s.pending);
  const captureError = useCaptureStore((s) => s.error);
  const { addPoint, editPoint, endorse } = useCaptureWrites();
  const showRefusal = useLiveMeetingStore((s) => s.showRefusal);

  useEffect(() => {
    if (situationId) focus(situationId);
  }, [situationId, focus]);

  const box = useRef<HTMLTextAreaElement>(null);
  const [picking, setPicking] = useState<Picking | null>(null);
  const [parentId, setParentId] = useState<string | null>(null);
  const speakerId =
    view.currentTurn?.memberId ?? (phase === 'present' || phase === 'reflect' ? item.presenterId : null);
  // A chosen author holds for this turn on the floor (or this phase, when nobody has the floor); the
  // next turn, phase or situation takes over, even when the same member speaks again.
  const floor = view.currentTurn?.id ?? `${item.id}:${phase ?? ''}`;
  const [chosen, setChosen] = useState<{ forFloor: string; authorId: string } | null>(null);
  const authorId = chosen && chosen.forFloor === floor ? chosen.authorId : (speakerId ?? '');
  const phaseKind = phase ? defaultKind(phase, view.meeting.adviceKind) : null;
  const [kindChoice, setKindChoice] = useState<{ phase: Phase | null; kind: ContributionKind } | null>(null);
  const kind = kindChoice && kindChoice.phase === phase ? kindChoice.kind : (phaseKind ?? 'question');
  const parent = flat.find((f) => f.point.id === parentId)?.point ?? null;
  const [error, setError] = useState<string | null>(null);

  async function submit(override = false, text = draft.take()) {
    if (text.trim() === '') return;
    if (!authorId) {
      draft.giveBack(text);
      setError('Who said it? Give someone the floor, or pick the author with Ctrl+K.');
      return;
    }
    setError(null);
    const point = {
      parentId: parent?.id ?? null,
      authorId,
      authorName: names.get(authorId) ?? '',
      kind,
      body: text,
    };
    const result = await addPoint({ ...point, meetingId: view.meeting.id, override });
    if (result.ok) {
      draft.settle();
      showRefusal(null);
      return;
    }
    draft.giveBack(text);
    if (result.ruleRefused) {
      showRefusal({
        message: result.message,
        override: async () => {
          showRefusal(null);
          await submit(true, draft.take());
        },
      });
    } else setError(result.message);
  }

  function siblingsOf(parent: string | null) {
    return flat.filter((f) => (f.point.parentId ?? null) === parent);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    const { key } = event;
    if (key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    } else if (key === 'Tab' && !event.shiftKey) {
      const last = siblingsOf(parentId).at(-1);
      if (!last) return;
      event.preventDefault();
      setParentId(last.point.id);
    } else if (key === 'Tab' && event.shiftKey && parent) {
      event.preventDefault();
      setParentId(parent.parentId);
    } else if (
      ((event.ctrlKey || event.metaKey) && key.toLowerCase() === 'k') ||
      (event.altKey && key.toLowerCase() === 'a')
    ) {
      event.preventDefault();
      setPicking({ purpose: 'author' });
    } else if (key === 'ArrowUp' && event.currentTarget.selectionStart === 0 && flat.length > 0) {
      event.preventDefault();
      document.querySelector<HTMLElement>(`[data-point-id="${flat.at(-1)?.point.id ?? ''}"]`)?.focus();
    }
  }

  function pick(memberId: string) {
    const current = picking;
    setPicking(null);
    if (!current) return;
    if (current.purpose === 'author') {
      setChosen({ forFloor: floor, authorId: memberId });
      box.current?.focus();
    } else {
      const target = document.querySelector<HTMLElement>(`[data-point-id="${current.pointId}"]`);
      const done =
        current.purpose === 'endorse'
          ? endorse(
              current.pointId,
              memberId,
              flat.some((f) => f.point.id === current.pointId && f.point.endorsedBy.includes(memberId)),
            )
          : editPoint(current.pointId, { authorId: memberId });
      void done.then(() => target?.focus());
    }
  }

  return (
    <section className="capture" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="panel-title">
        Capture
      </h3>
      <CapturedPoints
        points={flat}
        pending={pending}
        names={names}
        onBackToBox={() => box.current?.focus()}
        onPick={setPicking}
      />
      <div className="capture-box">
        <p className="capture-context">
          <span>
            Author:{' '}
            <strong data-testid="capture-author">
              {authorId ? names.get(authorId) : 'nobody has the floor'}
            </strong>
          </span>
          {parent && (
            <span className="capture-parent">
              Sub-point of {parent.authorName || names.get(parent.authorId)}: “{parent.body.slice(0, 60)}”
            </span>
          )}
          <label className="capture-kind">
            Kind{' '}
            <select
              value={kind}
              onChange={(event) => setKindChoice({ phase, kind: event.target.value as ContributionKind })}
            >
              {CONTRIBUTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
        </p>
        <textarea
          ref={box}
          id={`${id}-box`}
          className={parent ? 'capture-input nested' : 'capture-input'}
          aria-label="Point being typed"
          aria-describedby={`${id}-keys`}
          rows={2}
          value={draft.body}
          onChange={(event) => draft.setBody(event.target.value)}
          onBlur={draft.flush}
          onKeyDown={handleKeyDown}
        />
        <p id={`${id}-keys`} className="field-hint">
          Enter adds · Shift+Enter new line · Tab / Shift+Tab nest · ↑ points · Ctrl+K author
        </p>
        <FormError message={error ?? captureError} />
      </div>
      {picking && (
        <AuthorPicker
          title={picking.purpose === 'endorse' ? 'Who gives it +1?' : 'Who said it?'}
          attendees={attendees}
          onPick={pick}
          onClose={() => setPicking(null)}
        />
      )}
      <UndoToast />
    </section>
  );
}
