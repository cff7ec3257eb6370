// The built worker over an installation whose SQLite binary is missing or made for another platform,
// as a packaged app would be with a broken install: it refuses to start with a sentence (which main
// shows in a dialog) instead of crashing, and never creates or touches the archive.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackend } from '../../electron/backend/host';
import { ENGINE_MISSING } from '../../electron/store/engine';
import { AppError } from '../../shared/errors';
import { TEST_KEY_HEX } from '../harness/test-key';
import { tempDir } from './backend-fixture';

const root = path.resolve(import.meta.dirname, '../..');
const WORKER = path.join(root, 'dist/electron/backend-worker.cjs');
const SQLITE = path.join(root, 'node_modules/better-sqlite3-multiple-ciphers');
const hostBinary = `${process.platform}-${process.arch}.node`;
let dir: string;

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** An installation laid out as the package lays it out (dist/electron beside node_modules), with a broken binary. */
function installationWith(breakBinary: (prebuilds: string) => void): string {
  dir = tempDir();
  fs.mkdirSync(path.join(dir, 'dist', 'electron'), { recursive: true });
  fs.copyFileSync(WORKER, path.join(dir, 'dist', 'electron', 'backend-worker.cjs'));
  const sqlite = path.join(dir, 'node_modules', 'better-sqlite3-multiple-ciphers');
  fs.cpSync(SQLITE, sqlite, { recursive: true, filter: (from) => !from.includes(`${path.sep}deps`) });
  fs.cpSync(
    path.join(root, 'node_modules', 'node-addon-api'),
    path.join(dir, 'node_modules', 'node-addon-api'),
    {
      recursive: true,
    },
  );
  breakBinary(path.join(sqlite, 'prebuilds'));
  return path.join(dir, 'dist', 'electron', 'backend-worker.cjs');
}

describe('an installation whose SQLite binary will not load', () => {
  it.each([
    ['is missing', (prebuilds: string) => fs.rmSync(path.join(prebuilds, hostBinary))],
    [
      'was made for another platform',
      (prebuilds: string) => {
        const other = process.platform === 'win32' ? 'linux-x64.node' : 'win32-x64.node';
        fs.copyFileSync(path.join(prebuilds, other), path.join(prebuilds, hostBinary));
      },
    ],
  ])(
    'is refused with a sentence when the binary %s, and the archive is never created',
    async (_why, breakIt) => {
      const worker = installationWith(breakIt);
      const dbPath = path.join(dir, 'data', 'roundtable.db');
      fs.mkdirSync(path.dirname(dbPath));
      const failure = await startBackend(worker, { dbPath, key: TEST_KEY_HEX }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(AppError);
      expect(failure).toMatchObject({ code: 'INTERNAL', message: ENGINE_MISSING });
      expect(fs.readdirSync(path.dirname(dbPath))).toEqual([]);
    },
  );
});
