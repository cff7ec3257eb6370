// Queries for contributions (questions, advice, experience, observations) and their endorsements.
import type { Contribution, ContributionKind, ContributionView } from '../../shared/domain';
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
}

const COLUMNS = `c.id, c.situation_id AS situationId, c.parent_id AS parentId, c.author_id AS authorId, c.kind,
  c.body, c.position, c.created_at AS createdAt`;

export function contributionQueries(db: Db) {
  // Appends after the last sibling; parent_id IS @parentId matches NULL for top-level points.
  const insert = db.prepare<ContributionRow>(
    `INSERT INTO contributions (rid, id, situation_id, parent_id, author_id, kind, body, position, created_at, updated_at)
     VALUES (${nextChildRidSql('contributions')}, @id, @situationId, @parentId, @authorId, @kind, @body,
       (SELECT coalesce(max(position), -1) + 1 FROM contributions
         WHERE situation_id = @situationId AND parent_id IS @parentId),
       @now, @now)`,
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

  return {
    insert: (row: ContributionRow) => insert.run(row),
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
