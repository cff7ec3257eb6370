// Files that hold the archive, its backups, damaged copies kept aside and exports are readable by
// their owner only: created 0600 in folders created 0700, whatever the process's umask.
import fs from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Creates an empty private file; with `exclusive`, fails if it exists, otherwise leaves one that does. */
export function createPrivateFile(file: string, { exclusive = false } = {}): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE_MODE));
  } catch (error) {
    if (exclusive || (error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Makes an existing file private, e.g. one another program created or one being kept aside. */
export function makePrivate(file: string): void {
  fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/** Flushes a folder's entries, so a rename in it survives a power cut (a no-op where unsupported). */
export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; its renames are durable once they return.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
