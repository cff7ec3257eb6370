// What a pack holds: a group's rows, as they are in the database, checked with zod on the way in
// (a pack is untrusted input, even one that decrypts).
//
// The plaintext is gzipped lines of JSON. The first line is the header: the groups, members and tags
// the situations refer to, and how many situations follow. Each further line is one part: up to
// PART_SITUATIONS situations with their contributions, commitments, tags and endorsements. A pack of
// 20,000 situations is then written and read a part at a time, never held as one tree of objects.
// A pack of the first format is a single JSON document holding everything; it reads as a header
// followed by one part.
//
// A situation's digest credit travels as its three columns (creditName, creditOrg, creditPronoun),
// all null when it has none. They were added without a new PAYLOAD_VERSION, on purpose: the change
// only adds fields. Packs written before it (either format) have no credit fields and still read;
// the merge takes a missing credit as unknown, never as "no credit", so such a pack adds its
// situations uncredited but never clears a credit here. A Roundtable from before the change reads a
// newer pack too (zod drops fields it does not know) and merges it without the credits, as it
// would have anyway; a version bump would have made it refuse every newer pack for that.
//
// What migration 5 keeps travels the same way, additive: a situation's creditText, creditForm,
// digestNoun and textForm (missing ones are unknown, so ours stay), and a member's origin. A pack
// from before has no origin; its members are people of the group, but for the importer's "Imported"
// guest of earlier versions, recognized as migration 5 recognizes it by what a pack shows of it (a
// guest of that name with no company or title): the group's digest voice.
import { once } from 'node:events';
import { createGzip, gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { isWellFormedText } from '../../../shared/contract-fields';
import { CREDIT_PRONOUNS } from '../../../shared/digest-format';
import { MEMBER_ORIGINS } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../store/database';
import { IMPORTED_MEMBER } from '../digest-import';
import { aliased, PACK_COLUMNS, selectList } from './pack-columns';

// A string with a lone surrogate is none Roundtable writes (SQLite reads such bytes back as U+FFFD),
// and it would be stored as bytes that are not UTF-8: the pack is refused as unreadable.
const packText = z.string().refine(isWellFormedText);
const id = packText.min(1).max(64);
const ms = z.number().int().min(0);
const text = packText.max(100_000);

const group = z.object({ id, name: text, createdAt: ms, updatedAt: ms });
const member = z
  .object({
    id,
    groupId: id,
    name: text,
    company: text,
    title: text,
    role: z.enum(['chair', 'member', 'guest']),
    // Absent in packs written before migration 5 (see the top of this file).
    origin: z.enum(MEMBER_ORIGINS).optional(),
    createdAt: ms,
    updatedAt: ms,
  })
  .transform((m) => ({
    ...m,
    origin:
      m.origin ??
      (m.role === 'guest' && m.name === IMPORTED_MEMBER && m.company === '' && m.title === ''
        ? ('digest' as const)
        : ('room' as const)),
  }));
const creditText = text.nullable().optional();
const situation = z
  .object({
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
    // Absent in packs written before credits travelled (see the top of this file).
    creditName: creditText,
    creditOrg: creditText,
    creditPronoun: z.enum(CREDIT_PRONOUNS).nullable().optional(),
    creditText: text.nullable().optional(),
    creditForm: z.literal('bullet').nullable().optional(),
    digestNoun: packText
      .regex(/^[A-Za-z][A-Za-z-]{0,29}$/)
      .nullable()
      .optional(),
    textForm: z.literal('post').nullable().optional(),
  })
  .refine(wholeCredit);

/**
 * The table's situations_credit_whole rule, checked here so a pack breaking it is refused as
 * unreadable rather than failing an INSERT: no credit fields, all three null, or all three set.
 */
function wholeCredit(s: {
  creditName?: string | null;
  creditOrg?: string | null;
  creditPronoun?: string | null;
  creditText?: string | null;
  creditForm?: string | null;
}): boolean {
  const parts = [s.creditName, s.creditOrg, s.creditPronoun];
  // A credit's sentence and form only beside a credit, and a sentence that is not blank.
  const extras = [s.creditText, s.creditForm].filter((p) => p !== undefined && p !== null);
  if (extras.length > 0 && typeof s.creditName !== 'string') return false;
  if (typeof s.creditText === 'string' && !/[^ ]/.test(s.creditText)) return false;
  if (parts.every((p) => p === undefined) || parts.every((p) => p === null)) return true;
  // Blank as SQLite's trim() sees it, which trims spaces only: nothing but spaces. Asked as "is there
  // anything else", not by trimming with / +$/, which reads a long run of spaces once per space.
  return parts.every((p) => typeof p === 'string' && /[^ ]/.test(p));
}
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
const tag = z.object({ id, name: packText.min(1).max(200), createdAt: ms, updatedAt: ms });

const FORMAT = 'roundtable-pack';
/** The format of this file's lines; the first format was one document without a version. */
const PAYLOAD_VERSION = 2;
/** Situations per part: the unit a pack is written, read, merged and reported in. */
export const PART_SITUATIONS = 250;

const headerFields = {
  format: z.literal(FORMAT),
  createdAt: ms,
  groups: z.array(group),
  members: z.array(member),
  tags: z.array(tag),
};
const partFields = {
  situations: z.array(situation),
  contributions: z.array(contribution),
  commitments: z.array(commitment),
  situationTags: z.array(z.object({ situationId: id, tagId: id })),
  endorsements: z.array(z.object({ contributionId: id, memberId: id, createdAt: ms })),
};
const headerSchema = z.object({
  ...headerFields,
  version: z.literal(PAYLOAD_VERSION),
  situationCount: z.number().int().min(0),
});
const partSchema = z.object(partFields);
/** The first format: header and situations in one document. */
const singleDocumentSchema = z.object({ ...headerFields, ...partFields });

export type PackHeader = z.infer<typeof headerSchema>;
export type PackPart = z.infer<typeof partSchema>;
export type PackRow<K extends keyof PackHeader | keyof PackPart> = (PackHeader &
  PackPart)[K] extends (infer R)[]
  ? R
  : never;

/** A pack's contents as they are read: the header, then its parts one at a time. */
export interface PackReader {
  header: PackHeader;
  parts(): Iterable<PackPart>;
}

const LIVE = 'deleted_at IS NULL';
const IN_PART = 'IN (SELECT value FROM json_each(@ids))';

/** The live situations of a group, oldest first, with their confidential flag. */
export function groupSituations(db: Db, groupId: string): { id: string; confidential: number }[] {
  return db
    .prepare<[string], { id: string; confidential: number }>(
      `SELECT id, confidential FROM situations WHERE group_id = ? AND ${LIVE} ORDER BY created_at, id`,
    )
    .all(groupId);
}

/**
 * SQL answering one JSON array of the rows a query selects, built by SQLite itself: a part goes from
 * the database to the pack's text without a JavaScript object per row.
 */
function jsonArray(fields: Record<string, string>, from: string, order: string): string {
  const object = Object.entries(fields)
    .map(([field, column]) => `'${field}', ${column}`)
    .join(', ');
  return `(SELECT coalesce(json_group_array(json_object(${object}) ORDER BY ${order}), '[]') ${from})`;
}

/** One statement answering a part's five arrays, as JSON text, for the situations bound as @ids. */
function partStatement(db: Db) {
  // A sub-point travels only when every point above it does: a removed point takes its answers along.
  const kept = `WITH RECURSIVE kept(id) AS (
      SELECT id FROM contributions WHERE situation_id ${IN_PART} AND ${LIVE} AND parent_id IS NULL
      UNION ALL
      SELECT c.id FROM contributions c JOIN kept k ON c.parent_id = k.id
      WHERE c.${LIVE} AND c.situation_id ${IN_PART})`;
  const situations = jsonArray(
    PACK_COLUMNS.situations,
    `FROM situations WHERE id ${IN_PART} AND group_id = @groupId AND ${LIVE}`,
    'created_at, id',
  );
  // CROSS JOIN keeps SQLite from scanning every contribution to find the few kept ones.
  const contributions = jsonArray(
    aliased(PACK_COLUMNS.contributions, 'c'),
    'FROM kept CROSS JOIN contributions c ON c.id = kept.id',
    'c.created_at, c.id',
  );
  const commitments = jsonArray(
    PACK_COLUMNS.commitments,
    `FROM commitments WHERE situation_id ${IN_PART} AND ${LIVE}`,
    'created_at, id',
  );
  const situationTags = jsonArray(
    { situationId: 'situation_id', tagId: 'tag_id' },
    `FROM situation_tags WHERE situation_id ${IN_PART}`,
    'situation_id, tag_id',
  );
  const endorsements = jsonArray(
    { contributionId: 'e.contribution_id', memberId: 'e.member_id', createdAt: 'e.created_at' },
    'FROM kept CROSS JOIN endorsements e ON e.contribution_id = kept.id',
    'e.contribution_id, e.member_id',
  );
  return db.prepare<{ ids: string; groupId: string }, Record<keyof PackPart, string>>(
    `${kept} SELECT ${situations} AS situations, ${contributions} AS contributions,
       ${commitments} AS commitments, ${situationTags} AS situationTags, ${endorsements} AS endorsements`,
  );
}

function headerLine(db: Db, groupId: string, situationIds: readonly string[], at: number): string {
  const all = <T>(sql: string) =>
    db.prepare<{ groupId: string; ids: string }, T>(sql).all({ groupId, ids: JSON.stringify(situationIds) });
  const header: PackHeader = {
    format: FORMAT,
    version: PAYLOAD_VERSION,
    createdAt: at,
    situationCount: situationIds.length,
    groups: all(`SELECT ${selectList(PACK_COLUMNS.groups)} FROM groups WHERE id = @groupId`),
    members: all(
      `SELECT ${selectList(PACK_COLUMNS.members)}
       FROM members WHERE group_id = @groupId AND ${LIVE} ORDER BY created_at, id`,
    ),
    tags: all(
      `SELECT ${selectList(PACK_COLUMNS.tags, 't')} FROM tags t
       WHERE t.id IN (SELECT tag_id FROM situation_tags WHERE situation_id ${IN_PART}) ORDER BY t.id`,
    ),
  };
  return JSON.stringify(header);
}

/**
 * Writes a group's situations (live ones, among `situationIds`) as the pack's gzipped plaintext, a
 * part at a time: SQLite builds each part's JSON, and zlib compresses it off the thread while the
 * next part is read. `onPart` hears how many situations are written so far.
 */
export async function writePayload(
  db: Db,
  groupId: string,
  situationIds: readonly string[],
  at: number,
  onPart: (done: number, total: number) => void = () => undefined,
): Promise<Buffer> {
  const gzip = createGzip({ level: 6 });
  const compressed: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => compressed.push(chunk));
  const ended = once(gzip, 'end');
  ended.catch(() => undefined); // awaited below; a failure before then is thrown by what failed
  const write = async (line: string) => {
    if (!gzip.write(line)) await once(gzip, 'drain');
  };
  try {
    const part = partStatement(db);
    await write(headerLine(db, groupId, situationIds, at));
    for (let from = 0; from < situationIds.length; from += PART_SITUATIONS) {
      const ids = JSON.stringify(situationIds.slice(from, from + PART_SITUATIONS));
      const json = part.get({ groupId, ids });
      if (!json) throw new Error('a part of the pack read nothing');
      await write(
        `\n{"situations":${json.situations},"contributions":${json.contributions},` +
          `"commitments":${json.commitments},"situationTags":${json.situationTags},` +
          `"endorsements":${json.endorsements}}`,
      );
      onPart(Math.min(from + PART_SITUATIONS, situationIds.length), situationIds.length);
    }
    gzip.end();
    await ended;
  } catch (error) {
    gzip.destroy();
    throw error;
  }
  return Buffer.concat(compressed);
}

function unreadable(): AppError {
  return new AppError(
    'CORRUPT',
    'This pack opened, but what it holds is not an archive Roundtable can read.',
  );
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw unreadable();
  }
}

function check<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw unreadable();
  return result.data;
}

/**
 * Reads a pack's plaintext: the header at once, each part only when it is asked for (and checked
 * then). A part that fails its check throws, so a caller that merges inside one transaction writes
 * nothing from a damaged pack.
 */
export function readPayload(bytes: Buffer): PackReader {
  let plain: Buffer;
  try {
    plain = gunzipSync(bytes, { maxOutputLength: 512 * 1024 * 1024 });
  } catch {
    throw unreadable();
  }
  const firstEnd = plain.indexOf(0x0a);
  const first = parseJson(plain.subarray(0, firstEnd === -1 ? plain.length : firstEnd));
  if (typeof first !== 'object' || first === null || !('version' in first)) {
    if (firstEnd !== -1) throw unreadable();
    const whole = check(singleDocumentSchema, first);
    return {
      header: { ...whole, version: PAYLOAD_VERSION, situationCount: whole.situations.length },
      parts: () => [whole],
    };
  }
  const header = check(headerSchema, first);
  return {
    header,
    *parts() {
      let start = firstEnd === -1 ? plain.length : firstEnd + 1;
      let situations = 0;
      while (start < plain.length) {
        const end = plain.indexOf(0x0a, start);
        const part = check(partSchema, parseJson(plain.subarray(start, end === -1 ? plain.length : end)));
        situations += part.situations.length;
        if (situations > header.situationCount) throw unreadable();
        yield part;
        start = end === -1 ? plain.length : end + 1;
      }
      if (situations !== header.situationCount) throw unreadable();
    },
  };
}
