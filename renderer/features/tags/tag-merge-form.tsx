// Merging a tag into another: every situation it labels takes the other tag, and this one goes.
import { useId, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import type { TagWithCount } from '../../../shared/domain';
import { useMergeTag } from '../../stores/tags-store';
import { FormError } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';

interface TagMergeFormProps {
  tag: TagWithCount;
  others: TagWithCount[];
  onCancel: () => void;
  onDone: (message: string) => void;
}

export function TagMergeForm({ tag, others, onCancel, onDone }: TagMergeFormProps) {
  const id = useId();
  const merge = useMergeTag();
  const { pending, error, submit } = useSubmission();
  const [intoId, setIntoId] = useState('');
  const into = others.find((t) => t.id === intoId);

  async function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    let message = '';
    const merged = await submit(async () => {
      const result = await merge(tag.id, intoId);
      message = `Merged “${tag.name}” into “${result.name}”.`;
    });
    if (merged) onDone(message);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  }

  return (
    <form
      className="inline-form merge-form"
      aria-label={`Merge ${tag.name}`}
      onSubmit={(event) => void handleSubmit(event)}
      onKeyDown={handleKeyDown}
    >
      <label htmlFor={`${id}-into`}>Merge “{tag.name}” into</label>
      <select id={`${id}-into`} value={intoId} required autoFocus onChange={(e) => setIntoId(e.target.value)}>
        <option value="" disabled>
          Choose a tag
        </option>
        {others.map((other) => (
          <option key={other.id} value={other.id}>
            {other.name} ({other.situationCount})
          </option>
        ))}
      </select>
      <button type="submit" className="button primary small" disabled={pending || !into}>
        Merge
      </button>
      <button type="button" className="button quiet small" onClick={onCancel}>
        Cancel
      </button>
      {into && (
        <p className="field-hint merge-note">
          The {tag.situationCount === 1 ? 'situation' : `${tag.situationCount} situations`} tagged “{tag.name}
          ” will be tagged “{into.name}”, and “{tag.name}” goes away.
        </p>
      )}
      <FormError message={error} />
    </form>
  );
}
