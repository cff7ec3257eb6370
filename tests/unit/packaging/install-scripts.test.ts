// `npm install` compiles nothing and runs no dependency's install script: better-sqlite3 13 ships
// prebuilt N-API binaries, and every package that has an install script is denied by name in
// package.json's allowScripts (so npm 11 also prints no "not yet covered by allowScripts" warning).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

const pkg = readJson('package.json') as {
  allowScripts: Record<string, boolean>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = readJson('package-lock.json') as {
  packages: Record<string, { hasInstallScript?: boolean; version?: string }>;
};

describe('install scripts', () => {
  it('every locked package with an install script is denied by name in allowScripts', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([where]) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect(pkg.allowScripts[name], name).toBe(false);
    expect(Object.values(pkg.allowScripts)).not.toContain(true);
  });

  it('better-sqlite3 13 installs from its prebuilt binaries: no install script, no node-gyp', () => {
    expect(pkg.dependencies['better-sqlite3-multiple-ciphers']).toMatch(/^\^13\./);
    expect(lock.packages['node_modules/better-sqlite3-multiple-ciphers']?.hasInstallScript).toBeUndefined();
    const sqlite = readJson('node_modules/better-sqlite3-multiple-ciphers/package.json') as {
      gypfile: boolean;
      scripts?: Record<string, string>;
    };
    // gypfile: false stops npm's implicit `node-gyp rebuild` for a package with a binding.gyp.
    expect(sqlite.gypfile).toBe(false);
    expect(Object.keys(sqlite.scripts ?? {})).not.toEqual(expect.arrayContaining(['install']));
    expect(pkg.devDependencies['node-gyp']).toBeUndefined();
    expect(pkg.dependencies['node-gyp']).toBeUndefined();
  });

  it('the installed better-sqlite3 runs SQLite with FTS5 from its prebuilt binary in this Node', async () => {
    const { default: Database } = await import('better-sqlite3-multiple-ciphers');
    const db = new Database(':memory:');
    try {
      db.exec("CREATE VIRTUAL TABLE t USING fts5(body); INSERT INTO t VALUES ('advice from the CEOs')");
      expect(db.prepare("SELECT count(*) AS n FROM t WHERE t MATCH 'ceos'").get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });
});
