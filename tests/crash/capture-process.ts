// The backend as a process the crash test can kill: opens the archive like the worker does
// (openDatabase, the store, the real handlers and router), answers capture calls that arrive over
// IPC one at a time, and acknowledges each one only after the router has answered it ok.
// Built by `vite build --mode crash` into dist/crash/capture-process.cjs; runs under plain Node.
import { createRouter } from '../../electron/ipc/router';
import { createHandlers } from '../../electron/services';
import { createStore } from '../../electron/store';
import { openDatabase } from '../../electron/store/database';
import type { CaptureCall, FromCaptureProcess } from './capture-protocol';

function send(message: FromCaptureProcess): void {
  process.send?.(message);
}

async function serve(dbPath: string): Promise<void> {
  let db;
  try {
    db = await openDatabase(dbPath);
  } catch (error) {
    send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    process.exitCode = 1;
    if (process.connected) process.disconnect();
    return;
  }
  const route = createRouter(createHandlers({ store: createStore(db), emit: () => {} }));
  let queue = Promise.resolve();
  process.on('message', (call: CaptureCall) => {
    queue = queue.then(async () => {
      const envelope = await route(call.channel, call.input);
      send(
        envelope.ok
          ? { kind: 'ack', seq: call.seq, value: envelope.value }
          : { kind: 'refused', seq: call.seq, code: envelope.error.code, message: envelope.error.message },
      );
    });
  });
  send({ kind: 'ready' });
}

const dbPath = process.argv[2];
if (!dbPath || !process.send) {
  console.error('Usage: forked with IPC by the crash test, with the database path as its argument.');
  process.exit(2);
}
void serve(dbPath);
