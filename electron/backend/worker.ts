// The backend worker thread: owns the only database connection and answers calls one at a time.
import { existsSync, renameSync, statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { createRouter } from '../ipc/router';
import { createHandlers } from '../services';
import { createStore } from '../store';
import { backupIfDue, takeBackup } from '../store/backups';
import type { Db } from '../store/database';
import { checkEngine } from '../store/engine';
import type { FromWorker, ToWorker, WorkerConfig } from './protocol';
import { moveAside, openArchive } from './recovery';

const port = parentPort;
if (!port) throw new Error('The backend must run as a worker thread.');

function send(message: FromWorker): void {
  port?.postMessage(message);
}

async function serve(config: WorkerConfig): Promise<void> {
  // A -wal with content at start means the last session never closed cleanly (a clean close
  // checkpoints and truncates it), so what it saved may be in no backup yet.
  const endedCleanly = !(statSync(`${config.dbPath}-wal`, { throwIfNoEntry: false })?.size ?? 0);
  let db: Db;
  try {
    checkEngine();
    db = await openArchive(config.dbPath, config.restoreFrom ? { restoreFrom: config.restoreFrom } : {});
  } catch (error) {
    const body =
      error instanceof AppError
        ? error.toBody()
        : { code: 'INTERNAL' as const, message: 'Roundtable could not open its archive.' };
    if (!(error instanceof AppError)) console.error(error);
    send({ kind: 'failed', error: body });
    return;
  }
  let opened = db;
  let pendingRestore:
    { backupFile: string; done: (keptAside: string[]) => void; fail: (e: unknown) => void } | undefined;
  const makeRoute = () =>
    createRouter(
      createHandlers({
        store: createStore(opened),
        emit: (name, payload) => send({ kind: 'event', name, payload }),
        archiveFile: config.dbPath,
        // The restore runs between calls (see the queue below): this call's answer waits for it.
        restoreArchive: (backupFile) =>
          new Promise((done, fail) => {
            pendingRestore = { backupFile, done, fail };
          }),
      }),
    );
  let route = makeRoute();

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

  // One call at a time, in arrival order, even when a handler is asynchronous.
  let queue = Promise.resolve();
  port?.on('message', (message: ToWorker) => {
    queue = queue.then(async () => {
      if (message.kind === 'call') {
        const answer = route(message.channel, message.input);
        const restore = pendingRestore;
        pendingRestore = undefined;
        if (restore) {
          // Restoring swaps the connection: close it, keep the files aside, put the backup in place, reopen.
          let keptAside: string[] = [];
          try {
            await daily;
            opened.pragma('wal_checkpoint(TRUNCATE)');
            opened.close();
            keptAside = moveAside(config.dbPath, Date.now(), 'before-restore');
            opened = await openArchive(config.dbPath, { restoreFrom: restore.backupFile });
            route = makeRoute();
            restore.done(keptAside);
          } catch (error) {
            restore.fail(error);
            // The archive as it was goes back in place, so a failed restore changes nothing. A copy of
            // the backup that would not open (damaged, or from a newer Roundtable) is set aside too.
            try {
              if (keptAside.length > 0) {
                if (existsSync(config.dbPath)) moveAside(config.dbPath, Date.now(), 'failed-restore');
                for (const file of keptAside)
                  renameSync(file, config.dbPath + (/-(wal|shm)$/.exec(file)?.[0] ?? ''));
              }
              if (!opened.open) opened = await openArchive(config.dbPath);
              route = makeRoute();
            } catch (reopenError) {
              // Calls keep getting answers (as errors) rather than the worker dying mid-meeting.
              console.error('Roundtable could not reopen its archive after a failed restore.', reopenError);
            }
          }
        }
        send({ kind: 'result', id: message.id, envelope: await answer });
      } else if (opened.open) {
        // Calls that arrived before 'close' have been answered (the queue is in order): back up
        // what no backup holds yet, checkpoint so the main file alone holds everything, then close.
        await daily;
        if (changesAtBackup === undefined || changes() !== changesAtBackup) {
          await takeBackup(opened, config.dbPath).catch((error: unknown) =>
            console.error('Roundtable could not back up its archive on quit.', error),
          );
        }
        opened.pragma('wal_checkpoint(TRUNCATE)');
        opened.close();
        send({ kind: 'closed' });
      }
    });
  });
  send({ kind: 'ready' });
}

void serve(workerData as WorkerConfig);
