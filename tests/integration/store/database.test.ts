// openDatabase: private files, pragmas, refusal of newer and damaged archives, backups before migrating.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { openKeyed } from '../../../electron/store/cipher';
import { openDatabase } from '../../../electron/store/database';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/store/migrations';
import { TEST_KEY } from '../../harness/test-key';
import { tempDir } from '../backend-fixture';

const dirs: string[] = [];
function freshPath(): string {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, 'roundtable.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('openDatabase', () => {
  it('creates the file private to its owner and sets every pragma', async () => {
    const file = freshPath();
    const db = await openDatabase(file, { key: TEST_KEY });
    try {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('secure_delete', { simple: true })).toBe(1);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      db.prepare(`INSERT INTO groups (id, name, created_at, updated_at) VALUES ('g', 'G', 1, 1)`).run();
      for (const suffix of ['-wal', '-shm']) expect(fs.statSync(file + suffix).mode & 0o777).toBe(0o600);
    } finally {
      db.close();
    }
  });

  it('makes every table STRICT', async () => {
    const db = await openDatabase(freshPath(), { key: TEST_KEY });
    const tables = db
      .prepare<[], { name: string; strict: number }>(
        `SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
         AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'`,
      )
      .all();
    db.close();
    expect(tables.length).toBeGreaterThanOrEqual(9);
    expect(tables.filter((t) => t.strict !== 1)).toEqual([]);
  });

  it('refuses a database from a newer Roundtable with TOO_NEW and leaves its bytes unchanged', async () => {
    const file = freshPath();
    const future = openKeyed(file, TEST_KEY);
    future.exec(`CREATE TABLE from_the_future (x INTEGER); INSERT INTO from_the_future VALUES (1);`);
    future.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    future.close();
    const before = sha256(file);
    const error = await refusal(openDatabase(file, { key: TEST_KEY }));
    expect(error.code).toBe('TOO_NEW');
    expect(error.message).toMatch(/newer version of Roundtable.*Update Roundtable.*not been changed/);
    expect(sha256(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('leaves no -wal or -shm beside a refused WAL-mode database from a newer Roundtable', async () => {
    const file = freshPath();
    const future = openKeyed(file, TEST_KEY);
    future.pragma('journal_mode = WAL');
    future.exec(`CREATE TABLE from_the_future (x INTEGER); INSERT INTO from_the_future VALUES (1);`);
    future.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    future.close();
    const before = sha256(file);
    const error = await refusal(openDatabase(file, { key: TEST_KEY }));
    expect(error.code).toBe('TOO_NEW');
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });

  it('refuses a file of random bytes with WRONG_KEY and leaves it in place', async () => {
    // Random bytes cannot be told from an archive encrypted under another key: no key opens them,
    // and a wrong key never has the file treated as damaged.
    const file = freshPath();
    fs.writeFileSync(file, crypto.randomBytes(8192));
    const before = sha256(file);
    const error = await refusal(openDatabase(file, { key: TEST_KEY }));
    expect(error.code).toBe('WRONG_KEY');
    expect(error.message).not.toContain(path.dirname(file));
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });

  it('refuses a file that starts like a database but is not one with CORRUPT and leaves it in place', async () => {
    const file = freshPath();
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), crypto.randomBytes(8176)]),
    );
    const before = sha256(file);
    const error = await refusal(openDatabase(file, { key: TEST_KEY }));
    expect(error.code).toBe('CORRUPT');
    expect(error.message).not.toContain(path.dirname(file));
    expect(sha256(file)).toBe(before);
  });

  it('backs up the database before migrating it, and keeps the rows', async () => {
    const file = freshPath();
    const v1 = await openDatabase(file, { key: TEST_KEY, migrations: MIGRATIONS.slice(0, 1) });
    v1.prepare(`INSERT INTO groups (id, name, created_at, updated_at) VALUES ('g1', 'Forum', 1, 1)`).run();
    v1.close();

    const next = {
      version: 2,
      name: 'test_add_notes',
      sql: `ALTER TABLE groups ADD COLUMN notes TEXT NOT NULL DEFAULT ''`,
    };
    const db = await openDatabase(file, { key: TEST_KEY, migrations: [MIGRATIONS[0]!, next] });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare(`SELECT name, notes FROM groups`).all()).toEqual([{ name: 'Forum', notes: '' }]);
    db.close();

    const backups = fs.readdirSync(path.join(path.dirname(file), 'backups'));
    expect(backups).toHaveLength(1);
    const backupFile = path.join(path.dirname(file), 'backups', backups[0]!);
    expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
    const backup = openKeyed(backupFile, TEST_KEY, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare(`SELECT name FROM groups`).all()).toEqual([{ name: 'Forum' }]);
    backup.close();
  });

  it('rolls a failing migration back whole, leaving the previous version', async () => {
    const file = freshPath();
    (await openDatabase(file, { key: TEST_KEY, migrations: MIGRATIONS.slice(0, 1) })).close();
    const broken = {
      version: 2,
      name: 'broken',
      sql: `CREATE TABLE half_done (x INTEGER); SELECT * FROM no_such_table;`,
    };
    await expect(
      openDatabase(file, { key: TEST_KEY, migrations: [MIGRATIONS[0]!, broken] }),
    ).rejects.toThrow();
    const db = openKeyed(file, TEST_KEY, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE name = 'half_done'`).get()).toBeUndefined();
    db.close();
  });
});
