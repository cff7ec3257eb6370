// The archive encrypted at rest: what a chair writes is in no byte of any file Roundtable keeps (the
// archive, its -wal and -shm, its backups, files kept aside), a wrong key is refused with nothing
// touched, and an archive an earlier version wrote in plaintext is encrypted on open with every row
// kept, its plaintext backups with it, even when the process is killed at any step of it.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, setAside } from '../../electron/backend/recovery';
import { createRouter } from '../../electron/ipc/router';
import { createHandlers } from '../../electron/services';
import { createStore } from '../../electron/store';
import { listBackups, takeBackup, verifyBackup } from '../../electron/store/backups';
import {
  isPlaintextDatabase,
  keyOpensFile,
  newArchiveKey,
  openKeyed,
  type ArchiveKey,
} from '../../electron/store/cipher';
import { CONVERSION_STEPS, plaintextCopies, type ConversionReport } from '../../electron/store/conversion';
import { openDatabase, type Db } from '../../electron/store/database';
import { SCHEMA_VERSION } from '../../electron/store/migrations';
import { AppError } from '../../shared/errors';
import { decryptedPages, decryptedWalFrames } from '../harness/decrypted-pages';
import { TEST_KEY, TEST_KEY_HEX } from '../harness/test-key';
import { tempDir } from './backend-fixture';
import { sha256 } from './damaged-archive-fixtures';
import { refusal } from './recovery-fixture';

const root = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(root, 'tests/fixtures/schema-3.db');

const dirs: string[] = [];
const open: Db[] = [];
function folder(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Every file under `dir`, its subfolders included. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** A word found nowhere else, with a letter outside ASCII so its UTF-8 and UTF-16 forms all differ. */
function uniqueToken(): string {
  return `zqx${crypto.randomBytes(9).toString('hex')}ñ`;
}

/** The token as SQLite could store it: UTF-8, UTF-16LE or UTF-16BE. */
function encodings(token: string): Buffer[] {
  const le = Buffer.from(token, 'utf16le');
  return [Buffer.from(token, 'utf8'), le, Buffer.from(le).swap16()];
}

/** [file, token] for every token any file under `dir` holds in the clear, in any encoding. */
function tokensInTheClear(dir: string, tokens: string[]): string[][] {
  const found: string[][] = [];
  for (const file of filesUnder(dir)) {
    const bytes = fs.readFileSync(file);
    for (const token of tokens) {
      if (encodings(token).some((form) => bytes.includes(form)))
        found.push([path.relative(dir, file), token]);
    }
  }
  return found;
}

/** Writes a group, a member, a situation and a point through the router, each carrying tokens. */
async function captureTokens(db: Db): Promise<string[]> {
  const route = createRouter(createHandlers({ store: createStore(db), emit: () => undefined }));
  const call = async (channel: string, input: unknown) => {
    const envelope = await route(channel, input);
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.value as { id: string };
  };
  const tokens = Array.from({ length: 5 }, uniqueToken);
  const group = await call('group.create', { name: `Forum ${tokens[0]}` });
  const member = await call('member.create', {
    groupId: group.id,
    name: `Ana ${tokens[1]}`,
    company: 'Ruiz Logistics',
  });
  const situation = await call('situation.create', {
    groupId: group.id,
    presenterId: member.id,
    title: `Should I tell the board about ${tokens[2]}?`,
    background: `The auditors arrive in March; ${tokens[3]} is in every ledger.`,
  });
  await call('contribution.add', {
    situationId: situation.id,
    authorId: member.id,
    kind: 'advice',
    body: `Tell them now: ${tokens[4]} will come out anyway.`,
  });
  return tokens;
}

/** Leaves the archive as a crash would: its -wal still holding the frames the close would checkpoint. */
function closeAsACrashWould(db: Db, file: string): void {
  const main = fs.readFileSync(file);
  const wal = fs.readFileSync(`${file}-wal`);
  db.close();
  fs.writeFileSync(file, main);
  fs.writeFileSync(`${file}-wal`, wal);
  fs.rmSync(`${file}-shm`, { force: true });
}

/**
 * Every row of every table the archive has (the full-text indexes' shadow tables included, but not
 * their configuration, which migration 4 changes), with its rowid, in rowid order; tables without a
 * rowid in the order of their columns.
 */
function rowsOf(db: Db): Record<string, unknown[][]> {
  const tables = db
    .prepare<[], { name: string; wr: number }>(
      `SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'shadow')
       AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%\\_config' ESCAPE '\\' ORDER BY name`,
    )
    .all();
  return Object.fromEntries(
    tables.map(({ name, wr }) => {
      const columns = (db.pragma(`table_info("${name}")`) as unknown[]).length;
      const order = wr ? Array.from({ length: columns }, (_, i) => i + 1).join(', ') : 'rowid';
      const select = wr ? '*' : 'rowid, *';
      return [
        name,
        db.prepare(`SELECT ${select} FROM "${name}" ORDER BY ${order}`).raw().all() as unknown[][],
      ];
    }),
  );
}

/**
 * The rows as migration 4 leaves them comparable: it writes each full-text index's configuration,
 * and FTS5 counts such writes in a cookie, the first 4 bytes of the index's structure record
 * (rowid 10 of its _data table). That cookie is zeroed; every other byte is compared.
 */
function pastMigration4(rows: Record<string, unknown[][]>): Record<string, unknown[][]> {
  return Object.fromEntries(
    Object.entries(rows).map(([table, tableRows]) => [
      table,
      /_fts_data$/.test(table)
        ? tableRows.map(([rowid, id, block]) =>
            rowid === 10 && Buffer.isBuffer(block)
              ? [rowid, id, Buffer.concat([Buffer.alloc(4), block.subarray(4)])]
              : [rowid, id, block],
          )
        : tableRows,
    ]),
  );
}

/**
 * Rows cut to the columns the fixture has: a later migration's ADD COLUMN (migration 5's among them)
 * appends its columns after them, holding their defaults for rows that were there.
 */
function fixtureWide(rows: unknown[][] | undefined, like: unknown[][]): unknown[][] | undefined {
  const width = like[0]?.length;
  return width === undefined ? rows : rows?.map((row) => row.slice(0, width));
}

function plaintextRows(file: string): Record<string, unknown[][]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return rowsOf(db);
  } finally {
    db.close();
  }
}

function encryptedRows(file: string, key: ArchiveKey = TEST_KEY): Record<string, unknown[][]> {
  const db = openKeyed(file, key, { readonly: true, fileMustExist: true });
  try {
    return rowsOf(db);
  } finally {
    db.close();
  }
}

const FIXTURE_ROWS = plaintextRows(FIXTURE);
const FIXTURE_SHA = sha256(FIXTURE);

/** A copy of schema-3.db as `roundtable.db` in a fresh folder, as an earlier version left it. */
function plaintextArchive(): { dir: string; file: string } {
  const dir = folder();
  const file = path.join(dir, 'roundtable.db');
  fs.copyFileSync(FIXTURE, file);
  fs.chmodSync(file, 0o600);
  return { dir, file };
}

/** A backup an earlier version took (plaintext), named as listBackups expects. */
function plaintextBackup(file: string, takenAt: number, bytes: Buffer = fs.readFileSync(FIXTURE)): string {
  const backups = path.join(path.dirname(file), 'backups');
  fs.mkdirSync(backups, { recursive: true, mode: 0o700 });
  const backup = path.join(backups, `roundtable-backup-${takenAt}.db`);
  fs.writeFileSync(backup, bytes, { mode: 0o600 });
  return backup;
}

describe('what a chair writes, on disk', () => {
  it('is in no byte of the archive, its -wal and -shm, its backups or the files kept aside', async () => {
    const dir = folder();
    const file = path.join(dir, 'roundtable.db');
    const db = await openDatabase(file, { key: TEST_KEY });
    open.push(db);
    db.pragma('wal_autocheckpoint = 0');
    const tokens = await captureTokens(db);

    // 1. Open, with the writes in the -wal: the log holds them (decrypted), and no file in the clear.
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const frames = decryptedWalFrames(`${file}-wal`, TEST_KEY);
    for (const token of tokens) expect(frames.includes(token), `${token} in the -wal's frames`).toBe(true);
    expect(filesUnder(dir).map((f) => path.relative(dir, f))).toEqual([
      'roundtable.db',
      'roundtable.db-shm',
      'roundtable.db-wal',
    ]);
    expect(tokensInTheClear(dir, tokens)).toEqual([]);
    expect(isPlaintextDatabase(file)).toBe(false);

    // 2. After a backup: the backup holds them (decrypted), and still no file in the clear.
    const backup = await takeBackup(db, file, { now: Date.UTC(2025, 10, 20, 18) });
    const inBackup = decryptedPages(backup.file, TEST_KEY);
    for (const token of tokens) expect(inBackup.includes(token), `${token} in the backup`).toBe(true);
    expect(isPlaintextDatabase(backup.file)).toBe(false);
    expect(keyOpensFile(backup.file, TEST_KEY)).toBe(true);
    expect(tokensInTheClear(dir, tokens)).toEqual([]);

    // 3. After a checkpoint, in the main file.
    db.pragma('wal_checkpoint(TRUNCATE)');
    const inMain = decryptedPages(file, TEST_KEY);
    for (const token of tokens) expect(inMain.includes(token), `${token} in the archive`).toBe(true);
    expect(tokensInTheClear(dir, tokens)).toEqual([]);

    // 4. More writes, cut off by a crash, and the files set aside as damaged files are.
    const later = await captureTokens(db);
    closeAsACrashWould(db, file);
    const damaged = setAside(file, {
      key: TEST_KEY,
      reason: 'corrupt',
      finding: 'SQLite found damage in it.',
      now: Date.UTC(2025, 10, 22, 7),
    });
    expect(damaged).toBeInstanceOf(AppError);
    const kept = filesUnder(dir).filter((f) => path.basename(f).startsWith('roundtable.db.corrupt-'));
    expect(kept.map((f) => path.basename(f))).toEqual([
      'roundtable.db.corrupt-2025-11-22T07-00-00-000Z',
      'roundtable.db.corrupt-2025-11-22T07-00-00-000Z-wal',
    ]);
    const [keptDb, keptWal] = kept as [string, string];
    const keptFrames = decryptedWalFrames(keptWal, TEST_KEY);
    for (const token of later) expect(keptFrames.includes(token), `${token} in the kept -wal`).toBe(true);
    expect(isPlaintextDatabase(keptDb)).toBe(false);
    expect(tokensInTheClear(dir, [...tokens, ...later])).toEqual([]);
    for (const backupFile of listBackups(file).map((b) => b.file)) {
      expect(isPlaintextDatabase(backupFile)).toBe(false);
    }
  });
});

describe('a wrong key', () => {
  async function crashedArchive() {
    const dir = folder();
    const file = path.join(dir, 'roundtable.db');
    const db = await openDatabase(file, { key: TEST_KEY });
    db.pragma('wal_autocheckpoint = 0');
    await captureTokens(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    await captureTokens(db);
    closeAsACrashWould(db, file);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    return { dir, file };
  }

  const stateOf = (dir: string) =>
    filesUnder(dir).map((f) => [path.relative(dir, f), sha256(f), fs.statSync(f).mode]);

  it.each([
    ['openDatabase', (file: string, key: ArchiveKey) => openDatabase(file, { key })],
    ['openArchive, as the worker opens it', (file: string, key: ArchiveKey) => openArchive(file, { key })],
  ])('is refused by %s with WRONG_KEY, the files byte for byte as they were', async (_how, openWith) => {
    const { dir, file } = await crashedArchive();
    const before = stateOf(dir);
    const error = await refusal(openWith(file, newArchiveKey()));
    expect(error.code).toBe('WRONG_KEY');
    // Nothing moved aside, nothing created beside the archive, not a byte of the -wal replayed.
    expect(stateOf(dir)).toEqual(before);
    // The right key still opens it, with what the -wal held.
    const db = await openDatabase(file, { key: TEST_KEY });
    open.push(db);
    expect(db.prepare('SELECT count(*) FROM groups').pluck().get()).toBe(2);
  });
});

describe('an archive an earlier version wrote in plaintext', () => {
  it('is encrypted on open with every row kept, its plaintext kept aside, and its backups encrypted', async () => {
    const { dir, file } = plaintextArchive();
    const goodBackup = plaintextBackup(file, 1700000000000);
    const fixture = fs.readFileSync(FIXTURE);
    const damagedBackup = plaintextBackup(file, 1700000001000, fixture.subarray(0, 10 * 1024 + 100));
    expect(isPlaintextDatabase(damagedBackup)).toBe(true);

    const reports: ConversionReport[] = [];
    const db = await openDatabase(file, { key: TEST_KEY, onConverted: (report) => reports.push(report) });
    open.push(db);

    // The archive: encrypted, at the newest schema, with every row it had.
    expect(isPlaintextDatabase(file)).toBe(false);
    expect(keyOpensFile(file, TEST_KEY)).toBe(true);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = pastMigration4(rowsOf(db));
    for (const [table, fixtureRows] of Object.entries(pastMigration4(FIXTURE_ROWS))) {
      expect(fixtureWide(rows[table], fixtureRows), `rows of ${table}`).toEqual(fixtureRows);
    }
    expect(Object.values(FIXTURE_ROWS).some((r) => r.length > 0)).toBe(true);

    // The plaintext as it was, under a second name, until the chair confirms.
    const copies = plaintextCopies(file);
    expect(copies).toHaveLength(1);
    const [copy] = copies as [string];
    expect(path.basename(copy)).toMatch(/^roundtable\.db\.plaintext-/);
    expect(isPlaintextDatabase(copy)).toBe(true);
    expect(sha256(copy)).toBe(FIXTURE_SHA);
    expect(plaintextRows(copy)).toEqual(FIXTURE_ROWS);

    expect(reports).toEqual([
      {
        archiveEncrypted: true,
        plaintextCopy: path.basename(copy),
        backupsEncrypted: 1,
        backupsRemoved: 1,
        plaintextAside: [],
      },
    ]);

    // The sound plaintext backup is encrypted and verifies under the key, with the same rows; the
    // damaged one is gone. The backup taken before migrating is encrypted too.
    expect(isPlaintextDatabase(goodBackup)).toBe(false);
    expect(verifyBackup(goodBackup, TEST_KEY)).toEqual({ schemaVersion: 3 });
    expect(encryptedRows(goodBackup)).toEqual(FIXTURE_ROWS);
    expect(fs.existsSync(damagedBackup)).toBe(false);
    const backups = listBackups(file);
    expect(backups.map((b) => b.kind).sort()).toEqual(['before-migration', 'rolling']);
    for (const backup of backups) {
      expect(isPlaintextDatabase(backup.file), path.basename(backup.file)).toBe(false);
      expect(verifyBackup(backup.file, TEST_KEY)).toEqual({ schemaVersion: 3 });
    }
    // No work file is left behind.
    expect(filesUnder(dir).filter((f) => /\.(encrypting|restoring|partial)/.test(f))).toEqual([]);
  });
});

describe('encrypting a plaintext archive, killed with SIGKILL', () => {
  let bundleDir: string;
  let bundle: string;

  beforeAll(async () => {
    // The child runs the store as the app does, bundled by Vite (the migrations are bundled as text).
    bundleDir = tempDir();
    const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
    await build({
      configFile: false,
      root,
      logLevel: 'silent',
      publicDir: false,
      build: {
        outDir: bundleDir,
        emptyOutDir: false,
        target: 'node22',
        minify: false,
        ssr: true,
        rollupOptions: {
          input: { 'convert-and-die': path.join(root, 'tests/integration/processes/convert-and-die.ts') },
          external: ['better-sqlite3-multiple-ciphers', ...nodeBuiltins],
          output: { format: 'cjs', entryFileNames: '[name].cjs' },
        },
      },
      ssr: { noExternal: true },
    });
    bundle = path.join(bundleDir, 'convert-and-die.cjs');
  }, 60_000);
  afterAll(() => fs.rmSync(bundleDir, { recursive: true, force: true }));

  it.each(CONVERSION_STEPS)(
    'after "%s": the archive is whole, plaintext or encrypted, and the next open finishes the work',
    async (step) => {
      const { dir, file } = plaintextArchive();
      const backup = plaintextBackup(file, 1700000000000);
      const child = spawnSync(process.execPath, [bundle, file, TEST_KEY_HEX, step], {
        encoding: 'utf8',
        // The bundle sits outside the project: SQLite is found in its node_modules.
        env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
        timeout: 60_000,
      });
      expect(child.stderr).toBe('');
      expect(child.signal).toBe('SIGKILL');

      // At the kill: roundtable.db is one whole archive, never missing and never half: the plaintext
      // untouched until the encrypted copy takes its name, then the encrypted copy.
      expect(fs.existsSync(file)).toBe(true);
      const swapped = CONVERSION_STEPS.indexOf(step) >= CONVERSION_STEPS.indexOf('swapped');
      expect(isPlaintextDatabase(file)).toBe(!swapped);
      if (swapped) expect(encryptedRows(file)).toEqual(FIXTURE_ROWS);
      else expect(sha256(file)).toBe(FIXTURE_SHA);

      // The next start opens it, encrypted, with every row, and leaves no work file behind.
      const reports: ConversionReport[] = [];
      const db = await openDatabase(file, { key: TEST_KEY, onConverted: (report) => reports.push(report) });
      open.push(db);
      expect(isPlaintextDatabase(file)).toBe(false);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = pastMigration4(rowsOf(db));
      for (const [table, fixtureRows] of Object.entries(pastMigration4(FIXTURE_ROWS))) {
        expect(fixtureWide(rows[table], fixtureRows), `rows of ${table}`).toEqual(fixtureRows);
      }
      expect(filesUnder(dir).filter((f) => f.includes('.encrypting'))).toEqual([]);
      // One plaintext copy, the archive as it was; the backup the earlier version took, encrypted.
      const copies = plaintextCopies(file);
      expect(copies).toHaveLength(1);
      expect(sha256(copies[0]!)).toBe(FIXTURE_SHA);
      expect(reports.at(-1)?.plaintextCopy).toBe(path.basename(copies[0]!));
      expect(isPlaintextDatabase(backup)).toBe(false);
      expect(encryptedRows(backup)).toEqual(FIXTURE_ROWS);
    },
    60_000,
  );
});
