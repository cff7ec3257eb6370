// What the presenter committed to, by when, and how it turned out at the follow-up.
import type { Commitment, CommitmentStatus } from '../../../shared/domain';
import { hrefTo } from '../../routing/hash-route';
import { formatDay } from '../../ui/dates';

const STATUS_LABELS: Record<CommitmentStatus, string> = {
  open: 'Open',
  done: 'Done',
  partly: 'Partly done',
  not_done: 'Not done',
};

export function CommitmentList({ commitments }: { commitments: Commitment[] }) {
  return (
    <ol className="commitment-list" aria-label="Commitments">
      {commitments.map((commitment) => (
        <li key={commitment.id} className="commitment">
          <div className="commitment-head">
            <p className="commitment-body">{commitment.body}</p>
            <span className={`commitment-status status-${commitment.status}`}>
              {STATUS_LABELS[commitment.status]}
            </span>
          </div>
          <p className="commitment-meta">
            <a href={hrefTo({ page: 'member', id: commitment.ownerId })}>{commitment.ownerName}</a>
            <span>
              {commitment.dueAt === null ? (
                'No due date'
              ) : (
                <>
                  Due{' '}
                  <time dateTime={new Date(commitment.dueAt).toISOString()}>
                    {formatDay(commitment.dueAt)}
                  </time>
                </>
              )}
            </span>
          </p>
          {commitment.outcome && (
            <p className="commitment-outcome">
              <span className="commitment-outcome-label">Outcome</span> {commitment.outcome}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
