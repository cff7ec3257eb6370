// The meeting clock, the segment and phase countdowns and the speaker's timer, with a warning at
// 80% of a timebox and a clear overtime state.
import type { MeetingView } from '../../../shared/domain';
import { meetingTimers, type TimerReading } from './timers';
import { useNow } from './use-now';

const PACE_WORDS = { on_time: '', warning: 'Nearly over time', overtime: 'Over time' } as const;

export function MeetingTimers({ view, large = false }: { view: MeetingView; large?: boolean }) {
  const now = useNow(view.meeting.id);
  const readings = meetingTimers(view, now);
  if (readings.length === 0) return null;
  return (
    <ul className={large ? 'timers large' : 'timers'} aria-label="Timers">
      {readings.map((reading) => (
        <TimerCard key={reading.label.split(':')[0]} reading={reading} />
      ))}
    </ul>
  );
}

function TimerCard({ reading }: { reading: TimerReading }) {
  const paused = reading.state === 'paused';
  return (
    <li className={`timer pace-${reading.pace}${paused ? ' paused' : ''}`} aria-label={reading.label}>
      <span className="timer-label">{reading.label}</span>
      <span className="timer-value" data-testid="timer-value">
        {reading.display}
      </span>
      <span className="timer-bar" aria-hidden="true">
        <progress max={1} value={reading.used} />
      </span>
      <span className="timer-pace">{paused ? 'Paused' : PACE_WORDS[reading.pace]}</span>
    </li>
  );
}
