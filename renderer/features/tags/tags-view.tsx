// The Tags page: every tag with how many situations carry it, opening its page, renaming and merging.
import { useState } from 'react';
import { useTags } from '../../stores/tags-store';
import { EmptyState, LoadError, Loading } from '../../ui/messages';
import { PageHeader } from '../../ui/page-header';
import { TagRow } from './tag-row';

export function TagsView() {
  const { tags, loaded, error } = useTags();
  const [done, setDone] = useState<string | null>(null);

  if (!loaded) return <Loading label="Opening the tags…" />;
  return (
    <>
      <PageHeader
        title="Tags"
        subtitle={
          tags.length > 0
            ? `${tags.length} ${tags.length === 1 ? 'tag' : 'tags'} · open one to see its situations`
            : undefined
        }
      />
      {error && <LoadError message={error} />}
      <p className="form-status" role="status">
        {done}
      </p>
      {tags.length === 0 ? (
        <EmptyState title="No tags yet.">
          <p>
            Tag a situation on its page (“employee experience”, “succession”) to find it with others later.
          </p>
        </EmptyState>
      ) : (
        <table className="member-table tag-table">
          <caption className="visually-hidden">Tags in the archive</caption>
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col" className="numeric">
                Situations
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tags.map((tag) => (
              <TagRow key={tag.id} tag={tag} others={tags.filter((t) => t.id !== tag.id)} onDone={setDone} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
