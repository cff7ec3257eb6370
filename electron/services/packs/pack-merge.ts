// Merges a pack into the archive by id: a record missing here is added, a newer one replaces ours,
// an older or same-age different one is kept ours and counted as a conflict. Importing the same
// pack twice changes nothing. Runs inside the caller's transaction.
import type { MergeCounts, PackReport } from '../../../shared/domain';
import type { Db } from '../../store/database';
import { nextChildRidSql } from '../../store/row-ids';
import type { PackPayload, PackRow } from './pack-payload';

type Table = 'groups' | 'members' | 'situations' | 'contributions' | 'commitments' | 'tags';

interface TableSpec {
  /** camelCase field → column. */
  columns: Record<string, string>;
  rid?: 'auto' | 'contributions' | 'commitments';
}

const COMMON = { id: 'id', createdAt: 'created_at', updatedAt: 'updated_at' };
const SPECS: Record<Table, TableSpec> = {
  groups: { columns: { ...COMMON, name: 'name' } },
  members: {
    columns: {
      ...COMMON,
      groupId: 'group_id',
      name: 'name',
      company: 'company',
      title: 'title',
      role: 'role',
    },
  },
  situations: {
    columns: {
      ...COMMON,
      groupId: 'group_id',
      presenterId: 'presenter_id',
      title: 'title',
      background: 'background',
      tried: 'tried',
      helpWanted: 'help_wanted',
      status: 'status',
      confidential: 'confidential',
    },
  },
  contributions: {
    columns: {
      ...COMMON,
      situationId: 'situation_id',
      parentId: 'parent_id',
      authorId: 'author_id',
      kind: 'kind',
      body: 'body',
      position: 'position',
      phase: 'phase',
    },
    rid: 'contributions',
  },
  commitments: {
    columns: {
      ...COMMON,
      situationId: 'situation_id',
      ownerId: 'owner_id',
      body: 'body',
      dueAt: 'due_at',
      status: 'status',
      outcome: 'outcome',
    },
    rid: 'commitments',
  },
  tags: { columns: { ...COMMON, name: 'name' } },
};

function emptyCounts(): MergeCounts {
  return { added: 0, updated: 0, unchanged: 0, conflicts: 0 };
}

type Row = Record<string, unknown> & { id: string; updatedAt: number };

function mergeTable(db: Db, table: Table, rows: readonly Row[], notes: string[]): MergeCounts {
  const spec = SPECS[table];
  const fields = Object.keys(spec.columns);
  const select = db.prepare<[string], Record<string, unknown>>(
    `SELECT ${fields.map((f) => `${spec.columns[f]} AS "${f}"`).join(', ')}, ${table === 'tags' ? 'NULL' : 'deleted_at'} AS deletedAt FROM ${table} WHERE id = ?`,
  );
  const ridColumn = spec.rid && spec.rid !== 'auto' ? 'rid, ' : '';
  const ridValue = spec.rid && spec.rid !== 'auto' ? `${nextChildRidSql(spec.rid)}, ` : '';
  const insert = db.prepare(
    `INSERT INTO ${table} (${ridColumn}${fields.map((f) => spec.columns[f]).join(', ')})
     VALUES (${ridValue}${fields.map((f) => `@${f}`).join(', ')})`,
  );
  const changeable = fields.filter((f) => f !== 'id' && f !== 'createdAt');
  const update = db.prepare(
    `UPDATE ${table} SET ${changeable.map((f) => `${spec.columns[f]} = @${f}`).join(', ')} WHERE id = @id`,
  );
  const counts = emptyCounts();
  for (const row of rows) {
    const params: Record<string, unknown> = Object.fromEntries(fields.map((f) => [f, row[f] ?? null]));
    const local = select.get(row.id);
    if (!local) {
      insert.run(params);
      counts.added++;
      continue;
    }
    const same = changeable.every((f) => f === 'updatedAt' || local[f] === params[f]);
    if (same && local.deletedAt === null) counts.unchanged++;
    else if (row.updatedAt > (local.updatedAt as number)) {
      update.run(params);
      counts.updated++;
    } else if (local.deletedAt !== null) counts.unchanged++;
    else {
      counts.conflicts++;
      notes.push(`A ${table.replace(/s$/, '')} changed here and in the pack; the newer one here was kept.`);
    }
  }
  return counts;
}

/** Parents before their sub-points, so every parent_id names a row that exists. */
function parentsFirst(rows: readonly PackRow<'contributions'>[]): PackRow<'contributions'>[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const done = new Set<string>();
  const ordered: PackRow<'contributions'>[] = [];
  const visit = (row: PackRow<'contributions'>, depth: number) => {
    if (done.has(row.id) || depth > 10_000) return;
    const parent = row.parentId === null ? undefined : byId.get(row.parentId);
    if (parent) visit(parent, depth + 1);
    done.add(row.id);
    ordered.push(row);
  };
  for (const row of rows) visit(row, 0);
  return ordered;
}

export function mergePayload(db: Db, payload: PackPayload): PackReport {
  const notes: string[] = [];
  const report: PackReport = {
    groups: mergeTable(db, 'groups', payload.groups, notes),
    members: mergeTable(db, 'members', payload.members, notes),
    tags: emptyCounts(),
    situations: mergeTable(db, 'situations', payload.situations, notes),
    contributions: mergeTable(db, 'contributions', parentsFirst(payload.contributions), notes),
    commitments: mergeTable(db, 'commitments', payload.commitments, notes),
    conflictNotes: notes,
  };
  // A tag whose name is already taken here by another tag joins that one.
  const tagIds = new Map<string, string>();
  const byName = db.prepare<[string], { id: string }>(`SELECT id FROM tags WHERE name = ?`);
  const tagRows = payload.tags.filter((t) => {
    const existing = byName.get(t.name);
    if (existing && existing.id !== t.id) {
      tagIds.set(t.id, existing.id);
      report.tags.conflicts++;
      notes.push(`The tag “${t.name}” exists here already; the pack’s situations were labelled with it.`);
      return false;
    }
    return true;
  });
  const merged = mergeTable(db, 'tags', tagRows, notes);
  report.tags = { ...merged, conflicts: merged.conflicts + report.tags.conflicts };
  const label = db.prepare<[string, string]>(
    `INSERT OR IGNORE INTO situation_tags (situation_id, tag_id) VALUES (?, ?)`,
  );
  for (const st of payload.situationTags) label.run(st.situationId, tagIds.get(st.tagId) ?? st.tagId);
  const endorse = db.prepare<[string, string, number]>(
    `INSERT OR IGNORE INTO endorsements (contribution_id, member_id, created_at) VALUES (?, ?, ?)`,
  );
  for (const e of payload.endorsements) endorse.run(e.contributionId, e.memberId, e.createdAt);
  return report;
}
