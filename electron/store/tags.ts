// Queries for tags and the situations they label.
import type { Tag, TagWithCount } from '../../shared/domain';
import type { Db } from './database';

export function tagQueries(db: Db) {
  const insert = db.prepare<{ id: string; name: string; now: number }>(
    `INSERT INTO tags (id, name, created_at, updated_at) VALUES (@id, @name, @now, @now)`,
  );
  const byId = db.prepare<[string], Tag>(`SELECT id, name FROM tags WHERE id = ?`);
  const byName = db.prepare<[string], Tag>(`SELECT id, name FROM tags WHERE name = ?`);
  const all = db.prepare<[], TagWithCount>(
    `SELECT t.id, t.name,
       (SELECT count(*) FROM situation_tags st JOIN situations s ON s.id = st.situation_id
         WHERE st.tag_id = t.id AND s.deleted_at IS NULL) AS situationCount
     FROM tags t ORDER BY t.name COLLATE NOCASE`,
  );
  const ofSituation = db.prepare<[string], Tag>(
    `SELECT t.id, t.name FROM situation_tags st JOIN tags t ON t.id = st.tag_id
     WHERE st.situation_id = ? ORDER BY t.name COLLATE NOCASE`,
  );
  const rename = db.prepare<{ id: string; name: string; now: number }>(
    `UPDATE tags SET name = @name, updated_at = @now WHERE id = @id`,
  );
  const attach = db.prepare<[string, string]>(
    `INSERT OR IGNORE INTO situation_tags (situation_id, tag_id) VALUES (?, ?)`,
  );
  const detach = db.prepare<[string, string]>(
    `DELETE FROM situation_tags WHERE situation_id = ? AND tag_id = ?`,
  );
  // Merging moves every label to the surviving tag; a situation that had both keeps one.
  const moveLabels = db.prepare<{ from: string; into: string }>(
    `INSERT OR IGNORE INTO situation_tags (situation_id, tag_id)
     SELECT situation_id, @into FROM situation_tags WHERE tag_id = @from`,
  );
  const dropLabels = db.prepare<[string]>(`DELETE FROM situation_tags WHERE tag_id = ?`);
  const remove = db.prepare<[string]>(`DELETE FROM tags WHERE id = ?`);

  return {
    insert: (row: { id: string; name: string; now: number }) => insert.run(row),
    get: (id: string): Tag | undefined => byId.get(id),
    findByName: (name: string): Tag | undefined => byName.get(name),
    list: (): TagWithCount[] => all.all(),
    listBySituation: (situationId: string): Tag[] => ofSituation.all(situationId),
    rename: (id: string, name: string, now: number) => rename.run({ id, name, now }),
    attach: (situationId: string, tagId: string) => attach.run(situationId, tagId),
    detach: (situationId: string, tagId: string) => detach.run(situationId, tagId),
    merge: (from: string, into: string) => {
      moveLabels.run({ from, into });
      dropLabels.run(from);
      remove.run(from);
    },
  };
}
