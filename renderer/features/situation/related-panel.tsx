// "Related past situations": the five situations in the archive most like this one, found offline
// from its distinctive words, each opening that situation.
import { describeError } from '../../api/client';
import { useServer } from '../../api/use-server-state';
import { hrefTo } from '../../routing/hash-route';
import { formatDay } from '../../ui/dates';
import { adviceCountLabel } from '../../ui/situation-card';

export function RelatedPanel({ situationId }: { situationId: string }) {
  const query = useServer('archive.related', { situationId });
  const related = query.data ?? [];
  const error = query.error ? describeError(query.error) : null;
  const ready = query.data !== undefined || error !== null;
  return (
    <aside className="related-panel" aria-labelledby="related-heading">
      <h2 id="related-heading" className="related-title">
        Related past situations
      </h2>
      {!ready ? (
        <p className="muted small" role="status">
          Looking for similar situations…
        </p>
      ) : error ? (
        <p className="muted small" role="alert">
          {error}
        </p>
      ) : related.length === 0 ? (
        <p className="muted small">Nothing in the archive is much like this yet.</p>
      ) : (
        <ol className="related-list" aria-label="Related past situations">
          {related.map((situation) => (
            <li key={situation.id}>
              <a href={hrefTo({ page: 'situation', id: situation.id })}>{situation.title}</a>
              <p className="related-meta">
                <span>{situation.presenterName}</span>
                <time dateTime={new Date(situation.createdAt).toISOString()}>
                  {formatDay(situation.createdAt)}
                </time>
              </p>
              <p className="related-meta">
                {situation.groupName}, {adviceCountLabel(situation.adviceCount).toLowerCase()}
              </p>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
