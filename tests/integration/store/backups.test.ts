// Rolling backups: VACUUM INTO backups/, encrypted with the archive's key, private files, newest
// first, the last ten kept, restored only when sound.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DAY_MS,
  backupDir,
  backupIfDue,
  listBackups,
  restoreBackup,
  takeBackup,
} from '../../../electron/store/backups';
import { isPlaintextDatabase, keyOpensFile, newArchiveKey, openKeyed } from '../../../electron/store/cipher';
import { openDatabase, type Db } from '../../../electron/store/database';
import { TEST_KEY } from '../../harness/test-key';
import { tempDir } from '../backend-fixture';
import { garbleMiddlePages, sha256 } from '../damaged-archive-fixtures';

const dirs: string[] = [];
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function archive(groups = 1) {
  const dir = tempDir();
  dirs.push(dir);
  const file = path.join(dir, 'roundtable.db');
  const db = await openDatabase(file, { key: TEST_KEY });
  open.push(db);
  const insert = db.prepare(`INSERT INTO groups (id, name, created_at, updated_at) VALUES (?, ?, 1, 1)`);
  for (let i = 0; i < groups; i++) insert.run(`g${i}`, `Forum ${i} ${'x'.repeat(500)}`);
  return { dir, file, db };
}

const T0 = Date.UTC(2025, 10, 1, 9);

describe('takeBackup', () => {
  it('writes a private, single-file copy into backups/ next to the archive', async () => {
    const { dir, file, db } = await archive(50);
    const backup = await takeBackup(db, file, { now: T0 });
    expect(path.dirname(backup.file)).toBe(path.join(dir, 'backups'));
    expect(backup).toMatchObject({ kind: 'rolling', takenAt: T0 });
    expect(fs.statSync(backup.file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(backupDir(file)).mode & 0o777).toBe(0o700);
    // Encrypted with the archive's key, as the archive itself is.
    expect(isPlaintextDatabase(backup.file)).toBe(false);
    expect(keyOpensFile(backup.file, TEST_KEY)).toBe(true);
    const copy = openKeyed(backup.file, TEST_KEY, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare('SELECT count(*) FROM groups').pluck().get()).toBe(50);
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    copy.close();
    // Reading it left nothing beside it, and no partial file remains.
    expect(fs.readdirSync(backupDir(file))).toEqual([path.basename(backup.file)]);
  });

  it('stays private under a permissive umask', async () => {
    const previous = process.umask(0o000);
    try {
      const { file, db } = await archive();
      const backup = await takeBackup(db, file, { now: T0 });
      expect(fs.statSync(backup.file).mode & 0o777).toBe(0o600);
      for (const suffix of ['', '-wal', '-shm']) expect(fs.statSync(file + suffix).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });

  it('lists backups newest first, ignoring files that are not backups', async () => {
    const { file, db } = await archive();
    await takeBackup(db, file, { now: T0 });
    await takeBackup(db, file, { now: T0 + 2000 });
    await takeBackup(db, file, { now: T0 + 1000, label: 'schema1' });
    fs.writeFileSync(path.join(backupDir(file), 'notes.txt'), 'mine');
    fs.writeFileSync(path.join(backupDir(file), `roundtable-backup-${T0 + 5000}.db.partial`), '');
    expect(listBackups(file).map((b) => [b.kind, b.takenAt])).toEqual([
      ['rolling', T0 + 2000],
      ['before-migration', T0 + 1000],
      ['rolling', T0],
    ]);
  });

  it('keeps the ten newest rolling backups and every backup taken before a migration', async () => {
    const { file, db } = await archive();
    await takeBackup(db, file, { now: T0 - 1, label: 'schema1' });
    for (let i = 0; i < 13; i++) await takeBackup(db, file, { now: T0 + i * 1000 });
    const kept = listBackups(file);
    expect(kept.filter((b) => b.kind === 'rolling').map((b) => b.takenAt)).toEqual(
      Array.from({ length: 10 }, (_, i) => T0 + (12 - i) * 1000),
    );
    expect(kept.filter((b) => b.kind === 'before-migration')).toHaveLength(1);
  });

  it('never overwrites a backup taken in the same millisecond', async () => {
    const { file, db } = await archive();
    const a = await takeBackup(db, file, { now: T0 });
    const b = await takeBackup(db, file, { now: T0 });
    expect(a.file).not.toBe(b.file);
    expect(listBackups(file)).toHaveLength(2);
  });
});

describe('backupIfDue', () => {
  it('backs up when there is no backup, or the newest is a day old', async () => {
    const { file, db } = await archive();
    expect(await backupIfDue(db, file, { now: T0 })).toMatchObject({ takenAt: T0 });
    expect(await backupIfDue(db, file, { now: T0 + DAY_MS - 1 })).toBeUndefined();
    expect(await backupIfDue(db, file, { now: T0 + DAY_MS })).toMatchObject({ takenAt: T0 + DAY_MS });
    expect(listBackups(file)).toHaveLength(2);
  });
});

describe('restoreBackup', () => {
  it('puts a verified, private copy in place of archive files that were moved aside', async () => {
    const { file, db } = await archive(3);
    const backup = await takeBackup(db, file, { now: T0 });
    db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    const before = sha256(backup.file);
    restoreBackup(backup.file, file, TEST_KEY);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(sha256(backup.file)).toBe(before);
    const restored = await openDatabase(file, { key: TEST_KEY });
    open.push(restored);
    expect(restored.prepare('SELECT count(*) FROM groups').pluck().get()).toBe(3);
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.includes('restoring'))).toEqual([]);
  });

  it('refuses while the archive or its -wal is still in place', async () => {
    const { file, db } = await archive();
    const backup = await takeBackup(db, file, { now: T0 });
    db.close();
    const before = sha256(file);
    expect(() => restoreBackup(backup.file, file, TEST_KEY)).toThrow(/move the archive's files aside/);
    expect(sha256(file)).toBe(before);
    fs.rmSync(file);
    fs.writeFileSync(`${file}-wal`, 'stale');
    expect(() => restoreBackup(backup.file, file, TEST_KEY)).toThrow(/aside/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses a backup that fails quick_check, leaving no archive behind', async () => {
    const { file, db } = await archive(80);
    const backup = await takeBackup(db, file, { now: T0 });
    db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    garbleMiddlePages(backup.file);
    expect(() => restoreBackup(backup.file, file, TEST_KEY)).toThrow();
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.startsWith('roundtable.db'))).toEqual([]);
  });

  it('refuses a backup under another key, leaving no archive behind and the backup as it was', async () => {
    const { file, db } = await archive(3);
    const backup = await takeBackup(db, file, { now: T0 });
    db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    const hash = sha256(backup.file);
    expect(() => restoreBackup(backup.file, file, newArchiveKey())).toThrow();
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.startsWith('roundtable.db'))).toEqual([]);
    expect(sha256(backup.file)).toBe(hash);
  });
});
