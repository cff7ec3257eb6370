// Payloads an untrusted renderer could send: wrong types, huge strings, deep nesting, prototype
// keys, and near-valid inputs built from each channel's own field names with hostile values.
import fc from 'fast-check';
import { isChannel, type Channel } from '../../shared/channels';
import { contract, ROUND_ACTIONS, type Input } from '../../shared/contract';
import {
  AGENDA_KINDS,
  ARCHIVE_SORTS,
  ARCHIVE_STATUSES,
  ATTENDANCE_STATUSES,
  CONTRIBUTION_KINDS,
  MEMBER_ROLES,
  OUTCOMES,
  PHASES,
  PRIORITIES,
} from '../../shared/domain';

/** Nested `depth` levels deep, alternating arrays and objects. */
export function nested(depth: number, leaf: unknown = 'bottom'): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { inner: value };
  return value;
}

/** Objects whose own keys are the ones prototype-pollution attacks use. */
export function pollutionPayloads(): unknown[] {
  const nullProto = Object.create(null) as Record<string, unknown>;
  nullProto.name = 'Forum';
  nullProto.__proto__ = { polluted: true };
  return [
    JSON.parse('{"__proto__": {"polluted": true}}'),
    JSON.parse('{"name": "Forum", "__proto__": {"polluted": true}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
    { prototype: { polluted: true } },
    { constructor: 'Forum', toString: 'x', valueOf: 1, hasOwnProperty: false },
    nullProto,
  ];
}

export const HUGE = 'x'.repeat(300_000);

/**
 * The valid input once per text in it (at any depth), that text ending in half an emoji: a lone
 * surrogate, which has no UTF-8 form.
 */
export function withBrokenText(valid: unknown): { path: string; payload: unknown }[] {
  if (typeof valid === 'string') return [{ path: '', payload: `${valid}\uD83D` }];
  if (Array.isArray(valid)) {
    return valid.flatMap((item: unknown, i) =>
      withBrokenText(item).map(({ path, payload }) => ({
        path: path ? `${i}.${path}` : `${i}`,
        payload: valid.map((other: unknown, j) => (j === i ? payload : other)),
      })),
    );
  }
  if (typeof valid !== 'object' || valid === null) return [];
  return Object.entries(valid).flatMap(([key, value]) =>
    withBrokenText(value).map(({ path, payload }) => ({
      path: path ? `${key}.${path}` : key,
      payload: { ...valid, [key]: payload },
    })),
  );
}

/** Classes of the caller's own, with nothing of their own but what is assigned to them. */
class CallerRequest {
  describe(): string {
    return 'a request';
  }
}
class CallerList extends Array<unknown> {}

/**
 * A valid input dressed as something other than plain data: what structured clone carries across
 * IPC as itself (an Error, a Date, a Map), an instance of a class, or its fields handed over through
 * a prototype or a getter. zod reads every one of these field by field as if it were the plain input.
 */
export function nonPlainPayloads(
  valid: object,
  /** Called whenever one of the getters is read. */
  onRead: () => void = () => undefined,
): { label: string; payload: unknown }[] {
  const fields: [string, unknown][] = Object.entries(valid);
  const getters = (): PropertyDescriptorMap =>
    Object.fromEntries(
      fields.map(([key, value]) => [
        key,
        {
          get: () => {
            onRead();
            return value;
          },
          enumerable: true,
        },
      ]),
    );
  const payloads = [
    { label: 'an Error with its fields', payload: Object.assign(new RangeError('boom'), valid) },
    { label: 'a Date with its fields', payload: Object.assign(new Date(0), valid) },
    { label: 'a Map with its fields', payload: Object.assign(new Map(), valid) },
    { label: 'an instance of a class', payload: Object.assign(new CallerRequest(), valid) },
    { label: 'its fields inherited', payload: Object.create(valid) as unknown },
    {
      label: 'its fields as getters on a prototype',
      payload: Object.create(Object.defineProperties({}, getters())) as unknown,
    },
  ];
  // Without fields, an object of getters is the plain {} a channel without input takes.
  if (fields.length > 0) {
    payloads.push({ label: 'its fields as getters', payload: Object.defineProperties({}, getters()) });
  }
  // One level down: a credit, a segment or a vote given as a class instance, a list as a subclass.
  const nested = fields.map(([key, value]): [string, unknown] => {
    if (Array.isArray(value)) {
      const items = value.map((item: unknown) =>
        typeof item === 'object' && item !== null ? Object.assign(new CallerRequest(), item) : item,
      );
      return [key, Object.setPrototypeOf(items, CallerList.prototype)];
    }
    if (typeof value === 'object' && value !== null) return [key, Object.assign(new CallerRequest(), value)];
    return [key, value];
  });
  if (nested.some(([key, value]) => value !== (valid as Record<string, unknown>)[key])) {
    payloads.push({ label: 'a field that is not plain data', payload: Object.fromEntries(nested) });
  }
  return payloads;
}

const awkwardText = fc.constantFrom(
  '',
  '   ',
  '\u0000',
  '\uD800',
  '"',
  "'",
  "'; DROP TABLE situations; --",
  'NEAR(a b) AND OR NOT * ^ "',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  HUGE,
);

/** Values of every kind a field might be handed. */
export function hostileValue(ids: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    awkwardText,
    fc.constantFrom(...ids),
    // Valid enum values, so near-valid payloads get past validation into the handlers.
    fc.constantFrom(...CONTRIBUTION_KINDS, ...MEMBER_ROLES, ...ARCHIVE_STATUSES, ...ARCHIVE_SORTS),
    fc.constantFrom(
      ...PHASES,
      ...ATTENDANCE_STATUSES,
      ...AGENDA_KINDS,
      ...PRIORITIES,
      ...OUTCOMES,
      ...ROUND_ACTIONS,
    ),
    fc.constantFrom('2025-06-30', '2025-02-30', true),
    fc.uuid(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 2 ** 53, -1, 8.64e15 + 1),
    fc.bigInt(),
    fc.boolean(),
    fc.constantFrom(null, undefined),
    fc.date(),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.integer({ min: 50, max: 3000 }).map((depth) => nested(depth)),
    fc.constantFrom(...pollutionPayloads()),
    fc.anything({ maxDepth: 3 }),
  );
}

/** An object shaped like the channel's input, some fields missing, hostile values, extra keys. */
export function nearValidPayload(channel: Channel, ids: readonly string[]): fc.Arbitrary<unknown> {
  const keys = Object.keys(contract[channel].input.shape);
  const value = hostileValue(ids);
  const fields = fc.record(Object.fromEntries(keys.map((key) => [key, value])), { requiredKeys: [] });
  const extra = fc.dictionary(
    fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString')),
    value,
    { maxKeys: 2 },
  );
  return fc.oneof(
    { weight: 3, arbitrary: fields },
    { weight: 1, arbitrary: fc.tuple(fields, extra).map(([f, e]) => ({ ...e, ...f })) },
  );
}

/** The ids of a seeded archive, by role, for building valid inputs. */
export interface SeededIds {
  groupId: string;
  chairId: string;
  memberId: string;
  situationId: string;
  contributionId: string;
  tagId: string;
  otherTagId: string;
  /** A meeting, its agenda item and a commitment, where a test seeds them (live-meeting channels). */
  meetingId?: string;
  agendaItemId?: string;
  commitmentId?: string;
}

const DIGEST_SAMPLE = [
  'Tag Archives: Teamwork',
  'How Do You Build Teamwork? Two Ideas',
  'Situation: A CEO asks. How do you build teamwork?',
  'Advice from the CEOs:',
  '  • Meet as one account team.',
  '  • Share the wins.',
].join('\n');

/** A well-formed UUIDv7 that names no row: what the meeting channels get where none was seeded. */
const UNSEEDED = '0190f2a4-1c7e-7b7a-9c1e-00000000beef';

/** One valid input per channel: typed against the contract, so a new channel must be added here. */
export function validInputs(ids: SeededIds): { [C in Channel]: Input<C> } {
  const meetingId = ids.meetingId ?? UNSEEDED;
  const itemId = ids.agendaItemId ?? UNSEEDED;
  return {
    'group.list': {},
    'group.create': { name: 'Dallas Key Executives' },
    'member.list': { groupId: ids.groupId },
    'member.create': { groupId: ids.groupId, name: 'Lena Park', company: 'Park Dental', title: 'CEO' },
    'situation.create': {
      groupId: ids.groupId,
      presenterId: ids.memberId,
      title: 'Should I sell now?',
      credit: { name: 'Ana Ruiz', org: 'Ruiz Logistics', pronoun: 'her' },
    },
    'situation.update': {
      id: ids.situationId,
      title: 'Should I sell this year?',
      confidential: true,
      credit: { name: 'Ana Ruiz', org: 'Ruiz Logistics', pronoun: 'her' },
    },
    'situation.list': { groupId: ids.groupId },
    'situation.get': { id: ids.situationId },
    'contribution.add': {
      situationId: ids.situationId,
      parentId: ids.contributionId,
      authorId: ids.chairId,
      kind: 'advice',
      body: 'Talk to two founders who sold last year.',
    },
    'archive.search': { query: 'teamwork', sort: 'relevance', limit: 10 },
    'archive.related': { situationId: ids.situationId },
    'member.lens': { memberId: ids.memberId },
    'tag.list': {},
    'tag.rename': { tagId: ids.tagId, name: 'team building' },
    'tag.merge': { fromTagId: ids.otherTagId, intoTagId: ids.tagId },
    'situation.tag': { situationId: ids.situationId, name: 'succession' },
    'situation.untag': { situationId: ids.situationId, tagId: ids.tagId },
    // Live meetings
    'meeting.plan': { groupId: ids.groupId, startsAt: Date.UTC(2025, 4, 8, 8), location: 'Board room' },
    'meeting.list': { groupId: ids.groupId },
    'meeting.get': { meetingId },
    'meeting.start': { meetingId },
    'meeting.close': { meetingId },
    'meeting.reopen': { meetingId },
    'attendance.mark': { meetingId, memberId: ids.memberId, status: 'present' },
    'template.list': {},
    'template.save': {
      name: 'Short forum',
      segments: [{ kind: 'issue_processing', title: 'Issue processing', minutes: 30 }],
    },
    'agenda.fromTemplate': { meetingId, templateId: '01941f29-7c00-7000-8000-000000000002' },
    'agenda.reorder': { meetingId, itemIds: [itemId] },
    'agenda.update': { itemId, minutes: 20 },
    'agenda.add': { meetingId, title: 'Guest speaker', minutes: 30, kind: 'speaker' },
    'agenda.remove': { itemId },
    'situation.prioritize': { situationId: ids.situationId, priority: 'A' },
    'vote.record': { meetingId, memberId: ids.memberId, votes: [{ situationId: ids.situationId, dots: 3 }] },
    'selection.choose': { meetingId, situationIds: [ids.situationId] },
    'segment.start': { meetingId, itemId },
    'phase.start': { meetingId, phase: 'present' },
    'timer.pause': { meetingId },
    'timer.resume': { meetingId },
    'turn.start': { meetingId, memberId: ids.chairId },
    'turn.end': { meetingId },
    'round.order': { meetingId, action: 'shuffle', seed: 7 },
    'airtime.list': { meetingId },
    'contribution.edit': { contributionId: ids.contributionId, body: 'Talk to three founders instead.' },
    'contribution.remove': { contributionId: ids.contributionId },
    'contribution.restore': { contributionId: ids.contributionId },
    'contribution.endorse': { contributionId: ids.contributionId, memberId: ids.memberId },
    'contribution.unendorse': { contributionId: ids.contributionId, memberId: ids.memberId },
    'draft.save': { meetingId, authorId: ids.chairId, context: 'advise', body: 'Half a thought' },
    'draft.list': { meetingId },
    'draft.discard': { meetingId, authorId: ids.chairId, context: 'advise' },
    'commitment.add': {
      meetingId,
      situationId: ids.situationId,
      ownerId: ids.memberId,
      body: 'Call two founders who sold',
      dueDate: '2025-06-30',
    },
    'commitment.review': { meetingId, commitmentId: ids.commitmentId ?? UNSEEDED, outcome: 'done' },
    'followup.list': { meetingId },
    'wrapup.record': { meetingId, memberId: ids.memberId, takeaway: 'Delegate more', rating: 9 },
    // Exports, imports, packs and backups
    'export.notes': { meetingId, format: 'markdown', level: 'anonymized', redactCompanies: true },
    'export.digest': { situationIds: [ids.situationId], format: 'html', noun: 'Ideas' },
    'export.save': { fileName: 'notes.md', format: 'markdown', content: '# Notes' },
    'import.preview': { groupId: ids.groupId, text: DIGEST_SAMPLE },
    'import.digest': { groupId: ids.groupId, text: DIGEST_SAMPLE },
    'pack.export': { groupId: ids.groupId, passphrase: 'correct horse battery' },
    'pack.import': { data: 'UlRQQUNL', passphrase: 'correct horse battery' },
    'pack.open': { data: 'UlRQQUNL', passphrase: 'correct horse battery' },
    'backup.create': {},
    'backup.list': {},
    'backup.restore': { name: 'roundtable-backup-1735689600000.db', confirm: true },
    'vault.status': {},
    'vault.create': { passphrase: 'a long passphrase' },
    'vault.unlock': { passphrase: 'a long passphrase' },
    'vault.recoveryKey': {},
    'vault.recoveryKeyDone': { choice: 'saved' },
    'vault.discardPlaintext': {},
  };
}

/** A valid input with some fields swapped for hostile values (other ids among them), some dropped. */
export function mutatedPayload(channel: Channel, ids: SeededIds): fc.Arbitrary<unknown> {
  const template = validInputs(ids)[channel] as Record<string, unknown>;
  const pool = Object.values(ids);
  const keys = [...new Set([...Object.keys(template), ...Object.keys(contract[channel].input.shape)])];
  const field = (key: string) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constant(template[key]) },
      { weight: 3, arbitrary: hostileValue(pool) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  return fc
    .tuple(
      fc.record(Object.fromEntries(keys.map((key) => [key, field(key)]))),
      fc.option(fc.dictionary(fc.string({ maxLength: 12 }), hostileValue(pool), { maxKeys: 2 }), {
        freq: 4,
      }),
    )
    .map(([fields, extra]) => {
      const payload: Record<string, unknown> = { ...(extra ?? {}) };
      for (const [key, value] of Object.entries(fields)) if (value !== undefined) payload[key] = value;
      return payload;
    });
}

export function hostilePayload(channel: Channel, ids: SeededIds): fc.Arbitrary<unknown> {
  const pool = Object.values(ids);
  return fc.oneof(
    { weight: 4, arbitrary: mutatedPayload(channel, ids) },
    { weight: 2, arbitrary: nearValidPayload(channel, pool) },
    { weight: 1, arbitrary: hostileValue(pool) },
    { weight: 1, arbitrary: fc.anything() },
  );
}

/** Names that are not channels, including the ones that are properties of every object. */
export const unknownChannel: fc.Arbitrary<unknown> = fc
  .oneof(
    fc.string(),
    fc.constantFrom(
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'group.list ',
      'GROUP.LIST',
      'group.list\u0000',
      'group.drop',
      'roundtable:invoke',
      '',
    ),
    fc.anything({ maxDepth: 2 }),
  )
  .filter((name) => !isChannel(name));
