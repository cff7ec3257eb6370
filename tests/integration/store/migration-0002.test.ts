// Migration 2 adds live meetings: an archive at schema 1 keeps every row, gains the meeting tables
// and the two built-in agenda templates, and its new constraints hold.
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

const FORUM = '01941f29-7c00-7000-8000-000000000001';
const EXPERIENCE = '01941f29-7c00-7000-8000-000000000002';

const V1_TABLES = [
  'groups',
  'members',
  'meetings',
  'situations',
  'contributions',
  'endorsements',
  'commitments',
  'advice_helped',
  'tags',
  'situation_tags',
];

function seedSchema1(db: Db) {
  db.exec(`
    INSERT INTO groups (id, name, created_at, updated_at) VALUES ('g', 'Forum', 1, 1);
    INSERT INTO members (id, group_id, name, role, created_at, updated_at) VALUES
      ('chair', 'g', 'Dana', 'chair', 1, 1), ('ana', 'g', 'Ana', 'member', 1, 1);
    INSERT INTO meetings (id, group_id, starts_at, location, status, rating, created_at, updated_at)
      VALUES ('mt', 'g', 100, 'Board room', 'closed', 8.5, 1, 1);
    INSERT INTO situations (rid, id, group_id, presenter_id, meeting_id, title, status, priority, created_at, updated_at)
      VALUES (3, 's', 'g', 'ana', 'mt', 'How do I empower my managers?', 'processed', 'A', 1, 1);
    INSERT INTO contributions (rid, id, situation_id, author_id, kind, body, position, created_at, updated_at)
      VALUES ((3 << 20) + 1, 'c', 's', 'chair', 'advice', 'Delegate the hiring decisions first.', 0, 1, 1);
    INSERT INTO endorsements (contribution_id, member_id, created_at) VALUES ('c', 'ana', 2);
    INSERT INTO commitments (rid, id, situation_id, owner_id, body, due_at, created_at, updated_at)
      VALUES ((3 << 20) + 1, 'k', 's', 'ana', 'Hand two hires to my managers', 500, 1, 1);
    INSERT INTO advice_helped (commitment_id, contribution_id, created_at) VALUES ('k', 'c', 3);
    INSERT INTO tags (id, name, created_at, updated_at) VALUES ('t', 'delegation', 1, 1);
    INSERT INTO situation_tags (situation_id, tag_id) VALUES ('s', 't');
  `);
}

/** The rows of schema 1's tables, in schema 1's columns. */
function rowsOfSchema1(db: Db, columnsOf: Map<string, string[]>) {
  return V1_TABLES.map((table) => {
    const columns = columnsOf.get(table) ?? [];
    return db
      .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${table} ORDER BY 1, 2`)
      .raw()
      .all();
  });
}

async function migratedFromSchema1() {
  dir = tempDir();
  const file = path.join(dir, 'roundtable.db');
  const v1 = await openDatabase(file, { key: TEST_KEY, migrations: MIGRATIONS.slice(0, 1) });
  seedSchema1(v1);
  const columnsOf = new Map(
    V1_TABLES.map((t) => [t, (v1.pragma(`table_info(${t})`) as { name: string }[]).map((c) => c.name)]),
  );
  const before = rowsOfSchema1(v1, columnsOf);
  v1.close();
  db = await openDatabase(file, { key: TEST_KEY, migrations: MIGRATIONS.slice(0, 2) });
  return { db, before, after: rowsOfSchema1(db, columnsOf) };
}

const count = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe('migration 0002_live_meetings', () => {
  it('keeps every row of schema 1 and reaches user_version 2', async () => {
    const { db, before, after } = await migratedFromSchema1();
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(after).toEqual(before);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('adds the live-meeting tables as STRICT tables', async () => {
    const { db } = await migratedFromSchema1();
    const strict = db
      .prepare<[], { name: string; strict: number }>(
        `SELECT name, strict FROM pragma_table_list WHERE schema = 'main'`,
      )
      .all();
    for (const table of [
      'agenda_templates',
      'agenda_template_segments',
      'attendance',
      'agenda_items',
      'dot_votes',
      'phase_runs',
      'speaking_turns',
      'round_slots',
      'phase_rule_overrides',
      'drafts',
      'wrapup_entries',
    ]) {
      expect(
        strict.find((t) => t.name === table),
        table,
      ).toEqual({ name: table, strict: 1 });
    }
  });

  it('gives existing meetings, points and commitments empty new columns', async () => {
    const { db } = await migratedFromSchema1();
    expect(db.prepare(`SELECT template_id, started_at, closed_at, rating FROM meetings`).get()).toEqual({
      template_id: null,
      started_at: null,
      closed_at: null,
      rating: 8.5,
    });
    expect(db.prepare(`SELECT meeting_id, phase FROM contributions`).get()).toEqual({
      meeting_id: null,
      phase: null,
    });
    expect(db.prepare(`SELECT meeting_id, reviewed_at, status FROM commitments`).get()).toEqual({
      meeting_id: null,
      reviewed_at: null,
      status: 'open',
    });
  });

  it('seeds the "Forum meeting" template and its "Experience sharing" variant', async () => {
    const { db } = await migratedFromSchema1();
    expect(
      db
        .prepare(
          `SELECT id, name, advice_kind, advise_label, present_minutes, clarify_minutes, advise_minutes,
             reflect_minutes, commit_minutes, builtin FROM agenda_templates ORDER BY id`,
        )
        .raw()
        .all(),
    ).toEqual([
      [FORUM, 'Forum meeting', 'advice', 'Advise', 5, 10, 15, 5, 5, 1],
      [EXPERIENCE, 'Experience sharing', 'experience', 'Experience sharing', 5, 10, 15, 5, 5, 1],
    ]);
    const segments = db
      .prepare(
        `SELECT kind, minutes, speaker_minutes FROM agenda_template_segments WHERE template_id = ? ORDER BY position`,
      )
      .raw()
      .all(FORUM);
    expect(segments).toEqual([
      ['opening', 10, null],
      ['updates', 40, 5],
      ['follow_up', 10, null],
      ['issue_selection', 10, null],
      ['issue_processing', 45, null],
      ['wrap_up', 15, null],
    ]);
    expect(
      count(db, `SELECT count(*) AS n FROM agenda_template_segments WHERE template_id = '${EXPERIENCE}'`),
    ).toBe(6);
  });

  it('keeps the full-text index working for points of schema 1', async () => {
    const { db } = await migratedFromSchema1();
    expect(
      count(db, `SELECT count(*) AS n FROM contributions_fts WHERE contributions_fts MATCH 'hiring'`),
    ).toBe(1);
    db.exec(`UPDATE contributions SET deleted_at = 9, meeting_id = 'mt', phase = 'advise' WHERE id = 'c'`);
    expect(
      count(db, `SELECT count(*) AS n FROM contributions_fts WHERE contributions_fts MATCH 'hiring'`),
    ).toBe(0);
  });

  it('lets one segment, one phase and one turn run per meeting, and checks kinds, ratings and phases', async () => {
    const { db } = await migratedFromSchema1();
    db.exec(`
      INSERT INTO agenda_items (id, meeting_id, position, kind, title, minutes, situation_id, started_at, created_at, updated_at)
        VALUES ('i1', 'mt', 0, 'issue_processing', 'Issue', 45, 's', 10, 1, 1);
      INSERT INTO phase_runs (id, meeting_id, agenda_item_id, situation_id, phase, minutes, started_at)
        VALUES ('r1', 'mt', 'i1', 's', 'present', 5, 10);
      INSERT INTO speaking_turns (id, meeting_id, agenda_item_id, member_id, started_at) VALUES ('t1', 'mt', 'i1', 'ana', 10);
    `);
    const refused: [string, RegExp][] = [
      [
        `INSERT INTO agenda_items (id, meeting_id, position, kind, title, minutes, started_at, created_at, updated_at)
         VALUES ('i2', 'mt', 1, 'opening', 'Opening', 10, 11, 1, 1)`,
        /UNIQUE/,
      ],
      [
        `INSERT INTO phase_runs (id, meeting_id, agenda_item_id, situation_id, phase, minutes, started_at)
         VALUES ('r2', 'mt', 'i1', 's', 'clarify', 10, 11)`,
        /UNIQUE/,
      ],
      [
        `INSERT INTO speaking_turns (id, meeting_id, agenda_item_id, member_id, started_at) VALUES ('t2', 'mt', 'i1', 'chair', 11)`,
        /UNIQUE/,
      ],
      [
        `INSERT INTO agenda_items (id, meeting_id, position, kind, title, minutes, situation_id, created_at, updated_at)
         VALUES ('i3', 'mt', 1, 'opening', 'Opening', 10, 's', 1, 1)`,
        /CHECK/,
      ],
      [
        `INSERT INTO attendance (meeting_id, member_id, status, created_at, updated_at) VALUES ('mt', 'ana', 'asleep', 1, 1)`,
        /CHECK/,
      ],
      [
        `INSERT INTO wrapup_entries (meeting_id, member_id, rating, created_at, updated_at) VALUES ('mt', 'ana', 11, 1, 1)`,
        /CHECK/,
      ],
      [
        `INSERT INTO dot_votes (meeting_id, situation_id, member_id, dots, created_at) VALUES ('mt', 's', 'ghost', 1, 1)`,
        /FOREIGN KEY/,
      ],
      [`UPDATE contributions SET phase = 'debate' WHERE id = 'c'`, /CHECK/],
    ];
    for (const [sql, error] of refused) expect(() => db.exec(sql), sql).toThrow(error);
    // Once the first segment ends, another may start.
    db.exec(`UPDATE speaking_turns SET ended_at = 12; UPDATE phase_runs SET ended_at = 12;
             UPDATE agenda_items SET ended_at = 12 WHERE id = 'i1'`);
    expect(() =>
      db.exec(`INSERT INTO agenda_items (id, meeting_id, position, kind, title, minutes, started_at, created_at, updated_at)
               VALUES ('i2', 'mt', 1, 'wrap_up', 'Wrap-up', 15, 13, 1, 1)`),
    ).not.toThrow();
  });
});
