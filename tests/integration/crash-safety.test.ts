// A few rounds of the crash test inside `npm test` (run hundreds by hand: npm run crash-test -- 200).
// The process hosting the real backend worker is killed with SIGKILL mid-capture; the worker then
// opens the archive again, and every acknowledged write must be there.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCrashRounds } from '../crash/kill-rounds';
import { workerBundleProblem } from '../crash/worker-bundle';
import { tempDir } from './backend-fixture';

beforeAll(() => {
  // The capture process is built here, so the test never runs a stale one. The worker bundle is
  // not: other test files run it meanwhile, so a stale one is refused (npm test builds it first).
  const problem = workerBundleProblem();
  if (problem)
    throw new Error(`The crash rounds run the built backend worker, but ${problem}: run npm run build.`);
  execFileSync(
    process.execPath,
    [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--mode', 'crash'],
    {
      stdio: 'pipe',
    },
  );
}, 120_000);

describe('crash safety', () => {
  it('keeps every acknowledged write, and a sound file the worker opens again, through SIGKILLs at random moments', async () => {
    const dir = tempDir();
    try {
      const report = await runCrashRounds({
        rounds: 6,
        seed: 20251122,
        dir,
        // Two kills right after an acknowledgement guarantee writes to check, whatever the machine's speed.
        moments: ['after-acks', 'timed', 'startup', 'after-acks', 'timed', 'after-acks'],
        // Round 1 takes the first daily backup; two more start as a new day, so kills meet it again.
        newDayShare: 1 / 3,
      });
      expect(report.problems).toEqual([]);
      expect(report.rounds).toBe(6);
      expect(report.reopened).toBe(6);
      expect(report.integrityOk).toBe(6);
      expect(report.lost).toBe(0);
      expect(report.acknowledged).toBeGreaterThan(0);
      expect(report.checks).toBeGreaterThanOrEqual(report.acknowledged);
      expect(report.backups.dailyDue).toBeGreaterThanOrEqual(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
