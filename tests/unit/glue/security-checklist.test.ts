// Electron's security checklist, item by item, for what other glue tests do not already pin (see
// SECURITY.md for the map from each item to its tests).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import { mainWindowOptions } from '../../../electron/main/window';

const root = path.resolve(import.meta.dirname, '../../..');
const glueFiles = [
  'electron/main.ts',
  'electron/preload.ts',
  ...readdirSync(path.join(root, 'electron/main')).map((f) => `electron/main/${f}`),
];
const source = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe("Electron's security checklist", () => {
  it('1. loads only its own packaged content: the CSP allows no remote source', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
    for (const file of glueFiles) expect(source(file), file).not.toMatch(/loadURL\(\s*['"`]https?:/);
  });

  it('10. enables no Blink features and no experimental features', () => {
    const prefs = mainWindowOptions('/p.cjs', { devTools: false }).webPreferences ?? {};
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('16. pins Electron to one exact, current major version', () => {
    const pkg = JSON.parse(source('package.json')) as { devDependencies: Record<string, string> };
    const version = pkg.devDependencies.electron ?? '';
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(40);
  });

  it('18. never uses the file:// protocol for the app', () => {
    for (const file of glueFiles) {
      expect(source(file), file).not.toMatch(/loadFile\(|['"`]file:\/\//);
      expect(source(file), file).not.toMatch(/protocol\.(handle|intercept\w*)\(\s*['"`]file['"`]/);
    }
  });
});

describe('the archive stays on this machine', () => {
  const backendFiles = (dir: string): string[] =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `${dir}/${f}`);

  it.each(['electron', 'shared'])('%s/ opens no network connection', (dir) => {
    for (const file of backendFiles(dir)) {
      const text = source(file);
      expect(text, file).not.toMatch(/from '(node:)?(http|https|http2|net|tls|dgram)'/);
      expect(text, file).not.toMatch(/\bfetch\(|\bnet\.request\(|new WebSocket\(/);
    }
  });
});
