// Issue selection: the parking lot with A/B/C priority, each present member's dot votes, and the
// situations chosen for processing (by most dots), which become issue-processing slots.
import { useState } from 'react';
import { PRIORITIES, type MeetingView, type ParkingLotEntry, type Priority } from '../../../shared/domain';
import { describeError } from '../../api/client';
import { useWrite } from '../../api/use-server-state';
import { selectPresentAttendees, useMeetingAct } from '../../stores/live-meeting-store';
import { FormError } from '../../ui/messages';

export function IssueSelection({ view }: { view: MeetingView }) {
  const act = useMeetingAct();
  // The change event re-reads the meeting, whose parking lot shows the priority.
  const prioritizeWrite = useWrite('situation.prioritize');
  const voters = selectPresentAttendees(view);
  const lot = view.parkingLot;
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const chosen = picked ?? new Set(lot.filter((e) => e.chosen).map((e) => e.situationId));
  const [error, setError] = useState<string | null>(null);
  const meetingId = view.meeting.id;

  function vote(memberId: string, situationId: string, dots: number) {
    const votes = lot
      .map((entry) => ({
        situationId: entry.situationId,
        dots:
          entry.situationId === situationId
            ? dots
            : (entry.votes.find((v) => v.memberId === memberId)?.dots ?? 0),
      }))
      .filter((v) => v.dots > 0);
    void act('vote.record', { meetingId, memberId, votes });
  }

  async function prioritize(situationId: string, priority: Priority | null) {
    try {
      await prioritizeWrite.mutateAsync({ situationId, priority });
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  function choose() {
    const byDots = [...lot].sort((a, b) => b.dots - a.dots).filter((e) => chosen.has(e.situationId));
    void act('selection.choose', { meetingId, situationIds: byDots.map((e) => e.situationId) }).then((ok) => {
      if (ok) setPicked(null);
    });
  }

  if (lot.length === 0) return <p className="muted">The parking lot is empty: nothing to select.</p>;
  return (
    <section className="issue-selection" aria-label="Issue selection">
      <table className="vote-table">
        <thead>
          <tr>
            <th scope="col">Situation</th>
            <th scope="col">Priority</th>
            {voters.map((v) => (
              <th key={v.memberId} scope="col">
                {v.name.split(' ')[0]}
              </th>
            ))}
            <th scope="col">Dots</th>
            <th scope="col">Process</th>
          </tr>
        </thead>
        <tbody>
          {lot.map((entry) => (
            <LotRow
              key={entry.situationId}
              entry={entry}
              voters={voters.map((v) => ({ id: v.memberId, name: v.name }))}
              chosen={chosen.has(entry.situationId)}
              onVote={(memberId, dots) => vote(memberId, entry.situationId, dots)}
              onPriority={(p) => void prioritize(entry.situationId, p)}
              onChoose={(on) => {
                const next = new Set(chosen);
                if (on) next.add(entry.situationId);
                else next.delete(entry.situationId);
                setPicked(next);
              }}
            />
          ))}
        </tbody>
      </table>
      <FormError message={error} />
      <button type="button" className="button primary" onClick={choose}>
        Take up the chosen situations
      </button>
    </section>
  );
}

interface LotRowProps {
  entry: ParkingLotEntry;
  voters: { id: string; name: string }[];
  chosen: boolean;
  onVote: (memberId: string, dots: number) => void;
  onPriority: (priority: Priority | null) => void;
  onChoose: (chosen: boolean) => void;
}

function LotRow({ entry, voters, chosen, onVote, onPriority, onChoose }: LotRowProps) {
  return (
    <tr>
      <th scope="row">
        {entry.title}
        <span className="muted"> — {entry.presenterName}</span>
      </th>
      <td>
        <PriorityButtons title={entry.title} priority={entry.priority} onChange={onPriority} />
      </td>
      {voters.map((voter) => (
        <td key={voter.id}>
          <input
            type="number"
            className="dots-input"
            min={0}
            max={10}
            aria-label={`${voter.name}’s dots for “${entry.title}”`}
            value={entry.votes.find((v) => v.memberId === voter.id)?.dots ?? 0}
            onChange={(event) => onVote(voter.id, Math.max(0, Math.min(10, Number(event.target.value) || 0)))}
          />
        </td>
      ))}
      <td className="dots-total">{entry.dots}</td>
      <td>
        <input
          type="checkbox"
          aria-label={`Process “${entry.title}”`}
          checked={chosen}
          onChange={(event) => onChoose(event.target.checked)}
        />
      </td>
    </tr>
  );
}

export function PriorityButtons(props: {
  title: string;
  priority: Priority | null;
  onChange: (p: Priority | null) => void;
}) {
  return (
    <span className="priority-buttons" role="group" aria-label={`Priority of “${props.title}”`}>
      {PRIORITIES.map((p) => (
        <button
          key={p}
          type="button"
          className="priority"
          aria-pressed={props.priority === p}
          onClick={() => props.onChange(props.priority === p ? null : p)}
        >
          {p}
        </button>
      ))}
    </span>
  );
}
