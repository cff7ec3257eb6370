// A damaged archive, found at start however it was damaged, is moved aside with every byte kept and
// leads to the choice: restore the newest sound backup, or start with an empty archive.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { damagedArchiveOf, type DamagedArchive } from '../../electron/backend/damaged-archive';
import { moveAside, openArchive } from '../../electron/backend/recovery';
import { listBackups, takeBackup } from '../../electron/store/backups';
import { openKeyed } from '../../electron/store/cipher';
import { TEST_KEY } from '../harness/test-key';
import { tempDir } from './backend-fixture';
import {
  filesOf,
  garbageWal,
  garbleHeader,
  garbleMiddlePages,
  garbleSalt,
  garbleWalPages,
  overwrite,
  garbage,
  sha256,
  truncate,
  withHotWal,
} from './damaged-archive-fixtures';
import {
  BACKED_UP_TITLE,
  archiveWithBackup,
  capture,
  keepForCleanup,
  refusal,
  removeTempDirs,
  titles,
} from './recovery-fixture';

afterEach(removeTempDirs);

const DAMAGE: [string, (dbFile: string) => void][] = [
  ['random bytes over the header', garbleHeader],
  ['random bytes over the salt that starts the encrypted file', garbleSalt],
  ['a file cut to half its pages', (f) => truncate(f, 0.5)],
  ['a file cut to its first two pages', (f) => truncate(f, 0)],
  ['garbage over the middle pages', garbleMiddlePages],
  ['a zero-length file that had been backed up', (f) => fs.truncateSync(f, 0)],
  ['a -wal of random bytes, with no WAL header', (f) => garbageWal(f)],
  [
    'a -wal whose header checksum is wrong',
    (f) => {
      withHotWal(f, (db) => db.exec(`UPDATE groups SET name = 'Renamed'`));
      overwrite(`${f}-wal`, 24, garbage(8, 5));
    },
  ],
  [
    'a hot -wal whose committed frames replay garbage pages',
    (f) => {
      withHotWal(f, (db) => db.exec(`UPDATE contributions SET body = body || ' (edited)'`));
      garbleWalPages(`${f}-wal`);
    },
  ],
];

describe('openArchive on a damaged archive', () => {
  it.each(DAMAGE)('%s: moves the files aside byte for byte and offers the backup', async (_how, damage) => {
    const { dir, dbFile, backup } = await archiveWithBackup();
    damage(dbFile);
    const originals = new Map(filesOf(dbFile).map((f) => [f, sha256(f)]));

    const error = await refusal(
      openArchive(dbFile, { key: TEST_KEY, now: () => Date.UTC(2025, 10, 22, 7, 23, 1, 123) }),
    );
    expect(error.code).toBe('CORRUPT');
    const damaged = damagedArchiveOf(error) as DamagedArchive;
    expect(damaged).toBeDefined();

    // Moved together, next to the archive, under one timestamped name; nothing left at the old names.
    const stem = `${dbFile}.corrupt-2025-11-22T07-23-01-123Z`;
    expect(damaged.keptIn).toBe(dir);
    expect(damaged.keptAs[0]).toBe(stem);
    for (const [file, hash] of originals) {
      const kept = stem + file.slice(dbFile.length);
      expect(damaged.keptAs).toContain(kept);
      expect(sha256(kept), `${path.basename(kept)} keeps its bytes`).toBe(hash);
    }
    for (const kept of damaged.keptAs) expect(fs.statSync(kept).mode & 0o777).toBe(0o600);
    expect(filesOf(dbFile)).toEqual([]);
    expect(error.message).toContain(dir);
    expect(error.message).toContain(path.basename(stem));

    expect(damaged.latestBackup).toEqual({ file: backup.file, takenAt: backup.takenAt });

    // Restore: the backup's archive opens, and the damaged files are still there, unchanged.
    const restored = await openArchive(dbFile, { key: TEST_KEY, restoreFrom: damaged.latestBackup!.file });
    expect(titles(restored)).toEqual([BACKED_UP_TITLE]);
    restored.close();
    for (const [file, hash] of originals) expect(sha256(stem + file.slice(dbFile.length))).toBe(hash);
  });

  it('starts with an empty archive when the chair chooses to, keeping the damaged files', async () => {
    const { dbFile } = await archiveWithBackup();
    garbleMiddlePages(dbFile);
    const before = sha256(dbFile);
    const damaged = damagedArchiveOf(await refusal(openArchive(dbFile, { key: TEST_KEY })))!;
    const fresh = await openArchive(dbFile, { key: TEST_KEY });
    expect(titles(fresh)).toEqual([]);
    fresh.close();
    expect(sha256(damaged.keptAs[0]!)).toBe(before);
    expect(listBackups(dbFile).length).toBeGreaterThan(0);
  });

  it('offers the newest backup that passes quick_check, skipping a damaged newer one', async () => {
    const { dbFile, backup } = await archiveWithBackup();
    const db = openKeyed(dbFile, TEST_KEY);
    const newer = await takeBackup(db, dbFile, { now: backup.takenAt + 60_000 });
    db.close();
    garbleMiddlePages(newer.file);
    garbleSalt(dbFile);
    const damaged = damagedArchiveOf(await refusal(openArchive(dbFile, { key: TEST_KEY })))!;
    expect(damaged.latestBackup?.file).toBe(backup.file);
    expect(fs.existsSync(newer.file)).toBe(true);
  });

  it('says there is no backup when none passes quick_check', async () => {
    const dir = tempDir();
    keepForCleanup(dir);
    const dbFile = path.join(dir, 'roundtable.db');
    const db = await openArchive(dbFile, { key: TEST_KEY });
    await capture(db, BACKED_UP_TITLE, 30);
    db.close();
    garbleMiddlePages(dbFile);
    const damaged = damagedArchiveOf(await refusal(openArchive(dbFile, { key: TEST_KEY })))!;
    expect(damaged.latestBackup).toBeNull();
  });

  it('refuses to restore a backup that fails quick_check, changing nothing', async () => {
    const { dbFile, backup } = await archiveWithBackup();
    garbleSalt(dbFile);
    await refusal(openArchive(dbFile, { key: TEST_KEY }));
    garbleMiddlePages(backup.file);
    const hash = sha256(backup.file);
    const error = await refusal(openArchive(dbFile, { key: TEST_KEY, restoreFrom: backup.file }));
    expect(error.code).toBe('CORRUPT');
    expect(damagedArchiveOf(error)).toBeUndefined();
    expect(filesOf(dbFile)).toEqual([]);
    expect(sha256(backup.file)).toBe(hash);
  });
});

describe('openArchive on a sound archive', () => {
  it('replays a hot -wal left by a crash, and offers no recovery', async () => {
    const { dbFile } = await archiveWithBackup();
    withHotWal(dbFile, (db) => db.exec(`UPDATE groups SET name = 'Austin CEO Forum II'`));
    const db = await openArchive(dbFile, { key: TEST_KEY });
    expect(db.prepare('SELECT name FROM groups').pluck().get()).toBe('Austin CEO Forum II');
    db.close();
  });

  it('keeps a zero-length file that was never backed up aside and says so, rather than silently starting anew', async () => {
    const dir = tempDir();
    keepForCleanup(dir);
    const dbFile = path.join(dir, 'roundtable.db');
    fs.writeFileSync(dbFile, '', { mode: 0o600 });
    const damaged = damagedArchiveOf(await refusal(openArchive(dbFile, { key: TEST_KEY })));
    expect(damaged?.finding).toMatch(/empty \(0 bytes\)/);
    expect(damaged?.latestBackup).toBeNull();
    expect(fs.existsSync(dbFile)).toBe(false);
    expect(damaged?.keptAs.map((f) => fs.statSync(f).size)).toEqual([0]);
    // "Start with an empty archive" then opens a new one.
    const db = await openArchive(dbFile, { key: TEST_KEY });
    expect(titles(db)).toEqual([]);
    db.close();
  });

  it('does not take an unreadable file for a damaged one', async () => {
    const { dbFile } = await archiveWithBackup();
    fs.rmSync(dbFile);
    fs.mkdirSync(dbFile);
    const error: unknown = await openArchive(dbFile, { key: TEST_KEY }).catch((e: unknown) => e);
    expect(damagedArchiveOf(error)).toBeUndefined();
    expect(fs.statSync(dbFile).isDirectory()).toBe(true);
  });
});

describe('moveAside', () => {
  it('never overwrites files kept aside earlier at the same moment', () => {
    const dir = tempDir();
    keepForCleanup(dir);
    const dbFile = path.join(dir, 'roundtable.db');
    const at = Date.UTC(2025, 0, 1);
    fs.writeFileSync(dbFile, 'first');
    const first = moveAside(dbFile, at);
    fs.writeFileSync(dbFile, 'second');
    fs.writeFileSync(`${dbFile}-wal`, 'second wal');
    const second = moveAside(dbFile, at);
    expect(first).toEqual([`${dbFile}.corrupt-2025-01-01T00-00-00-000Z`]);
    expect(second).toEqual([
      `${dbFile}.corrupt-2025-01-01T00-00-00-000Z-1`,
      `${dbFile}.corrupt-2025-01-01T00-00-00-000Z-1-wal`,
    ]);
    expect(fs.readFileSync(first[0]!, 'utf8')).toBe('first');
    expect(fs.readFileSync(second[1]!, 'utf8')).toBe('second wal');
  });
});
