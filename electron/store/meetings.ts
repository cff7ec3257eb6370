// Queries for meetings, their attendance and their wrap-up.
import type {
  AttendanceEntry,
  AttendanceStatus,
  Meeting,
  MeetingStatus,
  MeetingSummary,
  WrapUpEntry,
} from '../../shared/domain';
import type { Db } from './database';

interface MeetingRecord extends Omit<Meeting, 'phaseMinutes'> {
  presentMinutes: number;
  clarifyMinutes: number;
  adviseMinutes: number;
  reflectMinutes: number;
  commitMinutes: number;
}

// A meeting without a template (planned before templates existed) follows the default protocol.
const COLUMNS = `mt.id, mt.group_id AS groupId, mt.starts_at AS startsAt, mt.location, mt.status, mt.rating,
  mt.template_id AS templateId, coalesce(t.advice_kind, 'advice') AS adviceKind,
  coalesce(t.advise_label, 'Advise') AS adviseLabel, coalesce(t.present_minutes, 5) AS presentMinutes,
  coalesce(t.clarify_minutes, 10) AS clarifyMinutes, coalesce(t.advise_minutes, 15) AS adviseMinutes,
  coalesce(t.reflect_minutes, 5) AS reflectMinutes, coalesce(t.commit_minutes, 5) AS commitMinutes,
  mt.started_at AS startedAt, mt.closed_at AS closedAt, mt.created_at AS createdAt`;
const FROM = `FROM meetings mt LEFT JOIN agenda_templates t ON t.id = mt.template_id`;

function toMeeting(record: MeetingRecord): Meeting {
  const { presentMinutes, clarifyMinutes, adviseMinutes, reflectMinutes, commitMinutes, ...rest } = record;
  return {
    ...rest,
    phaseMinutes: {
      present: presentMinutes,
      clarify: clarifyMinutes,
      advise: adviseMinutes,
      reflect: reflectMinutes,
      commit: commitMinutes,
    },
  };
}

export interface MeetingRow {
  id: string;
  groupId: string;
  startsAt: number;
  location: string;
  now: number;
}

export function meetingQueries(db: Db) {
  const insert = db.prepare<MeetingRow>(
    `INSERT INTO meetings (id, group_id, starts_at, location, status, created_at, updated_at)
     VALUES (@id, @groupId, @startsAt, @location, 'planned', @now, @now)`,
  );
  const byId = db.prepare<[string], MeetingRecord>(
    `SELECT ${COLUMNS} ${FROM} WHERE mt.id = ? AND mt.deleted_at IS NULL`,
  );
  const byGroup = db.prepare<[string], MeetingRecord & { attendeeCount: number; situationCount: number }>(
    `SELECT ${COLUMNS},
       (SELECT count(*) FROM attendance a WHERE a.meeting_id = mt.id AND a.status IN ('present', 'late'))
         AS attendeeCount,
       (SELECT count(*) FROM agenda_items i WHERE i.meeting_id = mt.id AND i.deleted_at IS NULL
         AND i.situation_id IS NOT NULL) AS situationCount
     ${FROM} WHERE mt.group_id = ? AND mt.deleted_at IS NULL ORDER BY mt.starts_at DESC, mt.id DESC`,
  );
  const setStatus = db.prepare<{ id: string; status: MeetingStatus; now: number }>(
    `UPDATE meetings SET status = @status, updated_at = max(@now, updated_at + 1),
       started_at = CASE WHEN @status = 'live' THEN coalesce(started_at, @now) ELSE started_at END,
       closed_at = CASE WHEN @status = 'closed' THEN @now ELSE NULL END
     WHERE id = @id`,
  );
  const setTemplate = db.prepare<{ id: string; templateId: string; now: number }>(
    `UPDATE meetings SET template_id = @templateId, updated_at = max(@now, updated_at + 1) WHERE id = @id`,
  );
  const touch = db.prepare<{ id: string; now: number }>(
    `UPDATE meetings SET updated_at = max(@now, updated_at + 1) WHERE id = @id`,
  );
  const rate = db.prepare<{ id: string; now: number }>(
    `UPDATE meetings SET updated_at = max(@now, updated_at + 1),
       rating = (SELECT avg(rating) FROM wrapup_entries WHERE meeting_id = @id AND rating IS NOT NULL)
     WHERE id = @id`,
  );
  /** The group's latest meeting before this one, by date. */
  const previous = db.prepare<{ groupId: string; startsAt: number; id: string }, { id: string }>(
    `SELECT id FROM meetings WHERE group_id = @groupId AND deleted_at IS NULL AND id <> @id
       AND (starts_at < @startsAt OR (starts_at = @startsAt AND id < @id))
     ORDER BY starts_at DESC, id DESC LIMIT 1`,
  );

  const attendance = db.prepare<[string], AttendanceEntry>(
    `SELECT a.member_id AS memberId, m.name, m.role, a.status, a.arrived_at AS arrivedAt
     FROM attendance a JOIN members m ON m.id = a.member_id
     WHERE a.meeting_id = ? ORDER BY m.name COLLATE NOCASE, m.id`,
  );
  const attendee = db.prepare<[string, string], { status: AttendanceStatus }>(
    `SELECT status FROM attendance WHERE meeting_id = ? AND member_id = ?`,
  );
  const mark = db.prepare<{ meetingId: string; memberId: string; status: AttendanceStatus; now: number }>(
    `INSERT INTO attendance (meeting_id, member_id, status, arrived_at, created_at, updated_at)
     VALUES (@meetingId, @memberId, @status, CASE WHEN @status IN ('present', 'late') THEN @now END, @now, @now)
     ON CONFLICT (meeting_id, member_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at,
       arrived_at = CASE WHEN excluded.status IN ('present', 'late') THEN coalesce(arrived_at, excluded.arrived_at) END`,
  );

  const wrapUp = db.prepare<[string], WrapUpEntry>(
    `SELECT w.member_id AS memberId, m.name AS memberName, w.takeaway, w.rating
     FROM wrapup_entries w JOIN members m ON m.id = w.member_id
     WHERE w.meeting_id = ? ORDER BY m.name COLLATE NOCASE, m.id`,
  );
  const recordWrapUp = db.prepare<{
    meetingId: string;
    memberId: string;
    takeaway: string;
    rating: number | null;
    now: number;
  }>(
    `INSERT INTO wrapup_entries (meeting_id, member_id, takeaway, rating, created_at, updated_at)
     VALUES (@meetingId, @memberId, @takeaway, @rating, @now, @now)
     ON CONFLICT (meeting_id, member_id) DO UPDATE SET takeaway = excluded.takeaway, rating = excluded.rating,
       updated_at = excluded.updated_at`,
  );

  const openWithSituation = db
    .prepare<[string], string>(
      `SELECT DISTINCT mt.id FROM agenda_items a JOIN meetings mt ON mt.id = a.meeting_id
       WHERE a.situation_id = ? AND mt.status <> 'closed'`,
    )
    .pluck();
  const version = db.prepare<[string], number>(`SELECT updated_at FROM meetings WHERE id = ?`).pluck();
  return {
    insert: (row: MeetingRow) => insert.run(row),
    get: (id: string): Meeting | undefined => {
      const record = byId.get(id);
      return record && toMeeting(record);
    },
    listByGroup: (groupId: string): MeetingSummary[] =>
      byGroup.all(groupId).map(({ attendeeCount, situationCount, ...record }) => ({
        ...toMeeting(record),
        attendeeCount,
        situationCount,
      })),
    setStatus: (id: string, status: MeetingStatus, now: number) => setStatus.run({ id, status, now }),
    setTemplate: (id: string, templateId: string, now: number) => setTemplate.run({ id, templateId, now }),
    /** Marks the meeting changed: its version (updated_at) grows by at least 1 on every change. */
    touch: (id: string, now: number) => touch.run({ id, now }),
    /** Grows with every change to the meeting, so a window can tell an old view from a new one. */
    version: (id: string): number => version.get(id) ?? 0,
    /** Meetings not yet closed whose agenda holds the situation: their screens show its question. */
    openWithSituation: (situationId: string): string[] => openWithSituation.all(situationId),
    previousOf: (meeting: Pick<Meeting, 'id' | 'groupId' | 'startsAt'>) =>
      previous.get({ id: meeting.id, groupId: meeting.groupId, startsAt: meeting.startsAt })?.id ?? null,

    attendance: (meetingId: string): AttendanceEntry[] => attendance.all(meetingId),
    attendanceOf: (meetingId: string, memberId: string) => attendee.get(meetingId, memberId)?.status,
    mark: (meetingId: string, memberId: string, status: AttendanceStatus, now: number) =>
      mark.run({ meetingId, memberId, status, now }),

    wrapUp: (meetingId: string): WrapUpEntry[] => wrapUp.all(meetingId),
    recordWrapUp: (row: {
      meetingId: string;
      memberId: string;
      takeaway: string;
      rating: number | null;
      now: number;
    }) => {
      recordWrapUp.run(row);
      rate.run({ id: row.meetingId, now: row.now });
    },
  };
}
