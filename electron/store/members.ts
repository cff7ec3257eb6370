// Queries for the members of a group.
import type { AdviceGiven, Contribution, Member, MemberRole } from '../../shared/domain';
import type { Db } from './database';

export interface MemberRow {
  id: string;
  groupId: string;
  name: string;
  company: string;
  title: string;
  role: MemberRole;
  now: number;
}

const COLUMNS = `id, group_id AS groupId, name, company, title, role, origin, created_at AS createdAt`;

export function memberQueries(db: Db) {
  const insert = db.prepare<MemberRow>(
    `INSERT INTO members (id, group_id, name, company, title, role, created_at, updated_at)
     VALUES (@id, @groupId, @name, @company, @title, @role, @now, @now)`,
  );
  const byId = db.prepare<[string], Member>(
    `SELECT ${COLUMNS} FROM members WHERE id = ? AND deleted_at IS NULL`,
  );
  // The people of the group: its digest voice, who stands for imported posts, is no one.
  const byGroup = db.prepare<[string], Member>(
    `SELECT ${COLUMNS} FROM members WHERE group_id = ? AND deleted_at IS NULL AND origin = 'room'
     ORDER BY name COLLATE NOCASE, id`,
  );

  const adviceGiven = db.prepare<[string], Contribution & { situationTitle: string; endorsements: number }>(
    `SELECT c.id, c.situation_id AS situationId, c.parent_id AS parentId, c.author_id AS authorId, c.kind, c.body,
       c.position, c.created_at AS createdAt, s.title AS situationTitle,
       (SELECT count(*) FROM endorsements e WHERE e.contribution_id = c.id) AS endorsements
     FROM contributions c JOIN situations s ON s.id = c.situation_id
     WHERE c.author_id = ? AND c.deleted_at IS NULL AND s.deleted_at IS NULL
       AND c.kind IN ('advice', 'experience')
     ORDER BY c.created_at DESC, c.id DESC`,
  );

  return {
    insert: (row: MemberRow) => insert.run(row),
    /** Advice and experience a member shared, newest first, with the endorsements each received. */
    adviceGiven: (memberId: string): AdviceGiven[] =>
      adviceGiven.all(memberId).map(({ situationTitle, endorsements, ...contribution }) => ({
        contribution,
        situationId: contribution.situationId,
        situationTitle,
        endorsements,
      })),
    get: (id: string): Member | undefined => byId.get(id),
    /** The group's people, by name; never its digest voice. */
    listByGroup: (groupId: string): Member[] => byGroup.all(groupId),
  };
}
