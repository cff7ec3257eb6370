// Migration 4 sizes the full-text indexes' leaf pages to fit an encrypted page: an archive at schema 3
// keeps every row and its index, and the leaves written after it fit in the b-tree page that holds
// them, where FTS5's default of 4050 bytes puts the end of each leaf on an overflow page.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FTS_PAGE_SIZE } from '../../../electron/store/cipher';
import { openDatabase, type Db } from '../../../electron/store/database';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { TEST_KEY } from '../../harness/test-key';
import { tempDir } from '../backend-fixture';

const INDEXES = ['situations_fts', 'contributions_fts', 'commitments_fts'];

let dir: string;
let db: Db | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function atVersion(version: number, file = path.join(dir, 'roundtable.db')): Promise<Db> {
  return openDatabase(file, { key: TEST_KEY, migrations: MIGRATIONS.slice(0, version) });
}

function seed(db: Db) {
  db.exec(`
    INSERT INTO groups (id, name, created_at, updated_at) VALUES ('g', 'Forum', 1, 1);
    INSERT INTO members (id, group_id, name, created_at, updated_at) VALUES ('m', 'g', 'Ana', 1, 1);
    INSERT INTO situations (rid, id, group_id, presenter_id, title, background, created_at, updated_at)
      VALUES (3, 's', 'g', 'm', 'How do I empower my managers?', 'Decisions bottleneck at the top.', 1, 1);
  `);
}

/** Enough advice, in words no two points share, that the index writes many full leaves at once. */
function addAdvice(db: Db, from: number, count: number) {
  const insert = db.prepare(
    `INSERT INTO contributions (rid, id, situation_id, author_id, kind, body, position, created_at, updated_at)
     VALUES (?, ?, 's', 'm', 'advice', ?, ?, 1, 1)`,
  );
  db.transaction(() => {
    for (let i = from; i < from + count; i++) {
      const words = Array.from({ length: 40 }, (_, w) => `w${(i * 40 + w).toString(36)}q`).join(' ');
      insert.run((3 << 20) + i, `c${i}`, `Point ${i}: ${words}`, i);
    }
  })();
  // One segment for the whole index, written at the page size now configured.
  db.exec(`INSERT INTO contributions_fts (contributions_fts) VALUES ('optimize')`);
}

/** The overflow pages under an index's leaves: a leaf longer than a page's cell can hold spills onto one. */
function overflowPages(db: Db, index: string): number {
  return db
    .prepare(`SELECT count(*) FROM dbstat WHERE name = ? AND pagetype = 'overflow'`)
    .pluck()
    .get(`${index}_data`) as number;
}

const pageSize = (db: Db, index: string) =>
  db.prepare(`SELECT v FROM "${index}_config" WHERE k = 'pgsz'`).pluck().get();

describe('migration 0004_fts_page_size', () => {
  it('sets every full-text index to leaves of 3960 bytes, keeping the rows and what they match', async () => {
    dir = tempDir();
    const v3 = await atVersion(3);
    seed(v3);
    addAdvice(v3, 1, 50);
    const before = v3.prepare('SELECT rid, body FROM contributions ORDER BY rid').all();
    for (const index of INDEXES) expect(pageSize(v3, index), index).toBeUndefined();
    v3.close();

    db = await atVersion(4);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    for (const index of INDEXES) expect(pageSize(db, index), index).toBe(FTS_PAGE_SIZE);
    expect(db.prepare('SELECT rid, body FROM contributions ORDER BY rid').all()).toEqual(before);
    const found = db
      .prepare(`SELECT rowid FROM contributions_fts WHERE contributions_fts MATCH ?`)
      .pluck()
      .all(`w${(7 * 40 + 3).toString(36)}q`);
    expect(found).toEqual([(3 << 20) + 7]);
    expect(() =>
      db!.exec(`INSERT INTO contributions_fts (contributions_fts) VALUES ('integrity-check')`),
    ).not.toThrow();
  });

  it('writes leaves that fit an encrypted page, where schema 3 spilled them onto overflow pages', async () => {
    dir = tempDir();
    const v3 = await atVersion(3, path.join(dir, 'before.db'));
    seed(v3);
    addAdvice(v3, 1, 400);
    const spilledBefore = overflowPages(v3, 'contributions_fts');
    v3.close();
    // The same writes at schema 3 fill leaves past what an encrypted page holds.
    expect(spilledBefore).toBeGreaterThan(0);

    db = await atVersion(4);
    seed(db);
    addAdvice(db, 1, 400);
    const leaves = db.prepare(`SELECT count(*) FROM contributions_fts_data WHERE id > 10`).pluck().get();
    expect(leaves).toBeGreaterThan(spilledBefore);
    expect(overflowPages(db, 'contributions_fts')).toBe(0);
    expect(() =>
      db!.exec(`INSERT INTO contributions_fts (contributions_fts) VALUES ('integrity-check')`),
    ).not.toThrow();
  });
});
