// Queries for contributions (questions, advice, experience, observations) and their endorsements.
import type { Contribution, ContributionKind, ContributionView, Phase } from '../../shared/domain';
import type { Db } from './database';
import { nextChildRidSql } from './row-ids';

export interface ContributionRow {
  id: string;
  situationId: string;
  parentId: string | null;
  authorId: string;
  kind: ContributionKind;
  body: string;
  now: number;
  /** Where it was captured: a live meeting and the phase running then (null outside a meeting). */
  meetingId?: string | null;
  phase?: Phase | null;
}

/** A point as stored, removed or not, with where it was captured. */
export interface ContributionRecord {
  id: string;
  situationId: string;
  parentId: string | null;
  authorId: string;
  kind: ContributionKind;
  meetingId: string | null;
  deletedAt: number | null;
}

const COLUMNS = `c.id, c.situation_id AS situationId, c.parent_id AS parentId, c.author_id AS authorId, c.kind,
  c.body, c.position, c.created_at AS createdAt`;

export function contributionQueries(db: Db) {
  // Appends after the last sibling; parent_id IS @parentId matches NULL for top-level points.
  const insert = db.prepare<ContributionRow>(
    `INSERT INTO contributions (rid, id, situation_id, parent_id, author_id, kind, body, position, created_at, updated_at,
       meeting_id, phase)
     VALUES (${nextChildRidSql('contributions')}, @id, @situationId, @parentId, @authorId, @kind, @body,
       (SELECT coalesce(max(position), -1) + 1 FROM contributions
         WHERE situation_id = @situationId AND parent_id IS @parentId),
       @now, @now, @meetingId, @phase)`,
  );
  const byId = db.prepare<[string], Contribution>(
    `SELECT ${COLUMNS} FROM contributions c WHERE c.id = ? AND c.deleted_at IS NULL`,
  );
  const bySituation = db.prepare<[string], Omit<ContributionView, 'endorsedBy'>>(
    `SELECT ${COLUMNS}, m.name AS authorName
     FROM contributions c JOIN members m ON m.id = c.author_id
     WHERE c.situation_id = ? AND c.deleted_at IS NULL
     ORDER BY c.position, c.id`,
  );
  const endorsementsOf = db.prepare<[string], { contributionId: string; memberId: string }>(
    `SELECT e.contribution_id AS contributionId, e.member_id AS memberId
     FROM endorsements e JOIN contributions c ON c.id = e.contribution_id
     WHERE c.situation_id = ? ORDER BY e.created_at`,
  );

  const record = db.prepare<[string], ContributionRecord>(
    `SELECT id, situation_id AS situationId, parent_id AS parentId, author_id AS authorId, kind,
       meeting_id AS meetingId, deleted_at AS deletedAt
     FROM contributions WHERE id = ?`,
  );
  const edit = db.prepare<{
    id: string;
    body: string;
    kind: ContributionKind;
    authorId: string;
    now: number;
  }>(
    `UPDATE contributions SET body = @body, kind = @kind, author_id = @authorId, updated_at = @now WHERE id = @id`,
  );
  // A removed point takes its sub-points with it, stamped with the same time, so that undo brings
  // back exactly what this removal hid (and not a sub-point removed on its own before).
  const removeTree = db.prepare<{ id: string; now: number }, { id: string }>(
    `WITH RECURSIVE tree (id) AS (
       SELECT id FROM contributions WHERE id = @id AND deleted_at IS NULL
       UNION ALL
       SELECT c.id FROM contributions c JOIN tree ON c.parent_id = tree.id WHERE c.deleted_at IS NULL)
     UPDATE contributions SET deleted_at = @now, updated_at = @now WHERE id IN tree RETURNING id`,
  );
  const restoreTree = db.prepare<{ id: string; deletedAt: number; now: number }, { id: string }>(
    `WITH RECURSIVE tree (id) AS (
       SELECT id FROM contributions WHERE id = @id AND deleted_at = @deletedAt
       UNION ALL
       SELECT c.id FROM contributions c JOIN tree ON c.parent_id = tree.id WHERE c.deleted_at = @deletedAt)
     UPDATE contributions SET deleted_at = NULL, updated_at = @now WHERE id IN tree RETURNING id`,
  );
  const endorse = db.prepare<{ contributionId: string; memberId: string; now: number }>(
    `INSERT INTO endorsements (contribution_id, member_id, created_at) VALUES (@contributionId, @memberId, @now)
     ON CONFLICT DO NOTHING`,
  );
  const unendorse = db.prepare<{ contributionId: string; memberId: string }>(
    `DELETE FROM endorsements WHERE contribution_id = @contributionId AND member_id = @memberId`,
  );
  const endorsers = db
    .prepare<[string], string>(
      `SELECT member_id FROM endorsements WHERE contribution_id = ? ORDER BY created_at, member_id`,
    )
    .pluck();

  return {
    insert: (row: ContributionRow) => insert.run({ meetingId: null, phase: null, ...row }),
    /** Any point, removed ones included. */
    record: (id: string): ContributionRecord | undefined => record.get(id),
    edit: (row: { id: string; body: string; kind: ContributionKind; authorId: string; now: number }) =>
      edit.run(row),
    removeTree: (id: string, now: number): string[] => removeTree.all({ id, now }).map((r) => r.id),
    restoreTree: (id: string, deletedAt: number, now: number): string[] =>
      restoreTree.all({ id, deletedAt, now }).map((r) => r.id),
    endorse: (contributionId: string, memberId: string, now: number) =>
      endorse.run({ contributionId, memberId, now }),
    unendorse: (contributionId: string, memberId: string) => unendorse.run({ contributionId, memberId }),
    endorsers: (contributionId: string): string[] => endorsers.all(contributionId),
    get: (id: string): Contribution | undefined => byId.get(id),
    listBySituation: (situationId: string): ContributionView[] => {
      const endorsed = new Map<string, string[]>();
      for (const e of endorsementsOf.all(situationId)) {
        endorsed.set(e.contributionId, [...(endorsed.get(e.contributionId) ?? []), e.memberId]);
      }
      return bySituation.all(situationId).map((c) => ({ ...c, endorsedBy: endorsed.get(c.id) ?? [] }));
    },
  };
}
