// Wrap-up: each attendee's takeaway and a 1–10 rating; the meeting's average as the backend keeps it.
import { useState } from 'react';
import type { AttendanceEntry, MeetingView, WrapUpEntry } from '../../../shared/domain';
import { describeError } from '../../api/client';
import { useWrite } from '../../api/use-server-state';
import { selectPresentAttendees } from '../../stores/live-meeting-store';
import { FormError } from '../../ui/messages';

const RATINGS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

export function WrapUpPanel({ view }: { view: MeetingView }) {
  const average = view.wrapUp.averageRating;
  return (
    <section className="wrap-up" aria-label="Wrap-up">
      <p className="average-rating" role="status">
        Average rating:{' '}
        <strong data-testid="average-rating">{average === null ? '—' : average.toFixed(1)}</strong>
      </p>
      <ul className="wrap-up-list">
        {selectPresentAttendees(view).map((a) => (
          <WrapUpRow
            key={a.memberId}
            meetingId={view.meeting.id}
            attendee={a}
            entry={view.wrapUp.entries.find((e) => e.memberId === a.memberId)}
          />
        ))}
      </ul>
    </section>
  );
}

function WrapUpRow(props: { meetingId: string; attendee: AttendanceEntry; entry: WrapUpEntry | undefined }) {
  const { meetingId, attendee, entry } = props;
  // meeting.changed re-reads the meeting, with the new average.
  const recordWrite = useWrite('wrapup.record');
  const [takeaway, setTakeaway] = useState(entry?.takeaway ?? '');
  const [rating, setRating] = useState(entry?.rating ?? null);
  const [error, setError] = useState<string | null>(null);

  async function record() {
    try {
      await recordWrite.mutateAsync({ meetingId, memberId: attendee.memberId, takeaway, rating });
      setError(null);
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  return (
    <li className="wrap-up-row">
      <span className="attendee-name">{attendee.name}</span>
      <input
        type="text"
        aria-label={`${attendee.name}’s takeaway`}
        placeholder="Takeaway"
        value={takeaway}
        onChange={(event) => setTakeaway(event.target.value)}
      />
      <select
        aria-label={`${attendee.name}’s rating`}
        value={rating ?? ''}
        onChange={(event) => setRating(event.target.value === '' ? null : Number(event.target.value))}
      >
        <option value="">Rating</option>
        {RATINGS.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <button type="button" className="button" onClick={() => void record()}>
        Save<span className="visually-hidden"> {attendee.name}’s wrap-up</span>
      </button>
      {entry?.rating != null && <span className="muted">Saved: {entry.rating}/10</span>}
      <FormError message={error} />
    </li>
  );
}
