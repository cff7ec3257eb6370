// The reference archive the bench measures: generated once per size and schema, then reused.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../electron/store/database';
import { MIGRATIONS } from '../../electron/store/migrations';
import { GENERATOR_VERSION, REFERENCE_ARCHIVE, generateArchive, type ArchiveSize } from './archive-generator';

export function archiveSize(small: boolean): ArchiveSize {
  return small ? { ...REFERENCE_ARCHIVE, situations: REFERENCE_ARCHIVE.situations / 10 } : REFERENCE_ARCHIVE;
}

/** Returns the path of the reference database, generating it when this size and schema has none yet. */
export async function referenceDatabase(size: ArchiveSize, log: (line: string) => void): Promise<string> {
  const dir = path.join(os.tmpdir(), 'roundtable-bench');
  fs.mkdirSync(dir, { recursive: true });
  // Keyed by the schema's text, so a changed migration never reuses a stale archive.
  const schema = crypto
    .createHash('sha256')
    .update(MIGRATIONS.map((m) => m.sql).join('\n'))
    .digest('hex')
    .slice(0, 10);
  const file = path.join(
    dir,
    `reference-s${size.situations}-c${size.contributionsPerSituation}-g${GENERATOR_VERSION}-${schema}.db`,
  );
  if (fs.existsSync(file)) return file;
  // An archive of another schema or generator will not be used again.
  for (const stale of fs.readdirSync(dir).filter((name) => name.startsWith('reference-'))) {
    fs.rmSync(path.join(dir, stale), { force: true });
  }
  fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
  log(`Generating the reference archive (${size.situations} situations) at ${file}…`);
  const partial = `${file}.partial`;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
  const db = await openDatabase(partial);
  const t0 = Date.now();
  generateArchive(db, size, undefined, (done, total) => {
    if (done % 5000 === 0 || done === total) log(`  ${done}/${total} situations`);
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  fs.renameSync(partial, file);
  log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return file;
}
