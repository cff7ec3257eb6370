// Follow-up: every open commitment and earlier presenters' situations. For each commitment the chair
// records an outcome (done, partly, not done, with text) and which advice points helped.
import { useId, useMemo, useState } from 'react';
import { OUTCOMES, type FollowUpCommitment, type MeetingView, type Outcome } from '../../../shared/domain';
import { describeError } from '../../api/client';
import { useServer, useWrite } from '../../api/use-server-state';
import { formatDay } from '../../ui/dates';
import { FormError } from '../../ui/messages';

const OUTCOME_LABELS: Record<Outcome, string> = { done: 'Done', partly: 'Partly', not_done: 'Not done' };

export function FollowUpPanel({ view }: { view: MeetingView }) {
  const meetingId = view.meeting.id;
  const { data: followUp } = useServer('followup.list', { meetingId });

  if (!followUp) return null;
  return (
    <section className="follow-up" aria-label="Follow-up">
      {followUp.commitments.length === 0 ? (
        <p className="muted">No commitments are waiting for follow-up.</p>
      ) : (
        <ul className="follow-up-list">
          {followUp.commitments.map((c) => (
            <CommitmentReview key={c.id} meetingId={meetingId} commitment={c} />
          ))}
        </ul>
      )}
      {followUp.situations.length > 0 && (
        <>
          <h3 className="panel-title">Earlier presenters</h3>
          <ul className="follow-up-situations">
            {followUp.situations.map((s) => (
              <li key={s.situationId}>
                <strong>{s.presenterName}</strong>: {s.title}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function CommitmentReview({ meetingId, commitment }: { meetingId: string; commitment: FollowUpCommitment }) {
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome>(commitment.status === 'open' ? 'done' : commitment.status);
  const [text, setText] = useState(commitment.outcome);
  const [helped, setHelped] = useState(new Set(commitment.helpedContributionIds));
  const [error, setError] = useState<string | null>(null);
  const { data: thread } = useServer('situation.get', { id: commitment.situationId });
  const advice = useMemo(
    () => (thread?.contributions ?? []).filter((c) => c.kind === 'advice' || c.kind === 'experience'),
    [thread],
  );
  const review = useWrite('commitment.review');

  async function record() {
    try {
      await review.mutateAsync({
        meetingId,
        commitmentId: commitment.id,
        outcome,
        text,
        helpedContributionIds: [...helped],
      });
      setError(null);
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  return (
    <li
      className={commitment.pastDue ? 'follow-up-item past-due' : 'follow-up-item'}
      aria-label={`Commitment of ${commitment.ownerName}`}
    >
      <p>
        <strong>{commitment.ownerName}</strong>: {commitment.body}
        {commitment.dueAt !== null && <span className="muted"> · due {formatDay(commitment.dueAt)}</span>}
        {commitment.pastDue && <span className="badge past-due-badge">Past due</span>}
        {commitment.status !== 'open' && <span className="badge">{OUTCOME_LABELS[commitment.status]}</span>}
      </p>
      <p className="muted">On “{commitment.situationTitle}”</p>
      <div className="form-row">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-outcome`}>
            Outcome
          </label>
          <select
            id={`${id}-outcome`}
            value={outcome}
            onChange={(event) => setOutcome(event.target.value as Outcome)}
          >
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label className="field-label" htmlFor={`${id}-text`}>
            What happened
          </label>
          <input
            id={`${id}-text`}
            type="text"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
      </div>
      {advice.length > 0 && (
        <fieldset className="helped-choices">
          <legend>Advice that helped</legend>
          {advice.map((a) => (
            <label key={a.id} className="checkbox-field">
              <input
                type="checkbox"
                checked={helped.has(a.id)}
                onChange={(event) => {
                  const next = new Set(helped);
                  if (event.target.checked) next.add(a.id);
                  else next.delete(a.id);
                  setHelped(next);
                }}
              />
              {a.body} <span className="muted">({a.authorName})</span>
            </label>
          ))}
        </fieldset>
      )}
      <FormError message={error} />
      <button type="button" className="button primary" onClick={() => void record()}>
        Record outcome<span className="visually-hidden"> of {commitment.ownerName}’s commitment</span>
      </button>
    </li>
  );
}
