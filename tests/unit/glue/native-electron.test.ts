// Pins that build/native-electron.mjs and main agree on where the Electron build of better-sqlite3 lives.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devNativeBinding } from '../../../electron/main/start-app';

const root = path.resolve(import.meta.dirname, '../../..');
const electronVersion = (
  JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;

describe('build/native-electron.mjs', () => {
  const printed = execFileSync(
    process.execPath,
    [path.join(root, 'build/native-electron.mjs'), '--print-path'],
    {
      encoding: 'utf8',
    },
  ).trim();

  it("prints a path under .native/electron-<installed Electron's version>/", () => {
    expect(printed).toBe(path.join(root, '.native', `electron-${electronVersion}`, 'better_sqlite3.node'));
  });

  it('prints the path main loads in development', () => {
    expect(printed).toBe(devNativeBinding(root, electronVersion));
  });

  it('never points at the Node build the tests use', () => {
    expect(printed).not.toContain('node_modules');
  });
});
