// Queries for commitments and the advice their follow-ups said helped.
import type {
  Commitment,
  CommitmentStatus,
  FollowUpCommitment,
  FollowUpSituation,
  Outcome,
} from '../../shared/domain';
import type { Db } from './database';
import { nextChildRidSql } from './row-ids';

export interface CommitmentRow {
  id: string;
  situationId: string;
  ownerId: string;
  body: string;
  dueAt: number | null;
  status: CommitmentStatus;
  outcome: string;
  now: number;
  /** The meeting it was committed at, if any. */
  meetingId?: string | null;
}

type FollowUpRecord = Omit<FollowUpCommitment, 'helpedContributionIds' | 'pastDue'> & {
  helpedJson: string;
  groupId: string;
};

const FOLLOW_UP = `SELECT k.id, k.situation_id AS situationId, k.owner_id AS ownerId, o.name AS ownerName, k.body,
    k.due_at AS dueAt, k.status, k.outcome,
    (SELECT coalesce(json_group_array(h.contribution_id), '[]') FROM advice_helped h
      WHERE h.commitment_id = k.id) AS helpedJson,
    s.title AS situationTitle, s.presenter_id AS presenterId, p.name AS presenterName, s.group_id AS groupId,
    k.meeting_id AS meetingId, k.reviewed_meeting_id AS reviewedMeetingId
  FROM commitments k JOIN members o ON o.id = k.owner_id JOIN situations s ON s.id = k.situation_id
    JOIN members p ON p.id = s.presenter_id
  WHERE k.deleted_at IS NULL AND s.deleted_at IS NULL`;

/** Past due: still open, and its due day ended before the day of `at`. Due dates are UTC days. */
export function isPastDue(
  commitment: { status: CommitmentStatus; dueAt: number | null },
  at: number,
): boolean {
  const DAY = 86_400_000;
  return commitment.status === 'open' && commitment.dueAt !== null && commitment.dueAt + DAY <= at;
}

function toFollowUp({ helpedJson, groupId: _group, ...k }: FollowUpRecord, at: number): FollowUpCommitment {
  return { ...k, helpedContributionIds: JSON.parse(helpedJson) as string[], pastDue: isPastDue(k, at) };
}

type CommitmentRecord = Omit<Commitment, 'helpedContributionIds'> & { helpedJson: string };

export function commitmentQueries(db: Db) {
  const insert = db.prepare<CommitmentRow>(
    `INSERT INTO commitments (rid, id, situation_id, owner_id, body, due_at, status, outcome, created_at, updated_at,
       meeting_id)
     VALUES (${nextChildRidSql('commitments')}, @id, @situationId, @ownerId, @body, @dueAt, @status, @outcome, @now, @now,
       @meetingId)`,
  );
  const byId = db.prepare<[string], FollowUpRecord>(`${FOLLOW_UP} AND k.id = ?`);
  // Every open commitment of the group made before this meeting, and those this meeting reviewed.
  const openInGroup = db.prepare<{ groupId: string; meetingId: string }, FollowUpRecord>(
    `${FOLLOW_UP} AND s.group_id = @groupId AND k.meeting_id IS NOT @meetingId
       AND (k.status = 'open' OR k.reviewed_meeting_id = @meetingId)
     ORDER BY k.due_at IS NULL, k.due_at, k.created_at, k.id`,
  );
  const review = db.prepare<{ id: string; status: Outcome; outcome: string; meetingId: string; now: number }>(
    `UPDATE commitments SET status = @status, outcome = @outcome, reviewed_meeting_id = @meetingId,
       reviewed_at = @now, updated_at = @now
     WHERE id = @id`,
  );
  const clearHelped = db.prepare<[string]>(`DELETE FROM advice_helped WHERE commitment_id = ?`);
  const helped = db.prepare<{ commitmentId: string; contributionId: string; now: number }>(
    `INSERT INTO advice_helped (commitment_id, contribution_id, created_at) VALUES (@commitmentId, @contributionId, @now)`,
  );
  // Earlier presenters: situations processed at an earlier meeting that still have open
  // commitments, and every situation processed at the group's previous meeting.
  const earlierSituations = db.prepare<
    { groupId: string; meetingId: string; previousId: string | null },
    Omit<FollowUpSituation, 'commitmentIds'> & { commitmentsJson: string }
  >(
    `SELECT s.id AS situationId, s.title, s.presenter_id AS presenterId, p.name AS presenterName,
       s.meeting_id AS processedAtMeetingId, mt.starts_at AS processedAt,
       (SELECT coalesce(json_group_array(k.id), '[]') FROM commitments k
         WHERE k.situation_id = s.id AND k.deleted_at IS NULL) AS commitmentsJson
     FROM situations s JOIN members p ON p.id = s.presenter_id JOIN meetings mt ON mt.id = s.meeting_id
     WHERE s.group_id = @groupId AND s.deleted_at IS NULL AND s.meeting_id <> @meetingId
       AND s.status <> 'parked'
       AND (s.meeting_id IS @previousId OR EXISTS (SELECT 1 FROM commitments k WHERE k.situation_id = s.id
         AND k.status = 'open' AND k.deleted_at IS NULL))
     ORDER BY mt.starts_at DESC, s.created_at, s.id`,
  );
  const bySituation = db.prepare<[string], CommitmentRecord>(
    `SELECT k.id, k.situation_id AS situationId, k.owner_id AS ownerId, m.name AS ownerName, k.body,
       k.due_at AS dueAt, k.status, k.outcome,
       (SELECT coalesce(json_group_array(h.contribution_id), '[]') FROM advice_helped h
         WHERE h.commitment_id = k.id) AS helpedJson
     FROM commitments k JOIN members m ON m.id = k.owner_id
     WHERE k.situation_id = ? AND k.deleted_at IS NULL
     ORDER BY k.created_at, k.id`,
  );

  return {
    insert: (row: CommitmentRow) => insert.run({ meetingId: null, ...row }),
    get: (id: string, at: number) => {
      const record = byId.get(id);
      return record && { ...toFollowUp(record, at), groupId: record.groupId };
    },
    followUp: (groupId: string, meetingId: string, at: number): FollowUpCommitment[] =>
      openInGroup.all({ groupId, meetingId }).map((k) => toFollowUp(k, at)),
    earlierSituations: (groupId: string, meetingId: string, previousId: string | null): FollowUpSituation[] =>
      earlierSituations.all({ groupId, meetingId, previousId }).map(({ commitmentsJson, ...s }) => ({
        ...s,
        commitmentIds: JSON.parse(commitmentsJson) as string[],
      })),
    review: (
      row: { id: string; status: Outcome; outcome: string; meetingId: string; now: number },
      helpedIds: readonly string[],
    ) => {
      review.run(row);
      clearHelped.run(row.id);
      for (const contributionId of helpedIds)
        helped.run({ commitmentId: row.id, contributionId, now: row.now });
    },
    listBySituation: (situationId: string): Commitment[] =>
      bySituation.all(situationId).map(({ helpedJson, ...k }) => ({
        ...k,
        helpedContributionIds: JSON.parse(helpedJson) as string[],
      })),
  };
}
