// Commit: what the presenter will do, who owns it and by when. A commitment before Commit is refused
// by the phase rules; the chair may override it.
import { useId, useState, type SubmitEvent } from 'react';
import type { AgendaItem, MeetingView } from '../../../shared/domain';
import { ApiError, describeError } from '../../api/client';
import { useWrite } from '../../api/use-server-state';
import { commitmentAdded } from '../../api/writes';
import { useCapturedThread } from '../../stores/capture-store';
import { selectPresentAttendees, useLiveMeetingStore } from '../../stores/live-meeting-store';
import { formatDay } from '../../ui/dates';
import { FormError } from '../../ui/messages';

export function CommitmentPanel({ view, item }: { view: MeetingView; item: AgendaItem }) {
  const id = useId();
  const { commitments } = useCapturedThread(item.situationId ?? '');
  const addWrite = useWrite('commitment.add', commitmentAdded);
  const showRefusal = useLiveMeetingStore((s) => s.showRefusal);
  const [ownerChoice, setOwner] = useState<string | null>(null);
  const owner = ownerChoice ?? item.presenterId ?? '';
  const [body, setBody] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function add(override: boolean) {
    if (!item.situationId) return;
    try {
      await addWrite.mutateAsync({
        meetingId: view.meeting.id,
        situationId: item.situationId,
        ownerId: owner,
        body,
        dueDate: due,
        override,
      });
      setBody('');
      setDue('');
      setError(null);
      showRefusal(null);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'PHASE_RULE') {
        showRefusal({ message: failure.message, override: () => add(true) });
      } else setError(describeError(failure));
    }
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    void add(false);
  }

  return (
    <section className="commitments panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="panel-title">
        Commitments
      </h3>
      {commitments.length > 0 && (
        <ul className="commitment-items" aria-label="Commitments made">
          {commitments.map((c) => (
            <li key={c.id}>
              <strong>{c.ownerName}</strong>: {c.body}
              {c.dueAt !== null && <span className="muted"> · by {formatDay(c.dueAt)}</span>}
            </li>
          ))}
        </ul>
      )}
      <form className="form-row" onSubmit={handleSubmit}>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-owner`}>
            Owner
          </label>
          <select id={`${id}-owner`} value={owner} onChange={(event) => setOwner(event.target.value)}>
            <option value="">Who will do it?</option>
            {selectPresentAttendees(view).map((a) => (
              <option key={a.memberId} value={a.memberId}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label className="field-label" htmlFor={`${id}-body`}>
            Commitment
          </label>
          <input
            id={`${id}-body`}
            type="text"
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-due`}>
            Due
          </label>
          <input id={`${id}-due`} type="date" value={due} onChange={(event) => setDue(event.target.value)} />
        </div>
        <button type="submit" className="button primary">
          Add commitment
        </button>
      </form>
      <FormError message={error} />
    </section>
  );
}
