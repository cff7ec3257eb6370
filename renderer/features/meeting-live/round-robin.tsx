// The round-robin: who speaks in what order (present attendees, the presenter listening), who has
// the floor, and the chair's moves: next, end the turn, give the floor, skip, second turn, shuffle.
import type { MeetingView, SlotStatus } from '../../../shared/domain';
import { useMeetingAct } from '../../stores/live-meeting-store';

const STATUS_WORDS: Record<SlotStatus, string> = {
  done: 'Spoke',
  speaking: 'On the floor',
  waiting: 'Waiting',
  skipped: 'Skipped',
  absent: 'Absent',
};

export function RoundRobin({ view }: { view: MeetingView }) {
  const act = useMeetingAct();
  const round = view.round;
  if (!round) return null;
  const meetingId = view.meeting.id;
  const nextName = round.slots.find((s) => s.memberId === round.nextSpeakerId)?.memberName;

  return (
    <section className="round-robin" aria-label="Round-robin">
      <div className="round-header">
        <h3 className="panel-title">Speaking order</h3>
        <p className="on-the-floor" aria-live="polite">
          On the floor: <strong data-testid="on-the-floor">{view.currentTurn?.memberName ?? 'nobody'}</strong>
        </p>
      </div>
      <div className="round-actions">
        <button
          type="button"
          className="button primary"
          disabled={round.nextSpeakerId === null}
          onClick={() => void act('turn.start', { meetingId })}
        >
          {nextName ? `Next: ${nextName}` : 'Everyone has spoken'}
        </button>
        <button
          type="button"
          className="button"
          disabled={!view.currentTurn}
          onClick={() => void act('turn.end', { meetingId })}
        >
          End turn
        </button>
        <button
          type="button"
          className="button quiet"
          onClick={() => void act('round.order', { meetingId, action: 'shuffle' })}
        >
          Shuffle
        </button>
        <button
          type="button"
          className="button quiet"
          onClick={() => void act('round.order', { meetingId, action: 'natural' })}
        >
          Natural order
        </button>
      </div>
      <ol className="round-slots">
        {round.slots.map((slot, index) => (
          <li key={`${slot.memberId}-${index}`} className={`slot slot-${slot.status}`}>
            <span className="slot-name">
              {slot.memberName}
              {slot.secondTurn && <span className="muted"> (second turn)</span>}
            </span>
            <span className="slot-status">{STATUS_WORDS[slot.status]}</span>
            <span className="slot-actions">
              {slot.status === 'waiting' && (
                <>
                  <button
                    type="button"
                    className="button link"
                    onClick={() => void act('turn.start', { meetingId, memberId: slot.memberId })}
                  >
                    Give floor<span className="visually-hidden"> to {slot.memberName}</span>
                  </button>
                  <button
                    type="button"
                    className="button link"
                    onClick={() =>
                      void act('round.order', { meetingId, action: 'skip', memberId: slot.memberId })
                    }
                  >
                    Skip<span className="visually-hidden"> {slot.memberName}</span>
                  </button>
                </>
              )}
              {slot.status === 'done' && (
                <button
                  type="button"
                  className="button link"
                  onClick={() =>
                    void act('round.order', { meetingId, action: 'second_turn', memberId: slot.memberId })
                  }
                >
                  Second turn<span className="visually-hidden"> for {slot.memberName}</span>
                </button>
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
