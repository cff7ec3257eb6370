// Merges a pack into the archive by id: a record missing here is added, a newer one replaces ours,
// an older or same-age different one is kept ours and counted as a conflict. Importing the same
// pack twice changes nothing. Runs inside the caller's transaction, a part of the pack at a time.
//
// Rows go in as batches: one lookup of the batch's ids, then one multi-row INSERT per batch. Besides
// saving a statement per row, that keeps SQLite's full-text index fast: FTS5 writes its pending terms
// out at the start of every statement that touches it, so a statement per row would write a tiny
// index segment per row and spend its time merging them.
import type { MergeCounts, PackReport } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../store/database';
import { SITUATION_SHIFT } from '../../store/row-ids';
import { PACK_COLUMNS, type PackTable } from './pack-columns';
import type { PackReader, PackRow } from './pack-payload';

type Table = PackTable;

interface TableSpec {
  /** camelCase field → column. */
  columns: Readonly<Record<string, string>>;
  /** Contributions and commitments carry their situation's rid in their own. */
  childRid?: boolean;
  /**
   * Fields a pack written before they travelled lacks: a missing one is unknown, so a newer row from
   * such a pack keeps ours (and a new row gets null).
   */
  absentKeepsOurs?: readonly string[];
}

const SPECS: Record<Table, TableSpec> = {
  groups: { columns: PACK_COLUMNS.groups },
  members: { columns: PACK_COLUMNS.members },
  situations: {
    columns: PACK_COLUMNS.situations,
    absentKeepsOurs: [
      'creditName',
      'creditOrg',
      'creditPronoun',
      'creditText',
      'creditForm',
      'digestNoun',
      'textForm',
    ],
  },
  contributions: { columns: PACK_COLUMNS.contributions, childRid: true },
  commitments: { columns: PACK_COLUMNS.commitments, childRid: true },
  tags: { columns: PACK_COLUMNS.tags },
};

/** SQLite's limit on bound parameters in one statement (SQLITE_MAX_VARIABLE_NUMBER). */
const MAX_PARAMETERS = 32_766;
/** Conflict notes beyond this many are summed up in one line. */
const MAX_NOTES = 50;

type Row = Record<string, unknown> & { id: string; updatedAt: number };
type Local = Record<string, unknown> & { deletedAt: number | null };

function emptyCounts(): MergeCounts {
  return { added: 0, updated: 0, unchanged: 0, conflicts: 0 };
}

/**
 * Runs a multi-row INSERT over rows given as flat parameters, as few statements as SQLite's limit on
 * parameters allows. Statements are prepared once per row count, and the counts are rounded to a
 * multiple of ROUND rows plus a short tail, so a pack prepares a few dozen statements, not one per
 * part.
 */
function batchInsert(db: Db, head: string, width: number) {
  const ROUND = 128;
  const perStatement = Math.floor(MAX_PARAMETERS / width / ROUND) * ROUND;
  const statements = new Map<number, ReturnType<Db['prepare']>>();
  const one = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  const run = (values: unknown[]) => {
    const rows = values.length / width;
    let prepared = statements.get(rows);
    if (!prepared) {
      prepared = db.prepare(`${head} VALUES ${Array.from({ length: rows }, () => one).join(', ')}`);
      statements.set(rows, prepared);
    }
    prepared.run(values);
  };
  return (values: unknown[]) => {
    let from = 0;
    while (from < values.length) {
      const left = (values.length - from) / width;
      const rows = left >= perStatement ? perStatement : left >= ROUND ? left - (left % ROUND) : left;
      run(values.slice(from, from + rows * width));
      from += rows * width;
    }
  };
}

function tableMerger(db: Db, table: Table, conflict: (table: Table) => void) {
  const spec = SPECS[table];
  const fields = Object.keys(spec.columns);
  const columns = fields.map((f) => spec.columns[f]);
  const lookup = db.prepare<[string], Local>(
    `SELECT ${fields.map((f) => `${spec.columns[f]} AS "${f}"`).join(', ')},
       ${table === 'tags' ? 'NULL' : 'deleted_at'} AS deletedAt
     FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
  );
  const insert = batchInsert(
    db,
    `INSERT INTO ${table} (${spec.childRid ? 'rid, ' : ''}${columns.join(', ')})`,
    fields.length + (spec.childRid ? 1 : 0),
  );
  const changeable = fields.filter((f) => f !== 'id' && f !== 'createdAt');
  const absentKeepsOurs = new Set(spec.absentKeepsOurs);
  const update = db.prepare(
    `UPDATE ${table} SET ${changeable.map((f) => `${spec.columns[f]} = @${f}`).join(', ')} WHERE id = @id`,
  );
  const nextRid = spec.childRid ? childRids(db, table as 'contributions' | 'commitments') : undefined;
  const counts = emptyCounts();
  const perLookup = 5_000;

  function merge(rows: readonly Row[]): void {
    for (let from = 0; from < rows.length; from += perLookup) {
      const batch = rows.slice(from, from + perLookup);
      const local = new Map(lookup.all(JSON.stringify(batch.map((r) => r.id))).map((l) => [l.id, l]));
      const values: unknown[] = [];
      const fresh = batch.filter((row) => !local.has(row.id));
      const rids = nextRid?.(fresh.map((row) => row.situationId as string));
      fresh.forEach((row, i) => {
        if (rids) values.push(rids[i]);
        for (const f of fields) values.push(row[f] ?? null);
      });
      insert(values);
      counts.added += fresh.length;
      for (const row of batch) {
        const mine = local.get(row.id);
        if (mine) compare(row, mine);
      }
    }
  }

  function compare(row: Row, local: Local): void {
    const theirs = (f: string) =>
      row[f] === undefined && absentKeepsOurs.has(f) ? local[f] : (row[f] ?? null);
    const same = changeable.every((f) => f === 'updatedAt' || local[f] === theirs(f));
    if (same && local.deletedAt === null) counts.unchanged++;
    else if (row.updatedAt > (local.updatedAt as number)) {
      update.run(Object.fromEntries(fields.map((f) => [f, theirs(f)])));
      counts.updated++;
    } else if (local.deletedAt !== null) counts.unchanged++;
    else {
      counts.conflicts++;
      conflict(table);
    }
  }

  return { merge, counts };
}

/**
 * Hands out the rids of new contributions or commitments: each situation's next one after the
 * highest it has, as the store's nextChildRidSql does row by row. A situation that is not here gets
 * none, and the insert is refused by the schema's check.
 */
function childRids(db: Db, table: 'contributions' | 'commitments') {
  const highest = db.prepare<[string], { id: string; base: number; top: number | null }>(
    `SELECT s.id, s.rid << ${SITUATION_SHIFT} AS base,
       (SELECT max(x.rid) FROM ${table} x
        WHERE x.rid > (s.rid << ${SITUATION_SHIFT}) AND x.rid < ((s.rid + 1) << ${SITUATION_SHIFT})) AS top
     FROM situations s WHERE s.id IN (SELECT value FROM json_each(?))`,
  );
  const next = new Map<string, number>();
  return (situationIds: string[]): (number | null)[] => {
    const unknown = [...new Set(situationIds)].filter((id) => !next.has(id));
    if (unknown.length > 0) {
      for (const s of highest.all(JSON.stringify(unknown))) next.set(s.id, (s.top ?? s.base) + 1);
    }
    return situationIds.map((id) => {
      const rid = next.get(id);
      if (rid === undefined) return null;
      next.set(id, rid + 1);
      return rid;
    });
  };
}

/**
 * Parents before their sub-points, so every parent_id names a row that exists. A point that answers
 * itself, or a loop of points answering each other, would pass the foreign key inside one statement
 * and then never end a walk up the tree: the pack is refused.
 */
function parentsFirst(rows: readonly PackRow<'contributions'>[]): readonly PackRow<'contributions'>[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Roundtable writes points oldest first, which already puts parents first.
  const seen = new Set<string>();
  const ordered = rows.every((r) => {
    if (r.parentId === r.id) throw unreadable();
    seen.add(r.id);
    return r.parentId === null || seen.has(r.parentId) || !byId.has(r.parentId);
  });
  return ordered ? rows : reordered(rows, byId);
}

function reordered(
  rows: readonly PackRow<'contributions'>[],
  byId: Map<string, PackRow<'contributions'>>,
): PackRow<'contributions'>[] {
  const done = new Set<string>();
  const ordered: PackRow<'contributions'>[] = [];
  for (const row of rows) {
    // Walk up to the first ancestor already placed (or the root), then place the chain top down.
    const chain: PackRow<'contributions'>[] = [];
    const onChain = new Set<string>();
    let at: PackRow<'contributions'> | undefined = row;
    while (at && !done.has(at.id)) {
      if (onChain.has(at.id)) throw unreadable();
      onChain.add(at.id);
      chain.push(at);
      at = at.parentId === null ? undefined : byId.get(at.parentId);
    }
    for (const r of chain.reverse()) {
      done.add(r.id);
      ordered.push(r);
    }
  }
  return ordered;
}

function unreadable(): AppError {
  return new AppError('CORRUPT', 'This pack’s advice threads loop back on themselves. Nothing was imported.');
}

function conflictNote(table: Table, count: number): string {
  const one = table.replace(/s$/, '');
  return count === 1
    ? `A ${one} changed here and in the pack; the newer one here was kept.`
    : `${count} ${table} changed here and in the pack; the newer ones here were kept.`;
}

/**
 * Merges the pack's header, then its parts in order; `onPart` hears how many of the pack's
 * situations are merged so far.
 */
export function mergePack(
  db: Db,
  pack: PackReader,
  onPart: (done: number, total: number) => void = () => undefined,
): { report: PackReport; firstSituationId: string | null } {
  const conflicts = new Map<Table, number>();
  const conflict = (table: Table) => conflicts.set(table, (conflicts.get(table) ?? 0) + 1);
  const tables = Object.fromEntries(
    (Object.keys(SPECS) as Table[]).map((table) => [table, tableMerger(db, table, conflict)]),
  ) as Record<Table, ReturnType<typeof tableMerger>>;
  const tagNotes: string[] = [];
  const { header } = pack;

  tables.groups.merge(header.groups);
  tables.members.merge(header.members);
  // A tag whose name is already taken here by another tag joins that one.
  const tagIds = new Map<string, string>();
  const byName = db.prepare<[string], { id: string }>(`SELECT id FROM tags WHERE name = ?`);
  let tagClashes = 0;
  const tagRows = header.tags.filter((t) => {
    const existing = byName.get(t.name);
    if (existing && existing.id !== t.id) {
      tagIds.set(t.id, existing.id);
      tagClashes++;
      tagNotes.push(`The tag “${t.name}” exists here already; the pack’s situations were labelled with it.`);
      return false;
    }
    return true;
  });
  tables.tags.merge(tagRows);

  const label = batchInsert(db, `INSERT OR IGNORE INTO situation_tags (situation_id, tag_id)`, 2);
  const endorse = batchInsert(
    db,
    `INSERT OR IGNORE INTO endorsements (contribution_id, member_id, created_at)`,
    3,
  );
  let done = 0;
  let firstSituationId: string | null = null;
  for (const part of pack.parts()) {
    firstSituationId ??= part.situations[0]?.id ?? null;
    tables.situations.merge(part.situations);
    tables.contributions.merge(parentsFirst(part.contributions));
    tables.commitments.merge(part.commitments);
    label(part.situationTags.flatMap((st) => [st.situationId, tagIds.get(st.tagId) ?? st.tagId]));
    endorse(part.endorsements.flatMap((e) => [e.contributionId, e.memberId, e.createdAt]));
    done += part.situations.length;
    onPart(done, header.situationCount);
  }

  const notes = [
    ...[...conflicts].map(([table, count]) => conflictNote(table, count)),
    ...tagNotes.slice(0, MAX_NOTES),
  ];
  if (tagNotes.length > MAX_NOTES) notes.push(`${tagNotes.length - MAX_NOTES} more tags exist here already.`);
  const counts = (table: Table) => tables[table].counts;
  const report: PackReport = {
    groups: counts('groups'),
    members: counts('members'),
    tags: { ...counts('tags'), conflicts: counts('tags').conflicts + tagClashes },
    situations: counts('situations'),
    contributions: counts('contributions'),
    commitments: counts('commitments'),
    conflictNotes: notes,
  };
  return { report, firstSituationId };
}
