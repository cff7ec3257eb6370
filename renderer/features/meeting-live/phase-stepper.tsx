// The five phases of processing a situation as a stepper. Moving on is one click (or the "Next
// phase" button); a jump the rules refuse shows its sentence with an explicit Override.
import { PHASES, type MeetingView, type Phase } from '../../../shared/domain';
import { useMeetingAct } from '../../stores/live-meeting-store';
import { phaseLabel } from './timers';

export function PhaseStepper({
  view,
  itemId,
  phase,
}: {
  view: MeetingView;
  itemId: string;
  phase: Phase | null;
}) {
  const act = useMeetingAct();
  const ran = new Set(view.phaseRuns.filter((r) => r.agendaItemId === itemId).map((r) => r.phase));
  const next = phase === null ? 'present' : PHASES[PHASES.indexOf(phase) + 1];
  const start = (p: Phase) => void act('phase.start', { meetingId: view.meeting.id, phase: p });

  return (
    <nav className="phase-stepper" aria-label="Phases">
      <ol>
        {PHASES.map((p, index) => (
          <li key={p} className={p === phase ? 'current' : ran.has(p) ? 'done' : ''}>
            <button type="button" aria-current={p === phase ? 'step' : undefined} onClick={() => start(p)}>
              <span className="step-number">{index + 1}</span> {phaseLabel(p, view.meeting.adviseLabel)}
            </button>
          </li>
        ))}
      </ol>
      {next && (
        <button type="button" className="button primary" onClick={() => start(next)}>
          {phase === null ? 'Start Present' : `Next: ${phaseLabel(next, view.meeting.adviseLabel)}`}
        </button>
      )}
    </nav>
  );
}
