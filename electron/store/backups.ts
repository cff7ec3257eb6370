// Rolling backups of the archive in a `backups/` folder beside it, written by SQLite from the live
// connection (never a file copy of a live database), encrypted with the archive's key, listed newest
// first, and restored only once verified.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
// The connection type is spelled out here rather than imported: database.ts imports this module.
type Db = Database.Database;
import { openKeyed, syncFile, type ArchiveKey } from './cipher';
import { createPrivateFile, ensurePrivateDir, makePrivate, syncDir } from './private-files';

/** How many rolling backups are kept; backups taken before a migration are never pruned. */
export const ROLLING_BACKUPS_KEPT = 10;
export const DAY_MS = 24 * 60 * 60 * 1000;

export type BackupKind = 'rolling' | 'before-migration';

export interface Backup {
  file: string;
  kind: BackupKind;
  /** Epoch milliseconds, from the file name (mtimes change when files are copied around). */
  takenAt: number;
}

export interface BackupOptions {
  now?: number;
}

export function backupDir(dbFile: string): string {
  return path.join(path.dirname(dbFile), 'backups');
}

function baseName(dbFile: string): string {
  return path.basename(dbFile, '.db');
}

/** The file names in a folder, or none when there is no such folder yet. */
export function namesIn(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Every backup of this archive, newest first. Files that do not look like one are left alone. */
export function listBackups(dbFile: string): Backup[] {
  const dir = backupDir(dbFile);
  const names = namesIn(dir);
  const base = baseName(dbFile);
  const backups: Backup[] = [];
  for (const name of names) {
    if (!name.startsWith(`${base}-`)) continue;
    const match = /^(backup|schema\d+)-(\d{13,})(?:-(\d+))?\.db$/.exec(name.slice(base.length + 1));
    if (!match) continue;
    backups.push({
      file: path.join(dir, name),
      kind: match[1] === 'backup' ? 'rolling' : 'before-migration',
      takenAt: Number(match[2]),
    });
  }
  return backups.sort((a, b) => b.takenAt - a.takenAt || b.file.localeCompare(a.file));
}

/**
 * Writes the open database into a new private file in backups/ with VACUUM INTO: a compact copy
 * of one consistent snapshot, encrypted with the connection's own key, in rollback-journal mode (so
 * reading it later leaves no -wal or -shm beside it), then prunes old ones. SQLite's backup API
 * cannot write an encrypted target (it refuses a target whose pages differ from the source's).
 */
export function takeBackup(
  db: Db,
  dbFile: string,
  options: BackupOptions & { label?: string } = {},
): Promise<Backup> {
  // A promise, as callers await it beside other work; the copy itself is one synchronous statement.
  return new Promise((resolve) => resolve(writeBackup(db, dbFile, options)));
}

function writeBackup(db: Db, dbFile: string, options: BackupOptions & { label?: string }): Backup {
  const dir = backupDir(dbFile);
  ensurePrivateDir(dir);
  const takenAt = options.now ?? Date.now();
  const label = options.label ?? 'backup';
  const target = freeName(dir, `${baseName(dbFile)}-${label}-${takenAt}`);
  // Written under a name listBackups ignores, so a crash mid-backup never leaves a half file that looks whole.
  const partial = `${target}.partial`;
  createPrivateFile(partial, { exclusive: true });
  try {
    // VACUUM INTO wants a target that does not exist; the private file reserved the name.
    fs.rmSync(partial);
    db.prepare('VACUUM INTO ?').run(partial);
    makePrivate(partial);
    syncFile(partial);
    fs.renameSync(partial, target);
    syncDir(dir);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${partial}-journal`, { force: true });
    throw error;
  }
  pruneBackups(dbFile);
  return { file: target, kind: label === 'backup' ? 'rolling' : 'before-migration', takenAt };
}

/**
 * Removes backups a killed process left half written (`….db.partial`, with any journal beside it).
 * Only the archive's owner calls this, under the archive's lock, so no live backup can be among them.
 */
export function removeInterruptedBackups(dbFile: string): string[] {
  const dir = backupDir(dbFile);
  const names = namesIn(dir);
  const base = baseName(dbFile);
  const removed = names
    .filter((name) => name.startsWith(`${base}-`) && /\.db\.partial(-journal)?$/.test(name))
    .map((name) => path.join(dir, name));
  for (const file of removed) fs.rmSync(file, { force: true });
  return removed;
}

/** Takes a backup when the newest one is older than a day (or there is none). */
export async function backupIfDue(
  db: Db,
  dbFile: string,
  options: BackupOptions = {},
): Promise<Backup | undefined> {
  const now = options.now ?? Date.now();
  const newest = listBackups(dbFile)[0];
  if (newest && now - newest.takenAt < DAY_MS) return undefined;
  return takeBackup(db, dbFile, { ...options, now });
}

/** Deletes the oldest rolling backups beyond the last `keep`. */
export function pruneBackups(dbFile: string, keep = ROLLING_BACKUPS_KEPT): string[] {
  const old = listBackups(dbFile)
    .filter((b) => b.kind === 'rolling')
    .slice(keep);
  for (const backup of old) fs.rmSync(backup.file, { force: true });
  return old.map((b) => b.file);
}

export interface VerifiedBackup {
  schemaVersion: number;
}

/** Opens a backup read-only and runs quick_check; throws if it is not a sound archive under `key`. */
export function verifyBackup(file: string, key: ArchiveKey): VerifiedBackup {
  const db = openKeyed(file, key, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new Error(`quick_check: ${String(result)}`);
    return { schemaVersion: db.pragma('user_version', { simple: true }) as number };
  } finally {
    db.close();
  }
}

/**
 * The newest backup that passes quick_check and that this version can open (a backup a newer
 * Roundtable took has a schema this one cannot read), leaving out any in `except`; or undefined.
 */
export function latestGoodBackup(
  dbFile: string,
  { key, supported, except = [] }: { key: ArchiveKey; supported: number; except?: readonly string[] },
): Backup | undefined {
  for (const backup of listBackups(dbFile)) {
    if (except.includes(backup.file)) continue;
    try {
      if (verifyBackup(backup.file, key).schemaVersion <= supported) return backup;
    } catch {
      // A damaged backup is skipped, and kept: it may still hold something worth recovering by hand.
    }
  }
  return undefined;
}

/**
 * Puts a copy of `backupFile` in place as the archive. The archive's own files must be gone (moved
 * aside), so a stale -wal can never be replayed over the restored copy. The copy is verified
 * before it takes the archive's name.
 */
export function restoreBackup(backupFile: string, dbFile: string, key: ArchiveKey): void {
  for (const existing of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) {
    if (fs.existsSync(existing)) {
      throw new Error(
        `Cannot restore over ${path.basename(existing)}: move the archive's files aside first.`,
      );
    }
  }
  const dir = path.dirname(dbFile);
  ensurePrivateDir(dir);
  const incoming = `${dbFile}.restoring`;
  fs.rmSync(incoming, { force: true });
  createPrivateFile(incoming, { exclusive: true });
  try {
    fs.copyFileSync(backupFile, incoming);
    makePrivate(incoming);
    // The copy, not the original, is what gets checked: what takes the archive's name is what passed.
    const copy = openKeyed(incoming, key, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const result = copy.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw new Error(`quick_check: ${String(result)}`);
    } finally {
      copy.close();
    }
    syncFile(incoming);
    fs.renameSync(incoming, dbFile);
    syncDir(dir);
  } catch (error) {
    for (const leftover of [incoming, `${incoming}-journal`, `${incoming}-wal`, `${incoming}-shm`]) {
      fs.rmSync(leftover, { force: true });
    }
    throw error;
  }
}

function freeName(dir: string, stem: string): string {
  for (let n = 0; ; n++) {
    const candidate = path.join(dir, n === 0 ? `${stem}.db` : `${stem}-${n}.db`);
    if (!fs.existsSync(candidate) && !fs.existsSync(`${candidate}.partial`)) return candidate;
  }
}
