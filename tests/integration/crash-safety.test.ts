// A few rounds of the crash test inside `npm test` (run hundreds by hand: npm run crash-test -- 200).
// The capture process is killed with SIGKILL mid-capture; every acknowledged write must survive.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCrashRounds } from '../crash/kill-rounds';
import { tempDir } from './backend-fixture';

beforeAll(() => {
  // Built here, so the test never runs a stale capture process.
  execFileSync(
    process.execPath,
    [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--mode', 'crash'],
    {
      stdio: 'pipe',
    },
  );
}, 120_000);

describe('crash safety', () => {
  it('keeps every acknowledged write, and a sound file, through SIGKILLs at random moments', async () => {
    const dir = tempDir();
    try {
      const report = await runCrashRounds({
        rounds: 6,
        seed: 20251122,
        dir,
        // Two kills right after an acknowledgement guarantee writes to check, whatever the machine's speed.
        moments: ['after-acks', 'timed', 'startup', 'after-acks', 'timed', 'after-acks'],
      });
      expect(report.problems).toEqual([]);
      expect(report.rounds).toBe(6);
      expect(report.lost).toBe(0);
      expect(report.acknowledged).toBeGreaterThan(0);
      expect(report.checks).toBeGreaterThanOrEqual(report.acknowledged);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
