// Queries for a group's parking lot: situations waiting to be processed, their A/B/C priority, the
// dot votes of a meeting, and the move from parked to processing to processed.
import type { ParkingLotEntry, Priority, SituationStatus } from '../../shared/domain';
import type { Db } from './database';

interface EntryRecord extends Omit<ParkingLotEntry, 'chosen' | 'votes'> {
  chosen: 0 | 1;
  votesJson: string;
}

export function parkingLotQueries(db: Db) {
  // Parked situations, and any this meeting has chosen or is processing, so the selection screen
  // keeps showing what it chose. A never-processed situation stays parked for the next meeting.
  const entries = db.prepare<{ groupId: string; meetingId: string }, EntryRecord>(
    `SELECT s.id AS situationId, s.title, s.presenter_id AS presenterId, m.name AS presenterName, s.priority,
       s.created_at AS createdAt,
       coalesce((SELECT sum(v.dots) FROM dot_votes v WHERE v.meeting_id = @meetingId AND v.situation_id = s.id), 0)
         AS dots,
       (SELECT coalesce(json_group_array(json_object('memberId', v.member_id, 'dots', v.dots)), '[]')
         FROM dot_votes v WHERE v.meeting_id = @meetingId AND v.situation_id = s.id) AS votesJson,
       EXISTS (SELECT 1 FROM agenda_items i WHERE i.meeting_id = @meetingId AND i.situation_id = s.id
         AND i.deleted_at IS NULL) AS chosen
     FROM situations s JOIN members m ON m.id = s.presenter_id
     WHERE s.group_id = @groupId AND s.deleted_at IS NULL
       AND (s.status = 'parked' OR EXISTS (SELECT 1 FROM agenda_items i WHERE i.meeting_id = @meetingId
         AND i.situation_id = s.id AND i.deleted_at IS NULL))
     ORDER BY coalesce(s.priority, 'D'), s.created_at, s.id`,
  );
  const statusOf = db.prepare<[string], { groupId: string; status: SituationStatus }>(
    `SELECT group_id AS groupId, status FROM situations WHERE id = ? AND deleted_at IS NULL`,
  );
  const prioritize = db.prepare<{ id: string; priority: Priority | null; now: number }>(
    `UPDATE situations SET priority = @priority, updated_at = @now WHERE id = @id`,
  );
  const clearVotes = db.prepare<[string, string]>(
    `DELETE FROM dot_votes WHERE meeting_id = ? AND member_id = ?`,
  );
  const vote = db.prepare<{
    meetingId: string;
    situationId: string;
    memberId: string;
    dots: number;
    now: number;
  }>(
    `INSERT INTO dot_votes (meeting_id, situation_id, member_id, dots, created_at)
     VALUES (@meetingId, @situationId, @memberId, @dots, @now)`,
  );
  const startProcessing = db.prepare<{ id: string; meetingId: string; now: number }>(
    `UPDATE situations SET status = 'processing', meeting_id = @meetingId, updated_at = @now
     WHERE id = @id AND status <> 'processing'`,
  );
  const finishProcessing = db.prepare<{ id: string; now: number }>(
    `UPDATE situations SET status = 'processed', updated_at = @now WHERE id = @id AND status = 'processing'`,
  );
  const finishMeeting = db.prepare<{ meetingId: string; now: number }>(
    `UPDATE situations SET status = 'processed', updated_at = @now
     WHERE meeting_id = @meetingId AND status = 'processing'`,
  );

  return {
    entries: (groupId: string, meetingId: string): ParkingLotEntry[] =>
      entries.all({ groupId, meetingId }).map(({ votesJson, chosen, ...entry }) => ({
        ...entry,
        votes: JSON.parse(votesJson) as ParkingLotEntry['votes'],
        chosen: chosen === 1,
      })),
    statusOf: (situationId: string) => statusOf.get(situationId),
    prioritize: (id: string, priority: Priority | null, now: number) => prioritize.run({ id, priority, now }),
    /** Replaces one member's dots at a meeting. */
    vote: (
      meetingId: string,
      memberId: string,
      votes: { situationId: string; dots: number }[],
      now: number,
    ) => {
      clearVotes.run(meetingId, memberId);
      for (const v of votes) vote.run({ meetingId, memberId, situationId: v.situationId, dots: v.dots, now });
    },
    startProcessing: (id: string, meetingId: string, now: number) =>
      startProcessing.run({ id, meetingId, now }),
    finishProcessing: (id: string, now: number) => finishProcessing.run({ id, now }),
    finishMeeting: (meetingId: string, now: number) => finishMeeting.run({ meetingId, now }),
  };
}
