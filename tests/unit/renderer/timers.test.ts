// The meeting's timers as the screens show them: time left, or over time with a "+", and the share
// of the budget used, all from stored timestamps and the time now (nothing counts down).
import { describe, expect, it } from 'vitest';
import type { Timebox } from '../../../shared/domain';
import { formatDuration, readTimer } from '../../../renderer/features/meeting-live/timers';

const MINUTE = 60_000;

function timer(startedAt: number, budgetMs: number | null, pause: Partial<Timebox> = {}): Timebox {
  return { startedAt, endedAt: null, pausedAt: null, pausedMs: 0, budgetMs, ...pause };
}

describe('durations', () => {
  it.each([
    [0, '0:00'],
    [75_000, '1:15'],
    [59_999, '0:59'],
    [3_600_000 + 65_000, '1:01:05'],
    [-75_000, '+1:15'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('a timer', () => {
  it('shows the time left and the share of its budget used', () => {
    const reading = readTimer('Phase: Advise', timer(0, 15 * MINUTE), 6 * MINUTE);
    expect(reading).toMatchObject({ label: 'Phase: Advise', display: '9:00' });
    expect(reading.used).toBeCloseTo(0.4);
  });

  it('goes over time with a "+", its bar full', () => {
    const reading = readTimer('Segment', timer(0, 10 * MINUTE), 12 * MINUTE);
    expect(reading.display).toBe('+2:00');
    expect(reading.used).toBe(1);
  });

  it('counts up when it has no budget', () => {
    expect(readTimer('Meeting', timer(0, null), 90_000)).toMatchObject({ display: '1:30', used: 0 });
  });

  it('stands still while paused', () => {
    const paused = timer(0, 10 * MINUTE, { pausedAt: 4 * MINUTE });
    expect(readTimer('Segment', paused, 4 * MINUTE).display).toBe(
      readTimer('Segment', paused, 9 * MINUTE).display,
    );
  });
});
