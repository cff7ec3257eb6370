// Pins what can be checked of packaging without Electron's binary: the electron-builder config
// loads and passes electron-builder's own schema, the targets, the afterPack hook and its fuses,
// and better-sqlite3's prebuilt N-API binary going into the package unpacked, with nothing rebuilt.
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as Fuses from '@electron/fuses';
import { afterAll, describe, expect, it, vi } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  asar: boolean;
  npmRebuild: boolean;
  nodeGypRebuild: boolean;
  afterPack: string;
  linux: { target: string[]; executableName: string; files: string[] };
  mac: { target: string[]; files: string[] };
  win: { target: string[]; files: string[] };
}
interface AfterPackModule {
  (context: unknown): Promise<void>;
  createAfterPack(deps: {
    flipFuses: (binary: string, config: Record<string, unknown>) => Promise<unknown>;
    log?: () => void;
  }): (context: unknown) => Promise<void>;
  fuseSettings(platform: string): Record<string, unknown>;
  prebuildName(platform: string, arch: number): string;
}

// A copy: electron-builder's getConfig (below) normalizes the module's own object in place.
const config = structuredClone(
  require(path.join(root, 'build/electron-builder.config.cjs')),
) as BuilderConfig;
const afterPack = require(path.join(root, 'build/after-pack.cjs')) as AfterPackModule;
const { FuseV1Options, FuseVersion } = require('@electron/fuses') as typeof Fuses;
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  main: string;
};

describe('build/electron-builder.config.cjs', () => {
  it('loads through electron-builder and passes its configuration schema', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig: (projectDir: string, configPath: string) => Promise<unknown>;
      validateConfiguration: (config: unknown, debugLogger: { isEnabled: boolean }) => Promise<void>;
    };
    const loaded = await getConfig(root, 'build/electron-builder.config.cjs');
    await expect(validateConfiguration(loaded, { isEnabled: false })).resolves.toBeUndefined();
  });

  it('builds AppImage and deb on Linux, dmg on macOS and an NSIS installer on Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('runs build/after-pack.cjs after packing', () => {
    expect(path.resolve(root, config.afterPack)).toBe(path.join(root, 'build/after-pack.cjs'));
    expect(typeof afterPack).toBe('function');
  });

  it("ships only the target's prebuilt better-sqlite3 binaries, unpacked, and never rebuilds node_modules", () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3-multiple-ciphers/prebuilds/*.node']);
    // electron-builder expands ${arch} (x64, arm64): the other architecture's binaries stay out.
    expect(config.files).toContain(
      '!node_modules/better-sqlite3-multiple-ciphers/prebuilds/*-!(${arch}).node',
    );
    // Each platform keeps the common list (a platform's files replace it) and leaves out the other
    // platforms' binaries, by the names better-sqlite3's package really uses.
    expect(config.linux.files).toEqual([
      ...config.files,
      '!node_modules/better-sqlite3-multiple-ciphers/prebuilds/{darwin,win32}-*.node',
    ]);
    expect(config.mac.files).toEqual([
      ...config.files,
      '!node_modules/better-sqlite3-multiple-ciphers/prebuilds/{linux,linuxmusl,win32}-*.node',
    ]);
    expect(config.win.files).toEqual([
      ...config.files,
      '!node_modules/better-sqlite3-multiple-ciphers/prebuilds/{darwin,linux,linuxmusl}-*.node',
    ]);
    const shipped = readdirSync(path.join(root, 'node_modules/better-sqlite3-multiple-ciphers/prebuilds'));
    for (const platform of ['darwin', 'linux', 'linuxmusl', 'win32']) {
      for (const arch of ['x64', 'arm64']) expect(shipped).toContain(`${platform}-${arch}.node`);
    }
  });

  it('packs the built app and leaves out source maps and the Node build of better-sqlite3', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['package.json', 'dist/electron/**/*', 'dist/renderer/**/*', '!**/*.map']),
    );
    expect(config.files).toContain(
      '!node_modules/better-sqlite3-multiple-ciphers/{build,deps,src,docs,benchmark}/**',
    );
    expect(packageJson.main).toBe('dist/electron/main.cjs');
  });

  it('`npm start` and `npm run dist` build the app and compile nothing native', () => {
    const steps = (script: string | undefined) => script?.split('&&').map((s) => s.trim()) ?? [];
    expect(steps(packageJson.scripts.dist)).toEqual([
      'npm run build',
      'electron-builder --config build/electron-builder.config.cjs',
    ]);
    expect(steps(packageJson.scripts.start)).toEqual([
      'node build/check-node.mjs',
      'npm run build',
      'electron .',
    ]);
  });
});

describe('the fuses', () => {
  const common = {
    version: FuseVersion.V1,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };

  it.each([
    ['linux', false],
    ['darwin', true],
    ['win32', true],
  ])('are exactly the hardened set on %s (asar integrity validation: %s)', (platform, integrity) => {
    expect(afterPack.fuseSettings(platform)).toEqual({
      ...common,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: integrity,
    });
  });
});

describe('build/after-pack.cjs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundtable-afterpack-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const ARCH = { x64: 1, arm64: 3 } as const;
  const hostArch = process.arch === 'arm64' ? ARCH.arm64 : ARCH.x64;

  function packedApp(platform: 'linux' | 'darwin' | 'win32', withNative = true) {
    const appOutDir = mkdtempSync(path.join(dir, `${platform}-`));
    const resources =
      platform === 'darwin'
        ? path.join(appOutDir, 'Roundtable.app', 'Contents', 'Resources')
        : path.join(appOutDir, 'resources');
    const prebuilds = path.join(
      resources,
      'app.asar.unpacked',
      'node_modules',
      'better-sqlite3-multiple-ciphers',
      'prebuilds',
    );
    mkdirSync(prebuilds, { recursive: true });
    const arch = hostArch === ARCH.arm64 ? 'arm64' : 'x64';
    if (withNative) writeFileSync(path.join(prebuilds, `${platform}-${arch}.node`), 'native');
    return {
      appOutDir,
      electronPlatformName: platform,
      arch: hostArch,
      packager: {
        executableName: 'roundtable',
        appInfo: { productFilename: 'Roundtable' },
      },
    };
  }

  it.each([
    ['linux', 'roundtable'],
    ['darwin', 'Roundtable.app'],
    ['win32', 'Roundtable.exe'],
  ] as const)('flips the fuses of the %s binary (%s)', async (platform, binary) => {
    const flipFuses = vi.fn(() => Promise.resolve(1));
    const context = packedApp(platform);
    await afterPack.createAfterPack({ flipFuses, log: () => {} })(context);
    expect(flipFuses).toHaveBeenCalledExactlyOnceWith(path.join(context.appOutDir, binary), {
      ...afterPack.fuseSettings(platform),
      resetAdHocDarwinSignature: platform === 'darwin' && hostArch === ARCH.arm64,
    });
  });

  it("refuses a package without better-sqlite3's binary for its platform", async () => {
    const flipFuses = vi.fn(() => Promise.resolve(1));
    await expect(
      afterPack.createAfterPack({ flipFuses, log: () => {} })(packedApp('linux', false)),
    ).rejects.toThrow(/prebuilt binary for this platform is missing/);
    expect(flipFuses).not.toHaveBeenCalled();
  });

  it("looks for the target architecture's binary, not the packaging machine's", async () => {
    const context = { ...packedApp('win32'), arch: hostArch === ARCH.x64 ? ARCH.arm64 : ARCH.x64 };
    await expect(
      afterPack.createAfterPack({ flipFuses: () => Promise.resolve(1), log: () => {} })(context),
    ).rejects.toThrow(/win32-(x64|arm64)\.node/);
  });

  it.each([
    ['darwin', 3, 'darwin-arm64.node'],
    ['mas', 1, 'darwin-x64.node'],
    ['win32', 1, 'win32-x64.node'],
    ['linux', 3, 'linux-arm64.node'],
  ] as const)('names the %s binary for arch %i as better-sqlite3 does (%s)', (platform, arch, name) => {
    expect(afterPack.prebuildName(platform, arch)).toBe(name);
  });
});
