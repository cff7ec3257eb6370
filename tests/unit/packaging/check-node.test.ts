// build/check-node.mjs runs before every script that loads SQLite: an old Node gets one sentence
// naming the Node it needs and a failing exit, never better-sqlite3's segfault.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/** Runs the check in this Node, with process.versions.node reading `version`. */
function checkAs(version: string) {
  const script = `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} });
await import(${JSON.stringify(path.join(root, 'build/check-node.mjs'))});`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
}

describe('build/check-node.mjs', () => {
  it.each(['20.20.2', '18.19.0', '22.13.1'])(
    'refuses Node %s in one sentence that names 22.14 and 24',
    (v) => {
      const run = checkAs(v);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`this is Node ${v}`);
      expect(lines[0]).toMatch(/Node\.js 22\.14 or newer .*Node 24/);
    },
  );

  it.each(['22.14.0', '24.22.3', '26.0.0'])('lets Node %s through silently', (v) => {
    const run = checkAs(v);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('agrees with package.json engines and .nvmrc', async () => {
    const fs = await import('node:fs');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(pkg.engines.node).toBe('>=22.14.0');
    expect(fs.readFileSync(path.join(root, '.nvmrc'), 'utf8').trim()).toBe('24');
  });
});
