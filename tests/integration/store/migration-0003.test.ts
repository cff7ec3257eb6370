// Migration 3 adds a situation's digest credit: an archive at schema 2 keeps every row and gains three
// empty credit columns, the CHECK takes a whole credit or none, and writing a credit leaves the
// full-text index as it was.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/store/database';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { TEST_KEY } from '../../harness/test-key';
import { tempDir } from '../backend-fixture';

let dir: string;
let db: Db | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

function seedSchema2(db: Db) {
  db.exec(`
    INSERT INTO groups (id, name, created_at, updated_at) VALUES ('g', 'Forum', 1, 1);
    INSERT INTO members (id, group_id, name, company, role, created_at, updated_at) VALUES
      ('chair', 'g', 'Dana Whitfield', 'Whitfield Advisory', 'chair', 1, 1),
      ('ana', 'g', 'Ana Ruiz', 'Ruiz Logistics', 'member', 1, 1);
    INSERT INTO meetings (id, group_id, starts_at, status, created_at, updated_at, started_at)
      VALUES ('mt', 'g', 100, 'closed', 1, 1, 100);
    INSERT INTO situations (rid, id, group_id, presenter_id, meeting_id, title, background, status, priority,
        confidential, created_at, updated_at)
      VALUES (3, 's', 'g', 'ana', 'mt', 'How do I empower my managers?', 'Every hire still crosses my desk.',
        'processed', 'A', 0, 1, 1),
      (4, 'secret', 'g', 'chair', NULL, 'Should I tell the board about the lawsuit?', '', 'parked', NULL, 1, 2, 2);
    INSERT INTO contributions (rid, id, situation_id, author_id, kind, body, position, created_at, updated_at,
        meeting_id, phase)
      VALUES ((3 << 20) + 1, 'c', 's', 'chair', 'advice', 'Delegate the hiring decisions first.', 0, 1, 1, 'mt', 'advise');
  `);
}

const SITUATION_COLUMNS = `rid, id, group_id, presenter_id, meeting_id, title, background, tried, help_wanted,
  status, priority, confidential, created_at, updated_at, deleted_at`;

async function migratedFromSchema2() {
  dir = tempDir();
  const file = path.join(dir, 'roundtable.db');
  const v2 = await openDatabase(file, { key: TEST_KEY, migrations: MIGRATIONS.slice(0, 2) });
  seedSchema2(v2);
  const before = v2.prepare(`SELECT ${SITUATION_COLUMNS} FROM situations ORDER BY rid`).all();
  v2.close();
  db = await openDatabase(file, { key: TEST_KEY, migrations: MIGRATIONS.slice(0, 3) });
  return { db, before };
}

const matches = (db: Db, query: string) =>
  db
    .prepare<[string], string>(`SELECT rowid FROM situations_fts WHERE situations_fts MATCH ? ORDER BY rowid`)
    .pluck()
    .all(query);

describe('migration 0003_situation_credit', () => {
  it('keeps every situation of schema 2, with no credit, and reaches user_version 3', async () => {
    const { db, before } = await migratedFromSchema2();
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare(`SELECT ${SITUATION_COLUMNS} FROM situations ORDER BY rid`).all()).toEqual(before);
    expect(
      db
        .prepare(`SELECT id, credit_name, credit_org, credit_pronoun FROM situations ORDER BY rid`)
        .raw()
        .all(),
    ).toEqual([
      ['s', null, null, null],
      ['secret', null, null, null],
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('takes a whole credit or none, and refuses half of one', async () => {
    const { db } = await migratedFromSchema2();
    const set = db.prepare(
      `UPDATE situations SET credit_name = ?, credit_org = ?, credit_pronoun = ? WHERE id = 's'`,
    );
    const credit = () =>
      db.prepare(`SELECT credit_name, credit_org, credit_pronoun FROM situations WHERE id = 's'`).raw().get();

    set.run('Ana Ruiz', 'Ruiz Logistics', 'her');
    expect(credit()).toEqual(['Ana Ruiz', 'Ruiz Logistics', 'her']);
    const refused: [string | null, string | null, string | null][] = [
      ['Ana Ruiz', null, 'her'],
      [null, 'Ruiz Logistics', 'her'],
      ['Ana Ruiz', 'Ruiz Logistics', null],
      [null, null, 'their'],
      ['Ana Ruiz', 'Ruiz Logistics', 'its'],
      ['Ana Ruiz', 'Ruiz Logistics', 'HER'],
      ['   ', 'Ruiz Logistics', 'her'],
      ['Ana Ruiz', '', 'her'],
    ];
    for (const row of refused) {
      expect(() => set.run(...row), JSON.stringify(row)).toThrow(
        /CHECK constraint failed: situations_credit_whole/,
      );
    }
    // A refused write leaves the credit that was there.
    expect(credit()).toEqual(['Ana Ruiz', 'Ruiz Logistics', 'her']);
    expect(() =>
      db.exec(`INSERT INTO situations (id, group_id, presenter_id, title, credit_name, created_at, updated_at)
               VALUES ('half', 'g', 'ana', 'Half a credit?', 'Ana Ruiz', 5, 5)`),
    ).toThrow(/CHECK/);
    set.run(null, null, null);
    expect(credit()).toEqual([null, null, null]);
  });

  it('leaves the full-text index alone when a credit is written, and keeps it working for edits', async () => {
    const { db } = await migratedFromSchema2();
    expect(matches(db, 'managers')).toEqual([3]);
    db.exec(`UPDATE situations SET credit_name = 'Ana Ruiz', credit_org = 'Ruiz Logistics', credit_pronoun = 'her'
             WHERE id = 's'`);
    expect(matches(db, 'managers')).toEqual([3]);
    // The credit is not part of the situation's searchable text.
    expect(matches(db, 'logistics')).toEqual([]);
    db.exec(
      `UPDATE situations SET title = 'How do I let my managers hire?', credit_pronoun = 'their' WHERE id = 's'`,
    );
    expect(matches(db, 'hire')).toEqual([3]);
    expect(matches(db, 'empower')).toEqual([]);
    // integrity-check throws SQLITE_CORRUPT_VTAB when the index and its content disagree.
    expect(() =>
      db.exec(`INSERT INTO situations_fts (situations_fts) VALUES ('integrity-check')`),
    ).not.toThrow();
  });
});
