// Deleted words leave the files: a soft delete takes them out of the full-text index, and a hard
// delete (as a purge does) plus a checkpoint leaves them nowhere in the database's pages. The pages
// are encrypted, so they are read decrypted, as someone holding the key would read them: a purge
// must overwrite the words, not only leave them under the encryption.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptedPages, decryptedWalFrames } from '../../harness/decrypted-pages';
import { TEST_KEY } from '../../harness/test-key';
import { openTestBackend, seedGroup, type TestBackend } from '../backend-fixture';

let backend: TestBackend;
beforeEach(async () => {
  backend = await openTestBackend();
});
afterEach(() => backend.close());

/** A word no stemmer changes and no other text shares a prefix with (consonants, no final s or y). */
function uniqueToken(): string {
  const letters = 'bcdfghjkmnpqrtvwxz';
  return `zqx${Array.from(crypto.randomBytes(14), (b) => letters[b % letters.length]).join('')}`;
}

/** Every byte the full-text index keeps: all rows of every FTS5 shadow table. */
function ftsIndexBytes(backend: TestBackend): Buffer {
  const shadows = backend.db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name GLOB '*_fts_*' ORDER BY name`,
    )
    .pluck()
    .all() as unknown as string[];
  expect(shadows.length).toBeGreaterThan(0);
  const parts: Buffer[] = [];
  for (const table of shadows) {
    for (const row of backend.db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]) {
      for (const cell of row) {
        if (Buffer.isBuffer(cell)) parts.push(cell);
        else if (typeof cell === 'string') parts.push(Buffer.from(cell));
      }
    }
  }
  return Buffer.concat(parts);
}

function fileBytes(file: string): Buffer {
  return fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0);
}

async function captureWithTokens(backend: TestBackend) {
  const { group, chair, ana } = await seedGroup(backend);
  const titleToken = uniqueToken();
  const bodyToken = uniqueToken();
  const situation = await backend.call('situation.create', {
    groupId: group.id,
    presenterId: ana.id,
    title: `Should I tell the board about ${titleToken} before the audit?`,
    background: 'The auditors arrive in March.',
  });
  const point = await backend.call('contribution.add', {
    situationId: situation.id,
    authorId: chair.id,
    kind: 'advice',
    body: `Tell them now; ${bodyToken} will come out anyway.`,
  });
  return { situation, point, tokens: [titleToken, bodyToken] };
}

describe('secure delete', () => {
  it('is on for the connection and for every full-text index', () => {
    expect(backend.db.pragma('secure_delete', { simple: true })).toBe(1);
    const indexes = backend.db
      .prepare(`SELECT name FROM sqlite_schema WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5%'`)
      .pluck()
      .all() as string[];
    expect(indexes.length).toBeGreaterThan(0);
    for (const index of indexes) {
      const setting = backend.db
        .prepare(`SELECT v FROM "${index}_config" WHERE k = 'secure-delete'`)
        .pluck()
        .get();
      expect(setting, `${index} has secure-delete`).toBe(1);
    }
  });

  it('takes soft-deleted words out of the full-text index, keeping the rows for undo', async () => {
    const { situation, point, tokens } = await captureWithTokens(backend);
    for (const token of tokens) expect(ftsIndexBytes(backend).includes(token), `${token} indexed`).toBe(true);

    const now = Date.now();
    backend.db.prepare('UPDATE contributions SET deleted_at = ? WHERE id = ?').run(now, point.id);
    backend.db.prepare('UPDATE situations SET deleted_at = ? WHERE id = ?').run(now, situation.id);

    const index = ftsIndexBytes(backend);
    for (const token of tokens) expect(index.includes(token), `${token} left the index`).toBe(false);
    // The rows themselves stay, so the delete can be undone.
    expect(backend.db.prepare('SELECT count(*) FROM situations WHERE id = ?').pluck().get(situation.id)).toBe(
      1,
    );
  });

  it('leaves hard-deleted words nowhere in the main file or the -wal once checkpointed', async () => {
    const { situation, point, tokens } = await captureWithTokens(backend);
    backend.db.pragma('wal_checkpoint(TRUNCATE)');
    const main = () => decryptedPages(backend.dbPath, TEST_KEY);
    const wal = () => decryptedWalFrames(`${backend.dbPath}-wal`, TEST_KEY);
    for (const token of tokens) {
      expect(main().includes(token), `${token} on disk before the purge`).toBe(true);
      expect(fileBytes(backend.dbPath).includes(token), `${token} in the clear`).toBe(false);
    }

    backend.db.transaction(() => {
      backend.db.prepare('DELETE FROM endorsements WHERE contribution_id = ?').run(point.id);
      backend.db.prepare('DELETE FROM contributions WHERE id = ?').run(point.id);
      backend.db.prepare('DELETE FROM situation_tags WHERE situation_id = ?').run(situation.id);
      backend.db.prepare('DELETE FROM situations WHERE id = ?').run(situation.id);
    })();
    // Before the checkpoint the deleted words are still in the main file: the purge has not reached it.
    expect(tokens.some((token) => main().includes(token))).toBe(true);

    // The -wal now holds the purge's page images: the words must not be in them either.
    expect(wal().length).toBeGreaterThan(0);
    for (const token of tokens) expect(wal().includes(token), `${token} in the purge's frames`).toBe(false);

    backend.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const token of tokens) {
      expect(main().includes(token), `${token} in the main file`).toBe(false);
      expect(wal().includes(token), `${token} in the -wal`).toBe(false);
      expect(fileBytes(`${backend.dbPath}-shm`).includes(token), `${token} in the -shm`).toBe(false);
    }
  });
});
