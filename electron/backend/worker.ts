// The backend worker thread: owns the only database connection and answers calls one at a time.
import { existsSync, renameSync, statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, type Envelope, type ErrorBody } from '../../shared/errors';
import { createRouter } from '../ipc/router';
import { createHandlers } from '../services';
import { createStore } from '../store';
import { lockArchive, type ArchiveLock } from '../store/archive-lock';
import { backupIfDue, removeInterruptedBackups, takeBackup } from '../store/backups';
import type { Db } from '../store/database';
import { archiveKeyFrom, type ArchiveKey } from '../store/cipher';
import type { ConversionReport } from '../store/conversion';
import { checkEngine } from '../store/engine';
import { checkWritable, isArchiveDamage } from '../store/faults';
import type { FromWorker, ToWorker, WorkerConfig } from './protocol';
import { findingOf, moveAside, openArchive, setAside } from './recovery';

const port = parentPort;
if (!port) throw new Error('The backend must run as a worker thread.');

function send(message: FromWorker): void {
  port?.postMessage(message);
}

function failureBody(error: unknown): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  console.error(error);
  return { code: 'INTERNAL', message: 'Roundtable could not open its archive.' };
}

async function serve(config: WorkerConfig): Promise<void> {
  // A -wal with content at start means the last session never closed cleanly (a clean close
  // checkpoints and truncates it), so what it saved may be in no backup yet.
  const endedCleanly = !(statSync(`${config.dbPath}-wal`, { throwIfNoEntry: false })?.size ?? 0);
  let lock: ArchiveLock | undefined;
  let db: Db;
  let converted: ConversionReport | null = null;
  let key: ArchiveKey;
  try {
    if (!/^[0-9a-f]{64}$/.test(config.key)) {
      throw new AppError(
        'INTERNAL',
        'Roundtable could not open its archive: the key it was given is not a key.',
      );
    }
    key = archiveKeyFrom(Buffer.from(config.key, 'hex'));
    checkEngine();
    // A read-only folder is named before the lock, which needs to write in it.
    checkWritable(config.dbPath);
    // The lock comes before anything reads the archive's files: a second Roundtable on the same
    // archive is refused here and never touches its -wal or -shm.
    lock = lockArchive(config.dbPath);
    db = await openArchive(config.dbPath, {
      key,
      onConverted: (report) => (converted = report),
      ...(config.restoreFrom ? { restoreFrom: config.restoreFrom } : {}),
    });
    removeInterruptedBackups(config.dbPath);
  } catch (error) {
    lock?.release();
    send({ kind: 'failed', error: failureBody(error) });
    return;
  }
  const held = lock;
  let opened = db;
  /** Set once damage is found while open: the files are aside and every call gets this answer. */
  let damaged: ErrorBody | undefined;
  let pendingRestore:
    { backupFile: string; done: (keptAside: string[]) => void; fail: (e: unknown) => void } | undefined;
  const makeRoute = () =>
    createRouter(
      createHandlers({
        store: createStore(opened),
        emit: (name, payload) => send({ kind: 'event', name, payload }),
        archiveFile: config.dbPath,
        archiveKey: key,
        // The restore runs between calls (see the queue below): this call's answer waits for it.
        restoreArchive: (backupFile) =>
          new Promise((done, fail) => {
            pendingRestore = { backupFile, done, fail };
          }),
      }),
    );
  let route = makeRoute();

  /**
   * Damage SQLite found in the open archive leads where damage found at open does: the connection
   * is closed (never checkpointed into a damaged file), the files are kept aside whole, and main is
   * told, with the backup that could replace them.
   */
  const keepDamagedArchiveAside = (cause: unknown): ErrorBody => {
    try {
      opened.close();
    } catch {
      // A connection SQLite cannot close cleanly is still let go: the files are moved next.
    }
    const refusal = setAside(config.dbPath, {
      key,
      reason: 'corrupt',
      finding: `${findingOf(String(cause))} It was found while the archive was open.`,
      now: Date.now(),
      cause,
    });
    send({ kind: 'damaged', error: refusal.toBody() });
    return refusal.toBody();
  };

  const answerCall = async (channel: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (damaged) return { ok: false, error: damaged };
    const envelope = await route(channel, input);
    if (!envelope.ok && envelope.error.code === 'CORRUPT') {
      const fault = new AppError(envelope.error.code, envelope.error.message, envelope.error.details);
      if (isArchiveDamage(fault)) {
        damaged = keepDamagedArchiveAside((envelope.error.details as { cause?: unknown }).cause);
        return { ok: false, error: damaged };
      }
    }
    return envelope;
  };

  // The daily backup runs beside the calls: db.backup() copies in steps and yields between them,
  // and SQLite keeps a backup made through the same connection up to date with its writes.
  const changes = () => (opened.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  // Counted before the backup starts: a change made while it runs makes the quit back up again.
  const changesBefore = changes();
  let changesAtBackup = endedCleanly ? changesBefore : undefined;
  const daily = backupIfDue(opened, config.dbPath).then(
    (taken) => {
      if (taken) changesAtBackup = changesBefore;
    },
    (error: unknown) => console.error('Roundtable could not take its daily backup.', error),
  );

  const restore = async (request: NonNullable<typeof pendingRestore>) => {
    // Restoring swaps the connection: close it, keep the files aside, put the backup in place, reopen.
    let keptAside: string[] = [];
    try {
      await daily;
      opened.pragma('wal_checkpoint(TRUNCATE)');
      opened.close();
      keptAside = moveAside(config.dbPath, Date.now(), 'before-restore');
      opened = await openArchive(config.dbPath, { key, restoreFrom: request.backupFile });
      route = makeRoute();
      request.done(keptAside);
    } catch (error) {
      request.fail(error);
      // The archive as it was goes back in place, so a failed restore changes nothing. A copy of
      // the backup that would not open (damaged, or from a newer Roundtable) is set aside too.
      try {
        if (keptAside.length > 0) {
          if (existsSync(config.dbPath)) moveAside(config.dbPath, Date.now(), 'failed-restore');
          for (const file of keptAside)
            renameSync(file, config.dbPath + (/-(wal|shm)$/.exec(file)?.[0] ?? ''));
        }
        if (!opened.open) opened = await openArchive(config.dbPath, { key });
        route = makeRoute();
      } catch (reopenError) {
        // Calls keep getting answers (as errors) rather than the worker dying mid-meeting.
        console.error('Roundtable could not reopen its archive after a failed restore.', reopenError);
      }
    }
  };

  const close = async () => {
    // Calls that arrived before 'close' have been answered (the queue is in order): back up what
    // no backup holds yet, checkpoint so the main file alone holds everything, then close. None of
    // it may throw out of the worker: on a full disk the backup and the checkpoint fail, and what
    // was committed stays in the -wal, where the next start finds it.
    if (opened.open && !damaged) {
      await daily;
      if (changesAtBackup === undefined || changes() !== changesAtBackup) {
        await takeBackup(opened, config.dbPath).catch((error: unknown) =>
          console.error('Roundtable could not back up its archive on quit.', error),
        );
      }
      try {
        opened.pragma('wal_checkpoint(TRUNCATE)');
      } catch (error) {
        console.error('Roundtable could not checkpoint its archive on quit; the -wal keeps it.', error);
      }
      try {
        opened.close();
      } catch (error) {
        console.error('Roundtable could not close its archive cleanly.', error);
      }
    }
    held.release();
    send({ kind: 'closed' });
  };

  // One call at a time, in arrival order, even when a handler is asynchronous.
  let queue = Promise.resolve();
  port?.on('message', (message: ToWorker) => {
    queue = queue.then(async () => {
      if (message.kind === 'call') {
        const answer = answerCall(message.channel, message.input);
        const request = pendingRestore;
        pendingRestore = undefined;
        if (request) await restore(request);
        send({ kind: 'result', id: message.id, envelope: await answer });
      } else {
        await close();
      }
    });
  });
  send({ kind: 'ready', converted });
}

void serve(workerData as WorkerConfig);
