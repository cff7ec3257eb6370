// Faults of the files and disks under the archive, injected for real: another archive's -wal left
// beside it, backups from a newer Roundtable, a full disk (a small tmpfs), a read-only mount, and
// bytes flipped while the archive is open. Each is named with its own code and sentence, and none
// loses anything already saved.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { damagedArchiveOf } from '../../electron/backend/damaged-archive';
import { startBackend, type Backend } from '../../electron/backend/host';
import { openArchive } from '../../electron/backend/recovery';
import { latestGoodBackup, listBackups } from '../../electron/store/backups';
import { newArchiveKey, openKeyed, type ArchiveKey } from '../../electron/store/cipher';
import { openDatabase } from '../../electron/store/database';
import { DISK_FULL_MESSAGE } from '../../electron/store/faults';
import { SCHEMA_VERSION } from '../../electron/store/migrations';
import { AppError } from '../../shared/errors';
import { TEST_KEY, TEST_KEY_HEX } from '../harness/test-key';
import { tempDir } from './backend-fixture';
import { garbleMiddlePages, sha256 } from './damaged-archive-fixtures';
import {
  BACKED_UP_TITLE,
  archiveWithBackup,
  capture,
  keepForCleanup,
  refusal,
  removeTempDirs,
  titles,
} from './recovery-fixture';

const WORKER = path.resolve('dist/electron/backend-worker.cjs');
const mounts: string[] = [];
let backend: Backend | undefined;

beforeAll(() => {
  if (!fs.existsSync(WORKER)) throw new Error('Build the worker first: npm run build');
});
afterEach(async () => {
  await backend?.close();
  backend = undefined;
  for (const dir of mounts.splice(0)) execFileSync('umount', [dir]);
  removeTempDirs();
});

/** Whether this machine lets the tests mount a tmpfs (root in a sandbox that allows it: CI does). */
const canMount = (() => {
  const dir = fs.mkdtempSync(path.join(tempDir(), 'probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir]);
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  }
})();

function mountTmpfs(size: string): string {
  const dir = tempDir();
  keepForCleanup(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

async function value(channel: string, input: unknown): Promise<{ id: string }> {
  const envelope = await backend?.invoke(channel, input);
  if (!envelope?.ok) throw new Error(`${channel}: ${envelope?.error.message ?? 'no backend'}`);
  return envelope.value as { id: string };
}

/** A group, a member and a situation in the running backend. */
async function seedCast() {
  const group = await value('group.create', { name: 'Austin CEO Forum' });
  const member = await value('member.create', { groupId: group.id, name: 'Ana Ruiz' });
  const situation = await value('situation.create', {
    groupId: group.id,
    presenterId: member.id,
    title: 'How do I hand the sales team to a new leader?',
  });
  return { situationId: situation.id, authorId: member.id };
}

describe('a -wal from another archive beside roundtable.db', () => {
  /** Archive B, open, with `write` committed into its -wal and not checkpointed: a copy of that -wal. */
  async function foreignWal(
    write: (db: Database.Database) => void,
    checkpointFirst: boolean,
    key: ArchiveKey = TEST_KEY,
  ) {
    const dir = tempDir();
    keepForCleanup(dir);
    const other = await openDatabase(path.join(dir, 'other.db'), { key });
    other.pragma('wal_autocheckpoint = 0');
    await capture(other, 'Should we sell the company to our biggest competitor?', 3);
    if (checkpointFirst) other.pragma('wal_checkpoint(TRUNCATE)');
    write(other);
    const wal = fs.readFileSync(path.join(dir, 'other.db-wal'));
    other.close();
    return wal;
  }

  it.each([
    ['with its own first page (a new archive, never checkpointed)', false],
    ['holding only later pages (checkpointed, then written again)', true],
  ])('is found before anything is written, %s, and kept aside whole', async (_how, checkpointFirst) => {
    const { dbFile } = await archiveWithBackup();
    const wal = await foreignWal(
      (db) => db.prepare(`UPDATE situations SET background = 'A copy of another archive'`).run(),
      checkpointFirst,
    );
    fs.writeFileSync(`${dbFile}-wal`, wal);
    const [archiveBefore, backupsBefore] = [sha256(dbFile), listBackups(dbFile).length];
    const damaged = damagedArchiveOf(await refusal(openArchive(dbFile, { key: TEST_KEY })));
    expect(damaged?.finding).toMatch(/belongs to another archive|found damage/);
    // Kept whole: the archive's own bytes, and the foreign log beside them, never checkpointed in.
    const [keptDb, keptWal] = damaged?.keptAs ?? [];
    expect(keptDb && sha256(keptDb)).toBe(archiveBefore);
    expect(keptWal && fs.readFileSync(keptWal).equals(wal)).toBe(true);
    expect(listBackups(dbFile)).toHaveLength(backupsBefore);
    expect(damaged?.latestBackup).not.toBeNull();
  });

  it('encrypted under another key: its frames do not decrypt, and the archive is kept aside whole', async () => {
    const { dbFile } = await archiveWithBackup();
    const wal = await foreignWal(
      (db) => db.prepare(`UPDATE situations SET background = 'A copy of another archive'`).run(),
      true,
      newArchiveKey(),
    );
    fs.writeFileSync(`${dbFile}-wal`, wal);
    const archiveBefore = sha256(dbFile);
    const error = await refusal(openArchive(dbFile, { key: TEST_KEY }));
    expect(error.code).toBe('CORRUPT');
    const damaged = damagedArchiveOf(error);
    const [keptDb, keptWal] = damaged?.keptAs ?? [];
    expect(keptDb && sha256(keptDb)).toBe(archiveBefore);
    expect(keptWal && fs.readFileSync(keptWal).equals(wal)).toBe(true);
    expect(damaged?.latestBackup).not.toBeNull();
  });

  it('says so by name when the log carries a header page with another archive’s id', async () => {
    // Another archive's log does not decrypt under this archive's salt (above), so SQLite finds it
    // damaged. One that does decrypt, but whose header page names another archive (a copy of this
    // archive that was given an id of its own), is named as another archive's.
    const { dir, dbFile } = await archiveWithBackup();
    const copy = path.join(dir, 'copy.db');
    fs.copyFileSync(dbFile, copy);
    const db = openKeyed(copy, TEST_KEY);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.pragma(`application_id = ${(db.pragma('application_id', { simple: true }) as number) + 1}`);
    db.prepare(`UPDATE situations SET background = 'A copy of another archive'`).run();
    const wal = fs.readFileSync(`${copy}-wal`);
    db.close();
    fs.writeFileSync(`${dbFile}-wal`, wal);
    const damaged = damagedArchiveOf(await refusal(openArchive(dbFile, { key: TEST_KEY })));
    expect(damaged?.finding).toMatch(/belongs to another archive/);
    expect(damaged?.keptAs[1] && fs.readFileSync(damaged.keptAs[1]).equals(wal)).toBe(true);
  });

  it('through the real worker: refused at start, and no backup of the mixed state is ever taken', async () => {
    const { dbFile } = await archiveWithBackup();
    fs.writeFileSync(`${dbFile}-wal`, await foreignWal(() => {}, false));
    const backupsBefore = listBackups(dbFile).map((b) => b.file);
    const error = await startBackend(WORKER, { dbPath: dbFile, key: TEST_KEY_HEX }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(damagedArchiveOf(error)?.finding).toMatch(/another archive|found damage/);
    expect(listBackups(dbFile).map((b) => b.file)).toEqual(backupsBefore);
  });

  it('its own -wal, left by a crash, still opens and keeps what it held', async () => {
    const { dbFile } = await archiveWithBackup();
    const db = openKeyed(dbFile, TEST_KEY);
    db.pragma('wal_autocheckpoint = 0');
    db.prepare(`UPDATE groups SET name = 'Austin CEO Forum II'`).run();
    const wal = fs.readFileSync(`${dbFile}-wal`);
    const main = fs.readFileSync(dbFile);
    db.close();
    fs.writeFileSync(dbFile, main);
    fs.writeFileSync(`${dbFile}-wal`, wal);
    const reopened = await openArchive(dbFile, { key: TEST_KEY });
    expect(reopened.prepare('SELECT name FROM groups').pluck().get()).toBe('Austin CEO Forum II');
    reopened.close();
  });
});

describe('backups from a newer Roundtable', () => {
  /** A copy of `backup` as a newer Roundtable would have left it, named as taken later. */
  function newerBackupBeside(backup: string, at: number): string {
    const newer = path.join(path.dirname(backup), `roundtable-backup-${at}.db`);
    fs.copyFileSync(backup, newer);
    const db = openKeyed(newer, TEST_KEY);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    return newer;
  }

  it('are never offered as the latest good backup', async () => {
    const { dbFile, backup } = await archiveWithBackup();
    const newer = newerBackupBeside(backup.file, backup.takenAt + 60_000);
    expect(listBackups(dbFile)[0]?.file).toBe(newer);
    expect(latestGoodBackup(dbFile, { key: TEST_KEY, supported: SCHEMA_VERSION })?.file).toBe(backup.file);
    garbleMiddlePages(dbFile);
    const damaged = damagedArchiveOf(await refusal(openArchive(dbFile, { key: TEST_KEY })));
    expect(damaged?.latestBackup?.file).toBe(backup.file);
  });

  it('are refused when asked for by name, with nothing moved', async () => {
    const { dbFile, backup } = await archiveWithBackup();
    const newer = newerBackupBeside(backup.file, backup.takenAt + 60_000);
    garbleMiddlePages(dbFile);
    const damaged = damagedArchiveOf(await refusal(openArchive(dbFile, { key: TEST_KEY })));
    const error = await refusal(openArchive(dbFile, { key: TEST_KEY, restoreFrom: newer }));
    expect(error.code).toBe('TOO_NEW');
    expect(error.message).toMatch(/newer version of Roundtable.*Nothing was changed/);
    expect(fs.existsSync(dbFile)).toBe(false);
    // The chair can still restore the good one, and every start after that opens it.
    const restored = await openArchive(dbFile, {
      key: TEST_KEY,
      restoreFrom: damaged?.latestBackup?.file ?? '',
    });
    expect(titles(restored)).toEqual([BACKED_UP_TITLE]);
    restored.close();
    const again = await openArchive(dbFile, { key: TEST_KEY });
    again.close();
  });

  it('a restored copy that will not open is kept aside, and the next good backup is offered', async () => {
    const { dbFile, backup } = await archiveWithBackup();
    const older = path.join(path.dirname(backup.file), `roundtable-backup-${backup.takenAt - 60_000}.db`);
    fs.copyFileSync(backup.file, older);
    garbleMiddlePages(dbFile);
    await refusal(openArchive(dbFile, { key: TEST_KEY }));
    // Passes quick_check, fails as the archive opens: migration 2 meets a table already there.
    const db = openKeyed(backup.file, TEST_KEY);
    db.pragma('user_version = 1');
    db.close();
    const damaged = damagedArchiveOf(
      await refusal(openArchive(dbFile, { key: TEST_KEY, restoreFrom: backup.file })),
    );
    expect(damaged?.keptAs[0]).toMatch(/failed-restore/);
    expect(damaged?.latestBackup?.file).not.toBe(backup.file);
    expect(listBackups(dbFile).map((b) => b.file)).toContain(older);
  });
});

describe.runIf(canMount)('a full disk (a small tmpfs)', () => {
  it('names DISK_FULL, loses nothing acknowledged, and closes without throwing', async () => {
    const dbPath = path.join(mountTmpfs('3m'), 'roundtable.db');
    backend = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    const cast = await seedCast();
    const saved: string[] = [];
    let refused: { code: string; message: string } | undefined;
    for (let i = 0; i < 2000 && !refused; i++) {
      const body = `Point ${i}: ${'Pair the new leader with each key account for a quarter.'.repeat(40)}`;
      const envelope = await backend.invoke('contribution.add', { ...cast, kind: 'advice', body });
      if (envelope.ok) saved.push(body);
      else refused = envelope.error;
    }
    expect(refused).toEqual({ code: 'DISK_FULL', message: DISK_FULL_MESSAGE });
    expect(saved.length).toBeGreaterThan(0);
    await backend.close();
    backend = undefined;
    const kept = openKeyed(dbPath, TEST_KEY, { readonly: true });
    const bodies = new Set(kept.prepare('SELECT body FROM contributions').pluck().all() as string[]);
    expect(kept.pragma('integrity_check', { simple: true })).toBe('ok');
    kept.close();
    expect(saved.filter((body) => !bodies.has(body))).toEqual([]);
  }, 60_000);
});

describe.runIf(canMount)('an archive on a read-only mount', () => {
  it('is refused at open with READ_ONLY, naming the folder and why, and left untouched', async () => {
    const dir = mountTmpfs('8m');
    const dbPath = path.join(dir, 'roundtable.db');
    backend = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    await seedCast();
    await backend.close();
    backend = undefined;
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    const before = sha256(dbPath);
    const error = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'READ_ONLY' });
    expect((error as AppError).message).toContain(dir);
    expect((error as AppError).message).toMatch(/mounted read-only/);
    expect(sha256(dbPath)).toBe(before);
  });
});

describe('damage found while the archive is open', () => {
  it('keeps the files aside, refuses every later call with the damaged archive, and tells the host', async () => {
    const dir = tempDir();
    keepForCleanup(dir);
    const dbPath = path.join(dir, 'roundtable.db');
    backend = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    const cast = await seedCast();
    for (let i = 0; i < 1000; i++) {
      const body = `Point ${i}: ${'Pair the new leader with each key account for a quarter.'.repeat(20)}`;
      await value('contribution.add', { ...cast, kind: 'advice', body });
    }
    // Reopened, so the file alone holds every page and none is in SQLite's page cache yet.
    await backend.close();
    backend = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    const damages: AppError[] = [];
    backend.onDamaged((error) => damages.push(error));
    garbleMiddlePages(dbPath);
    const answer = await backend.invoke('situation.get', { id: cast.situationId });
    expect(answer).toMatchObject({ ok: false, error: { code: 'CORRUPT' } });
    const damaged = damagedArchiveOf(
      new AppError(
        'CORRUPT',
        answer.ok ? '' : answer.error.message,
        answer.ok ? undefined : answer.error.details,
      ),
    );
    expect(damaged?.finding).toMatch(/while the archive was open/);
    expect(fs.existsSync(dbPath)).toBe(false);
    expect(damaged?.keptAs.every((f) => fs.existsSync(f))).toBe(true);
    await expect(backend.invoke('group.list', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'CORRUPT' },
    });
    await vi.waitFor(() => expect(damages).toHaveLength(1));
    expect(damagedArchiveOf(damages[0])?.keptAs).toEqual(damaged?.keptAs);
  }, 60_000);
});
