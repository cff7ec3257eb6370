// What every domain's handlers get: the store, and a way to tell the renderer that data changed.
import type { EventName } from '../../shared/channels';
import type { EventMap } from '../../shared/contract';
import type { Store } from '../store';
import type { ArchiveKey } from '../store/cipher';

export type Emit = <E extends EventName>(event: E, payload: EventMap[E]) => void;

export interface ServiceContext {
  store: Store;
  emit: Emit;
  /** The clock meetings and timers read; tests pass one they control. Date.now when left out. */
  now?: () => number;
  /** The archive's file, for backups; absent for an archive without one. */
  archiveFile?: string;
  /** The archive's key, which its backups are encrypted with; given with archiveFile. */
  archiveKey?: ArchiveKey;
  /**
   * Puts a verified backup in place of the archive and reopens it, keeping the current files aside;
   * answers with where they were kept. Provided by the backend's host, which owns the connection.
   */
  restoreArchive?: (backupFile: string) => Promise<string[]>;
}
