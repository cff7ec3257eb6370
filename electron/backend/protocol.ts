// Messages between the backend worker and its host (Electron's main process or the browser shell).
import type { EventName } from '../../shared/channels';
import type { Envelope, ErrorBody } from '../../shared/errors';
import type { ConversionReport } from '../store/conversion';

export interface WorkerConfig {
  dbPath: string;
  /** The archive key, hex: unwrapped by the host (keychain or passphrase), held only in memory. */
  key: string;
  /** A backup the chair chose to restore after the archive was found damaged. */
  restoreFrom?: string;
}

export type ToWorker = { kind: 'call'; id: number; channel: unknown; input: unknown } | { kind: 'close' };

export type FromWorker =
  /** The archive is open; `converted` says what encrypting an earlier version's plaintext did. */
  | { kind: 'ready'; converted: ConversionReport | null }
  | { kind: 'failed'; error: ErrorBody }
  | { kind: 'result'; id: number; envelope: Envelope<unknown> }
  | { kind: 'event'; name: EventName; payload: unknown }
  /** Damage found while the archive was open: its files are aside, and every call is refused until a restart. */
  | { kind: 'damaged'; error: ErrorBody }
  | { kind: 'closed' };
