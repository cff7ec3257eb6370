// Starts the backend worker and speaks to it. Electron's main process and the browser shell both
// host the backend through this, so they run the same code over the same contract.
import { Worker } from 'node:worker_threads';
import type { EventName } from '../../shared/channels';
import { AppError, type Envelope } from '../../shared/errors';
import type { ConversionReport } from '../store/conversion';
import type { FromWorker, ToWorker, WorkerConfig } from './protocol';

export interface Backend {
  /** What encrypting a plaintext archive from an earlier version did at this start, if anything. */
  readonly converted: ConversionReport | null;
  invoke(channel: unknown, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (name: EventName, payload: unknown) => void): () => void;
  /**
   * Damage found while the archive was open: its files were kept aside, the error carries the
   * DamagedArchive (as at start), and every later call is refused until the backend is restarted.
   */
  onDamaged(listener: (error: AppError) => void): () => void;
  /** Checkpoints and closes the database, then ends the worker. */
  close(): Promise<void>;
}

const STOPPED: Envelope<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: 'The archive stopped responding. Restart Roundtable; everything saved is kept.',
  },
};

export function startBackend(workerFile: string, config: WorkerConfig): Promise<Backend> {
  const worker = new Worker(workerFile, { workerData: config });
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const damageListeners = new Set<(error: AppError) => void>();
  let nextId = 1;
  let running = true;
  let whenClosed: (() => void) | undefined;

  const post = (message: ToWorker) => worker.postMessage(message);

  const backend: Backend = {
    converted: null,
    invoke(channel, input) {
      if (!running) return Promise.resolve(STOPPED);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        try {
          post({ kind: 'call', id, channel, input });
        } catch {
          // Not structured-cloneable (a function, a symbol…): refuse it as bad input.
          pending.delete(id);
          resolve({
            ok: false,
            error: { code: 'VALIDATION', message: 'That request was not understood. Nothing was saved.' },
          });
        }
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onDamaged(listener) {
      damageListeners.add(listener);
      return () => damageListeners.delete(listener);
    },
    async close() {
      if (!running) return;
      await new Promise<void>((resolve) => {
        whenClosed = resolve;
        post({ kind: 'close' });
      });
      running = false;
      await worker.terminate();
    },
  };

  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      switch (message.kind) {
        case 'ready':
          resolve({ ...backend, converted: message.converted });
          break;
        case 'failed':
          running = false;
          void worker.terminate();
          reject(new AppError(message.error.code, message.error.message, message.error.details));
          break;
        case 'result':
          pending.get(message.id)?.(message.envelope);
          pending.delete(message.id);
          break;
        case 'event':
          for (const listener of listeners) listener(message.name, message.payload);
          break;
        case 'damaged': {
          const error = new AppError(message.error.code, message.error.message, message.error.details);
          for (const listener of damageListeners) listener(error);
          break;
        }
        case 'closed':
          whenClosed?.();
          break;
      }
    });
    worker.on('error', (error) => {
      console.error(error);
      reject(new AppError('INTERNAL', 'Roundtable could not start its archive.'));
    });
    worker.on('exit', () => {
      running = false;
      for (const settle of pending.values()) settle(STOPPED);
      pending.clear();
      whenClosed?.();
    });
  });
}
