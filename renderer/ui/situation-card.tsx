// One situation in a list (the parking lot, the archive). The question is the link; the whole card
// is clickable through CSS, and Enter on the focused link opens it.
import type { ReactNode } from 'react';
import type { SituationSummary } from '../../shared/domain';
import { hrefTo } from '../routing/hash-route';
import { formatDay } from './dates';

export function adviceCountLabel(count: number): string {
  if (count === 0) return 'No advice yet';
  return count === 1 ? '1 advice point' : `${count} advice points`;
}

export function SituationCard({
  situation,
  showGroup,
  children,
}: {
  situation: SituationSummary;
  showGroup: boolean;
  /** Controls of the list it is in (the parking lot's priority). */
  children?: ReactNode;
}) {
  return (
    <li className="situation-card">
      <h2 className="situation-card-question">
        <a href={hrefTo({ page: 'situation', id: situation.id })}>{situation.title}</a>
      </h2>
      <p className="situation-card-meta">
        <span>{situation.presenterName}</span>
        {showGroup && <span>{situation.groupName}</span>}
        <time dateTime={new Date(situation.createdAt).toISOString()}>{formatDay(situation.createdAt)}</time>
      </p>
      <p className="situation-card-tags">
        <span className={situation.adviceCount === 0 ? 'count muted' : 'count'}>
          {adviceCountLabel(situation.adviceCount)}
        </span>
        {situation.confidential && <span className="badge confidential">Confidential</span>}
      </p>
      {children}
    </li>
  );
}
