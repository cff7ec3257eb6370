// `npm run crash-test -- 200`: kills the backend 200 times (the default) and prints the figures.
// Add a seed to replay a run: `npm run crash-test -- 200 1234`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runCrashRounds } from './kill-rounds';
import { workerBundleProblem } from './worker-bundle';

const rounds = Number(process.argv[2] ?? 200);
const seed = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
if (!Number.isInteger(rounds) || rounds < 1 || (seed !== undefined && !Number.isInteger(seed))) {
  console.error('Usage: npm run crash-test -- [rounds] [seed]');
  process.exit(2);
}

// The rounds run the worker bundle the app runs; rebuilt here when it is missing or older than its sources.
const bundleProblem = workerBundleProblem();
if (bundleProblem) {
  console.log(`Building the backend worker: ${bundleProblem}.`);
  const vite = path.resolve(import.meta.dirname, '../../node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--mode', 'worker'], { stdio: 'inherit' });
}

const started = Date.now();
const report = await runCrashRounds({ rounds, ...(seed === undefined ? {} : { seed }), log: console.log });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const { backups } = report;
console.log(
  [
    '',
    `crash test: ${report.rounds} rounds killed with SIGKILL (seed ${report.seed}, ${seconds} s)`,
    `  kill moments: ${Object.entries(report.moments)
      .map(([moment, n]) => `${moment} ${n}`)
      .join(', ')}`,
    `  re-opened through the backend worker (startBackend): ${report.reopened} of ${report.rounds} rounds`,
    `  acknowledged writes: ${report.acknowledged}, checked ${report.checks} times after kills, through the router`,
    `  lost acknowledged writes: ${report.lost}`,
    `  committed but unacknowledged (ack cut off by the kill, found whole): ${report.committedUnacknowledged}`,
    `  integrity_check: ok after ${report.integrityOk} of ${report.rounds} rounds`,
    `  backups: ${backups.checked} sound (quick_check); daily backup due at ${backups.dailyDue} starts, ` +
      `${backups.cutOff} cut off by the kill (left as .partial)`,
    `  database: ${report.dbPath} (removed when the run passes)`,
  ].join('\n'),
);
const passed =
  report.problems.length === 0 &&
  report.lost === 0 &&
  report.rounds === rounds &&
  report.reopened === rounds &&
  report.integrityOk === rounds;
if (!passed) {
  console.error(`\n${report.problems.join('\n')}\nThe database is kept for inspection.`);
  process.exit(1);
}
fs.rmSync(path.dirname(report.dbPath), { recursive: true, force: true });
