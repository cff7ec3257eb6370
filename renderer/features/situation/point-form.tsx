// Capturing a point as it is said: who said it, what kind of point, and the words. Enter adds it,
// Shift+Enter starts a new line. The text is cleared only once the backend has committed the point.
import { useId, useRef, useState, type SubmitEvent, type KeyboardEvent } from 'react';
import type { ContributionKind, Member } from '../../../shared/domain';
import { useSituationWrites } from '../../stores/situation-store';
import { Field, hintId } from '../../ui/field';
import { MemberChoice } from '../../ui/member-choice';
import { FormError } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';
import { KIND_CHOICES, KIND_LABELS } from './contribution-kinds';

interface PointFormProps {
  members: Member[];
  /** Set when this is a reply: the point it nests under. */
  parent?: { id: string; authorName: string };
  onSaved?: () => void;
  onCancel?: () => void;
}

export function PointForm({ members, parent, onSaved, onCancel }: PointFormProps) {
  const id = useId();
  const { addContribution } = useSituationWrites();
  const { pending, error, submit } = useSubmission();
  const [authorId, setAuthorId] = useState('');
  const [kind, setKind] = useState<ContributionKind>('advice');
  const [body, setBody] = useState('');
  const authorSelect = useRef<HTMLSelectElement>(null);
  const isReply = parent !== undefined;

  async function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await submit(async () => {
      await addContribution({ parentId: parent?.id ?? null, authorId, kind, body });
    });
    if (!saved) return;
    setBody('');
    // The next point usually comes from someone else; make the chair choose rather than misattribute.
    setAuthorId('');
    authorSelect.current?.focus();
    onSaved?.();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }

  const title = isReply ? `Reply to ${parent.authorName}` : 'Add a point';
  return (
    <form
      className={isReply ? 'point-form reply' : 'point-form panel'}
      aria-label={title}
      onSubmit={(event) => void handleSubmit(event)}
    >
      {!isReply && <h2 className="panel-title">{title}</h2>}
      <div className="point-form-choices">
        <Field id={`${id}-author`} label="Who said it">
          <MemberChoice
            id={`${id}-author`}
            members={members}
            value={authorId}
            placeholder="Choose a member"
            selectRef={authorSelect}
            autoFocus={isReply}
            onChange={setAuthorId}
          />
        </Field>
        <Field id={`${id}-kind`} label="Kind">
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(event) => setKind(event.target.value as ContributionKind)}
          >
            {KIND_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {KIND_LABELS[choice]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        id={`${id}-body`}
        label={isReply ? 'Sub-point' : 'Point'}
        hint="Enter adds it · Shift+Enter for a new line"
      >
        <textarea
          id={`${id}-body`}
          rows={isReply ? 2 : 3}
          value={body}
          readOnly={pending}
          aria-describedby={hintId(`${id}-body`)}
          onChange={(event) => setBody(event.target.value)}
          onKeyDown={handleKeyDown}
        />
      </Field>
      <FormError message={error} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {isReply ? 'Add sub-point' : 'Add point'}
        </button>
        {onCancel && (
          <button type="button" className="button quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
