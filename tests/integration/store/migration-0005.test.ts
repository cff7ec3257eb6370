// Migration 5 keeps what an imported digest post says (its noun, its heading and paragraph as written,
// its credit's sentence and form) and tells a group's digest voice from its people: an archive at
// schema 4 keeps every row, its "Imported" guest of earlier imports becomes the digest voice, and a
// guest a chair named "Imported" who took part stays a person.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../../../electron/store';
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

// An archive as schema 4 had it after a digest import: the importer's "Imported" guest presents the
// imported situation and gives its advice; another guest, named "Imported" by the chair, came to a
// meeting and spoke there.
function seedSchema4(db: Db) {
  db.exec(`
    INSERT INTO groups (id, name, created_at, updated_at) VALUES ('g', 'Forum', 1, 1);
    INSERT INTO members (id, group_id, name, company, title, role, created_at, updated_at) VALUES
      ('chair', 'g', 'Dana Whitfield', 'Whitfield Advisory', 'Chair', 'chair', 1, 1),
      ('voice', 'g', 'Imported', '', '', 'guest', 2, 2),
      ('guest', 'g', 'Imported', '', '', 'guest', 3, 3),
      ('idle', 'g', 'Imported', '', '', 'guest', 4, 4);
    INSERT INTO meetings (id, group_id, starts_at, status, created_at, updated_at) VALUES ('mt', 'g', 100, 'closed', 1, 1);
    INSERT INTO attendance (meeting_id, member_id, status, created_at, updated_at) VALUES ('mt', 'guest', 'present', 1, 1);
    INSERT INTO situations (rid, id, group_id, presenter_id, meeting_id, title, background, status, created_at, updated_at)
      VALUES (1, 'imported', 'g', 'voice', NULL, 'How do you price it?', 'A second line is ready.', 'processed', 5, 5),
             (2, 'brought', 'g', 'guest', 'mt', 'Should I hire a COO?', '', 'processed', 6, 6);
    INSERT INTO contributions (rid, id, situation_id, author_id, kind, body, position, created_at, updated_at)
      VALUES ((1 << 20) + 1, 'advice', 'imported', 'voice', 'advice', 'Price from the value.', 0, 5, 5);
  `);
}

async function migratedFromSchema4() {
  dir = tempDir();
  const file = path.join(dir, 'roundtable.db');
  const v4 = await openDatabase(file, { key: TEST_KEY, migrations: MIGRATIONS.slice(0, 4) });
  seedSchema4(v4);
  const before = {
    members: v4.prepare('SELECT * FROM members ORDER BY id').all(),
    situations: v4.prepare('SELECT * FROM situations ORDER BY rid').all(),
  };
  v4.close();
  db = await openDatabase(file, { key: TEST_KEY, migrations: MIGRATIONS.slice(0, 5) });
  return { db, before };
}

const without = (rows: unknown[], ...columns: string[]) =>
  rows.map((row) =>
    Object.fromEntries(Object.entries(row as object).filter(([column]) => !columns.includes(column))),
  );

describe('migration 0005_digest_fidelity', () => {
  it('keeps every row of schema 4, and makes the importer’s "Imported" guest the group’s digest voice', async () => {
    const { db, before } = await migratedFromSchema4();
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(without(db.prepare('SELECT * FROM members ORDER BY id').all(), 'origin')).toEqual(before.members);
    expect(
      without(
        db.prepare('SELECT * FROM situations ORDER BY rid').all(),
        'digest_noun',
        'text_form',
        'credit_text',
        'credit_form',
      ),
    ).toEqual(before.situations);
    expect(db.prepare('SELECT id, origin FROM members ORDER BY id').raw().all()).toEqual([
      ['chair', 'room'],
      ['guest', 'room'],
      ['idle', 'room'],
      ['voice', 'digest'],
    ]);
    // A situation imported before keeps its question and background as split then.
    expect(
      db
        .prepare('SELECT digest_noun, text_form, credit_text, credit_form FROM situations ORDER BY rid')
        .raw()
        .all(),
    ).toEqual([
      [null, null, null, null],
      [null, null, null, null],
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('leaves the digest voice out of the group’s people, and out of what an export redacts', async () => {
    const { db } = await migratedFromSchema4();
    const store = createStore(db);
    expect(store.members.listByGroup('g').map((m) => m.id)).toEqual(['chair', 'guest', 'idle']);
    expect(store.members.get('voice')).toMatchObject({ name: 'Imported', origin: 'digest' });
    // The guest who took part is a person an anonymized export must not name; the voice is no one.
    expect(store.exports.people().members).toEqual([
      { name: 'Dana Whitfield', company: 'Whitfield Advisory', role: 'chair' },
      { name: 'Imported', company: '', role: 'guest' },
    ]);
    expect(store.imports.digestVoice('g')).toBe('voice');
  });

  it('takes a noun of one word, the one text form, and a credit’s sentence and form only beside a credit', async () => {
    const { db } = await migratedFromSchema4();
    const set = (column: string, value: string | null) =>
      db.prepare(`UPDATE situations SET ${column} = ? WHERE id = 'imported'`).run(value);
    set('digest_noun', 'Take-aways');
    set('text_form', 'post');
    for (const [column, value] of [
      ['digest_noun', 'Two words'],
      ['digest_noun', '-Ideas'],
      ['digest_noun', 'Idées'],
      ['digest_noun', ''],
      ['digest_noun', 'X'.repeat(31)],
      ['text_form', 'question'],
      ['credit_text', 'Special thanks to Ana Ruiz.'],
      ['credit_form', 'bullet'],
    ] as const) {
      expect(() => set(column, value), `${column} = ${value}`).toThrow(/CHECK constraint failed/);
    }
    db.exec(`UPDATE situations SET credit_name = 'Ana Ruiz', credit_org = 'Ruiz Foods', credit_pronoun = 'her'
             WHERE id = 'imported'`);
    set('credit_text', 'Special thanks to Ana Ruiz of Ruiz Foods for her situation.');
    set('credit_form', 'bullet');
    expect(() => set('credit_text', '   ')).toThrow(/CHECK constraint failed: situations_credit_text/);
    expect(() => set('credit_form', 'line')).toThrow(/CHECK constraint failed: situations_credit_form/);
    // A credit cleared with its sentence and form left behind is refused.
    expect(() =>
      db.exec(
        `UPDATE situations SET credit_name = NULL, credit_org = NULL, credit_pronoun = NULL WHERE id = 'imported'`,
      ),
    ).toThrow(/CHECK constraint failed/);
    expect(() => db.exec(`UPDATE members SET origin = 'imported' WHERE id = 'chair'`)).toThrow(
      /CHECK constraint failed: members_origin/,
    );
  });
});
