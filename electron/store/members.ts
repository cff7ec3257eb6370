// Queries for the members of a group.
import type { Member, MemberRole } from '../../shared/domain';
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

const COLUMNS = `id, group_id AS groupId, name, company, title, role, created_at AS createdAt`;

export function memberQueries(db: Db) {
  const insert = db.prepare<MemberRow>(
    `INSERT INTO members (id, group_id, name, company, title, role, created_at, updated_at)
     VALUES (@id, @groupId, @name, @company, @title, @role, @now, @now)`,
  );
  const byId = db.prepare<[string], Member>(
    `SELECT ${COLUMNS} FROM members WHERE id = ? AND deleted_at IS NULL`,
  );
  const byGroup = db.prepare<[string], Member>(
    `SELECT ${COLUMNS} FROM members WHERE group_id = ? AND deleted_at IS NULL ORDER BY name COLLATE NOCASE, id`,
  );

  return {
    insert: (row: MemberRow) => insert.run(row),
    get: (id: string): Member | undefined => byId.get(id),
    listByGroup: (groupId: string): Member[] => byGroup.all(groupId),
  };
}
