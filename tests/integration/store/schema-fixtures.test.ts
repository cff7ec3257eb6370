// Every schema version that has landed keeps a fixture archive (tests/fixtures/schema-N.db, made by
// make-schema-fixture.ts). Each one must open with today's openDatabase, reach the current version
// and keep every row, as Signal Desktop tests its migrations. The fixtures of schema 1 to 3 are
// plaintext, as those versions wrote them, and are encrypted on open; later ones are encrypted
// under the test key.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../../electron/ipc/router';
import { createHandlers } from '../../../electron/services';
import { createStore } from '../../../electron/store';
import { isPlaintextDatabase, openKeyed } from '../../../electron/store/cipher';
import type { ConversionReport } from '../../../electron/store/conversion';
import { openDatabase, type Db } from '../../../electron/store/database';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/store/migrations';
import type { SituationThread } from '../../../shared/domain';
import { TEST_KEY } from '../../harness/test-key';
import { tempDir } from '../backend-fixture';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const fixture = (version: number) => path.join(FIXTURES, `schema-${version}.db`);
const versions = Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1);
/** The per-version tests run for the fixtures there are; the first test fails for any missing one. */
const withFixture = versions.filter((version) => fs.existsSync(fixture(version)));

const dirs: string[] = [];
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A read-only connection to a fixture or a copy of one, plaintext or encrypted under the test key. */
function readOnly(file: string): Db {
  return isPlaintextDatabase(file)
    ? new Database(file, { readonly: true, fileMustExist: true })
    : openKeyed(file, TEST_KEY, { readonly: true, fileMustExist: true });
}

function copyOf(version: number): string {
  const dir = tempDir();
  dirs.push(dir);
  const file = path.join(dir, 'roundtable.db');
  fs.copyFileSync(fixture(version), file);
  fs.chmodSync(file, 0o600);
  return file;
}

/** Schema objects SQLite keeps (FTS5 shadow tables included), as [type, name, sql]. */
function schemaOf(db: Db): string[][] {
  return db
    .prepare(`SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
    .raw()
    .all() as string[][];
}

/** The fixture's plain tables (not full-text indexes) with their columns and rows, keyed by table. */
function rowsOf(db: Db): Map<string, { columns: string[]; rows: unknown[][] }> {
  const tables = db
    .prepare<[], string>(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT GLOB '*_fts_*' ORDER BY name`,
    )
    .pluck()
    .all();
  return new Map(
    tables.map((table) => {
      const columns = (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
      const rows = db
        .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY 1, 2`)
        .raw()
        .all() as unknown[][];
      return [table, { columns, rows }];
    }),
  );
}

describe('schema fixtures', () => {
  it('exist for every schema version that has landed, and stay small', () => {
    const missing = versions.filter((version) => !withFixture.includes(version));
    expect(
      missing.map(
        (v) =>
          `tests/fixtures/schema-${v}.db: add a seed for migration ${v}, then run npx tsx tests/fixtures/make-schema-fixture.ts ${v}`,
      ),
    ).toEqual([]);
    for (const version of withFixture) {
      // An encrypted archive's pages are 4 KiB, and each of its 78 tables and indexes needs one.
      const limit = isPlaintextDatabase(fixture(version)) ? 200 * 1024 : 400 * 1024;
      expect(fs.statSync(fixture(version)).size, `schema-${version}.db`).toBeLessThan(limit);
    }
  });

  it.each(withFixture)('schema-%i.db has exactly the schema its migrations build', async (version) => {
    const freshDir = tempDir();
    dirs.push(freshDir);
    const fresh = await openDatabase(path.join(freshDir, 'roundtable.db'), {
      key: TEST_KEY,
      migrations: MIGRATIONS.slice(0, version),
    });
    open.push(fresh);
    const db = readOnly(fixture(version));
    open.push(db);
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    // A difference means a migration was edited after its fixture was made: a fix is a new migration.
    expect(schemaOf(db)).toEqual(schemaOf(fresh));
  });

  it.each(withFixture)(
    'schema-%i.db upgrades to the current version with every row intact',
    async (version) => {
      const file = copyOf(version);
      const wasPlaintext = isPlaintextDatabase(file);
      const original = readOnly(file);
      const before = rowsOf(original);
      original.close();
      expect([...before.values()].some((t) => t.rows.length > 0)).toBe(true);

      const reports: ConversionReport[] = [];
      const db = await openDatabase(file, { key: TEST_KEY, onConverted: (report) => reports.push(report) });
      open.push(db);
      // A plaintext archive is encrypted on the way, and the chair is told; an encrypted one is not.
      expect(isPlaintextDatabase(file)).toBe(false);
      expect(reports.map((r) => r.archiveEncrypted)).toEqual(wasPlaintext ? [true] : []);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const after = rowsOf(db);
      for (const [table, { columns, rows }] of before) {
        const now = after.get(table);
        expect(now, `table ${table} still exists`).toBeDefined();
        const kept = db
          .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY 1, 2`)
          .raw()
          .all();
        expect(kept, `rows of ${table}`).toEqual(rows);
      }
    },
  );

  it.each(withFixture)('schema-%i.db answers through the router once upgraded', async (version) => {
    const db = await openDatabase(copyOf(version), { key: TEST_KEY });
    open.push(db);
    const route = createRouter(createHandlers({ store: createStore(db), emit: () => {} }));
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const envelope = await route(channel, input);
      if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.value as T;
    };

    const situations = await call<{ id: string; title: string }[]>('situation.list', {});
    expect(situations.map((s) => s.title)).toContain('How do you build teamwork across account teams?');
    expect(situations.map((s) => s.title)).not.toContain('Draft question withdrawn by the presenter');

    const teamwork = situations.find((s) => s.title.includes('teamwork'))!;
    const thread = await call<SituationThread>('situation.get', { id: teamwork.id });
    expect(thread.contributions.map((c) => c.body)).toContain(
      'Schedule meetings with the full account staff, not only the team leads.',
    );
    expect(thread.tags.map((t) => t.name)).toEqual(['teamwork']);
    // Schema 3's seed credits the teamwork situation; an older archive upgrades with no credit.
    expect(thread.situation.credit).toEqual(
      version >= 3 ? { name: 'Ana Ruiz', org: 'Ruiz Logistics', pronoun: 'her' } : null,
    );

    const found = await call<{ hits: { title: string }[] }>('archive.search', { query: 'earn-out' });
    expect(found.hits.map((h) => h.title)).toEqual([
      'Should I sell the company to a private-equity buyer now or wait two years?',
    ]);
    // New writes land on the upgraded archive.
    await call('contribution.add', {
      situationId: teamwork.id,
      authorId: thread.presenter.id,
      kind: 'observation',
      body: 'Six months later: the teams now share a pipeline review.',
    });
  });
});
