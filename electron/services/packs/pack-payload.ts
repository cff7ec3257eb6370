// What a pack holds: a group's rows, as they are in the database, checked with zod on the way in
// (a pack is untrusted input, even one that decrypts).
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../store/database';

const id = z.string().min(1).max(64);
const ms = z.number().int().min(0);
const text = z.string().max(100_000);

const group = z.object({ id, name: text, createdAt: ms, updatedAt: ms });
const member = z.object({
  id,
  groupId: id,
  name: text,
  company: text,
  title: text,
  role: z.enum(['chair', 'member', 'guest']),
  createdAt: ms,
  updatedAt: ms,
});
const situation = z.object({
  id,
  groupId: id,
  presenterId: id,
  title: text,
  background: text,
  tried: text,
  helpWanted: text,
  status: z.enum(['parked', 'processing', 'processed', 'resolved']),
  confidential: z.union([z.literal(0), z.literal(1)]),
  createdAt: ms,
  updatedAt: ms,
});
const contribution = z.object({
  id,
  situationId: id,
  parentId: id.nullable(),
  authorId: id,
  kind: z.enum(['question', 'advice', 'experience', 'observation']),
  body: text,
  position: z.number().int(),
  phase: z.enum(['present', 'clarify', 'advise', 'reflect', 'commit']).nullable(),
  createdAt: ms,
  updatedAt: ms,
});
const commitment = z.object({
  id,
  situationId: id,
  ownerId: id,
  body: text,
  dueAt: ms.nullable(),
  status: z.enum(['open', 'done', 'partly', 'not_done']),
  outcome: text,
  createdAt: ms,
  updatedAt: ms,
});
const tag = z.object({ id, name: z.string().min(1).max(200), createdAt: ms, updatedAt: ms });

export const packPayloadSchema = z.object({
  format: z.literal('roundtable-pack'),
  createdAt: ms,
  groups: z.array(group),
  members: z.array(member),
  situations: z.array(situation),
  contributions: z.array(contribution),
  commitments: z.array(commitment),
  tags: z.array(tag),
  situationTags: z.array(z.object({ situationId: id, tagId: id })),
  endorsements: z.array(z.object({ contributionId: id, memberId: id, createdAt: ms })),
});

export type PackPayload = z.infer<typeof packPayloadSchema>;
export type PackRow<K extends keyof PackPayload> = PackPayload[K] extends (infer R)[] ? R : never;

const LIVE = 'deleted_at IS NULL';

/** A group's archive (or some of its situations), without what was deleted. */
export function collectPayload(
  db: Db,
  groupId: string,
  situationIds: readonly string[],
  at: number,
): PackPayload {
  const ids = JSON.stringify(situationIds);
  const inSelection = `IN (SELECT value FROM json_each(@ids))`;
  const all = <T>(sql: string) => db.prepare<{ groupId: string; ids: string }, T>(sql).all({ groupId, ids });
  return {
    format: 'roundtable-pack',
    createdAt: at,
    groups: all(
      `SELECT id, name, created_at AS createdAt, updated_at AS updatedAt FROM groups WHERE id = @groupId`,
    ),
    members: all(
      `SELECT id, group_id AS groupId, name, company, title, role, created_at AS createdAt, updated_at AS updatedAt
       FROM members WHERE group_id = @groupId AND ${LIVE} ORDER BY created_at, id`,
    ),
    situations: all(
      `SELECT id, group_id AS groupId, presenter_id AS presenterId, title, background, tried, help_wanted AS helpWanted,
         status, confidential, created_at AS createdAt, updated_at AS updatedAt
       FROM situations WHERE group_id = @groupId AND ${LIVE} AND id ${inSelection} ORDER BY created_at, id`,
    ),
    contributions: all(
      `SELECT c.id, c.situation_id AS situationId, c.parent_id AS parentId, c.author_id AS authorId, c.kind, c.body,
         c.position, c.phase, c.created_at AS createdAt, c.updated_at AS updatedAt
       FROM contributions c WHERE c.${LIVE} AND c.situation_id ${inSelection}
         AND (c.parent_id IS NULL OR c.parent_id IN (SELECT id FROM contributions WHERE ${LIVE}))
       ORDER BY c.created_at, c.id`,
    ),
    commitments: all(
      `SELECT id, situation_id AS situationId, owner_id AS ownerId, body, due_at AS dueAt, status, outcome,
         created_at AS createdAt, updated_at AS updatedAt
       FROM commitments WHERE ${LIVE} AND situation_id ${inSelection} ORDER BY created_at, id`,
    ),
    tags: all(
      `SELECT DISTINCT t.id, t.name, t.created_at AS createdAt, t.updated_at AS updatedAt
       FROM tags t JOIN situation_tags st ON st.tag_id = t.id WHERE st.situation_id ${inSelection} ORDER BY t.id`,
    ),
    situationTags: all(
      `SELECT situation_id AS situationId, tag_id AS tagId FROM situation_tags WHERE situation_id ${inSelection}`,
    ),
    endorsements: all(
      `SELECT e.contribution_id AS contributionId, e.member_id AS memberId, e.created_at AS createdAt
       FROM endorsements e JOIN contributions c ON c.id = e.contribution_id
       WHERE c.${LIVE} AND c.situation_id ${inSelection}`,
    ),
  };
}

export function encodePayload(payload: PackPayload): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(payload), 'utf8'));
}

export function decodePayload(bytes: Buffer): PackPayload {
  try {
    return packPayloadSchema.parse(
      JSON.parse(gunzipSync(bytes, { maxOutputLength: 512 * 1024 * 1024 }).toString('utf8')),
    );
  } catch {
    throw new AppError(
      'CORRUPT',
      'This pack opened, but what it holds is not an archive Roundtable can read.',
    );
  }
}
