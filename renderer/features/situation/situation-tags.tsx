// A situation's tags: each opens the archive filtered by it; a tag is added by typing (with the
// archive's existing tags suggested) and Enter, and removed with its × button.
import { useId, useRef, useState, type SubmitEvent } from 'react';
import type { Tag } from '../../../shared/domain';
import { archiveHref } from '../../routing/archive-search';
import { useSituationWrites } from '../../stores/situation-store';
import { useTags } from '../../stores/tags-store';
import { FormError } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';

export function SituationTags({ tags }: { tags: Tag[] }) {
  const id = useId();
  const { addTag, removeTag } = useSituationWrites();
  const { tags: allTags } = useTags();
  const { pending, error, submit } = useSubmission();
  const [name, setName] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const applied = new Set(tags.map((t) => t.name.toLocaleLowerCase()));
  const suggestions = allTags.filter((t) => !applied.has(t.name.toLocaleLowerCase()));

  async function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await submit(() => addTag(name))) setName('');
  }

  async function handleRemove(tag: Tag) {
    await submit(() => removeTag(tag.id));
    // The button is gone with its tag; the reader carries on from the tag field.
    input.current?.focus();
  }

  return (
    <section className="situation-tags" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="visually-hidden">
        Tags
      </h2>
      {tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags of this situation">
          {tags.map((tag) => (
            <li key={tag.id} className="tag-item">
              <a className="tag-chip" href={archiveHref({ tagId: tag.id })}>
                {tag.name}
              </a>
              <button
                type="button"
                className="tag-remove"
                aria-label={`Remove the tag ${tag.name}`}
                title={`Remove the tag ${tag.name}`}
                disabled={pending}
                onClick={() => void handleRemove(tag)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="tag-form" aria-label="Add a tag" onSubmit={(event) => void handleSubmit(event)}>
        <label htmlFor={`${id}-name`} className="visually-hidden">
          Add a tag
        </label>
        <input
          ref={input}
          id={`${id}-name`}
          type="text"
          list={`${id}-suggestions`}
          value={name}
          placeholder={tags.length === 0 ? 'Add a tag…' : 'Add another tag…'}
          autoComplete="off"
          readOnly={pending}
          onChange={(event) => setName(event.target.value)}
        />
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((tag) => (
            <option key={tag.id} value={tag.name} />
          ))}
        </datalist>
        <button type="submit" className="button small" disabled={pending}>
          Add tag
        </button>
      </form>
      <FormError message={error} />
    </section>
  );
}
