// The backend worker thread: owns the only database connection and answers calls one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { createRouter } from '../ipc/router';
import { createHandlers } from '../services';
import { createStore } from '../store';
import { openDatabase } from '../store/database';
import type { FromWorker, ToWorker, WorkerConfig } from './protocol';

const port = parentPort;
if (!port) throw new Error('The backend must run as a worker thread.');

function send(message: FromWorker): void {
  port?.postMessage(message);
}

async function serve(config: WorkerConfig): Promise<void> {
  let db;
  try {
    db = await openDatabase(
      config.dbPath,
      config.nativeBinding ? { nativeBinding: config.nativeBinding } : {},
    );
  } catch (error) {
    const body =
      error instanceof AppError
        ? error.toBody()
        : { code: 'INTERNAL' as const, message: 'Roundtable could not open its archive.' };
    if (!(error instanceof AppError)) console.error(error);
    send({ kind: 'failed', error: body });
    return;
  }
  const opened = db;
  const route = createRouter(
    createHandlers({
      store: createStore(opened),
      emit: (name, payload) => send({ kind: 'event', name, payload }),
    }),
  );

  // One call at a time, in arrival order, even when a handler is asynchronous.
  let queue = Promise.resolve();
  port?.on('message', (message: ToWorker) => {
    queue = queue.then(async () => {
      if (message.kind === 'call') {
        send({ kind: 'result', id: message.id, envelope: await route(message.channel, message.input) });
      } else if (opened.open) {
        opened.pragma('wal_checkpoint(TRUNCATE)');
        opened.close();
        send({ kind: 'closed' });
      }
    });
  });
  send({ kind: 'ready' });
}

void serve(workerData as WorkerConfig);
