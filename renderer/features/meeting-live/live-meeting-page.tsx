// The chair's live meeting screen: attendance, the timers, the agenda, and the running segment's
// work (follow-up, selection, issue processing, wrap-up). A closed meeting shows read-only.
import { useEffect } from 'react';
import type { AgendaItem, MeetingView } from '../../../shared/domain';
import { hrefTo } from '../../routing/hash-route';
import { selectCurrentItem, selectReadOnly, useMeeting } from '../../stores/live-meeting-store';
import { LoadError, Loading } from '../../ui/messages';
import { AgendaList } from './agenda-list';
import { AttendanceBar } from './attendance-bar';
import { FollowUpPanel } from './follow-up';
import { IssueProcessing } from './issue-processing';
import { IssueSelection } from './issue-selection';
import { MeetingControls } from './meeting-controls';
import { MeetingTimers } from './meeting-timers';
import { RoundRobin } from './round-robin';
import { RuleRefusal } from './rule-refusal';
import { WrapUpPanel } from './wrap-up';

export function LiveMeetingPage({ id }: { id: string }) {
  const { view, loadError } = useMeeting(id);

  useEffect(() => {
    if (view) document.title = `Meeting — ${view.groupName} — Roundtable`;
  }, [view]);

  if (loadError && !view) return <LoadError message={loadError} />;
  if (!view) return <Loading label="Opening the meeting…" />;
  const readOnly = selectReadOnly(view);
  const item = selectCurrentItem(view);

  return (
    <div className="live-meeting">
      <MeetingControls view={view} />
      <RuleRefusal />
      <fieldset className="live-body" disabled={readOnly}>
        <legend className="visually-hidden">Meeting</legend>
        <AttendanceBar view={view} />
        <MeetingTimers view={view} />
        <div className="live-layout">
          <AgendaList view={view} />
          <div className="segment-area">
            {item ? <SegmentPanel view={view} item={item} /> : <NoSegment view={view} />}
          </div>
        </div>
      </fieldset>
    </div>
  );
}

function NoSegment({ view }: { view: MeetingView }) {
  const { status } = view.meeting;
  const text =
    status === 'planned'
      ? 'Mark who is here, then start the meeting.'
      : status === 'closed'
        ? 'The meeting is over.'
        : 'No segment is running. Start the next one from the agenda.';
  return (
    <section className="segment-panel">
      <p className="muted">{text}</p>
      {status === 'closed' && view.wrapUp.averageRating !== null && (
        <p>
          Average rating: <strong>{view.wrapUp.averageRating.toFixed(1)}</strong>
        </p>
      )}
      {status === 'closed' && (
        <p>
          <a className="button" href={hrefTo({ page: 'tools', meetingId: view.meeting.id })}>
            Export session notes…
          </a>
        </p>
      )}
    </section>
  );
}

function SegmentPanel({ view, item }: { view: MeetingView; item: AgendaItem }) {
  if (item.kind === 'issue_processing') return <IssueProcessing view={view} item={item} />;
  return (
    <section className="segment-panel" aria-label={item.title}>
      <h2>{item.title}</h2>
      {item.kind === 'follow_up' && <FollowUpPanel view={view} />}
      {item.kind === 'issue_selection' && <IssueSelection view={view} />}
      {item.kind === 'wrap_up' && <WrapUpPanel view={view} />}
      {(item.kind === 'updates' || item.kind === 'opening') && <RoundRobin view={view} />}
    </section>
  );
}
