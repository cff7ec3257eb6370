// Migration 1 builds the first schema on an empty file, with FTS indexes kept by triggers.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/store/database';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { TEST_KEY } from '../../harness/test-key';
import { tempDir } from '../backend-fixture';

let dir: string;
let db: Db;
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function atVersion1(): Promise<Db> {
  dir = tempDir();
  return openDatabase(path.join(dir, 'roundtable.db'), { key: TEST_KEY, migrations: MIGRATIONS.slice(0, 1) });
}

function seed(db: Db) {
  db.exec(`
    INSERT INTO groups (id, name, created_at, updated_at) VALUES ('g', 'Forum', 1, 1);
    INSERT INTO members (id, group_id, name, created_at, updated_at) VALUES ('m', 'g', 'Ana', 1, 1);
    INSERT INTO situations (rid, id, group_id, presenter_id, title, background, created_at, updated_at)
      VALUES (3, 's', 'g', 'm', 'How do I empower my managers?', 'Decisions bottleneck at the top.', 1, 1);
    INSERT INTO contributions (rid, id, situation_id, author_id, kind, body, position, created_at, updated_at)
      VALUES ((3 << 20) + 1, 'c', 's', 'm', 'advice', 'Delegate the hiring decisions first.', 0, 1, 1);
  `);
}

const matches = (db: Db, table: string, query: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${table} MATCH ?`).get(query) as { n: number }).n;

describe('migration 0001_initial', () => {
  it('creates the schema at user_version 1', async () => {
    db = await atVersion1();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const names = db
      .prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table'`)
      .all()
      .map((r) => r.name);
    for (const table of [
      'groups',
      'members',
      'meetings',
      'situations',
      'contributions',
      'endorsements',
      'commitments',
      'tags',
      'situation_tags',
      'situations_fts',
      'contributions_fts',
      'commitments_fts',
    ]) {
      expect(names).toContain(table);
    }
  });

  it('indexes situations, contributions and commitments, with prefix and stemmed matches', async () => {
    db = await atVersion1();
    seed(db);
    expect(matches(db, 'situations_fts', 'empow*')).toBe(1);
    expect(matches(db, 'situations_fts', 'decision')).toBe(1); // porter: decisions → decision
    expect(matches(db, 'contributions_fts', 'hiring')).toBe(1);
    // A contribution's rowid names its situation: rowid >> 20 is the situation's rid.
    expect(
      db
        .prepare(`SELECT rowid >> 20 AS rid FROM contributions_fts WHERE contributions_fts MATCH 'hiring'`)
        .get(),
    ).toEqual({ rid: 3 });
    // integrity-check throws SQLITE_CORRUPT_VTAB when the index and its content disagree.
    expect(() =>
      db.exec(`INSERT INTO situations_fts (situations_fts) VALUES ('integrity-check')`),
    ).not.toThrow();
  });

  it('refuses a contribution or commitment whose rid does not carry its situation', async () => {
    db = await atVersion1();
    seed(db);
    expect(() =>
      db.exec(`INSERT INTO contributions (id, situation_id, author_id, kind, body, position, created_at, updated_at)
               VALUES ('c2', 's', 'm', 'advice', 'auto rid', 1, 1, 1)`),
    ).toThrow(/must carry its situation/);
    expect(() =>
      db.exec(`INSERT INTO commitments (rid, id, situation_id, owner_id, body, created_at, updated_at)
               VALUES ((4 << 20) + 1, 'k', 's', 'm', 'b', 1, 1)`),
    ).toThrow(/must carry its situation/);
  });

  it('follows edits and removes soft-deleted rows from the index', async () => {
    db = await atVersion1();
    seed(db);
    db.exec(`UPDATE situations SET title = 'How do I grow a leadership bench?' WHERE id = 's'`);
    expect(matches(db, 'situations_fts', 'empower')).toBe(0);
    expect(matches(db, 'situations_fts', 'bench')).toBe(1);
    db.exec(`UPDATE contributions SET deleted_at = 2 WHERE id = 'c'`);
    expect(matches(db, 'contributions_fts', 'hiring')).toBe(0);
    db.exec(`UPDATE contributions SET deleted_at = NULL WHERE id = 'c'`);
    expect(matches(db, 'contributions_fts', 'hiring')).toBe(1);
    db.exec(`INSERT INTO commitments (rid, id, situation_id, owner_id, body, outcome, created_at, updated_at)
             VALUES ((3 << 20) + 1, 'k', 's', 'm', 'Promote two managers', 'Both accepted', 1, 1)`);
    expect(matches(db, 'commitments_fts', 'accepted')).toBe(1);
    db.exec(`UPDATE situations SET deleted_at = 3 WHERE id = 's'`);
    expect(matches(db, 'situations_fts', 'bench')).toBe(0);
    db.exec(`DELETE FROM commitments; DELETE FROM contributions; DELETE FROM situations;`);
    expect(matches(db, 'contributions_fts', 'hiring')).toBe(0);
    expect(matches(db, 'commitments_fts', 'accepted')).toBe(0);
    for (const table of ['situations_fts', 'contributions_fts', 'commitments_fts']) {
      expect(() => db.exec(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`)).not.toThrow();
    }
  });

  it('keeps the words an edit shares with the old text, and snippets stay readable', async () => {
    db = await atVersion1();
    seed(db);
    db.exec(`
      INSERT INTO commitments (rid, id, situation_id, owner_id, body, outcome, created_at, updated_at)
        VALUES ((3 << 20) + 1, 'k', 's', 'm', 'Promote two managers', '', 1, 1);
      UPDATE contributions SET body = 'Delegate the hiring of two roles to your managers.' WHERE id = 'c';
      UPDATE commitments SET outcome = 'Both managers hired their first report.' WHERE id = 'k';
      UPDATE situations SET title = 'How do I empower a leadership bench?' WHERE id = 's';
    `);
    const snippets = (table: string, query: string) =>
      db
        .prepare(`SELECT snippet(${table}, -1, '[', ']', '…', 16) FROM ${table} WHERE ${table} MATCH ?`)
        .pluck()
        .all(query);
    // "delegate", "hiring", "managers" and "empower" are in both the old and the new text.
    expect(snippets('contributions_fts', 'delegate')).toEqual([
      '[Delegate] the hiring of two roles to your managers.',
    ]);
    expect(snippets('contributions_fts', 'roles')).toHaveLength(1);
    expect(snippets('commitments_fts', 'managers')).toHaveLength(1);
    expect(snippets('commitments_fts', 'report')).toEqual(['Both managers hired their first [report].']);
    expect(snippets('situations_fts', 'empower')).toHaveLength(1);
    expect(snippets('situations_fts', 'bench')).toHaveLength(1);
    for (const table of ['situations_fts', 'contributions_fts', 'commitments_fts']) {
      expect(() => db.exec(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`)).not.toThrow();
    }
  });

  it('enforces foreign keys and the allowed kinds', async () => {
    db = await atVersion1();
    seed(db);
    expect(() =>
      db.exec(`INSERT INTO contributions (rid, id, situation_id, author_id, kind, body, position, created_at, updated_at)
               VALUES ((3 << 20) + 2, 'x', 's', 'nobody', 'advice', 'b', 0, 1, 1)`),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.exec(`INSERT INTO contributions (rid, id, situation_id, author_id, kind, body, position, created_at, updated_at)
               VALUES ((3 << 20) + 3, 'y', 's', 'm', 'rant', 'b', 0, 1, 1)`),
    ).toThrow(/CHECK/);
  });
});
