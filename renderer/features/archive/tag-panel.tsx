// The archive's side panel: every tag with how many situations carry it, each opening its own page.
import type { TagWithCount } from '../../../shared/domain';
import { archiveHref } from '../../routing/archive-search';
import { hrefTo } from '../../routing/hash-route';

export function TagPanel({
  tags,
  currentTagId,
}: {
  tags: readonly TagWithCount[];
  currentTagId: string | null;
}) {
  return (
    <aside className="tag-panel" aria-labelledby="tag-panel-heading">
      <h2 id="tag-panel-heading" className="tag-panel-title">
        Tags
      </h2>
      {tags.length === 0 ? (
        <p className="muted small">No tags yet. Tag a situation on its page to group it with others.</p>
      ) : (
        <ul className="tag-counts">
          {tags.map((tag) => (
            <li key={tag.id}>
              <a
                href={archiveHref({ tagId: tag.id })}
                aria-current={tag.id === currentTagId ? 'page' : undefined}
              >
                <span className="tag-name">{tag.name}</span>
                <span className="tag-count" aria-label={`${tag.situationCount} situations`}>
                  {tag.situationCount}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <a className="small" href={hrefTo({ page: 'tags' })}>
        Rename or merge tags
      </a>
    </aside>
  );
}
