// Queries for drafts: what was typed during a meeting and not yet added, one per author and context.
import type { Draft } from '../../shared/domain';
import type { Db } from './database';

export interface DraftKey {
  meetingId: string;
  authorId: string;
  context: string;
}

const COLUMNS = `id, meeting_id AS meetingId, author_id AS authorId, context, body, updated_at AS updatedAt`;

export function draftQueries(db: Db) {
  const save = db.prepare<DraftKey & { id: string; body: string; now: number }>(
    `INSERT INTO drafts (id, meeting_id, author_id, context, body, created_at, updated_at)
     VALUES (@id, @meetingId, @authorId, @context, @body, @now, @now)
     ON CONFLICT (meeting_id, author_id, context) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
  );
  const byKey = db.prepare<DraftKey, Draft>(
    `SELECT ${COLUMNS} FROM drafts WHERE meeting_id = @meetingId AND author_id = @authorId AND context = @context`,
  );
  const byMeeting = db.prepare<[string], Draft>(
    `SELECT ${COLUMNS} FROM drafts WHERE meeting_id = ? ORDER BY updated_at, id`,
  );
  const discard = db.prepare<DraftKey>(
    `DELETE FROM drafts WHERE meeting_id = @meetingId AND author_id = @authorId AND context = @context`,
  );

  return {
    save: (key: DraftKey, id: string, body: string, now: number) => save.run({ ...key, id, body, now }),
    get: (key: DraftKey): Draft | undefined => byKey.get(key),
    list: (meetingId: string): Draft[] => byMeeting.all(meetingId),
    discard: (key: DraftKey) => discard.run(key).changes > 0,
  };
}
