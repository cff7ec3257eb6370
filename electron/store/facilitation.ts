// Queries for what runs inside a segment: phases, speaking turns, the round-robin order, overrides
// of phase rules, and pausing every running timer of a meeting at once.
import type {
  AttendanceStatus,
  MeetingStatus,
  Phase,
  PhaseRun,
  RuleOverride,
  SpeakingTurn,
  Timebox,
} from '../../shared/domain';
import type { Db } from './database';

const TIMER = `started_at AS startedAt, ended_at AS endedAt, paused_at AS pausedAt, paused_ms AS pausedMs`;

interface Timed {
  startedAt: number;
  endedAt: number | null;
  pausedAt: number | null;
  pausedMs: number;
}

function timerOf(row: Timed, budgetMs: number | null): Timebox {
  return {
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    pausedAt: row.pausedAt,
    pausedMs: row.pausedMs,
    budgetMs,
  };
}

type RunRecord = Omit<PhaseRun, 'timer'> & Timed;
type TurnRecord = Omit<SpeakingTurn, 'timer'> & Timed & { budgetMs: number | null };

function toRun({ startedAt, endedAt, pausedAt, pausedMs, ...run }: RunRecord): PhaseRun {
  return { ...run, timer: timerOf({ startedAt, endedAt, pausedAt, pausedMs }, run.minutes * 60_000) };
}

function toTurn({ startedAt, endedAt, pausedAt, pausedMs, budgetMs, ...turn }: TurnRecord): SpeakingTurn {
  return { ...turn, timer: timerOf({ startedAt, endedAt, pausedAt, pausedMs }, budgetMs) };
}

export interface SlotRecord {
  id: string;
  memberId: string;
  secondTurn: 0 | 1;
  skippedAt: number | null;
}

export interface CaptureState {
  groupId: string;
  status: MeetingStatus;
  /** The phase running in the meeting, and whose situation it is. */
  phase: Phase | null;
  situationId: string | null;
  attendance: AttendanceStatus | null;
}

export interface OverrideRow {
  id: string;
  meetingId: string;
  situationId: string | null;
  phase: Phase | null;
  rule: string;
  action: string;
  message: string;
  memberId: string | null;
  recordId: string | null;
  now: number;
}

/** Stops whatever of `table` runs in a meeting, folding a pause into paused_ms. */
function stopSql(table: string): string {
  return `UPDATE ${table} SET ended_at = @now, paused_at = NULL,
      paused_ms = paused_ms + CASE WHEN paused_at IS NULL THEN 0 ELSE max(0, @now - paused_at) END
    WHERE meeting_id = @meetingId AND ended_at IS NULL`;
}

/**
 * The one lookup capture adds to a point (contribution.add, within its 5 ms budget): the meeting,
 * the phase running and the author's attendance, each found through an index.
 */
export const CAPTURE_STATE_SQL = `SELECT mt.group_id AS groupId, mt.status, r.phase, r.situation_id AS situationId,
    a.status AS attendance
  FROM meetings mt
    LEFT JOIN phase_runs r ON r.meeting_id = mt.id AND r.ended_at IS NULL
    LEFT JOIN attendance a ON a.meeting_id = mt.id AND a.member_id = @memberId
  WHERE mt.id = @meetingId AND mt.deleted_at IS NULL`;

export function facilitationQueries(db: Db) {
  const RUN = `SELECT id, agenda_item_id AS agendaItemId, situation_id AS situationId, phase, minutes, ${TIMER}
    FROM phase_runs`;
  const runs = db.prepare<[string], RunRecord>(`${RUN} WHERE meeting_id = ? ORDER BY started_at, id`);
  const runningRun = db.prepare<[string], RunRecord>(`${RUN} WHERE meeting_id = ? AND ended_at IS NULL`);
  const runOf = db.prepare<[string, Phase], RunRecord>(`${RUN} WHERE agenda_item_id = ? AND phase = ?`);
  // The phase a slot was in when it was left: the one that ended last.
  const lastRun = db.prepare<[string], RunRecord>(
    `${RUN} WHERE agenda_item_id = ? ORDER BY coalesce(ended_at, 9e15) DESC, started_at DESC LIMIT 1`,
  );
  const insertRun = db.prepare<{
    id: string;
    meetingId: string;
    agendaItemId: string;
    situationId: string;
    phase: Phase;
    minutes: number;
    now: number;
  }>(
    `INSERT INTO phase_runs (id, meeting_id, agenda_item_id, situation_id, phase, minutes, started_at)
     VALUES (@id, @meetingId, @agendaItemId, @situationId, @phase, @minutes, @now)`,
  );
  const continueRun = db.prepare<{ id: string; now: number }>(
    `UPDATE phase_runs SET paused_ms = paused_ms + max(0, @now - ended_at), ended_at = NULL, paused_at = NULL
     WHERE id = @id AND ended_at IS NOT NULL`,
  );

  const TURN = `SELECT t.id, t.agenda_item_id AS agendaItemId, t.situation_id AS situationId, t.phase,
    t.member_id AS memberId, m.name AS memberName, t.budget_ms AS budgetMs, t.started_at AS startedAt,
    t.ended_at AS endedAt, t.paused_at AS pausedAt, t.paused_ms AS pausedMs
    FROM speaking_turns t JOIN members m ON m.id = t.member_id`;
  const runningTurn = db.prepare<[string], TurnRecord>(
    `${TURN} WHERE t.meeting_id = ? AND t.ended_at IS NULL`,
  );
  const turnsIn = db.prepare<[string, Phase | null], { memberId: string; ended: 0 | 1 }>(
    `SELECT member_id AS memberId, ended_at IS NOT NULL AS ended FROM speaking_turns
     WHERE agenda_item_id = ? AND phase IS ? ORDER BY started_at, id`,
  );
  const situationTurns = db.prepare<[string], TurnRecord>(
    `${TURN} WHERE t.meeting_id = ? AND t.situation_id IS NOT NULL ORDER BY t.started_at, t.id`,
  );
  const insertTurn = db.prepare<{
    id: string;
    meetingId: string;
    agendaItemId: string;
    situationId: string | null;
    phase: Phase | null;
    memberId: string;
    budgetMs: number | null;
    now: number;
  }>(
    `INSERT INTO speaking_turns (id, meeting_id, agenda_item_id, situation_id, phase, member_id, budget_ms, started_at)
     VALUES (@id, @meetingId, @agendaItemId, @situationId, @phase, @memberId, @budgetMs, @now)`,
  );

  const slots = db.prepare<[string, Phase | null], SlotRecord>(
    `SELECT id, member_id AS memberId, second_turn AS secondTurn, skipped_at AS skippedAt FROM round_slots
     WHERE agenda_item_id = ? AND phase IS ? ORDER BY position, id`,
  );
  const clearSlots = db.prepare<[string, Phase | null]>(
    `DELETE FROM round_slots WHERE agenda_item_id = ? AND phase IS ?`,
  );
  const insertSlot = db.prepare<{
    id: string;
    meetingId: string;
    agendaItemId: string;
    phase: Phase | null;
    position: number;
    memberId: string;
    secondTurn: 0 | 1;
    now: number;
  }>(
    `INSERT INTO round_slots (id, meeting_id, agenda_item_id, phase, position, member_id, second_turn, created_at)
     VALUES (@id, @meetingId, @agendaItemId, @phase, @position, @memberId, @secondTurn, @now)`,
  );
  const skipSlot = db.prepare<{ id: string; now: number }>(
    `UPDATE round_slots SET skipped_at = @now WHERE id = @id`,
  );

  const insertOverride = db.prepare<OverrideRow>(
    `INSERT INTO phase_rule_overrides (id, meeting_id, situation_id, phase, rule, action, message, member_id,
       record_id, created_at)
     VALUES (@id, @meetingId, @situationId, @phase, @rule, @action, @message, @memberId, @recordId, @now)`,
  );
  const overrides = db.prepare<[string], RuleOverride>(
    `SELECT id, rule, action, message, situation_id AS situationId, phase, member_id AS memberId,
       record_id AS recordId, created_at AS createdAt
     FROM phase_rule_overrides WHERE meeting_id = ? ORDER BY created_at, id`,
  );

  const stopRun = db.prepare<{ meetingId: string; now: number }>(stopSql('phase_runs'));
  const stopTurn = db.prepare<{ meetingId: string; now: number }>(stopSql('speaking_turns'));
  const pause = ['agenda_items', 'phase_runs', 'speaking_turns'].map((table) =>
    db.prepare<{ meetingId: string; now: number }>(
      `UPDATE ${table} SET paused_at = @now
       WHERE meeting_id = @meetingId AND started_at IS NOT NULL AND ended_at IS NULL AND paused_at IS NULL`,
    ),
  );
  const resume = ['agenda_items', 'phase_runs', 'speaking_turns'].map((table) =>
    db.prepare<{ meetingId: string; now: number }>(
      `UPDATE ${table} SET paused_ms = paused_ms + max(0, @now - paused_at), paused_at = NULL
       WHERE meeting_id = @meetingId AND paused_at IS NOT NULL`,
    ),
  );

  const captureState = db.prepare<{ meetingId: string; memberId: string }, CaptureState>(CAPTURE_STATE_SQL);

  return {
    captureState: (meetingId: string, memberId: string): CaptureState | undefined =>
      captureState.get({ meetingId, memberId }),
    runs: (meetingId: string): PhaseRun[] => runs.all(meetingId).map(toRun),
    runningRun: (meetingId: string): PhaseRun | undefined => {
      const run = runningRun.get(meetingId);
      return run && toRun(run);
    },
    runOf: (agendaItemId: string, phase: Phase): PhaseRun | undefined => {
      const run = runOf.get(agendaItemId, phase);
      return run && toRun(run);
    },
    lastRun: (agendaItemId: string): PhaseRun | undefined => {
      const run = lastRun.get(agendaItemId);
      return run && toRun(run);
    },
    insertRun: (row: Parameters<typeof insertRun.run>[0]) => insertRun.run(row),
    continueRun: (id: string, now: number) => continueRun.run({ id, now }),
    stopRun: (meetingId: string, now: number) => stopRun.run({ meetingId, now }),

    runningTurn: (meetingId: string): SpeakingTurn | undefined => {
      const turn = runningTurn.get(meetingId);
      return turn && toTurn(turn);
    },
    turnsIn: (agendaItemId: string, phase: Phase | null) =>
      turnsIn.all(agendaItemId, phase).map((t) => ({ memberId: t.memberId, ended: t.ended === 1 })),
    situationTurns: (meetingId: string): SpeakingTurn[] => situationTurns.all(meetingId).map(toTurn),
    insertTurn: (row: Parameters<typeof insertTurn.run>[0]) => insertTurn.run(row),
    stopTurn: (meetingId: string, now: number) => stopTurn.run({ meetingId, now }),

    slots: (agendaItemId: string, phase: Phase | null): SlotRecord[] => slots.all(agendaItemId, phase),
    clearSlots: (agendaItemId: string, phase: Phase | null) => clearSlots.run(agendaItemId, phase),
    insertSlot: (row: Parameters<typeof insertSlot.run>[0]) => insertSlot.run(row),
    skipSlot: (id: string, now: number) => skipSlot.run({ id, now }),

    recordOverride: (row: OverrideRow) => insertOverride.run(row),
    overrides: (meetingId: string): RuleOverride[] => overrides.all(meetingId),

    /** Pauses the running segment, phase and turn of a meeting together; resume folds the pause in. */
    pauseAll: (meetingId: string, now: number) => pause.forEach((s) => s.run({ meetingId, now })),
    resumeAll: (meetingId: string, now: number) => resume.forEach((s) => s.run({ meetingId, now })),
  };
}
