// Encrypting an archive an earlier Roundtable wrote in plaintext, in steps that can each be cut off
// by a crash or a kill without losing it: the plaintext archive keeps its name, untouched, until an
// encrypted copy has been written beside it, verified row for row, and renamed over it in one step.
// The plaintext is kept (as a second name for the same file) until the chair confirms; its
// backups are re-encrypted. See docs/architecture.md "Encryption at rest".
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { encryptInPlace, isPlaintextDatabase, openKeyed, syncFile, type ArchiveKey } from './cipher';
import { AppError } from '../../shared/errors';
import { listBackups, namesIn } from './backups';
import { storageFault } from './faults';
import { createPrivateFile, makePrivate, syncDir } from './private-files';

type Db = Database.Database;

export interface ConversionReport {
  /** Whether the archive itself was encrypted by this run (false: only leftovers were dealt with). */
  archiveEncrypted: boolean;
  /** The plaintext archive as it was before, kept until the chair confirms; its file name. */
  plaintextCopy: string | null;
  /** Backups that were plaintext and are now encrypted. */
  backupsEncrypted: number;
  /** Plaintext backups that could not be encrypted (damaged) and were removed. */
  backupsRemoved: number;
  /** Files kept aside by an earlier version (damaged copies, before-restore copies) that are plaintext. */
  plaintextAside: string[];
}

/** The steps of a conversion, in order: tests kill the process at each one. */
export const CONVERSION_STEPS = [
  'checkpointed',
  'copied',
  'encrypted',
  'verified',
  'plaintext-kept',
  'swapped',
  'backups',
] as const;
export type ConversionStep = (typeof CONVERSION_STEPS)[number];

export interface ConversionOptions {
  now?: number;
  /** Called as each step completes. */
  onStep?: (step: ConversionStep) => void;
}

const PLAINTEXT_COPY = /\.plaintext-[0-9TZ-]+(?:-\d+)?$/;

/**
 * Encrypts the plaintext archive `file` under `key`, then its plaintext backups. `file` has been
 * checked (quick_check, schema) by the caller and nothing else has it open (the archive lock).
 */
export function convertToEncrypted(
  file: string,
  key: ArchiveKey,
  options: ConversionOptions = {},
): ConversionReport {
  const step = options.onStep ?? (() => undefined);
  const encrypting = `${file}.encrypting`;
  // What a cut-off run left: the plaintext archive still has its name, so it is the truth and the
  // work starts again. A plaintext copy that is only another name for the archive goes too.
  for (const stale of [encrypting, `${encrypting}-journal`]) fs.rmSync(stale, { force: true });
  for (const copy of plaintextCopies(file)) if (sameFile(copy, file)) fs.rmSync(copy);

  let copy: string;
  try {
    copy = encryptArchive(file, key, options, step);
  } catch (error) {
    // The plaintext archive still has its name (the swap is the last thing that can fail before the
    // backups): the half-made copy goes, and the chair is told in a sentence.
    for (const stale of [encrypting, `${encrypting}-journal`]) fs.rmSync(stale, { force: true });
    for (const kept of plaintextCopies(file)) if (sameFile(kept, file)) fs.rmSync(kept);
    throw (
      storageFault(error) ??
      new AppError(
        'INTERNAL',
        'Roundtable could not encrypt the archive an earlier version left unencrypted. The archive was not changed; open Roundtable again to try once more.',
        { cause: error instanceof Error ? error.message.slice(0, 300) : String(error) },
      )
    );
  }
  const leftovers = encryptLeftovers(file, key);
  step('backups');
  return { ...leftovers, archiveEncrypted: true, plaintextCopy: path.basename(copy) };
}

/** Steps 1 to 4: the archive encrypted under its own name; answers with the plaintext copy's path. */
function encryptArchive(
  file: string,
  key: ArchiveKey,
  options: ConversionOptions,
  step: (name: ConversionStep) => void,
): string {
  const dir = path.dirname(file);
  const encrypting = `${file}.encrypting`;
  // 1. Everything the archive holds into its main file, and out of WAL mode: SQLite re-keys only a
  // database with a rollback journal.
  const plain = new Database(file, { fileMustExist: true });
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
    plain.pragma('journal_mode = DELETE');
  } finally {
    plain.close();
  }
  step('checkpointed');

  // 2. A private copy, encrypted in place: every page rewritten under the key, free pages too.
  createPrivateFile(encrypting, { exclusive: true });
  fs.copyFileSync(file, encrypting);
  makePrivate(encrypting);
  step('copied');
  encryptInPlace(encrypting, key);
  syncFile(encrypting);
  step('encrypted');

  // 3. The copy must hold what the archive holds: every table's rows, the schema version, its id.
  verifySameContents(file, encrypting, key);
  step('verified');

  // 4. The plaintext gets a second name before the encrypted copy takes the first, so at every
  // moment the archive's name holds one whole archive, plaintext or encrypted.
  const copy = freeName(`${file}.plaintext-${stamp(options.now ?? Date.now())}`);
  keepAs(file, copy);
  syncDir(dir);
  step('plaintext-kept');
  fs.renameSync(encrypting, file);
  syncDir(dir);
  step('swapped');
  return copy;
}

/**
 * Encrypts the backups an earlier version took in plaintext, each through a private copy that
 * replaces it only once verified; one that cannot be (damaged) is removed. Runs at every open, so
 * a conversion cut off among the backups finishes on the next start.
 */
export function encryptLeftovers(file: string, key: ArchiveKey): Omit<ConversionReport, 'archiveEncrypted'> {
  let backupsEncrypted = 0;
  let backupsRemoved = 0;
  for (const backup of listBackups(file)) {
    if (!isPlaintextDatabase(backup.file)) continue;
    const encrypting = `${backup.file}.encrypting`;
    try {
      fs.rmSync(encrypting, { force: true });
      createPrivateFile(encrypting, { exclusive: true });
      fs.copyFileSync(backup.file, encrypting);
      makePrivate(encrypting);
      encryptInPlace(encrypting, key);
      syncFile(encrypting);
      verifySameContents(backup.file, encrypting, key);
      fs.renameSync(encrypting, backup.file);
      backupsEncrypted++;
    } catch {
      for (const f of [encrypting, `${encrypting}-journal`]) fs.rmSync(f, { force: true });
      fs.rmSync(backup.file, { force: true });
      backupsRemoved++;
    }
  }
  if (backupsEncrypted + backupsRemoved > 0) syncDir(path.dirname(listBackups(file)[0]?.file ?? file));
  const copies = plaintextCopies(file);
  return {
    plaintextCopy: copies[0] ? path.basename(copies[0]) : null,
    backupsEncrypted,
    backupsRemoved,
    plaintextAside: plaintextAside(file),
  };
}

/** The plaintext archives conversion kept beside `file`, newest first. */
export function plaintextCopies(file: string): string[] {
  const dir = path.dirname(file);
  const base = path.basename(file);
  return namesIn(dir)
    .filter((name) => name.startsWith(`${base}.plaintext-`) && PLAINTEXT_COPY.test(name))
    .map((name) => path.join(dir, name))
    .sort()
    .reverse();
}

/** Files kept aside (damaged, before a restore) that an earlier version wrote in plaintext. */
export function plaintextAside(file: string): string[] {
  const dir = path.dirname(file);
  const base = path.basename(file);
  return namesIn(dir)
    .filter((name) => /^\.(corrupt|before-restore|failed-restore)-/.test(name.slice(base.length)))
    .filter((name) => name.startsWith(base) && !/-(wal|shm)$/.test(name))
    .filter((name) => isPlaintextDatabase(path.join(dir, name)))
    .sort();
}

/**
 * Deletes the plaintext copies once the chair confirmed the encrypted archive. Each is overwritten
 * with zeros first, so its blocks do not keep it on disks that write in place (SSDs may still keep
 * old blocks; see SECURITY.md).
 */
export function discardPlaintextCopies(file: string): string[] {
  const removed: string[] = [];
  for (const copy of plaintextCopies(file)) {
    const size = fs.statSync(copy).size;
    const fd = fs.openSync(copy, 'r+');
    try {
      const zeros = Buffer.alloc(Math.min(size, 1 << 20));
      for (let at = 0; at < size; at += zeros.length) {
        fs.writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.rmSync(copy);
    removed.push(path.basename(copy));
  }
  syncDir(path.dirname(file));
  return removed;
}

function verifySameContents(plainFile: string, encryptedFile: string, key: ArchiveKey): void {
  const plain = new Database(plainFile, { readonly: true, fileMustExist: true });
  const encrypted = openKeyed(encryptedFile, key, { readonly: true, fileMustExist: true });
  try {
    const result: unknown = encrypted.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new Error(`The encrypted copy failed quick_check: ${String(result)}`);
    for (const pragma of ['user_version', 'application_id']) {
      if (plain.pragma(pragma, { simple: true }) !== encrypted.pragma(pragma, { simple: true }))
        throw new Error(`The encrypted copy has another ${pragma}.`);
    }
    const before = rowCounts(plain);
    const after = rowCounts(encrypted);
    if (JSON.stringify(before) !== JSON.stringify(after))
      throw new Error('The encrypted copy does not hold the same rows.');
  } finally {
    plain.close();
    encrypted.close();
  }
}

function rowCounts(db: Db): Record<string, number> {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((name) => [
      name,
      db
        .prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`)
        .pluck()
        .get() as number,
    ]),
  );
}

/** A second name for the file (a hard link: no second copy of the plaintext is written), or a copy. */
function keepAs(file: string, copy: string): void {
  try {
    fs.linkSync(file, copy);
  } catch {
    fs.copyFileSync(file, copy, fs.constants.COPYFILE_EXCL);
    syncFile(copy);
  }
  makePrivate(copy);
}

function sameFile(a: string, b: string): boolean {
  const x = fs.statSync(a, { throwIfNoEntry: false });
  const y = fs.statSync(b, { throwIfNoEntry: false });
  return !!x && !!y && x.ino === y.ino && x.dev === y.dev && x.ino !== 0;
}

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/g, '-');
}

function freeName(stem: string): string {
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? stem : `${stem}-${n}`;
    if (!fs.existsSync(candidate)) return candidate;
  }
}
