// One situation through its five phases: the question, the stepper, the round-robin in Clarify and
// Advise, capture, commitments in Commit, and the airtime once the round is done.
import type { AgendaItem, MeetingView } from '../../../shared/domain';
import { CapturePanel } from './capture/capture-panel';
import { Airtime } from './airtime';
import { CommitmentPanel } from './commitment-panel';
import { RelatedPanel } from '../situation/related-panel';
import { PhaseStepper } from './phase-stepper';
import { RoundRobin } from './round-robin';

export function IssueProcessing({ view, item }: { view: MeetingView; item: AgendaItem }) {
  const run = view.currentPhase?.agendaItemId === item.id ? view.currentPhase : null;
  const phase = run?.phase ?? null;
  const presenter = view.attendance.find((a) => a.memberId === item.presenterId);
  if (!item.situationId) {
    return (
      <section className="segment-panel">
        <h2>{item.title}</h2>
        <p className="muted">No situation is chosen for this slot yet. Choose one in Issue selection.</p>
      </section>
    );
  }
  return (
    <section className="segment-panel issue-processing" aria-label="Issue processing">
      <p className="kicker">{presenter?.name ?? 'The presenter'} presents</p>
      <h2 className="situation-question">{item.situationTitle}</h2>
      <PhaseStepper view={view} itemId={item.id} phase={phase} />
      {phase === 'reflect' && (
        <p className="phase-prompt">
          What did you hear? {presenter?.name ?? 'The presenter'}’s observations are captured below.
        </p>
      )}
      {phase === 'present' && (
        <>
          <p className="phase-prompt">The presenter has the floor, uninterrupted.</p>
          {/* For the chair's eyes only: what the group advised on situations like this one. */}
          <RelatedPanel situationId={item.situationId} />
        </>
      )}
      {(phase === 'clarify' || phase === 'advise') && <RoundRobin view={view} />}
      {phase === 'commit' && <CommitmentPanel view={view} item={item} />}
      <CapturePanel view={view} item={item} phase={phase} />
      {(phase === 'reflect' || phase === 'commit') && <Airtime view={view} situationId={item.situationId} />}
    </section>
  );
}
