// The crash test: round after round, start the capture process over one database file, stream
// situations and points at it, SIGKILL it at a random moment, then reopen the file and check that
// every write it acknowledged is there, intact, and that SQLite finds the file sound.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CaptureCall, FromCaptureProcess } from './capture-protocol';

export const CAPTURE_PROCESS = path.resolve(import.meta.dirname, '../../dist/crash/capture-process.cjs');

/** When a round's kill comes: during start-up, a random time into capture, or right after the k-th ack. */
export type KillMoment = 'startup' | 'timed' | 'after-acks';

export interface CrashOptions {
  rounds: number;
  seed?: number;
  /** Where the database lives; a fresh temp folder by default. */
  dir?: string;
  /** The kill moments to draw from, in turn or at random. */
  moments?: readonly KillMoment[];
  /** Calls in flight at once: the kill lands among queued, running and committing calls. */
  inFlight?: number;
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
  moments: Record<KillMoment, number>;
  problems: string[];
}

interface SentWrite {
  channel: 'group.create' | 'member.create' | 'situation.create' | 'contribution.add';
  input: Record<string, unknown>;
}

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

export async function runCrashRounds(options: CrashOptions): Promise<CrashReport> {
  const seed = options.seed ?? Date.now() % 2 ** 31;
  const random = seeded(seed);
  const log = options.log ?? (() => {});
  const moments = options.moments ?? ['startup', 'timed', 'timed', 'after-acks', 'after-acks'];
  const inFlight = options.inFlight ?? 12;
  if (!fs.existsSync(CAPTURE_PROCESS)) {
    throw new Error(`Build the capture process first: npx vite build --mode crash (${CAPTURE_PROCESS})`);
  }
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'roundtable-crash-'));
  const dbPath = path.join(dir, 'roundtable.db');

  const sent = new Map<number, SentWrite>();
  /** seq → the id the backend gave the row, for every acknowledged write. */
  const acked = new Map<number, string>();
  const cast = { groupId: undefined as string | undefined, members: [] as string[] };
  const situations: string[] = [];
  const pointsBySituation = new Map<string, string[]>();
  let seq = 0;

  const report: CrashReport = {
    rounds: 0,
    seed,
    dbPath,
    acknowledged: 0,
    checks: 0,
    lost: 0,
    committedUnacknowledged: 0,
    moments: { startup: 0, timed: 0, 'after-acks': 0 },
    problems: [],
  };

  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  /** The next write: the cast first (one write at a time), then situations and points. Texts are
   * stored as sent (the contract trims, so none has surrounding spaces). */
  function nextWrite(): SentWrite | undefined {
    if (!cast.groupId) return { channel: 'group.create', input: { name: `Forum ${seq}` } };
    if (cast.members.length < 3) {
      return {
        channel: 'member.create',
        input: { groupId: cast.groupId, name: `Member ${seq}`, company: `Company ${seq}`, title: 'CEO' },
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

  for (let round = 1; round <= options.rounds; round++) {
    const moment = moments[(round - 1) % moments.length] ?? 'timed';
    report.moments[moment]++;
    await killOneRound(moment);
    const problems = verify();
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
  report.acknowledged = acked.size;
  return report;

  /** One life of the capture process, ended by SIGKILL at `moment`. */
  function killOneRound(moment: KillMoment): Promise<void> {
    return new Promise((resolve, reject) => {
      const child: ChildProcess = fork(CAPTURE_PROCESS, [dbPath], {
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

      if (moment === 'startup') timer = setTimeout(kill, random() * 150);
      child.on('message', (message: FromCaptureProcess) => {
        if (killed) return;
        switch (message.kind) {
          case 'ready':
            if (moment === 'timed') timer = setTimeout(kill, 5 + random() * 200);
            for (let i = 0; i < inFlight; i++) sendNext();
            break;
          case 'failed':
            report.problems.push(`the capture process could not open the archive: ${message.message}`);
            kill();
            break;
          case 'ack': {
            pending.delete(message.seq);
            const write = sent.get(message.seq);
            const id = (message.value as { id?: unknown } | null)?.id;
            if (!write || typeof id !== 'string') {
              report.problems.push(`ack #${message.seq} without an id`);
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
            report.problems.push(`#${message.seq} was refused: ${message.code} ${message.message}`);
            kill();
            break;
        }
      });
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (signal !== 'SIGKILL' && !report.problems.length) {
          report.problems.push(`the capture process exited by itself (${code ?? signal}): ${stderr.trim()}`);
        }
        resolve();
      });
    });
  }

  /** Reopens the file and checks it: soundness first, then every acknowledged write. */
  function verify(): string[] {
    const problems: string[] = [];
    if (!fs.existsSync(dbPath)) return problems; // killed before the file was created
    // Read-only: the hot -wal the kill left stays for the next round's open to recover, as after a real crash.
    const db = new Database(dbPath, { readonly: true });
    try {
      // Since SQLite 3.44, integrity_check also checks the FTS5 indexes against their content.
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
      const orphans = db.pragma('foreign_key_check') as unknown[];
      if (orphans.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(orphans.slice(0, 3))}`);
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version === 0) {
        if (acked.size > 0) problems.push('the schema is gone');
        return problems;
      }
      const rowFor = {
        'group.create': db.prepare('SELECT name FROM groups WHERE id = ?'),
        'member.create': db.prepare(
          'SELECT group_id AS groupId, name, company, title FROM members WHERE id = ?',
        ),
        'situation.create': db.prepare(
          'SELECT group_id AS groupId, presenter_id AS presenterId, title, background FROM situations WHERE id = ?',
        ),
        'contribution.add': db.prepare(
          `SELECT situation_id AS situationId, parent_id AS parentId, author_id AS authorId, kind, body
           FROM contributions WHERE id = ?`,
        ),
      };
      for (const [s, id] of acked) {
        const write = sent.get(s);
        if (!write) continue;
        report.checks++;
        const row = rowFor[write.channel].get(id) as Record<string, unknown> | undefined;
        const changed = row && Object.keys(row).find((key) => row[key] !== write.input[key]);
        if (!row || changed) {
          report.lost++;
          problems.push(
            `acknowledged ${write.channel} #${s} (${id}) is ${row ? `changed at ${String(changed)}` : 'missing'}`,
          );
        }
      }

      // Writes that committed but whose ack the kill cut off must be whole, and match what was sent.
      const known = new Set(acked.values());
      const rows = db
        .prepare<[], { id: string; text: string }>(
          `SELECT id, title AS text FROM situations UNION ALL SELECT id, body FROM contributions`,
        )
        .all();
      let unacknowledged = 0;
      for (const row of rows) {
        if (known.has(row.id)) continue;
        unacknowledged++;
        const s = Number(/^#(\d+) /.exec(row.text)?.[1]);
        const write = sent.get(s);
        const expected = write?.input.title ?? write?.input.body;
        if (expected !== row.text) problems.push(`row ${row.id} matches nothing that was sent`);
      }
      report.committedUnacknowledged = unacknowledged;
    } finally {
      db.close();
    }
    return problems;
  }
}
