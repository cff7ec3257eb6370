// Renaming a tag. When another tag already has the name, the backend says so in a sentence, and the
// form offers what the chair most likely wants: merging this tag into that one.
import { useId, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import type { TagWithCount } from '../../../shared/domain';
import { ApiError, describeError } from '../../api/client';
import { useMergeTag, useRenameTag, useTags } from '../../stores/tags-store';
import { FormError } from '../../ui/messages';

interface TagRenameFormProps {
  tag: TagWithCount;
  onCancel: () => void;
  onDone: (message: string) => void;
}

/** The tag a CONFLICT names, from the error's details. */
function clashingTagId(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return null;
  const details: unknown = error.details;
  if (typeof details !== 'object' || details === null || !('existingTagId' in details)) return null;
  return typeof details.existingTagId === 'string' ? details.existingTagId : null;
}

export function TagRenameForm({ tag, onCancel, onDone }: TagRenameFormProps) {
  const id = useId();
  const rename = useRenameTag();
  const merge = useMergeTag();
  const { tags } = useTags();
  const [name, setName] = useState(tag.name);
  const [error, setError] = useState<string | null>(null);
  const [clashId, setClashId] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const clash = tags.find((t) => t.id === clashId) ?? null;

  async function run(action: () => Promise<string>) {
    setPending(true);
    try {
      onDone(await action());
    } catch (failure) {
      setError(describeError(failure));
      setClashId(clashingTagId(failure));
    } finally {
      setPending(false);
    }
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(async () => {
      const renamed = await rename(tag.id, name);
      return `Renamed “${tag.name}” to “${renamed.name}”.`;
    });
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  }

  return (
    <form className="inline-form" aria-label={`Rename ${tag.name}`} onSubmit={handleSubmit}>
      <label htmlFor={`${id}-name`} className="visually-hidden">
        New name for {tag.name}
      </label>
      <input
        id={`${id}-name`}
        type="text"
        value={name}
        autoFocus
        readOnly={pending}
        onChange={(event) => {
          setName(event.target.value);
          setClashId(null);
        }}
        onKeyDown={handleKeyDown}
      />
      <button type="submit" className="button primary small" disabled={pending}>
        Save
      </button>
      <button type="button" className="button quiet small" onClick={onCancel}>
        Cancel
      </button>
      <div className="inline-form-error">
        <FormError message={error} />
        {clash && (
          <button
            type="button"
            className="button small"
            disabled={pending}
            onClick={() =>
              void run(async () => {
                const into = await merge(tag.id, clash.id);
                return `Merged “${tag.name}” into “${into.name}”.`;
              })
            }
          >
            Merge into “{clash.name}”
          </button>
        )}
      </div>
    </form>
  );
}
