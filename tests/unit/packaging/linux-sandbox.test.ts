// Pins that Roundtable never turns Chromium's sandbox off: no flag, switch or environment variable
// that disables it appears in the packaging config, the app's sources or the built main process.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

function filesUnder(dir: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(path.join(root, file)).isFile() && !file.endsWith('.map'));
}

// Built from pieces so this file does not match its own search.
const SANDBOX_OFF = [
  ['no', 'sandbox'].join('-'),
  ['disable', 'setuid', 'sandbox'].join('-'),
  ['ELECTRON', 'DISABLE', 'SANDBOX'].join('_'),
  ['no', 'zygote'].join('-'),
];
const SANDBOX_FALSE = /\bsandbox\s*:\s*false\b/;

describe('the sandbox stays on', () => {
  const scanned = [
    'package.json',
    ...filesUnder('build'),
    ...filesUnder('electron'),
    ...filesUnder('shared'),
    ...filesUnder('dist/electron'),
  ];

  it('scans the packaging config, the sources and the built main process', () => {
    expect(scanned).toContain('build/electron-builder.config.cjs');
    expect(scanned).toContain('build/after-pack.cjs');
    expect(scanned).toContain('electron/main/start-app.ts');
  });

  it.each(SANDBOX_OFF)('no file mentions %s', (flag) => {
    const offenders = scanned.filter((file) => readFileSync(path.join(root, file), 'utf8').includes(flag));
    expect(offenders).toEqual([]);
  });

  it('no window or webview sets sandbox: false', () => {
    const offenders = scanned.filter((file) =>
      SANDBOX_FALSE.test(readFileSync(path.join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('the Linux build passes no extra arguments to the executable', () => {
    const config = createRequire(import.meta.url)(path.join(root, 'build/electron-builder.config.cjs')) as {
      linux: Record<string, unknown>;
      appImage?: Record<string, unknown>;
      deb?: Record<string, unknown>;
    };
    expect(config.linux).not.toHaveProperty('executableArgs');
    expect(config.appImage ?? {}).not.toHaveProperty('executableArgs');
    expect(config.deb ?? {}).not.toHaveProperty('executableArgs');
  });
});
