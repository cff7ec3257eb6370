// The group's meetings, newest first, each a link to its live screen.
import type { MeetingSummary } from '../../../shared/domain';
import { hrefTo } from '../../routing/hash-route';
import { formatDayAndTime } from '../../ui/dates';
import { EmptyState } from '../../ui/messages';

const STATUS_WORDS = { planned: 'Planned', live: 'Live', closed: 'Closed' } as const;

export function MeetingList({ meetings }: { meetings: MeetingSummary[] }) {
  if (meetings.length === 0) {
    return (
      <EmptyState title="No meetings yet.">
        <p>Plan the group’s next meeting below.</p>
      </EmptyState>
    );
  }
  return (
    <ul className="meeting-list" aria-label="Meetings of the group">
      {meetings.map((m) => (
        <li key={m.id} className="meeting-card">
          <a href={hrefTo({ page: 'meeting', id: m.id })}>{formatDayAndTime(m.startsAt)}</a>
          <span className={`badge status-${m.status}`}>{STATUS_WORDS[m.status]}</span>
          <span className="muted">
            {m.location || 'No location'} · {m.attendeeCount} attendees · {m.situationCount} situations
            {m.rating !== null && ` · rated ${m.rating.toFixed(1)}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
