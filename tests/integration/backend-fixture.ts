// A backend over a fresh temp database file, called in-process through the real router.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Channel } from '../../shared/channels';
import type { Input, Output } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { createRouter } from '../../electron/ipc/router';
import { createHandlers } from '../../electron/services';
import { createStore, type Store } from '../../electron/store';
import { openDatabase, type Db } from '../../electron/store/database';
import { TEST_KEY } from '../harness/test-key';

export interface TestBackend {
  dir: string;
  dbPath: string;
  db: Db;
  store: Store;
  route: (channel: unknown, input: unknown) => Promise<Envelope<unknown>>;
  /** Calls a channel and returns its value, failing the test on an error envelope. */
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  events: { name: string; payload: unknown }[];
  /** Every row of every table, to show that a refused call changed nothing. */
  snapshot(): string;
  close(): void;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'roundtable-test-'));
}

/** `now` is the clock the services read (meetings, timers); tests of timers pass one they control. */
export async function openTestBackend(options: { now?: () => number } = {}): Promise<TestBackend> {
  const dir = tempDir();
  const dbPath = path.join(dir, 'roundtable.db');
  const db = await openDatabase(dbPath, { key: TEST_KEY });
  const events: { name: string; payload: unknown }[] = [];
  const store = createStore(db);
  const route = createRouter(
    createHandlers({ store, emit: (name, payload) => events.push({ name, payload }), now: options.now }),
  );
  return {
    dir,
    dbPath,
    db,
    store,
    route,
    events,
    async call(channel, input) {
      const envelope = await route(channel, input);
      if (!envelope.ok)
        throw new Error(`${channel} failed: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.value as Output<typeof channel>;
    },
    snapshot: () => snapshot(db),
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function snapshot(db: Db): string {
  const tables = db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all()
    .map((t) => t.name);
  return JSON.stringify(tables.map((name) => [name, db.prepare(`SELECT * FROM "${name}"`).raw().all()]));
}

/** A group with a chair and two members, the cast most tests need. */
export async function seedGroup(backend: TestBackend) {
  const group = await backend.call('group.create', { name: 'Vistage CE 1234' });
  const chair = await backend.call('member.create', {
    groupId: group.id,
    name: 'Dana Whitfield',
    company: 'Whitfield Advisory',
    title: 'Chair',
    role: 'chair',
  });
  const ana = await backend.call('member.create', {
    groupId: group.id,
    name: 'Ana Ruiz',
    company: 'Ruiz Logistics',
    title: 'CEO',
  });
  const ben = await backend.call('member.create', {
    groupId: group.id,
    name: 'Ben Okafor',
    company: 'Okafor Foods',
    title: 'President',
  });
  return { group, chair, ana, ben };
}
