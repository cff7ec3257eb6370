// The meeting's title line: its group, day and state, and the chair's controls for its life (start,
// close, reopen), the timers (pause, resume) and the projector's presenter view.
import type { MeetingView } from '../../../shared/domain';
import { hrefTo } from '../../routing/hash-route';
import { selectNextItem, useMeetingAct } from '../../stores/live-meeting-store';
import { formatDayAndTime } from '../../ui/dates';

const STATUS_WORDS = { planned: 'Planned', live: 'Live', closed: 'Closed' } as const;

export function MeetingControls({ view }: { view: MeetingView }) {
  const act = useMeetingAct();
  const meetingId = view.meeting.id;
  const status = view.meeting.status;
  const next = selectNextItem(view);
  return (
    <header className="page-header meeting-header">
      <p className="kicker">
        <a href={hrefTo({ page: 'meetings' })}>Meetings</a> · {view.groupName}
      </p>
      <h1>
        Meeting of {formatDayAndTime(view.meeting.startsAt)}{' '}
        <span className={`badge status-${status}`}>{STATUS_WORDS[status]}</span>
      </h1>
      {view.meeting.location && <p className="page-subtitle">{view.meeting.location}</p>}
      <div className="meeting-actions">
        {status === 'planned' && (
          <button
            type="button"
            className="button primary"
            onClick={() => void act('meeting.start', { meetingId })}
          >
            Start the meeting
          </button>
        )}
        {status === 'live' && next && (
          <button
            type="button"
            className="button primary"
            onClick={() => void act('segment.start', { meetingId, itemId: next.id })}
          >
            Next segment: {next.situationTitle ?? next.title}
          </button>
        )}
        {status === 'live' && view.currentItemId && (
          <button
            type="button"
            className="button"
            onClick={() => void act(view.paused ? 'timer.resume' : 'timer.pause', { meetingId })}
          >
            {view.paused ? 'Resume timers' : 'Pause timers'}
          </button>
        )}
        <a
          className="button"
          href={hrefTo({ page: 'present', id: meetingId })}
          target="_blank"
          rel="noreferrer"
        >
          Open presenter view
        </a>
        {status === 'live' && (
          <button
            type="button"
            className="button quiet"
            onClick={() => void act('meeting.close', { meetingId })}
          >
            Close the meeting
          </button>
        )}
        {status === 'closed' && (
          <button type="button" className="button" onClick={() => void act('meeting.reopen', { meetingId })}>
            Reopen
          </button>
        )}
      </div>
      {status === 'closed' && (
        <p className="read-only-note" role="note">
          This meeting is closed, so it is read-only. Reopen it to change anything.
        </p>
      )}
    </header>
  );
}
