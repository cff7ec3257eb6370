// Runs electron-builder for real (`--linux dir`) with the project's config and afterPack hook, over a
// stand-in Electron binary (this machine cannot download Electron): the package holds the built app
// in app.asar, better-sqlite3's prebuilt N-API binaries for Linux unpacked beside it (and no other
// platform's, no sources), and the fuses flipped.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type * as Fuses from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const asar = require('@electron/asar') as {
  listPackage(file: string, options?: object): string[];
  extractFile(archive: string, file: string): Buffer;
};
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses') as typeof Fuses;
const electronVersion = (
  require(path.join(root, 'node_modules/electron/package.json')) as { version: string }
).version;

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults, in fuse-wire order: the hook must flip the ones Roundtable hardens. */
const ELECTRON_DEFAULT_WIRE = '10110001';
const PREBUILDS = path.join(root, 'node_modules/better-sqlite3-multiple-ciphers/prebuilds');
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

let work: string;

/** A project folder like ours: the real config, hook, package.json, node_modules and built app. */
function stageProject(): string {
  const project = fs.mkdtempSync(path.join(work, 'project-'));
  fs.copyFileSync(path.join(root, 'package.json'), path.join(project, 'package.json'));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  fs.mkdirSync(path.join(project, 'build'));
  for (const file of ['electron-builder.config.cjs', 'after-pack.cjs']) {
    fs.copyFileSync(path.join(root, 'build', file), path.join(project, 'build', file));
  }
  fs.cpSync(path.join(root, 'dist/electron'), path.join(project, 'dist/electron'), { recursive: true });
  fs.cpSync(path.join(root, 'dist/renderer'), path.join(project, 'dist/renderer'), { recursive: true });
  return project;
}

/** An unpacked "Electron" whose binary carries a fuse wire, as the real one does. */
function standInElectron(): string {
  const dist = fs.mkdtempSync(path.join(work, 'electron-'));
  fs.mkdirSync(path.join(dist, 'resources'));
  const binary = Buffer.concat([
    Buffer.from('stand-in electron binary\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
    Buffer.from(ELECTRON_DEFAULT_WIRE),
    Buffer.from('\nrest of the binary\n'),
  ]);
  fs.writeFileSync(path.join(dist, 'electron'), binary, { mode: 0o755 });
  fs.writeFileSync(path.join(dist, 'chrome-sandbox'), '', { mode: 0o755 });
  fs.writeFileSync(path.join(dist, 'version'), electronVersion);
  fs.writeFileSync(path.join(dist, 'LICENSE'), 'MIT');
  return dist;
}

async function packageLinuxDir(project: string) {
  return run(
    process.execPath,
    [
      path.join(root, 'node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      '--projectDir',
      project,
      '--config',
      'build/electron-builder.config.cjs',
      `-c.electronDist=${standInElectron()}`,
    ],
    {
      cwd: project,
      env: { ...process.env, CI: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
}

beforeAll(() => {
  for (const built of [
    'dist/electron/main.cjs',
    'dist/electron/preload.cjs',
    'dist/electron/backend-worker.cjs',
    'dist/renderer/index.html',
  ]) {
    if (!fs.existsSync(path.join(root, built)))
      throw new Error(`Build the app first (npm run build): ${built} is missing`);
  }
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'roundtable-packaging-'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('packaging with electron-builder (linux dir, stand-in Electron)', () => {
  let appOutDir: string;
  let output: string;
  let prebuildsBefore: string[];

  beforeAll(async () => {
    prebuildsBefore = fs.readdirSync(PREBUILDS).map((f) => sha256(path.join(PREBUILDS, f)));
    const project = stageProject();
    const result = await packageLinuxDir(project);
    output = result.stdout + result.stderr;
    appOutDir = path.join(project, 'out', 'linux-unpacked');
  }, 180_000);

  it("packs the built app into app.asar, without source maps or better-sqlite3's sources", () => {
    const files = asar.listPackage(path.join(appOutDir, 'resources', 'app.asar'), { isPack: false });
    for (const file of [
      '/package.json',
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/electron/backend-worker.cjs',
      '/dist/renderer/index.html',
      '/node_modules/better-sqlite3-multiple-ciphers/lib/database.js',
    ]) {
      expect(files).toContain(file);
    }
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(
      files.filter((f) =>
        /^\/node_modules\/better-sqlite3-multiple-ciphers\/(build|deps|src|binding\.gyp)/.test(f),
      ),
    ).toEqual([]);
  });

  it("unpacks better-sqlite3's Linux binaries beside app.asar, as npm shipped them, and no other platform's", () => {
    const unpacked = path.join(
      appOutDir,
      'resources',
      'app.asar.unpacked',
      'node_modules/better-sqlite3-multiple-ciphers/prebuilds',
    );
    const names = fs.readdirSync(unpacked).sort();
    expect(names).toEqual([`linux-${process.arch}.node`, `linuxmusl-${process.arch}.node`]);
    for (const name of names) {
      expect(sha256(path.join(unpacked, name))).toBe(sha256(path.join(PREBUILDS, name)));
    }
    expect(output).toContain('better-sqlite3 (N-API, prebuilt)');
  });

  it('flips the fuses of the packaged binary through the afterPack hook', async () => {
    const wire = await getCurrentFuseWire(path.join(appOutDir, 'roundtable'));
    const on = 49;
    const off = 48;
    expect(wire[FuseV1Options.RunAsNode]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(on);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(off);
    // Linux has no embedded asar integrity: left as Electron ships it (off).
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(off);
  });

  it('never rebuilds or touches node_modules: the prebuilt binaries are byte for byte what npm installed', () => {
    expect(fs.readdirSync(PREBUILDS).map((f) => sha256(path.join(PREBUILDS, f)))).toEqual(prebuildsBefore);
    expect(fs.existsSync(path.join(root, 'node_modules/better-sqlite3-multiple-ciphers/build'))).toBe(false);
  });
});
