// Queries for commitments and the advice their follow-ups said helped.
import type { Commitment, CommitmentStatus } from '../../shared/domain';
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
}

type CommitmentRecord = Omit<Commitment, 'helpedContributionIds'> & { helpedJson: string };

export function commitmentQueries(db: Db) {
  const insert = db.prepare<CommitmentRow>(
    `INSERT INTO commitments (rid, id, situation_id, owner_id, body, due_at, status, outcome, created_at, updated_at)
     VALUES (${nextChildRidSql('commitments')}, @id, @situationId, @ownerId, @body, @dueAt, @status, @outcome, @now, @now)`,
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
    insert: (row: CommitmentRow) => insert.run(row),
    listBySituation: (situationId: string): Commitment[] =>
      bySituation.all(situationId).map(({ helpedJson, ...k }) => ({
        ...k,
        helpedContributionIds: JSON.parse(helpedJson) as string[],
      })),
  };
}
