// The meeting's timers as the screens show them, derived from a MeetingView and the time now.
import type { MeetingView, Phase, Timebox } from '../../../shared/domain';
import {
  PHASE_LABELS,
  elapsedMs,
  pace,
  remainingMs,
  timeboxState,
  type Pace,
} from '../../../shared/phase-rules';

export interface TimerReading {
  label: string;
  /** What the clock shows: time left, or time elapsed for a clock without a budget. */
  display: string;
  pace: Pace;
  state: ReturnType<typeof timeboxState>;
  /** Share of the budget used, 0–1 (capped), for the bar. */
  used: number;
}

/** 75 s → "1:15"; negative times read "+1:15" (over time). */
export function formatDuration(ms: number): string {
  const over = ms < 0;
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  const text = `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
  return over ? `+${text}` : text;
}

export function readTimer(label: string, timer: Timebox, now: number): TimerReading {
  const remaining = remainingMs(timer, now);
  const elapsed = elapsedMs(timer, now);
  return {
    label,
    display: formatDuration(remaining ?? elapsed),
    pace: pace(timer, now),
    state: timeboxState(timer),
    used: timer.budgetMs ? Math.min(1, elapsed / timer.budgetMs) : 0,
  };
}

/** The four clocks of a live meeting, those that are running or have run. */
export function meetingTimers(view: MeetingView, now: number): TimerReading[] {
  const readings: TimerReading[] = [];
  if (view.clock.startedAt !== null) readings.push(readTimer('Meeting', view.clock, now));
  const item = view.agenda.find((i) => i.id === view.currentItemId);
  if (item) readings.push(readTimer('Segment', item.timer, now));
  if (view.currentPhase && view.currentPhase.agendaItemId === view.currentItemId) {
    const label = phaseLabel(view.currentPhase.phase, view.meeting.adviseLabel);
    readings.push(readTimer(`Phase: ${label}`, view.currentPhase.timer, now));
  }
  if (view.currentTurn)
    readings.push(readTimer(`Speaker: ${view.currentTurn.memberName}`, view.currentTurn.timer, now));
  return readings;
}

/** A phase's name, with the template's own label for Advise ("Experience sharing"). */
export function phaseLabel(phase: Phase, adviseLabel: string): string {
  return phase === 'advise' ? adviseLabel : PHASE_LABELS[phase];
}
