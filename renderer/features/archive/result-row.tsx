// One search result in the archive list, or the skeleton that holds its place while its page loads.
// The question is the link; the whole row is its hit area.
import type { MouseEvent, Ref } from 'react';
import type { ArchiveHit, SnippetSource } from '../../../shared/domain';
import { hrefTo } from '../../routing/hash-route';
import { formatDay } from '../../ui/dates';
import { MarkedText } from '../../ui/marked-text';
import { adviceCountLabel } from '../../ui/situation-card';

const SOURCE_LABELS: Record<SnippetSource, string> = {
  situation: 'In the situation',
  contribution: 'In advice & questions',
  commitment: 'In commitments',
};

interface RowPlace {
  index: number;
  total: number;
  start: number;
  rowRef: Ref<HTMLLIElement>;
}

function placeProps({ index, total, start, rowRef }: RowPlace) {
  return {
    ref: rowRef,
    'data-index': index,
    'aria-setsize': total,
    'aria-posinset': index + 1,
    style: { transform: `translateY(${start}px)` },
  };
}

interface ResultRowProps extends RowPlace {
  hit: ArchiveHit;
  active: boolean;
  /** The one result the Tab key stops at (roving focus): arrows move between the rest. */
  tabbable: boolean;
  onOpen: (event: MouseEvent<HTMLAnchorElement>, index: number) => void;
  onFocus: (index: number) => void;
}

export function ResultRow({ hit, active, tabbable, onOpen, onFocus, ...place }: ResultRowProps) {
  const { index } = place;
  return (
    <li className={active ? 'result active' : 'result'} {...placeProps(place)}>
      <div className="result-main">
        <h2 className="result-title">
          <a
            href={hrefTo({ page: 'situation', id: hit.id })}
            tabIndex={tabbable ? 0 : -1}
            onClick={(event) => onOpen(event, index)}
            onFocus={() => onFocus(index)}
          >
            {hit.titleMarked ? <MarkedText value={hit.titleMarked} /> : hit.title}
          </a>
        </h2>
        <p className="result-meta">
          <span>{hit.presenterName}</span>
          <span>{hit.groupName}</span>
          <time dateTime={new Date(hit.createdAt).toISOString()}>{formatDay(hit.createdAt)}</time>
          <span className={hit.adviceCount === 0 ? 'muted' : undefined}>
            {adviceCountLabel(hit.adviceCount)}
          </span>
        </p>
        {hit.snippet && (
          <p className="result-snippet">
            {hit.snippetSource && <span className="result-source">{SOURCE_LABELS[hit.snippetSource]}</span>}
            <span className="result-snippet-text">
              <MarkedText value={hit.snippet} />
            </span>
          </p>
        )}
      </div>
      {(hit.confidential || hit.tags.length > 0) && (
        <p className="result-tags">
          {hit.confidential && <span className="badge confidential">Confidential</span>}
          {hit.tags.length > 0 && <span className="visually-hidden">Tags:</span>}
          {hit.tags.map((tag) => (
            <span key={tag} className="tag-chip">
              {tag}
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

export function SkeletonRow(place: RowPlace) {
  return (
    <li className="result skeleton" aria-busy="true" {...placeProps(place)}>
      <span className="visually-hidden">Loading result {place.index + 1}…</span>
      <span className="skeleton-line wide" aria-hidden="true" />
      <span className="skeleton-line" aria-hidden="true" />
    </li>
  );
}
