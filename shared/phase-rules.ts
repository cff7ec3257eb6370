// The rules of processing a situation, shared by the backend (which enforces them) and the renderer
// (which shows them): which points each phase takes, which phase may follow which, the round-robin
// order, and the arithmetic of timers stored as timestamps. Pure functions only.
import {
  PHASES,
  type AdviceKind,
  type ContributionKind,
  type Phase,
  type PhaseMinutes,
  type SlotStatus,
  type Timebox,
} from './domain';

export const PHASE_LABELS: Record<Phase, string> = {
  present: 'Present',
  clarify: 'Clarify',
  advise: 'Advise',
  reflect: 'Reflect',
  commit: 'Commit',
};

/** The default protocol (docs/architecture.md "How a session runs"): 5 + 10 + 15 + 5 + 5 minutes. */
export const DEFAULT_PHASE_MINUTES: PhaseMinutes = {
  present: 5,
  clarify: 10,
  advise: 15,
  reflect: 5,
  commit: 5,
};

/** The points each phase takes. Present is the presenter's floor; Commit takes commitments only. */
export const PHASE_KINDS: Record<Phase, readonly ContributionKind[]> = {
  present: [],
  clarify: ['question'],
  advise: ['advice', 'experience'],
  reflect: ['observation'],
  commit: [],
};

/** Which rule refused something; recorded with an override. */
export type PhaseRule =
  | 'not_processing'
  | 'kind_in_phase'
  | 'presenter_listens'
  | 'presenter_reflects'
  | 'commit_phase'
  | 'phase_skip'
  | 'phase_start';

export interface RuleViolation {
  rule: PhaseRule;
  /** A sentence for the chair: what the rule is, and what would be allowed. */
  message: string;
}

export function phaseIndex(phase: Phase): number {
  return PHASES.indexOf(phase);
}

/** The kind a new point gets by default in a phase, or null where points wait for another phase. */
export function defaultKind(phase: Phase, adviceKind: AdviceKind = 'advice'): ContributionKind | null {
  if (phase === 'advise') return adviceKind;
  return PHASE_KINDS[phase][0] ?? null;
}

export type TransitionStep = 'first' | 'forward' | 'back' | 'same';

export type TransitionVerdict =
  { allowed: true; step: TransitionStep } | { allowed: false; violation: RuleViolation };

/**
 * Moving between phases: processing starts with Present, then goes forward one step at a time.
 * One step back is allowed too, without an override: a chair who moves on to Advise and realizes a
 * question is still open returns to Clarify, and that phase's clock continues where it stopped.
 * Anything else (skipping forward or jumping back further) needs an override.
 */
export function checkPhaseTransition(from: Phase | null, to: Phase): TransitionVerdict {
  if (from === null) {
    if (to === 'present') return { allowed: true, step: 'first' };
    return {
      allowed: false,
      violation: {
        rule: 'phase_start',
        message: `Processing starts with Present; starting with ${PHASE_LABELS[to]} needs an override.`,
      },
    };
  }
  const distance = phaseIndex(to) - phaseIndex(from);
  if (distance === 0) return { allowed: true, step: 'same' };
  if (distance === 1) return { allowed: true, step: 'forward' };
  if (distance === -1) return { allowed: true, step: 'back' };
  const direction = distance > 0 ? 'skips' : 'jumps back over';
  const between = PHASES.slice(
    Math.min(phaseIndex(from), phaseIndex(to)) + 1,
    Math.max(phaseIndex(from), phaseIndex(to)),
  ).map((p) => PHASE_LABELS[p]);
  const over =
    between.length > 1 ? `${between.slice(0, -1).join(', ')} and ${between.at(-1) ?? ''}` : between.join('');
  return {
    allowed: false,
    violation: {
      rule: 'phase_skip',
      message: `Going from ${PHASE_LABELS[from]} to ${PHASE_LABELS[to]} ${direction} ${over}; that needs an override.`,
    },
  };
}

export interface PointContext {
  /** The phase running for this situation, or null when it is not being processed right now. */
  phase: Phase | null;
  kind: ContributionKind;
  byPresenter: boolean;
}

/** Whether a point may be captured now; null when it may. */
export function checkContribution({ phase, kind, byPresenter }: PointContext): RuleViolation | null {
  if (phase === null) {
    return {
      rule: 'not_processing',
      message: 'This situation is not being processed right now; start its Present phase first.',
    };
  }
  switch (phase) {
    case 'present':
      return {
        rule: 'kind_in_phase',
        message: 'The presenter has the floor in Present; points wait for Clarify.',
      };
    case 'clarify':
      return kind === 'question'
        ? null
        : {
            rule: 'kind_in_phase',
            message: `Clarify takes questions only; ${kind === 'observation' ? 'observations wait for Reflect' : `${kind} waits for the Advise phase`}.`,
          };
    case 'advise':
      if (kind !== 'advice' && kind !== 'experience') {
        return {
          rule: 'kind_in_phase',
          message: `Advise takes advice and experience; ${kind === 'question' ? 'questions belonged in Clarify' : 'observations wait for Reflect'}.`,
        };
      }
      return byPresenter
        ? { rule: 'presenter_listens', message: 'The presenter listens during Advise.' }
        : null;
    case 'reflect':
      if (kind !== 'observation') {
        return {
          rule: 'kind_in_phase',
          message: 'Reflect captures what the presenter heard, as observations.',
        };
      }
      return byPresenter
        ? null
        : {
            rule: 'presenter_reflects',
            message: 'In Reflect, only the presenter answers "what did you hear?".',
          };
    case 'commit':
      return {
        rule: 'kind_in_phase',
        message: 'Commit records the presenter\u2019s commitments; points belong to the earlier phases.',
      };
  }
}

/** Whether a commitment may be recorded now; null when it may. */
export function checkCommitment(phase: Phase | null): RuleViolation | null {
  if (phase === 'commit') return null;
  return {
    rule: 'commit_phase',
    message:
      phase === null
        ? 'Commitments are recorded in the Commit phase, and this situation is not being processed right now.'
        : `Commitments are recorded in the Commit phase, not in ${PHASE_LABELS[phase]}.`,
  };
}

// ── Round-robin ──────────────────────────────────────────────────────────────────────────────────

/** A small seeded generator (mulberry32): the same seed gives the same shuffle on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with a seeded generator; the input is left as it was. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/** Present attendees (late arrivals included) take the floor in turn; the presenter listens. */
export function roundRobinOrder(
  attendeeIds: readonly string[],
  presenterId: string | null,
  seed: number | null = null,
): string[] {
  const speakers = attendeeIds.filter((id) => id !== presenterId);
  return seed === null ? speakers : shuffle(speakers, seed);
}

export interface StoredSlot {
  memberId: string;
  secondTurn: boolean;
  skipped: boolean;
}

export interface TurnTaken {
  memberId: string;
  ended: boolean;
}

export interface QueueSlot extends StoredSlot {
  status: SlotStatus;
}

/**
 * The speaking queue as it stands: the stored order (skips and second turns included), with each
 * slot marked done, speaking or waiting from the turns taken so far, however out of order they
 * were. A member's n-th slot is done once they have finished n turns. Attendees who arrived after
 * the order was set join at the end; slots of members marked absent since are shown as absent.
 */
export function speakingQueue(input: {
  slots: readonly StoredSlot[];
  presentIds: readonly string[];
  presenterId: string | null;
  turns: readonly TurnTaken[];
}): { slots: QueueSlot[]; nextSpeakerId: string | null } {
  const present = new Set(input.presentIds);
  const finished = new Map<string, number>();
  const speaking = new Set<string>();
  for (const turn of input.turns) {
    if (turn.ended) finished.set(turn.memberId, (finished.get(turn.memberId) ?? 0) + 1);
    else speaking.add(turn.memberId);
  }
  const listed = new Set(input.slots.map((s) => s.memberId));
  const latecomers = input.presentIds
    .filter((id) => id !== input.presenterId && !listed.has(id))
    .map((memberId) => ({ memberId, secondTurn: false, skipped: false }));

  const seen = new Map<string, number>();
  let nextSpeakerId: string | null = null;
  const slots = [...input.slots, ...latecomers].map((slot): QueueSlot => {
    if (slot.skipped) return { ...slot, status: 'skipped' };
    if (!present.has(slot.memberId)) return { ...slot, status: 'absent' };
    const nth = seen.get(slot.memberId) ?? 0;
    seen.set(slot.memberId, nth + 1);
    const done = finished.get(slot.memberId) ?? 0;
    if (nth < done) return { ...slot, status: 'done' };
    if (nth === done && speaking.has(slot.memberId)) return { ...slot, status: 'speaking' };
    nextSpeakerId ??= slot.memberId;
    return { ...slot, status: 'waiting' };
  });
  return { slots, nextSpeakerId };
}

// ── Timers ───────────────────────────────────────────────────────────────────────────────────────

/** The share of a timebox after which the UI warns. */
export const WARNING_SHARE = 0.8;

export type TimeboxState = 'idle' | 'running' | 'paused' | 'stopped';
export type Pace = 'on_time' | 'warning' | 'overtime';

export function timeboxState(timer: Timebox): TimeboxState {
  if (timer.startedAt === null) return 'idle';
  if (timer.endedAt !== null) return 'stopped';
  return timer.pausedAt !== null ? 'paused' : 'running';
}

/** Time on the clock: stopped at its end or its pause, never negative (a clock set back is not). */
export function elapsedMs(timer: Timebox, now: number): number {
  if (timer.startedAt === null) return 0;
  const until = timer.endedAt ?? timer.pausedAt ?? now;
  return Math.max(0, until - timer.startedAt - timer.pausedMs);
}

/** Time left in the timebox: negative once over time; null for a clock without a budget. */
export function remainingMs(timer: Timebox, now: number): number | null {
  return timer.budgetMs === null ? null : timer.budgetMs - elapsedMs(timer, now);
}

export function overtimeMs(timer: Timebox, now: number): number {
  const remaining = remainingMs(timer, now);
  return remaining === null ? 0 : Math.max(0, -remaining);
}

/** On time, warning from 80% of the budget, overtime past it. */
export function pace(timer: Timebox, now: number): Pace {
  if (timer.budgetMs === null) return 'on_time';
  const elapsed = elapsedMs(timer, now);
  if (elapsed > timer.budgetMs) return 'overtime';
  return elapsed >= timer.budgetMs * WARNING_SHARE ? 'warning' : 'on_time';
}

/** A speaker's share of a timebox: the phase's (or segment's) budget split among the round. */
export function turnBudgetMs(totalMs: number, speakers: number): number | null {
  if (speakers <= 0) return null;
  const share = Math.floor(totalMs / speakers / 1000) * 1000;
  return share > 0 ? share : null;
}

export const minutesToMs = (minutes: number) => minutes * 60_000;
