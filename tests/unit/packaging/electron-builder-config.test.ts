// Pins what can be checked of packaging without Electron's binary: the electron-builder config
// loads and passes electron-builder's own schema, the targets, the afterPack hook and its fuses,
// and the Electron build of better-sqlite3 going into the package in place of a rebuild.
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as Fuses from '@electron/fuses';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { devNativeBinding, packagedNativeBinding } from '../../../electron/main/start-app';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  asar: boolean;
  npmRebuild: boolean;
  nodeGypRebuild: boolean;
  afterPack: string;
  linux: { target: string[]; executableName: string };
  mac: { target: string[] };
  win: { target: string[] };
}
interface AfterPackModule {
  (context: unknown): Promise<void>;
  createAfterPack(deps: {
    flipFuses: (binary: string, config: Record<string, unknown>) => Promise<unknown>;
    log?: () => void;
  }): (context: unknown) => Promise<void>;
  fuseSettings(platform: string): Record<string, unknown>;
}

// A copy: electron-builder's getConfig (below) normalizes the module's own object in place.
const config = structuredClone(
  require(path.join(root, 'build/electron-builder.config.cjs')),
) as BuilderConfig;
const afterPack = require(path.join(root, 'build/after-pack.cjs')) as AfterPackModule;
const { FuseV1Options, FuseVersion } = require('@electron/fuses') as typeof Fuses;
const electronVersion = (
  require(path.join(root, 'node_modules/electron/package.json')) as { version: string }
).version;
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

  it('ships the Electron build of better-sqlite3 unpacked, and never rebuilds node_modules in place', () => {
    const nativeBinary = `.native/electron-${electronVersion}/better_sqlite3.node`;
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.files).toContain(nativeBinary);
    expect(config.asarUnpack).toContain(nativeBinary);
    // Where main looks for it in a packaged app is where the package puts it.
    const appAsar = path.join('/opt/Roundtable/resources', 'app.asar');
    expect(packagedNativeBinding(appAsar, electronVersion)).toBe(
      path.join('/opt/Roundtable/resources/app.asar.unpacked', nativeBinary),
    );
    expect(devNativeBinding(root, electronVersion)).toBe(path.join(root, nativeBinary));
  });

  it('packs the built app and leaves out source maps and the Node build of better-sqlite3', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['package.json', 'dist/electron/**/*', 'dist/renderer/**/*', '!**/*.map']),
    );
    expect(
      config.files.some((f) => f.startsWith('!node_modules/better-sqlite3/') && f.includes('build')),
    ).toBe(true);
    expect(packageJson.main).toBe('dist/electron/main.cjs');
  });

  it('`npm run dist` builds the app and the Electron build of better-sqlite3 before packaging', () => {
    const steps = packageJson.scripts.dist?.split('&&').map((s) => s.trim()) ?? [];
    expect(steps).toEqual([
      'npm run build',
      'npm run native:electron',
      'electron-builder --config build/electron-builder.config.cjs',
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
    const nativeDir = path.join(resources, 'app.asar.unpacked', '.native', `electron-${electronVersion}`);
    mkdirSync(nativeDir, { recursive: true });
    if (withNative) writeFileSync(path.join(nativeDir, 'better_sqlite3.node'), 'native');
    return {
      appOutDir,
      electronPlatformName: platform,
      arch: hostArch,
      packager: {
        executableName: 'roundtable',
        appInfo: { productFilename: 'Roundtable' },
        info: { framework: { version: electronVersion } },
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

  it('refuses a package without the Electron build of better-sqlite3', async () => {
    const flipFuses = vi.fn(() => Promise.resolve(1));
    await expect(
      afterPack.createAfterPack({ flipFuses, log: () => {} })(packedApp('linux', false)),
    ).rejects.toThrow(/better-sqlite3 is missing/);
    expect(flipFuses).not.toHaveBeenCalled();
  });

  it('refuses to package another architecture than the one better-sqlite3 was built for', async () => {
    const context = { ...packedApp('linux'), arch: hostArch === ARCH.x64 ? ARCH.arm64 : ARCH.x64 };
    await expect(
      afterPack.createAfterPack({ flipFuses: () => Promise.resolve(1), log: () => {} })(context),
    ).rejects.toThrow(/build each architecture/);
  });
});
