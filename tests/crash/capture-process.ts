// The process the crash test kills: it hosts the real backend worker through startBackend, as
// Electron's main process does, passes capture calls that arrive over IPC to backend.invoke, and
// acknowledges each one only after the worker has answered it ok. SIGKILL takes the worker with it.
// Built by `vite build --mode crash` into dist/crash/capture-process.cjs; runs under plain Node.
import { startBackend, type Backend } from '../../electron/backend/host';
import { AppError } from '../../shared/errors';
import type { CaptureCall, FromCaptureProcess } from './capture-protocol';

function send(message: FromCaptureProcess): void {
  process.send?.(message);
}

async function serve(workerFile: string, dbPath: string, key: string): Promise<void> {
  let backend: Backend;
  try {
    backend = await startBackend(workerFile, { dbPath, key });
  } catch (error) {
    send({
      kind: 'failed',
      code: error instanceof AppError ? error.code : 'INTERNAL',
      message: error instanceof Error ? error.message : String(error),
    });
    process.exitCode = 1;
    if (process.connected) process.disconnect();
    return;
  }
  // Passed on as they arrive, as main passes the renderer's calls: the worker answers them in order,
  // so the kill lands among calls queued in the worker, running and committing.
  process.on('message', (call: CaptureCall) => {
    void backend.invoke(call.channel, call.input).then((envelope) => {
      send(
        envelope.ok
          ? { kind: 'ack', seq: call.seq, value: envelope.value }
          : { kind: 'refused', seq: call.seq, code: envelope.error.code, message: envelope.error.message },
      );
    });
  });
  send({ kind: 'ready' });
}

const [workerFile, dbPath, key] = process.argv.slice(2);
if (!workerFile || !dbPath || !key || !process.send) {
  console.error(
    'Usage: forked with IPC by the crash test, with the backend worker bundle, the database path and the archive key (hex) as its arguments.',
  );
  process.exit(2);
}
void serve(workerFile, dbPath, key);
