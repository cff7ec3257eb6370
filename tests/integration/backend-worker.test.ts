// The built backend worker, hosted the way Electron's main process and the browser shell host it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { damagedArchiveOf } from '../../electron/backend/damaged-archive';
import { startBackend, type Backend } from '../../electron/backend/host';
import { listBackups } from '../../electron/store/backups';
import { isPlaintextDatabase, newArchiveKey, openKeyed } from '../../electron/store/cipher';
import { TEST_KEY, TEST_KEY_HEX } from '../harness/test-key';
import { tempDir } from './backend-fixture';
import { garbleMiddlePages, sha256 } from './damaged-archive-fixtures';

const WORKER = path.resolve('dist/electron/backend-worker.cjs');
let dir: string;
let backend: Backend | undefined;

beforeAll(() => {
  if (!fs.existsSync(WORKER)) throw new Error('Build the worker first: npm run build');
});
afterEach(async () => {
  await backend?.close();
  backend = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backend worker', () => {
  it('answers calls through the router, pushes events and closes the database cleanly', async () => {
    dir = tempDir();
    const dbPath = path.join(dir, 'roundtable.db');
    backend = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    const events: unknown[] = [];
    backend.onEvent((name, payload) => events.push({ name, payload }));

    const group = await backend.invoke('group.create', { name: 'Forum' });
    expect(group).toMatchObject({ ok: true, value: { name: 'Forum' } });
    const bad = await backend.invoke('group.create', { name: 5 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const notCloneable = await backend.invoke('group.create', { name: () => 'x' });
    expect(notCloneable).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const groupId = (group as { value: { id: string } }).value.id;
    const member = await backend.invoke('member.create', { groupId, name: 'Ana' });
    const presenterId = (member as { value: { id: string } }).value.id;
    await backend.invoke('situation.create', { groupId, presenterId, title: 'Should I sell?' });
    // A group, a member and a situation: each write says what it changed.
    expect(events).toMatchObject([
      { name: 'archive.changed', payload: { records: ['group'] } },
      { name: 'archive.changed', payload: { records: ['member'] } },
      { name: 'archive.changed', payload: { records: ['situation'] } },
    ]);

    await backend.close();
    backend = undefined;
    // A clean close checkpoints the WAL, so the main file alone holds everything.
    expect(fs.existsSync(`${dbPath}-wal`) ? fs.statSync(`${dbPath}-wal`).size : 0).toBe(0);
    const db = openKeyed(dbPath, TEST_KEY, { readonly: true });
    expect(db.prepare('SELECT title FROM situations').all()).toEqual([{ title: 'Should I sell?' }]);
    db.close();
  });

  it('answers calls one at a time, in order', async () => {
    dir = tempDir();
    const started = await startBackend(WORKER, {
      dbPath: path.join(dir, 'roundtable.db'),
      key: TEST_KEY_HEX,
    });
    backend = started;
    const names = Array.from({ length: 20 }, (_, i) => `Group ${String(i).padStart(2, '0')}`);
    await Promise.all(names.map((name) => started.invoke('group.create', { name })));
    const listed = await started.invoke('group.list', {});
    expect(listed).toMatchObject({ ok: true });
    expect((listed as { value: { name: string }[] }).value.map((g) => g.name)).toEqual(names);
  });

  it('refuses to start over a database from a newer app, with the reason', async () => {
    dir = tempDir();
    const dbPath = path.join(dir, 'roundtable.db');
    const future = openKeyed(dbPath, TEST_KEY);
    future.pragma('user_version = 999');
    future.close();
    const error: unknown = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('TOO_NEW');
  });

  it('refuses to start under a key that does not open the archive, with WRONG_KEY and nothing changed', async () => {
    dir = tempDir();
    const dbPath = path.join(dir, 'roundtable.db');
    const first = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    await first.invoke('group.create', { name: 'Forum' });
    await first.close();
    const before = fs.readdirSync(dir).sort();
    const hash = sha256(dbPath);
    const error: unknown = await startBackend(WORKER, {
      dbPath,
      key: newArchiveKey().toString('hex'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('WRONG_KEY');
    expect(damagedArchiveOf(error)).toBeUndefined();
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(sha256(dbPath)).toBe(hash);
    // The right key still opens it.
    backend = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    expect(await backend.invoke('group.list', {})).toMatchObject({ ok: true, value: [{ name: 'Forum' }] });
  });

  it('encrypts a plaintext archive from an earlier version at start, and says so once', async () => {
    dir = tempDir();
    const dbPath = path.join(dir, 'roundtable.db');
    fs.copyFileSync(path.resolve('tests/fixtures/schema-3.db'), dbPath);
    fs.chmodSync(dbPath, 0o600);
    const first = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    expect(first.converted).toMatchObject({ archiveEncrypted: true, backupsRemoved: 0 });
    expect(first.converted?.plaintextCopy).toMatch(/^roundtable\.db\.plaintext-/);
    expect(await first.invoke('situation.list', {})).toMatchObject({ ok: true });
    await first.close();
    expect(isPlaintextDatabase(dbPath)).toBe(false);
    // The next start finds an encrypted archive: only the plaintext copy kept until the chair confirms.
    backend = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    expect(backend.converted).toMatchObject({ archiveEncrypted: false, backupsEncrypted: 0 });
    expect(backend.converted?.plaintextCopy).toBe(first.converted?.plaintextCopy);
  });

  it('answers and commits every call sent before close, then leaves it all in the main file', async () => {
    dir = tempDir();
    const dbPath = path.join(dir, 'roundtable.db');
    const started = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    const group = (await started.invoke('group.create', { name: 'Forum' })) as { value: { id: string } };
    const member = (await started.invoke('member.create', { groupId: group.value.id, name: 'Ana' })) as {
      value: { id: string };
    };
    const situation = (await started.invoke('situation.create', {
      groupId: group.value.id,
      presenterId: member.value.id,
      title: 'Should I sell the company?',
    })) as { value: { id: string } };
    // The renderer flushes its drafts as the window closes: these calls are still queued when close comes.
    const drafts = Array.from({ length: 40 }, (_, i) =>
      started.invoke('contribution.add', {
        situationId: situation.value.id,
        authorId: member.value.id,
        kind: 'advice',
        body: `Draft point ${i}`,
      }),
    );
    const closing = started.close();
    const answers = await Promise.all(drafts);
    await closing;
    expect(answers.every((a) => a.ok)).toBe(true);
    // Checkpointed: with no -wal content, the main file alone has every acknowledged point.
    expect(fs.existsSync(`${dbPath}-wal`) ? fs.statSync(`${dbPath}-wal`).size : 0).toBe(0);
    const db = openKeyed(dbPath, TEST_KEY, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM contributions').pluck().get()).toBe(40);
    db.close();
    // After close the backend answers, and saves, nothing more.
    await expect(started.invoke('group.list', {})).resolves.toMatchObject({ ok: false });
  });

  it('backs up at open when no backup is a day old, and again on close after changes', async () => {
    dir = tempDir();
    const dbPath = path.join(dir, 'roundtable.db');
    const first = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    await first.invoke('group.create', { name: 'Forum' });
    await first.close();
    const afterFirst = listBackups(dbPath);
    // One at open (there was none), one on close (a group was added since).
    expect(afterFirst.map((b) => b.kind)).toEqual(['rolling', 'rolling']);
    for (const backup of afterFirst) expect(fs.statSync(backup.file).mode & 0o777).toBe(0o600);
    const newest = openKeyed(afterFirst[0]!.file, TEST_KEY, { readonly: true });
    expect(newest.prepare('SELECT name FROM groups').pluck().all()).toEqual(['Forum']);
    newest.close();

    // A day has not passed and nothing changed: no new backup.
    const second = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    await second.invoke('group.list', {});
    await second.close();
    expect(listBackups(dbPath)).toHaveLength(2);
  });

  it('refuses a damaged archive with the files kept aside and the backup to offer', async () => {
    dir = tempDir();
    const dbPath = path.join(dir, 'roundtable.db');
    const first = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    const group = (await first.invoke('group.create', { name: 'Forum' })) as { value: { id: string } };
    for (let i = 0; i < 60; i++) {
      await first.invoke('member.create', {
        groupId: group.value.id,
        name: `Member ${i}`,
        company: 'x'.repeat(150),
      });
    }
    await first.close();
    garbleMiddlePages(dbPath);
    const damagedBytes = sha256(dbPath);

    const error: unknown = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const damaged = damagedArchiveOf(error);
    expect(damaged?.latestBackup).not.toBeNull();
    expect(sha256(damaged!.keptAs[0]!)).toBe(damagedBytes);

    backend = await startBackend(WORKER, {
      dbPath,
      key: TEST_KEY_HEX,
      restoreFrom: damaged!.latestBackup!.file,
    });
    const groups = await backend.invoke('group.list', {});
    expect(groups).toMatchObject({ ok: true, value: [{ name: 'Forum' }] });
  });

  it('restores a chosen backup while running: the archive goes back, the replaced one is kept beside it', async () => {
    dir = tempDir();
    const dbPath = path.join(dir, 'roundtable.db');
    const started = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    backend = started;
    const value = async <T>(answer: Promise<unknown>): Promise<T> => {
      const envelope = (await answer) as { ok: boolean; value: T };
      expect(envelope.ok).toBe(true);
      return envelope.value;
    };
    const group = await value<{ id: string }>(started.invoke('group.create', { name: 'Forum' }));
    const ana = await value<{ id: string }>(
      started.invoke('member.create', { groupId: group.id, name: 'Ana' }),
    );
    const situation = (title: string) =>
      value(started.invoke('situation.create', { groupId: group.id, presenterId: ana.id, title }));
    await situation('Should I sell?');
    const backup = await value<{ name: string }>(started.invoke('backup.create', {}));
    await situation('Should I hire a COO?');

    const restored = await value<{ keptAside: string[] }>(
      started.invoke('backup.restore', { name: backup.name, confirm: true }),
    );
    // The calls after the restore read the restored archive.
    const titles = await value<{ title: string }[]>(started.invoke('situation.list', { groupId: group.id }));
    expect(titles.map((s) => s.title)).toEqual(['Should I sell?']);

    expect(restored.keptAside[0]).toMatch(/^roundtable\.db\.before-restore-/);
    const kept = openKeyed(path.join(dir, restored.keptAside[0]!), TEST_KEY, { readonly: true });
    const keptTitles = kept.prepare('SELECT title FROM situations ORDER BY title').pluck().all();
    kept.close();
    expect(keptTitles).toEqual(['Should I hire a COO?', 'Should I sell?']);
    expect(fs.statSync(path.join(dir, restored.keptAside[0]!)).mode & 0o777).toBe(0o600);
  });

  it('refuses to restore a damaged backup and leaves the archive as it was', async () => {
    dir = tempDir();
    const dbPath = path.join(dir, 'roundtable.db');
    const started = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    backend = started;
    const group = (await started.invoke('group.create', { name: 'Forum' })) as { value: { id: string } };
    const backup = (await started.invoke('backup.create', {})) as { value: { name: string } };
    await started.invoke('group.create', { name: 'Second forum' });
    const file = listBackups(dbPath).find((b) => path.basename(b.file) === backup.value.name)?.file;
    if (!file) throw new Error('the backup is not listed');
    garbleMiddlePages(file);

    const answer = await started.invoke('backup.restore', { name: backup.value.name, confirm: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'CORRUPT' } });
    const groups = (await started.invoke('group.list', {})) as { value: { id: string }[] };
    expect(groups.value.map((g) => g.id)).toContain(group.value.id);
    expect(groups.value).toHaveLength(2);
    expect(fs.readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);
  });

  it('refuses a backup a newer Roundtable took, changing nothing, and keeps answering', async () => {
    dir = tempDir();
    const dbPath = path.join(dir, 'roundtable.db');
    const started = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    backend = started;
    await started.invoke('group.create', { name: 'Forum' });
    const backup = (await started.invoke('backup.create', {})) as { value: { name: string } };
    await started.invoke('group.create', { name: 'Second forum' });
    // The backup now claims a schema from a newer Roundtable: sound, but refused at open.
    const file = listBackups(dbPath).find((b) => path.basename(b.file) === backup.value.name)?.file;
    if (!file) throw new Error('the backup is not listed');
    const newer = openKeyed(file, TEST_KEY);
    newer.pragma('user_version = 999');
    newer.close();

    const answer = await started.invoke('backup.restore', { name: backup.value.name, confirm: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'TOO_NEW' } });
    const groups = (await started.invoke('group.list', {})) as { ok: boolean; value: { name: string }[] };
    expect(groups.value.map((g) => g.name).sort()).toEqual(['Forum', 'Second forum']);
    // Refused before anything moved: no copy was put in place, so none had to be set aside.
    const names = fs.readdirSync(dir);
    expect(names.filter((f) => f.includes('before-restore') || f.includes('failed-restore'))).toEqual([]);

    // And the archive still opens as itself after a restart.
    await started.close();
    backend = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    const again = (await backend.invoke('group.list', {})) as { value: unknown[] };
    expect(again.value).toHaveLength(2);
  });

  it('clears backups a killed process left half written, and only those', async () => {
    dir = tempDir();
    const dbPath = path.join(dir, 'roundtable.db');
    const first = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    await first.invoke('group.create', { name: 'Forum' });
    await first.close();
    const kept = listBackups(dbPath).map((b) => b.file);
    expect(kept.length).toBeGreaterThan(0);
    const backups = path.dirname(kept[0] ?? '');
    const halves = [
      'roundtable-backup-1764800000000.db.partial',
      'roundtable-backup-1764800000001.db.partial-journal',
    ];
    for (const name of halves) fs.writeFileSync(path.join(backups, name), 'half a backup');
    fs.writeFileSync(path.join(backups, 'notes.txt'), 'not ours');
    backend = await startBackend(WORKER, { dbPath, key: TEST_KEY_HEX });
    const names = fs.readdirSync(backups);
    for (const name of halves) expect(names).not.toContain(name);
    expect(names).toContain('notes.txt');
    for (const file of kept) expect(fs.existsSync(file)).toBe(true);
  });
});
