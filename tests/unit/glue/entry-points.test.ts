// Pins what the two Electron entry files may pull in: the sandboxed preload must stay one small file
// free of zod, and main.ts must hand the real Electron modules to the tested wiring.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const source = (file: string) => readFileSync(path.join(root, file), 'utf8');

// Imports that survive compilation: `import type` and inline-only `type` names are erased.
function runtimeImports(file: string): string[] {
  const found: string[] = [];
  for (const match of source(file).matchAll(/^import\s+(?!type\s)([^'"]*?)\s*(?:from\s+)?'([^']+)';/gms)) {
    const [, names = '', specifier = ''] = match;
    const onlyTypes =
      /^\{[^}]*\}$/.test(names.trim()) &&
      names
        .slice(1, -1)
        .split(',')
        .every((n) => /^\s*type\s/.test(n) || !n.trim());
    if (!onlyTypes) found.push(specifier);
  }
  return found;
}

/** Every file and package the preload reaches at run time, following relative imports. */
function preloadGraph(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith('.')) visit(path.posix.join(path.posix.dirname(file), `${specifier}.ts`));
      else seen.add(specifier);
    }
  };
  visit('electron/preload.ts');
  return [...seen].sort();
}

describe('the preload', () => {
  it("reaches only 'electron', shared/channels, shared/bridge and its own logic", () => {
    expect(preloadGraph()).toEqual([
      'electron',
      'electron/preload.ts',
      'electron/preload/expose-api.ts',
      'shared/bridge.ts',
      'shared/channels.ts',
    ]);
  });
});

describe('electron/main.ts', () => {
  const main = source('electron/main.ts');

  it('hands the real Electron modules and the real backend to startApp', () => {
    expect(main).toMatch(/import \{[^}]*\bapp\b[^}]*\} from 'electron'/);
    expect(main).toMatch(
      /startApp\(\s*\{ app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell \}/,
    );
    expect(main).toContain('startBackend,');
    expect(main).toContain('bundleDir: __dirname');
  });
});

describe('the Electron-free glue', () => {
  it.each([
    'electron/ipc/electron-binding.ts',
    'electron/preload/expose-api.ts',
    'electron/main/start-app.ts',
  ])("%s never imports 'electron' at run time", (file) => {
    expect(runtimeImports(file)).not.toContain('electron');
  });
});
