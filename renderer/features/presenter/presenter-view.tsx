// The projector's view of a live meeting, in large type: the situation's question, the phase, who
// has the floor and the timers. No private notes and no capture. It follows the chair's window
// through 'meeting.changed' (the server-state layer re-reads meeting.get), so it needs no controls of its own.
import { useEffect } from 'react';
import { PHASES } from '../../../shared/domain';
import { selectCurrentItem, useMeeting } from '../../stores/live-meeting-store';
import { LoadError, Loading } from '../../ui/messages';
import { MeetingTimers } from '../meeting-live/meeting-timers';
import { phaseLabel } from '../meeting-live/timers';

export function PresenterView({ id }: { id: string }) {
  const { view, loadError } = useMeeting(id);

  useEffect(() => {
    document.title = 'Presenter view — Roundtable';
  }, []);

  if (loadError && !view) return <LoadError message={loadError} />;
  if (!view) return <Loading label="Opening the meeting…" />;
  const item = selectCurrentItem(view);
  const phase =
    view.currentPhase && view.currentPhase.agendaItemId === item?.id ? view.currentPhase.phase : null;
  const presenter = view.attendance.find((a) => a.memberId === item?.presenterId);

  return (
    <main className="presenter-view" aria-label="Presenter view">
      <p className="presenter-group">{view.groupName}</p>
      <h1 className="presenter-question" data-testid="presenter-question">
        {item?.situationTitle ??
          item?.title ??
          (view.meeting.status === 'closed' ? 'The meeting is over' : 'Welcome')}
      </h1>
      {presenter && <p className="presenter-presenter">Presented by {presenter.name}</p>}
      {item?.kind === 'issue_processing' && (
        <ol className="presenter-phases" aria-label="Phases">
          {PHASES.map((p) => (
            <li key={p} aria-current={p === phase ? 'step' : undefined}>
              {phaseLabel(p, view.meeting.adviseLabel)}
            </li>
          ))}
        </ol>
      )}
      <p className="presenter-phase" data-testid="presenter-phase">
        {phase ? phaseLabel(phase, view.meeting.adviseLabel) : (item?.title ?? '')}
      </p>
      <p className="presenter-floor">
        On the floor: <strong data-testid="presenter-speaker">{view.currentTurn?.memberName ?? '—'}</strong>
      </p>
      {view.paused && <p className="presenter-paused">Paused</p>}
      <MeetingTimers view={view} large />
    </main>
  );
}
