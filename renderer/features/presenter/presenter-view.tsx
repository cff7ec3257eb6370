// The projector's view of a live meeting, in large type: the situation's question, the phase, who
// has the floor and the timers. No private notes and no capture. It follows the chair's window
// through 'meeting.changed' (re-reading meeting.get), so it needs no controls of its own.
import { useEffect } from 'react';
import { PHASES } from '../../../shared/domain';
import { selectCurrentItem, useLiveMeetingStore } from '../../stores/live-meeting-store';
import { LoadError, Loading } from '../../ui/messages';
import { MeetingTimers } from '../meeting-live/meeting-timers';
import { phaseLabel } from '../meeting-live/timers';

export function PresenterView({ id }: { id: string }) {
  const open = useLiveMeetingStore((s) => s.open);
  const view = useLiveMeetingStore((s) => (s.meetingId === id ? s.view : null));
  const loadError = useLiveMeetingStore((s) => s.loadError);

  useEffect(() => {
    void open(id);
    document.title = 'Presenter view — Roundtable';
  }, [id, open]);

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
