// What encryption at rest costs: the same work on the encrypted reference archive and on a plaintext
// twin of it (the same pages, decrypted), interleaved call by call so both see the same machine.
// Each row's ratio is encrypted over plaintext, from the same run.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import {
  newKeyFile,
  openWithKeychain,
  openWithPassphrase,
  sealWithKeychain,
  sealWithPassphrase,
  type Keychain,
} from '../../electron/backend/key-file';
import { createRouter } from '../../electron/ipc/router';
import { createHandlers } from '../../electron/services';
import { createStore } from '../../electron/store';
import { openKeyed } from '../../electron/store/cipher';
import { applyPragmas, openDatabase, type Db } from '../../electron/store/database';
import { standInKeychain } from '../harness/stand-in-keychain';
import { TEST_KEY } from '../harness/test-key';
import { createArchiveGenerator } from './archive-generator';
import { summarize, type Measure } from './measure';
import { QUERIES } from './search-bench';

/**
 * The reference archive decrypted into `plain-<name>` beside it (made once): the baseline every
 * encrypted row is measured against.
 */
export function plaintextTwin(file: string, log: (line: string) => void): string {
  const dir = path.dirname(file);
  const twin = path.join(dir, `plain-${path.basename(file)}`);
  if (fs.existsSync(twin)) return twin;
  // Twins of archives that are no longer kept (another schema or generator) go.
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith('plain-') && !fs.existsSync(path.join(dir, name.slice('plain-'.length))))
      fs.rmSync(path.join(dir, name), { force: true });
  }
  const partial = `${twin}.partial`;
  fs.rmSync(partial, { force: true });
  log(`Decrypting a plaintext twin of the reference archive at ${twin}…`);
  const source = openKeyed(file, TEST_KEY, { readonly: true });
  try {
    source.prepare('VACUUM INTO ?').run(partial);
  } finally {
    source.close();
  }
  const copy = openKeyed(partial, TEST_KEY);
  try {
    copy.pragma('journal_mode = DELETE');
    copy.pragma(`rekey = ''`);
  } finally {
    copy.close();
  }
  fs.renameSync(partial, twin);
  return twin;
}

function openPlaintext(file: string): Db {
  const db = new Database(file);
  applyPragmas(db);
  return db;
}

/** Runs `a` and `b` alternately, `runs` times each after a warm-up; answers both sets of durations. */
async function interleaved(
  a: (i: number) => unknown,
  b: (i: number) => unknown,
  runs: number,
  warmup = 20,
): Promise<[number[], number[]]> {
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < runs + warmup; i++) {
    for (const [which, fn] of [a, b].entries()) {
      const t0 = process.hrtime.bigint();
      await fn(i);
      if (i >= warmup) samples[which]?.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return samples;
}

function versus(
  name: string,
  encrypted: number[],
  plaintext: number[],
  budget: string,
  on: 'median' | 'p95' = 'p95',
): Measure {
  const enc = summarize(encrypted);
  const plain = summarize(plaintext);
  return {
    name,
    ...enc,
    unit: 'ms',
    budget,
    ratio: enc[on] / plain[on],
    baseline: `plaintext twin (median ${plain.median.toFixed(2)} ms, p95 ${plain.p95.toFixed(2)} ms; ratio of ${on === 'p95' ? 'p95s' : 'medians'})`,
  };
}

export async function benchEncryption(file: string, log: (line: string) => void): Promise<Measure[]> {
  const twin = plaintextTwin(file, log);
  const encrypted = await openDatabase(file, { key: TEST_KEY, quickCheck: false });
  const plaintext = openPlaintext(twin);
  const measures: Measure[] = [];
  try {
    const route = (db: Db) => createRouter(createHandlers({ store: createStore(db), emit: () => undefined }));
    const [encRoute, plainRoute] = [route(encrypted), route(plaintext)];

    const search = (via: ReturnType<typeof route>) => async (i: number) => {
      const result = await via('archive.search', { query: QUERIES[i % QUERIES.length] ?? '', limit: 50 });
      if (!result.ok) throw new Error(result.error.message);
    };
    const [encSearch, plainSearch] = await interleaved(search(encRoute), search(plainRoute), 300);
    measures.push(
      versus(
        'archive search through the router, encrypted archive',
        encSearch,
        plainSearch,
        'p95 ≤ 1.3× plaintext',
      ),
    );

    const gen = createArchiveGenerator(11);
    const target = (db: Db) => {
      const situation = db
        .prepare<[], { id: string; groupId: string }>(
          `SELECT id, group_id AS groupId FROM situations ORDER BY rid DESC LIMIT 1`,
        )
        .get();
      const author = situation && createStore(db).members.listByGroup(situation.groupId)[0];
      if (!situation || !author) throw new Error('The reference archive has no situation or member.');
      return { situationId: situation.id, authorId: author.id };
    };
    const added: [string[], string[]] = [[], []];
    const add =
      (via: ReturnType<typeof route>, at: { situationId: string; authorId: string }, into: string[]) =>
      async () => {
        const result = await via('contribution.add', { ...at, kind: 'advice', body: gen.advice() });
        if (!result.ok) throw new Error(result.error.message);
        into.push((result.value as { id: string }).id);
      };
    const [encAdd, plainAdd] = await interleaved(
      add(encRoute, target(encrypted), added[0]),
      add(plainRoute, target(plaintext), added[1]),
      300,
    );
    measures.push(
      versus(
        'add one contribution through the router, encrypted archive',
        encAdd,
        plainAdd,
        'p95 ≤ 1.5× plaintext',
      ),
    );
    // Both archives are left as they were for the next run.
    for (const [db, ids] of [
      [encrypted, added[0]],
      [plaintext, added[1]],
    ] as const) {
      const remove = db.prepare('DELETE FROM contributions WHERE id = ?');
      db.transaction(() => {
        for (const id of ids) remove.run(id);
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
    }

    const quick = (db: Db) => () => db.pragma('quick_check', { simple: true });
    const [encQuick, plainQuick] = await interleaved(quick(encrypted), quick(plaintext), 5, 1);
    measures.push(
      versus('quick_check, encrypted archive (for information)', encQuick, plainQuick, '—', 'median'),
    );
  } finally {
    encrypted.close();
    plaintext.close();
  }

  // Opening: the key unwrapped from the keychain's seal and checked, then everything openDatabase does
  // before the first call but quick_check (the key tried on page 1, the schema read, the pragmas,
  // the migrations check). The system keychain itself cannot run here: the stand-in seals with
  // AES-256-GCM in process, so the figure leaves out the keychain's own round trip.
  const folder = fs.mkdtempSync(path.join(path.dirname(file), 'keychain-'));
  try {
    const keychain: Keychain = standInKeychain(path.join(folder, 'roundtable.db'));
    const keyFile = newKeyFile(
      TEST_KEY,
      { keychain: await sealWithKeychain(keychain, TEST_KEY), passphrase: null },
      'saved',
    );
    const [encOpen, plainOpen] = await interleaved(
      async () => {
        const key = await openWithKeychain(keychain, keyFile, path.join(folder, 'roundtable.key'));
        if (!key) throw new Error('The stand-in keychain did not open its seal.');
        (await openDatabase(file, { key, quickCheck: false })).close();
      },
      () => {
        const probe = new Database(twin, { readonly: true });
        probe.pragma('user_version', { simple: true });
        probe.close();
        openPlaintext(twin).close();
      },
      20,
      3,
    );
    measures.push(
      versus(
        'open the encrypted archive: key unwrap, key check, migrations check (quick_check excluded)',
        encOpen,
        plainOpen,
        '≤ 150 ms',
        'median',
      ),
    );

    // Where a passphrase protects the archive, unlocking costs one scrypt on top (N = 2^16, r = 8).
    const passphrase = randomBytes(12).toString('base64');
    const sealed = newKeyFile(
      TEST_KEY,
      { keychain: null, passphrase: await sealWithPassphrase(passphrase, TEST_KEY) },
      'saved',
    );
    const unwraps: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t0 = process.hrtime.bigint();
      await openWithPassphrase(passphrase, sealed);
      if (i > 0) unwraps.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    measures.push({
      name: 'unwrap the key with a passphrase (scrypt N = 2^16, r = 8), once per start',
      ...summarize(unwraps),
      unit: 'ms',
      budget: '— (printed)',
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return measures;
}
