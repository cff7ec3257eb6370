// The built backend worker, hosted the way Electron's main process and the browser shell host it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { startBackend, type Backend } from '../../electron/backend/host';
import { tempDir } from './backend-fixture';

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
    backend = await startBackend(WORKER, { dbPath });
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
    expect(events).toHaveLength(1);

    await backend.close();
    backend = undefined;
    // A clean close checkpoints the WAL, so the main file alone holds everything.
    expect(fs.existsSync(`${dbPath}-wal`) ? fs.statSync(`${dbPath}-wal`).size : 0).toBe(0);
    const db = new Database(dbPath, { readonly: true });
    expect(db.prepare('SELECT title FROM situations').all()).toEqual([{ title: 'Should I sell?' }]);
    db.close();
  });

  it('answers calls one at a time, in order', async () => {
    dir = tempDir();
    const started = await startBackend(WORKER, { dbPath: path.join(dir, 'roundtable.db') });
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
    const future = new Database(dbPath);
    future.pragma('user_version = 999');
    future.close();
    const error: unknown = await startBackend(WORKER, { dbPath }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('TOO_NEW');
  });
});
