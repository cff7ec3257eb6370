// The archives the bench measures: generated once per size and schema, then reused. The reference
// archive spreads its situations over many groups; the pack archive holds them all in one group, the
// largest archive a chair would seal into one pack.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../electron/store/database';
import { openDatabase } from '../../electron/store/database';
import { TEST_KEY } from '../harness/test-key';
import { MIGRATIONS } from '../../electron/store/migrations';
import { GENERATOR_VERSION, REFERENCE_ARCHIVE, generateArchive, type ArchiveSize } from './archive-generator';

export function archiveSize(small: boolean): ArchiveSize {
  return small ? { ...REFERENCE_ARCHIVE, situations: REFERENCE_ARCHIVE.situations / 10 } : REFERENCE_ARCHIVE;
}

/** Returns the path of the reference database, generating it when this size and schema has none yet. */
export function referenceDatabase(size: ArchiveSize, log: (line: string) => void): Promise<string> {
  return cachedArchive('reference', size, log);
}

/**
 * One group holding every situation of `size`, with tags, endorsements and commitments besides the
 * generator's advice, so a pack of it carries every kind of record.
 */
export function packGroupDatabase(size: ArchiveSize, log: (line: string) => void): Promise<string> {
  return cachedArchive('pack-group', { ...size, groups: 1 }, log, decoratePackGroup);
}

async function cachedArchive(
  kind: string,
  size: ArchiveSize,
  log: (line: string) => void,
  decorate: (db: Db, situationIds: string[]) => void = () => undefined,
): Promise<string> {
  const dir = path.join(os.tmpdir(), 'roundtable-bench');
  fs.mkdirSync(dir, { recursive: true });
  // Keyed by the schema's text, so a changed migration never reuses a stale archive.
  const schema = crypto
    .createHash('sha256')
    .update(MIGRATIONS.map((m) => m.sql).join('\n'))
    .digest('hex')
    .slice(0, 10);
  const current = `-g${GENERATOR_VERSION}-${schema}.db`;
  const file = path.join(dir, `${kind}-s${size.situations}-c${size.contributionsPerSituation}${current}`);
  if (fs.existsSync(file)) return file;
  // An archive of another schema or generator will not be used again; the other size is kept.
  const stale = (name: string) =>
    name.startsWith(`${kind}-`) && !name.replace(/-(wal|shm)$/, '').endsWith(current);
  for (const name of fs.readdirSync(dir).filter(stale)) fs.rmSync(path.join(dir, name), { force: true });
  fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
  log(`Generating the ${kind} archive (${size.situations} situations) at ${file}…`);
  const partial = `${file}.partial`;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
  const db = await openDatabase(partial, { key: TEST_KEY });
  const t0 = Date.now();
  const { situationIds } = generateArchive(db, size, undefined, (done, total) => {
    if (done % 5000 === 0 || done === total) log(`  ${done}/${total} situations`);
  });
  decorate(db, situationIds);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  fs.renameSync(partial, file);
  log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return file;
}

const PACK_TAGS = ['Hiring', 'Succession', 'Pricing', 'Culture', 'Exit', 'Board', 'Cash', 'Sales'];

/** A tag or two on each situation, a commitment on every other one, and +1s on one point in four. */
function decoratePackGroup(db: Db, situationIds: string[]): void {
  const at = Date.UTC(2026, 0, 1);
  db.transaction(() => {
    const tagIds = PACK_TAGS.map((name) => {
      const id = crypto.randomUUID();
      db.prepare(`INSERT INTO tags (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)`).run(
        id,
        name,
        at,
        at,
      );
      return id;
    });
    const label = db.prepare(`INSERT INTO situation_tags (situation_id, tag_id) VALUES (?, ?)`);
    const commit = db.prepare(
      `INSERT INTO commitments (rid, id, situation_id, owner_id, body, due_at, status, outcome, created_at, updated_at)
       SELECT (s.rid << 20) + 1, ?, s.id, s.presenter_id, ?, ?, 'done', ?, s.created_at, s.created_at
       FROM situations s WHERE s.id = ?`,
    );
    situationIds.forEach((id, i) => {
      label.run(id, tagIds[i % tagIds.length]);
      if (i % 3 === 0) label.run(id, tagIds[(i + 3) % tagIds.length]);
      if (i % 2 === 0) {
        commit.run(
          crypto.randomUUID(),
          'Talk to the leadership team and decide by the next meeting.',
          at,
          'Decided, and the team agreed.',
          id,
        );
      }
    });
    db.prepare(
      `INSERT INTO endorsements (contribution_id, member_id, created_at)
       SELECT c.id, (SELECT m.id FROM members m WHERE m.id <> c.author_id ORDER BY m.id LIMIT 1), c.created_at
       FROM contributions c WHERE c.kind = 'advice' AND c.rid % 4 = 0`,
    ).run();
  })();
}
