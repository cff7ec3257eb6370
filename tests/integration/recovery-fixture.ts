// Archives for the recovery tests: a real one captured through the router, with a good backup taken
// part of the way through, and the temp folders they live in, removed after each test.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { AppError } from '../../shared/errors';
import { openArchive } from '../../electron/backend/recovery';
import { createRouter } from '../../electron/ipc/router';
import { createHandlers } from '../../electron/services';
import { createStore } from '../../electron/store';
import { takeBackup } from '../../electron/store/backups';
import type { Db } from '../../electron/store/database';
import { TEST_KEY } from '../harness/test-key';
import { tempDir } from './backend-fixture';

const dirs: string[] = [];

export function keepForCleanup(dir: string): void {
  dirs.push(dir);
}

export function removeTempDirs(): void {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export const BACKED_UP_TITLE =
  'How do I hand the sales team to a new leader without losing our best accounts?';

export async function capture(db: Db, title: string, points: number) {
  const route = createRouter(createHandlers({ store: createStore(db), emit: () => {} }));
  const call = async (channel: string, input: unknown) => {
    const envelope = await route(channel, input);
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
    return envelope.value as { id: string };
  };
  const group = await call('group.create', { name: 'Austin CEO Forum' });
  const ana = await call('member.create', { groupId: group.id, name: 'Ana Ruiz', company: 'Ruiz Logistics' });
  const situation = await call('situation.create', {
    groupId: group.id,
    presenterId: ana.id,
    title,
    background: 'Ten years of founder-led sales. '.repeat(40),
  });
  for (let i = 0; i < points; i++) {
    await call('contribution.add', {
      situationId: situation.id,
      authorId: ana.id,
      kind: 'advice',
      body: `Point ${i}: pair the new leader with each key account for a quarter first. ${'Context. '.repeat(60)}`,
    });
  }
}

/** An archive with a good backup taken after its first situation, and more captured since. */
export async function archiveWithBackup() {
  const dir = tempDir();
  keepForCleanup(dir);
  const dbFile = path.join(dir, 'roundtable.db');
  const db = await openArchive(dbFile, { key: TEST_KEY });
  await capture(db, BACKED_UP_TITLE, 5);
  const backup = await takeBackup(db, dbFile, { now: Date.UTC(2025, 10, 20, 18) });
  await capture(db, 'Should we open a second plant in Monterrey?', 60);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { dir, dbFile, backup };
}

export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

export function titles(db: Db): string[] {
  return db
    .prepare<[], { title: string }>('SELECT title FROM situations ORDER BY created_at')
    .all()
    .map((r) => r.title);
}
