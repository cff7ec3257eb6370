// Writes what the contract cannot write yet: commitments with their outcomes and the advice that
// helped, endorsements, and situations dated in the past. It opens a second connection to the
// shell's database (WAL lets it write beside the worker) and goes through the store's own queries.
// Tests and screenshots only: the app itself writes through the router, always.
import type { CommitmentStatus, SituationStatus } from '../../shared/domain';
import { commitmentQueries } from '../../electron/store/commitments';
import type { Db } from '../../electron/store/database';
import { newId } from '../../electron/store/ids';
import { archiveKeyFrom, openKeyed } from '../../electron/store/cipher';
import type { Shell } from './shell';

export interface PastCommitment {
  situationId: string;
  ownerId: string;
  body: string;
  dueAt?: number | null;
  status?: CommitmentStatus;
  outcome?: string;
  /** Advice points the follow-up said helped. */
  helped?: string[];
}

export interface ArchiveHistory {
  addCommitment(commitment: PastCommitment): string;
  endorse(contributionId: string, memberIds: string[]): void;
  /** Moves a situation (and what was said about it) to another day. */
  backdate(situationId: string, at: number): void;
  setStatus(situationId: string, status: SituationStatus): void;
  close(): void;
}

/** A second connection to the shell's open archive, keyed with the key the shell's vault unlocked. */
export function openArchiveHistory(shell: Pick<Shell, 'vault'>): ArchiveHistory {
  const config = shell.vault.config;
  if (!config) throw new Error('The archive is locked: unlock it before writing its history.');
  const db: Db = openKeyed(config.dbPath, archiveKeyFrom(Buffer.from(config.key, 'hex')));
  // The worker's pragmas that matter to a second writer (database.ts itself needs Vite to load).
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  const commitments = commitmentQueries(db);
  const helped = db.prepare(
    'INSERT INTO advice_helped (commitment_id, contribution_id, created_at) VALUES (?, ?, ?)',
  );
  const endorsement = db.prepare(
    'INSERT OR IGNORE INTO endorsements (contribution_id, member_id, created_at) VALUES (?, ?, ?)',
  );
  const situationDate = db.prepare('UPDATE situations SET created_at = ?, updated_at = ? WHERE id = ?');
  const pointDates = db.prepare(
    'UPDATE contributions SET created_at = ? + (created_at - ?) WHERE situation_id = ?',
  );
  const status = db.prepare('UPDATE situations SET status = ? WHERE id = ?');
  const createdAt = db.prepare<[string], { createdAt: number }>(
    'SELECT created_at AS createdAt FROM situations WHERE id = ?',
  );

  return {
    addCommitment({
      situationId,
      ownerId,
      body,
      dueAt = null,
      status = 'open',
      outcome = '',
      helped: ids = [],
    }) {
      const id = newId();
      db.transaction(() => {
        commitments.insert({ id, situationId, ownerId, body, dueAt, status, outcome, now: Date.now() });
        for (const contributionId of ids) helped.run(id, contributionId, Date.now());
      })();
      return id;
    },
    endorse(contributionId, memberIds) {
      for (const memberId of memberIds) endorsement.run(contributionId, memberId, Date.now());
    },
    backdate(situationId, at) {
      const before = createdAt.get(situationId)?.createdAt;
      if (before === undefined) throw new Error(`No situation ${situationId} to backdate.`);
      db.transaction(() => {
        situationDate.run(at, at, situationId);
        pointDates.run(at, before, situationId);
      })();
    },
    setStatus(situationId, value) {
      status.run(value, situationId);
    },
    close() {
      db.close();
    },
  };
}
