// `npm run crash-test -- 200`: kills the capture process 200 times (the default) and prints the figure.
// Add a seed to replay a run: `npm run crash-test -- 200 1234`.
import fs from 'node:fs';
import path from 'node:path';
import { runCrashRounds } from './kill-rounds';

const rounds = Number(process.argv[2] ?? 200);
const seed = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
if (!Number.isInteger(rounds) || rounds < 1 || (seed !== undefined && !Number.isInteger(seed))) {
  console.error('Usage: npm run crash-test -- [rounds] [seed]');
  process.exit(2);
}

const started = Date.now();
const report = await runCrashRounds({ rounds, ...(seed === undefined ? {} : { seed }), log: console.log });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  [
    '',
    `crash test: ${report.rounds} rounds killed with SIGKILL (seed ${report.seed}, ${seconds} s)`,
    `  kill moments: ${Object.entries(report.moments)
      .map(([moment, n]) => `${moment} ${n}`)
      .join(', ')}`,
    `  acknowledged writes: ${report.acknowledged}, checked ${report.checks} times after kills`,
    `  lost acknowledged writes: ${report.lost}`,
    `  committed but unacknowledged (ack cut off by the kill, found whole): ${report.committedUnacknowledged}`,
    `  integrity_check: ${report.problems.length === 0 ? 'ok after every round' : 'FAILED'}`,
    `  database: ${report.dbPath} (removed when the run passes)`,
  ].join('\n'),
);
if (report.problems.length > 0 || report.lost > 0 || report.rounds < rounds) {
  console.error(`\n${report.problems.join('\n')}\nThe database is kept for inspection.`);
  process.exit(1);
}
fs.rmSync(path.dirname(report.dbPath), { recursive: true, force: true });
