// Every phase rule, the round-robin order and the timer arithmetic, as pure functions.
import { describe, expect, it } from 'vitest';
import { CONTRIBUTION_KINDS, PHASES, type Phase, type Timebox } from '../../shared/domain';
import {
  DEFAULT_PHASE_MINUTES,
  PHASE_KINDS,
  checkCommitment,
  checkContribution,
  checkPhaseTransition,
  defaultKind,
  elapsedMs,
  overtimeMs,
  pace,
  remainingMs,
  roundRobinOrder,
  shuffle,
  speakingQueue,
  timeboxState,
  turnBudgetMs,
} from '../../shared/phase-rules';

describe('phases', () => {
  it('run present → clarify → advise → reflect → commit, 40 minutes in the default protocol', () => {
    expect(PHASES).toEqual(['present', 'clarify', 'advise', 'reflect', 'commit']);
    expect(Object.values(DEFAULT_PHASE_MINUTES)).toEqual([5, 10, 15, 5, 5]);
  });

  it('take questions in Clarify, advice or experience in Advise, observations in Reflect, no points in Present or Commit', () => {
    expect(PHASE_KINDS).toEqual({
      present: [],
      clarify: ['question'],
      advise: ['advice', 'experience'],
      reflect: ['observation'],
      commit: [],
    });
    expect(defaultKind('clarify')).toBe('question');
    expect(defaultKind('advise')).toBe('advice');
    expect(defaultKind('advise', 'experience')).toBe('experience');
    expect(defaultKind('reflect')).toBe('observation');
    expect(defaultKind('present')).toBeNull();
    expect(defaultKind('commit')).toBeNull();
  });
});

describe('checkPhaseTransition', () => {
  it('starts processing with Present only', () => {
    expect(checkPhaseTransition(null, 'present')).toEqual({ allowed: true, step: 'first' });
    expect(checkPhaseTransition(null, 'advise')).toEqual({
      allowed: false,
      violation: {
        rule: 'phase_start',
        message: 'Processing starts with Present; starting with Advise needs an override.',
      },
    });
  });

  it('moves forward one step', () => {
    for (let i = 0; i < PHASES.length - 1; i++) {
      expect(checkPhaseTransition(PHASES[i]!, PHASES[i + 1]!)).toEqual({ allowed: true, step: 'forward' });
    }
  });

  it('moves back one step without an override', () => {
    expect(checkPhaseTransition('advise', 'clarify')).toEqual({ allowed: true, step: 'back' });
    expect(checkPhaseTransition('commit', 'reflect')).toEqual({ allowed: true, step: 'back' });
  });

  it('says when the phase asked for is the one already reached', () => {
    expect(checkPhaseTransition('clarify', 'clarify')).toEqual({ allowed: true, step: 'same' });
  });

  it('refuses skipping forward or jumping back further, naming what is skipped', () => {
    expect(checkPhaseTransition('present', 'advise')).toEqual({
      allowed: false,
      violation: {
        rule: 'phase_skip',
        message: 'Going from Present to Advise skips Clarify; that needs an override.',
      },
    });
    expect(checkPhaseTransition('commit', 'clarify')).toMatchObject({
      allowed: false,
      violation: {
        rule: 'phase_skip',
        message: 'Going from Commit to Clarify jumps back over Advise and Reflect; that needs an override.',
      },
    });
  });

  it('allows exactly the transitions of distance one, in every pair', () => {
    for (const from of PHASES) {
      for (const to of PHASES) {
        const distance = Math.abs(PHASES.indexOf(to) - PHASES.indexOf(from));
        expect(checkPhaseTransition(from, to).allowed, `${from} → ${to}`).toBe(distance <= 1);
      }
    }
  });
});

describe('checkContribution', () => {
  const allowed = (phase: Phase | null, byPresenter = false) =>
    CONTRIBUTION_KINDS.filter((kind) => checkContribution({ phase, kind, byPresenter }) === null);

  it('takes only questions in Clarify, refusing advice with a sentence', () => {
    expect(allowed('clarify')).toEqual(['question']);
    expect(checkContribution({ phase: 'clarify', kind: 'advice', byPresenter: false })).toEqual({
      rule: 'kind_in_phase',
      message: 'Clarify takes questions only; advice waits for the Advise phase.',
    });
  });

  it('takes advice and experience from members in Advise; the presenter listens', () => {
    expect(allowed('advise')).toEqual(['advice', 'experience']);
    expect(allowed('advise', true)).toEqual([]);
    expect(checkContribution({ phase: 'advise', kind: 'advice', byPresenter: true })?.rule).toBe(
      'presenter_listens',
    );
    expect(checkContribution({ phase: 'advise', kind: 'question', byPresenter: false })?.message).toBe(
      'Advise takes advice and experience; questions belonged in Clarify.',
    );
  });

  it('takes the presenter’s observations in Reflect, and nobody else’s', () => {
    expect(allowed('reflect', true)).toEqual(['observation']);
    expect(allowed('reflect', false)).toEqual([]);
    expect(checkContribution({ phase: 'reflect', kind: 'observation', byPresenter: false })?.rule).toBe(
      'presenter_reflects',
    );
  });

  it('takes no points in Present or Commit, or when the situation is not being processed', () => {
    expect(allowed('present')).toEqual([]);
    expect(allowed('present', true)).toEqual([]);
    expect(allowed('commit')).toEqual([]);
    expect(allowed(null)).toEqual([]);
    expect(checkContribution({ phase: null, kind: 'question', byPresenter: false })?.rule).toBe(
      'not_processing',
    );
  });
});

describe('checkCommitment', () => {
  it('records commitments in Commit only', () => {
    expect(checkCommitment('commit')).toBeNull();
    for (const phase of ['present', 'clarify', 'advise', 'reflect'] as const) {
      expect(checkCommitment(phase)?.rule).toBe('commit_phase');
    }
    expect(checkCommitment('advise')?.message).toBe(
      'Commitments are recorded in the Commit phase, not in Advise.',
    );
    expect(checkCommitment(null)?.message).toMatch(/not being processed/);
  });
});

describe('round-robin', () => {
  const attendees = ['ana', 'ben', 'chen', 'dana', 'eve'];

  it('gives every present attendee the floor in turn, skipping the presenter', () => {
    expect(roundRobinOrder(attendees, 'chen')).toEqual(['ana', 'ben', 'dana', 'eve']);
    expect(roundRobinOrder(attendees, null)).toEqual(attendees);
  });

  it('shuffles the same way for the same seed, and differently for another, keeping everyone', () => {
    const a = roundRobinOrder(attendees, 'chen', 42);
    expect(roundRobinOrder(attendees, 'chen', 42)).toEqual(a);
    expect([...a].sort()).toEqual(['ana', 'ben', 'dana', 'eve']);
    const orders = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => shuffle(attendees, seed).join()));
    expect(orders.size).toBeGreaterThan(1);
    expect(attendees).toEqual(['ana', 'ben', 'chen', 'dana', 'eve']);
  });

  const slot = (memberId: string, extra: { secondTurn?: boolean; skipped?: boolean } = {}) => ({
    memberId,
    secondTurn: extra.secondTurn ?? false,
    skipped: extra.skipped ?? false,
  });

  it('marks who has spoken and who speaks, and names the next speaker', () => {
    const queue = speakingQueue({
      slots: [slot('ana'), slot('ben'), slot('dana')],
      presentIds: ['ana', 'ben', 'chen', 'dana'],
      presenterId: 'chen',
      turns: [
        { memberId: 'ana', ended: true },
        { memberId: 'ben', ended: false },
      ],
    });
    expect(queue.slots.map((s) => s.status)).toEqual(['done', 'speaking', 'waiting']);
    expect(queue.nextSpeakerId).toBe('dana');
  });

  it('counts a turn taken out of order against that member’s slot', () => {
    const queue = speakingQueue({
      slots: [slot('ana'), slot('ben'), slot('dana')],
      presentIds: ['ana', 'ben', 'dana'],
      presenterId: null,
      turns: [{ memberId: 'dana', ended: true }],
    });
    expect(queue.slots.map((s) => s.status)).toEqual(['waiting', 'waiting', 'done']);
    expect(queue.nextSpeakerId).toBe('ana');
  });

  it('passes over a skipped member and gives a second turn after the first', () => {
    const queue = speakingQueue({
      slots: [slot('ana'), slot('ben', { skipped: true }), slot('dana'), slot('ana', { secondTurn: true })],
      presentIds: ['ana', 'ben', 'dana'],
      presenterId: null,
      turns: [
        { memberId: 'ana', ended: true },
        { memberId: 'dana', ended: true },
      ],
    });
    expect(queue.slots.map((s) => s.status)).toEqual(['done', 'skipped', 'done', 'waiting']);
    expect(queue.slots[3]).toMatchObject({ memberId: 'ana', secondTurn: true });
    expect(queue.nextSpeakerId).toBe('ana');
  });

  it('adds latecomers at the end and shows members who left as absent', () => {
    const queue = speakingQueue({
      slots: [slot('ana'), slot('ben')],
      presentIds: ['ana', 'eve', 'chen'],
      presenterId: 'chen',
      turns: [],
    });
    expect(queue.slots.map((s) => [s.memberId, s.status])).toEqual([
      ['ana', 'waiting'],
      ['ben', 'absent'],
      ['eve', 'waiting'],
    ]);
  });

  it('has no next speaker once everyone has spoken', () => {
    const queue = speakingQueue({
      slots: [slot('ana')],
      presentIds: ['ana'],
      presenterId: null,
      turns: [{ memberId: 'ana', ended: true }],
    });
    expect(queue.nextSpeakerId).toBeNull();
  });
});

describe('timers as timestamps', () => {
  const MIN = 60_000;
  const base: Timebox = {
    startedAt: 1_000_000,
    endedAt: null,
    pausedAt: null,
    pausedMs: 0,
    budgetMs: 10 * MIN,
  };

  it('computes elapsed and remaining time from the timestamps alone', () => {
    expect(elapsedMs(base, base.startedAt! + 3 * MIN)).toBe(3 * MIN);
    expect(remainingMs(base, base.startedAt! + 3 * MIN)).toBe(7 * MIN);
    expect(timeboxState(base)).toBe('running');
  });

  it('stops the clock during a pause and leaves out the time paused', () => {
    const paused = { ...base, pausedAt: base.startedAt! + 4 * MIN, pausedMs: MIN };
    expect(elapsedMs(paused, base.startedAt! + 30 * MIN)).toBe(3 * MIN);
    expect(timeboxState(paused)).toBe('paused');
    const ended = { ...base, endedAt: base.startedAt! + 12 * MIN, pausedMs: 2 * MIN };
    expect(elapsedMs(ended, base.startedAt! + 60 * MIN)).toBe(10 * MIN);
    expect(timeboxState(ended)).toBe('stopped');
  });

  it('warns from 80% of the timebox and shows overtime past it', () => {
    expect(pace(base, base.startedAt! + 7 * MIN)).toBe('on_time');
    expect(pace(base, base.startedAt! + 8 * MIN)).toBe('warning');
    expect(pace(base, base.startedAt! + 10 * MIN)).toBe('warning');
    expect(pace(base, base.startedAt! + 10 * MIN + 1)).toBe('overtime');
    expect(remainingMs(base, base.startedAt! + 12 * MIN)).toBe(-2 * MIN);
    expect(overtimeMs(base, base.startedAt! + 12 * MIN)).toBe(2 * MIN);
    expect(overtimeMs(base, base.startedAt! + 2 * MIN)).toBe(0);
  });

  it('is idle before it starts, never negative, and without a budget never late', () => {
    const idle: Timebox = { ...base, startedAt: null };
    expect(timeboxState(idle)).toBe('idle');
    expect(elapsedMs(idle, 5)).toBe(0);
    expect(elapsedMs(base, base.startedAt! - MIN)).toBe(0);
    const clock: Timebox = { ...base, budgetMs: null };
    expect(remainingMs(clock, base.startedAt! + 99 * MIN)).toBeNull();
    expect(pace(clock, base.startedAt! + 99 * MIN)).toBe('on_time');
  });

  it('splits a timebox among the round in whole seconds', () => {
    expect(turnBudgetMs(15 * MIN, 4)).toBe(225_000);
    expect(turnBudgetMs(15 * MIN, 7)).toBe(128_000);
    expect(turnBudgetMs(15 * MIN, 0)).toBeNull();
  });
});
