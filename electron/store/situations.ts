// Queries for situations and the archive list.
import type { Situation, SituationSummary } from '../../shared/domain';
import type { Db } from './database';

export interface SituationRow {
  id: string;
  groupId: string;
  presenterId: string;
  title: string;
  background: string;
  confidential: 0 | 1;
  now: number;
}

interface SituationRecord extends Omit<Situation, 'confidential'> {
  confidential: 0 | 1;
}

interface SummaryRecord extends Omit<SituationSummary, 'confidential'> {
  confidential: 0 | 1;
}

const COLUMNS = `id, group_id AS groupId, presenter_id AS presenterId, title, background, status,
  confidential, created_at AS createdAt, updated_at AS updatedAt`;

// Advice counts only the top-level points: the number a digest title spells out.
const SUMMARY = `SELECT s.id, s.group_id AS groupId, g.name AS groupName, s.title, m.name AS presenterName,
    s.status, s.confidential, s.created_at AS createdAt,
    (SELECT count(*) FROM contributions c
      WHERE c.situation_id = s.id AND c.parent_id IS NULL AND c.deleted_at IS NULL
        AND c.kind IN ('advice', 'experience')) AS adviceCount
  FROM situations s
  JOIN groups g ON g.id = s.group_id
  JOIN members m ON m.id = s.presenter_id
  WHERE s.deleted_at IS NULL`;

function toSituation(record: SituationRecord): Situation {
  return { ...record, confidential: record.confidential === 1 };
}

function toSummary(record: SummaryRecord): SituationSummary {
  return { ...record, confidential: record.confidential === 1 };
}

export function situationQueries(db: Db) {
  const insert = db.prepare<SituationRow>(
    `INSERT INTO situations (id, group_id, presenter_id, title, background, confidential, created_at, updated_at)
     VALUES (@id, @groupId, @presenterId, @title, @background, @confidential, @now, @now)`,
  );
  const byId = db.prepare<[string], SituationRecord>(
    `SELECT ${COLUMNS} FROM situations WHERE id = ? AND deleted_at IS NULL`,
  );
  const all = db.prepare<[], SummaryRecord>(`${SUMMARY} ORDER BY s.created_at DESC, s.id DESC`);
  const byGroup = db.prepare<[string], SummaryRecord>(
    `${SUMMARY} AND s.group_id = ? ORDER BY s.created_at DESC, s.id DESC`,
  );
  const touch = db.prepare<{ id: string; now: number }>(
    `UPDATE situations SET updated_at = @now WHERE id = @id`,
  );

  return {
    insert: (row: SituationRow) => insert.run(row),
    get: (id: string): Situation | undefined => {
      const record = byId.get(id);
      return record && toSituation(record);
    },
    list: (groupId?: string): SituationSummary[] =>
      (groupId === undefined ? all.all() : byGroup.all(groupId)).map(toSummary),
    touch: (id: string, now: number) => touch.run({ id, now }),
  };
}
