// Queries for groups.
import type { Group } from '../../shared/domain';
import type { Db } from './database';

export function groupQueries(db: Db) {
  const insert = db.prepare<{ id: string; name: string; now: number }>(
    `INSERT INTO groups (id, name, created_at, updated_at) VALUES (@id, @name, @now, @now)`,
  );
  const byId = db.prepare<[string], Group>(
    `SELECT id, name, created_at AS createdAt FROM groups WHERE id = ? AND deleted_at IS NULL`,
  );
  const all = db.prepare<[], Group>(
    `SELECT id, name, created_at AS createdAt FROM groups WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id`,
  );

  return {
    insert: (row: { id: string; name: string; now: number }) => insert.run(row),
    get: (id: string): Group | undefined => byId.get(id),
    list: (): Group[] => all.all(),
  };
}
