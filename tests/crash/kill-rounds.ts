// The crash test: round after round, start the capture process (the real backend worker, hosted as
// main hosts it) over one archive, stream situations and points at it, SIGKILL it at a random moment,
// then open the archive again through the real worker and check every write it acknowledged.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBackend, type Backend } from '../../electron/backend/host';
import { openKeyed } from '../../electron/store/cipher';
import type { BackendChannel } from '../../shared/channels';
import type { Input, Output } from '../../shared/contract';
import type { BackupEntry } from '../../shared/domain-exports';
import { AppError } from '../../shared/errors';
import { TEST_KEY, TEST_KEY_HEX } from '../harness/test-key';
import type { CaptureCall, FromCaptureProcess } from './capture-protocol';
import { WORKER_BUNDLE, workerBundleProblem } from './worker-bundle';

export const CAPTURE_PROCESS = path.resolve(import.meta.dirname, '../../dist/crash/capture-process.cjs');

/** When a round's kill comes: during start-up, a random time into capture, or right after the k-th ack. */
export type KillMoment = 'startup' | 'timed' | 'after-acks';

/**
 * A start-up kill comes within this long of the fork: past the process start, the worker's start and
 * its open of the archive (quick_check, migrations, the daily backup), so it lands in each of them.
 */
const STARTUP_KILL_WINDOW_MS = 400;

export interface CrashOptions {
  rounds: number;
  seed?: number;
  /** Where the database lives; a fresh temp folder by default. */
  dir?: string;
  /** The kill moments to draw from, in turn or at random. */
  moments?: readonly KillMoment[];
  /** Calls in flight at once: the kill lands among queued, running and committing calls. */
  inFlight?: number;
  /**
   * The share of rounds that start as the first session of a day: the rolling backups are removed
   * first, so the worker takes its daily backup beside the capture calls and the kill can cut it off.
   */
  newDayShare?: number;
  log?: (line: string) => void;
}

export interface CrashReport {
  rounds: number;
  seed: number;
  dbPath: string;
  /** Distinct writes the capture process acknowledged over all rounds. */
  acknowledged: number;
  /** Acknowledged writes looked up after each kill, summed over the rounds (each is checked every round). */
  checks: number;
  /** Acknowledged writes missing or changed after a kill: must be 0. */
  lost: number;
  /** Writes committed whose acknowledgement the kill cut off: allowed, and checked whole. */
  committedUnacknowledged: number;
  /** Rounds whose archive the backend worker opened again, through startBackend: must be every round. */
  reopened: number;
  /** Rounds after which integrity_check (and foreign_key_check) found the file sound. */
  integrityOk: number;
  backups: {
    /** Distinct backups backup.list named after the kills, each passed quick_check. */
    checked: number;
    /** Capture processes that started with their daily backup due. */
    dailyDue: number;
    /** Backups a kill cut off, left under their .partial name (which backup.list never names). */
    cutOff: number;
  };
  moments: Record<KillMoment, number>;
  problems: string[];
}

type WriteChannel = 'group.create' | 'member.create' | 'situation.create' | 'contribution.add';

interface SentWrite {
  channel: WriteChannel;
  input: Record<string, unknown>;
}

/** A row read back through the router, by the channel that writes it. */
interface SeenRow {
  channel: WriteChannel;
  row: Record<string, unknown>;
}

/** The field each write's text starts with `#seq `, so a row without an ack leads back to its call. */
const TEXT_FIELD: Record<WriteChannel, string> = {
  'group.create': 'name',
  'member.create': 'name',
  'situation.create': 'title',
  'contribution.add': 'body',
};

/** A small seeded generator (mulberry32), so a failing run can be replayed with its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ADVICE = [
  'Write down what you want the new leader to own in the first ninety days.',
  'Call your three biggest customers yourself before the announcement.',
  'Our plant move slipped six months; budget for the slip, not the plan.',
  'Ask what the board will measure you on, then decide.',
  'Try a two-week pilot with one account team before changing the comp plan.',
];

/** Why `found` is not what `write` sent, or undefined when every field sent is stored as sent. */
function differs(write: SentWrite, found: SeenRow | undefined): string | undefined {
  if (!found || found.channel !== write.channel) return 'missing';
  const key = Object.keys(write.input).find((k) => found.row[k] !== write.input[k]);
  return key === undefined ? undefined : `changed at ${key}`;
}

/** Calls a channel through the worker, and throws when it is refused. */
async function read<C extends BackendChannel>(
  backend: Backend,
  channel: C,
  input: Input<C>,
): Promise<Output<C>> {
  const envelope = await backend.invoke(channel, input);
  if (!envelope.ok) {
    throw new Error(
      `${channel} was refused after the kill: ${envelope.error.code} ${envelope.error.message}`,
    );
  }
  return envelope.value as Output<C>;
}

function reason(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

export async function runCrashRounds(options: CrashOptions): Promise<CrashReport> {
  const seed = options.seed ?? Date.now() % 2 ** 31;
  const random = seeded(seed);
  const log = options.log ?? (() => {});
  const moments = options.moments ?? ['startup', 'timed', 'timed', 'after-acks', 'after-acks'];
  const inFlight = options.inFlight ?? 12;
  const newDayShare = options.newDayShare ?? 1 / 8;
  if (!fs.existsSync(CAPTURE_PROCESS)) {
    throw new Error(`Build the capture process first: npx vite build --mode crash (${CAPTURE_PROCESS})`);
  }
  const bundleProblem = workerBundleProblem();
  if (bundleProblem) {
    throw new Error(
      `The crash test runs the backend worker as built, but ${bundleProblem}: run npm run build.`,
    );
  }
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'roundtable-crash-'));
  const dbPath = path.join(dir, 'roundtable.db');
  // The worker keeps its backups in a backups/ folder beside the archive. The test reads that folder
  // itself rather than through the store, which tsx cannot load (its migrations are bundled by Vite).
  const backupsFolder = path.join(dir, 'backups');
  const backupFiles = (ending: string) =>
    fs.existsSync(backupsFolder) ? fs.readdirSync(backupsFolder).filter((name) => name.endsWith(ending)) : [];

  const sent = new Map<number, SentWrite>();
  /** seq → the id the backend gave the row, for every acknowledged write. */
  const acked = new Map<number, string>();
  const cast = { groupId: undefined as string | undefined, members: [] as string[] };
  const situations: string[] = [];
  const pointsBySituation = new Map<string, string[]>();
  const backupsChecked = new Set<string>();
  let seq = 0;

  const report: CrashReport = {
    rounds: 0,
    seed,
    dbPath,
    acknowledged: 0,
    checks: 0,
    lost: 0,
    committedUnacknowledged: 0,
    reopened: 0,
    integrityOk: 0,
    backups: { checked: 0, dailyDue: 0, cutOff: 0 },
    moments: { startup: 0, timed: 0, 'after-acks': 0 },
    problems: [],
  };

  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  /** The next write: the cast first (one write at a time), then situations and points. Texts are
   * stored as sent (the contract trims, so none has surrounding spaces). */
  function nextWrite(): SentWrite | undefined {
    if (!cast.groupId) return { channel: 'group.create', input: { name: `#${seq} Forum` } };
    if (cast.members.length < 3) {
      return {
        channel: 'member.create',
        input: { groupId: cast.groupId, name: `#${seq} Member`, company: `Company ${seq}`, title: 'CEO' },
      };
    }
    if (situations.length === 0 || random() < 0.2) {
      return {
        channel: 'situation.create',
        input: {
          groupId: cast.groupId,
          presenterId: pick(cast.members),
          title: `#${seq} How do I hand over the sales team without losing key accounts?`,
          background:
            `#${seq} ${'Founder-led sales for ten years. '.repeat(1 + Math.floor(random() * 20))}`.trimEnd(),
        },
      };
    }
    const situationId = pick(situations);
    const points = pointsBySituation.get(situationId) ?? [];
    return {
      channel: 'contribution.add',
      input: {
        situationId,
        parentId: points.length > 0 && random() < 0.3 ? pick(points) : null,
        authorId: pick(cast.members),
        kind: pick(['question', 'advice', 'experience', 'observation'] as const),
        body: `#${seq} ${pick(ADVICE)} ${'More detail. '.repeat(Math.floor(random() * 30))}`.trimEnd(),
      },
    };
  }

  function remember(write: SentWrite, id: string): void {
    if (write.channel === 'group.create') cast.groupId = id;
    else if (write.channel === 'member.create') cast.members.push(id);
    else if (write.channel === 'situation.create') situations.push(id);
    else {
      const situationId = write.input.situationId as string;
      pointsBySituation.set(situationId, [...(pointsBySituation.get(situationId) ?? []), id]);
    }
  }

  try {
    for (let round = 1; round <= options.rounds; round++) {
      const moment = moments[(round - 1) % moments.length] ?? 'timed';
      report.moments[moment]++;
      // Every backup is younger than a day within a run, so without this only the first start takes one.
      if (random() < newDayShare) startNewDay();
      if (backupFiles('.db').length === 0) report.backups.dailyDue++;
      const problems = await killOneRound(moment);
      problems.push(...(await reopenAndCheck()));
      report.rounds = round;
      report.problems.push(...problems.map((p) => `round ${round}: ${p}`));
      if (problems.length > 0) break;
      if (round % 25 === 0 || round === options.rounds) {
        log(
          `round ${round}/${options.rounds}: ${acked.size} acknowledged writes, all present; ` +
            `${report.committedUnacknowledged} committed without acknowledgement`,
        );
      }
    }
  } catch (error) {
    report.problems.push(`round ${report.rounds + 1}: the test itself failed: ${reason(error)}`);
  }
  report.acknowledged = acked.size;
  report.backups.checked = backupsChecked.size;
  report.backups.cutOff = backupFiles('.partial').length;
  return report;

  /** As on the first start of a new day, when the newest backup is over a day old. */
  function startNewDay(): void {
    for (const name of backupFiles('.db')) fs.rmSync(path.join(backupsFolder, name), { force: true });
  }

  /** One life of the capture process, ended by SIGKILL at `moment`. */
  function killOneRound(moment: KillMoment): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const problems: string[] = [];
      const child = fork(CAPTURE_PROCESS, [WORKER_BUNDLE, dbPath, TEST_KEY_HEX], {
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      let killed = false;
      let timer: NodeJS.Timeout | undefined;
      const kill = () => {
        if (killed) return;
        killed = true;
        clearTimeout(timer);
        child.kill('SIGKILL');
      };
      const pending = new Set<number>();
      const ackTarget = 1 + Math.floor(random() * 40);
      let acksThisRound = 0;

      const sendNext = () => {
        if (killed || !child.connected) return;
        // The cast is written one call at a time, since later calls need its ids.
        const settingUp = !cast.groupId || cast.members.length < 3;
        if (settingUp && pending.size > 0) return;
        seq++;
        const write = nextWrite();
        if (!write) return;
        const call: CaptureCall = { seq, channel: write.channel, input: write.input };
        sent.set(call.seq, write);
        pending.add(call.seq);
        child.send(call);
      };

      if (moment === 'startup') timer = setTimeout(kill, random() * STARTUP_KILL_WINDOW_MS);
      child.on('message', (message: FromCaptureProcess) => {
        if (killed) return;
        switch (message.kind) {
          case 'ready':
            if (moment === 'timed') timer = setTimeout(kill, 5 + random() * 200);
            for (let i = 0; i < inFlight; i++) sendNext();
            break;
          case 'failed':
            problems.push(
              `the capture process could not open the archive: ${message.code}: ${message.message}`,
            );
            kill();
            break;
          case 'ack': {
            pending.delete(message.seq);
            const write = sent.get(message.seq);
            const id = (message.value as { id?: unknown } | null)?.id;
            if (!write || typeof id !== 'string') {
              problems.push(`ack #${message.seq} without an id`);
              kill();
              break;
            }
            acked.set(message.seq, id);
            remember(write, id);
            acksThisRound++;
            if (moment === 'after-acks' && acksThisRound >= ackTarget) kill();
            else sendNext();
            break;
          }
          case 'refused':
            problems.push(`#${message.seq} was refused: ${message.code} ${message.message}`);
            kill();
            break;
        }
      });
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (signal !== 'SIGKILL' && problems.length === 0) {
          problems.push(`the capture process exited by itself (${code ?? signal}): ${stderr.trim()}`);
        }
        resolve(problems);
      });
    });
  }

  /**
   * Opens the archive as the app does after a crash (startBackend: quick_check, recovery of the hot
   * -wal, the backups), checks every acknowledged write through the router's channels, closes it,
   * then checks the file and each backup it listed. An open the worker refuses fails the round.
   */
  async function reopenAndCheck(): Promise<string[]> {
    let backend: Backend;
    try {
      backend = await startBackend(WORKER_BUNDLE, { dbPath, key: TEST_KEY_HEX });
    } catch (error) {
      return [`the backend worker could not open the archive after the kill: ${reason(error)}`];
    }
    report.reopened++;
    const problems: string[] = [];
    let backups: BackupEntry[] = [];
    try {
      problems.push(...checkWrites(await readArchive(backend)));
      backups = await read(backend, 'backup.list', {});
    } catch (error) {
      problems.push(reason(error));
    } finally {
      await backend.close();
    }
    if (problems.length > 0) return problems;
    return [...checkFile(), ...checkBackups(backups)];
  }

  /** Every group, member, situation and point in the archive, read through the router, by id. */
  async function readArchive(backend: Backend): Promise<Map<string, SeenRow>> {
    const seen = new Map<string, SeenRow>();
    const add = (channel: WriteChannel, row: { id: string }) => seen.set(row.id, { channel, row });
    for (const group of await read(backend, 'group.list', {})) {
      add('group.create', group);
      for (const member of await read(backend, 'member.list', { groupId: group.id }))
        add('member.create', member);
    }
    // Asked for all at once: the worker answers in order, so the round trips overlap.
    const threads = await Promise.all(
      (await read(backend, 'situation.list', {})).map((summary) =>
        read(backend, 'situation.get', { id: summary.id }),
      ),
    );
    for (const thread of threads) {
      add('situation.create', thread.situation);
      for (const point of thread.contributions) add('contribution.add', point);
    }
    return seen;
  }

  function checkWrites(seen: Map<string, SeenRow>): string[] {
    const problems: string[] = [];
    for (const [s, id] of acked) {
      const write = sent.get(s);
      if (!write) continue;
      report.checks++;
      const difference = differs(write, seen.get(id));
      if (difference) {
        report.lost++;
        problems.push(`acknowledged ${write.channel} #${s} (${id}) is ${difference}`);
      }
    }
    // Writes that committed but whose ack the kill cut off must be whole, and match what was sent.
    const known = new Set(acked.values());
    let unacknowledged = 0;
    for (const [id, found] of seen) {
      if (known.has(id)) continue;
      unacknowledged++;
      const text = found.row[TEXT_FIELD[found.channel]];
      const write = sent.get(Number(/^#(\d+) /.exec(String(text))?.[1]));
      if (!write || differs(write, found))
        problems.push(`${found.channel} row ${id} matches nothing that was sent`);
    }
    report.committedUnacknowledged = unacknowledged;
    return problems;
  }

  /**
   * SQLite's own checks of the file the worker left. Read-only, and opened only once the worker has
   * checkpointed and closed it; the empty -wal and -shm such a connection creates are removed again,
   * since the app leaves none after a clean close and the next start reads their absence.
   */
  function checkFile(): string[] {
    const problems: string[] = [];
    const created = ['-wal', '-shm'].filter((suffix) => !fs.existsSync(dbPath + suffix));
    const db = openKeyed(dbPath, TEST_KEY, { readonly: true, fileMustExist: true });
    try {
      // Since SQLite 3.44, integrity_check also checks the FTS5 indexes against their content.
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
      const orphans = db.pragma('foreign_key_check') as unknown[];
      if (orphans.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(orphans.slice(0, 3))}`);
      if (problems.length === 0) report.integrityOk++;
    } finally {
      db.close();
      for (const suffix of created) fs.rmSync(dbPath + suffix, { force: true });
    }
    return problems;
  }

  /**
   * Each backup the worker lists must be whole: a kill mid-backup may leave only a .partial, never a
   * listed file that is half written. Checked once each, read-only (a backup has no -wal to leave).
   */
  function checkBackups(backups: readonly BackupEntry[]): string[] {
    const problems: string[] = [];
    for (const { name } of backups) {
      if (backupsChecked.has(name)) continue;
      backupsChecked.add(name);
      try {
        const db = openKeyed(path.join(backupsFolder, name), TEST_KEY, {
          readonly: true,
          fileMustExist: true,
        });
        try {
          const result = db.pragma('quick_check', { simple: true });
          if (result !== 'ok') problems.push(`backup ${name}: quick_check: ${String(result)}`);
        } finally {
          db.close();
        }
      } catch (error) {
        problems.push(`backup ${name} could not be read: ${reason(error)}`);
      }
    }
    return problems;
  }
}
