// The IPC contract: each channel's zod input schema and its output type. The router's handler table,
// the preload's channel list and the renderer's typed client are all derived from this map.
import { z } from 'zod';
import type { Channel, EventName } from './channels';
import {
  ARCHIVE_SORTS,
  ARCHIVE_STATUSES,
  CONTRIBUTION_KINDS,
  MEMBER_ROLES,
  type ArchivePage,
  type Contribution,
  type Group,
  type Member,
  type MemberLens,
  type Situation,
  type SituationSummary,
  type SituationThread,
  type Tag,
  type TagWithCount,
} from './domain';

interface ChannelSpec<I extends z.ZodType, O> {
  input: I;
  /** Never read at run time: it only carries the output type. */
  output: O;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelSpec<I, O> => ({ input, output: undefined as O });
}

/** UUIDv7 text, as every id in the archive is. */
export const idSchema = z.uuid({ version: 'v7', error: 'That record reference is not valid.' });

function text(label: string, max: number) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, { error: `${label} is too long (at most ${max} characters).` });
}

function requiredText(label: string, max: number) {
  return text(label, max).min(1, { error: `${label} cannot be empty.` });
}

const noInput = z.strictObject({});

const epochMs = z.number({ error: 'A date must be a point in time.' }).int().min(0).max(8.64e15);

/** The archive's search box and filters; the same object lives in the archive's URL. */
export const archiveQuerySchema = z.strictObject({
  query: z
    .string({ error: 'The search must be text.' })
    .max(1_000, { error: 'The search is too long.' })
    .default(''),
  groupId: idSchema.optional(),
  tagId: idSchema.optional(),
  presenterId: idSchema.optional(),
  contributorId: idSchema.optional(),
  from: epochMs.optional(),
  to: epochMs.optional(),
  status: z.enum(ARCHIVE_STATUSES, { error: 'That status filter is not known.' }).optional(),
  sort: z.enum(ARCHIVE_SORTS, { error: 'Sort by relevance or by date.' }).default('relevance'),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

const tagName = requiredText('The tag', 80);

export const contract = {
  'group.list': channel<Group[]>()(noInput),
  'group.create': channel<Group>()(z.strictObject({ name: requiredText('The group name', 200) })),
  'member.list': channel<Member[]>()(z.strictObject({ groupId: idSchema })),
  'member.create': channel<Member>()(
    z.strictObject({
      groupId: idSchema,
      name: requiredText('The name', 200),
      company: text('The company', 200).default(''),
      title: text('The title', 200).default(''),
      role: z.enum(MEMBER_ROLES, { error: 'The role must be chair, member or guest.' }).default('member'),
    }),
  ),
  'situation.create': channel<Situation>()(
    z.strictObject({
      groupId: idSchema,
      presenterId: idSchema,
      title: requiredText('The question', 500),
      background: text('The background', 20_000).default(''),
      confidential: z.boolean().default(false),
    }),
  ),
  'situation.list': channel<SituationSummary[]>()(z.strictObject({ groupId: idSchema.optional() })),
  'situation.get': channel<SituationThread>()(z.strictObject({ id: idSchema })),
  'contribution.add': channel<Contribution>()(
    z.strictObject({
      situationId: idSchema,
      parentId: idSchema.nullable().default(null),
      authorId: idSchema,
      kind: z.enum(CONTRIBUTION_KINDS, {
        error: 'A point is a question, advice, experience or observation.',
      }),
      body: requiredText('The point', 10_000),
    }),
  ),
  'archive.search': channel<ArchivePage>()(archiveQuerySchema),
  'archive.related': channel<SituationSummary[]>()(z.strictObject({ situationId: idSchema })),
  'member.lens': channel<MemberLens>()(z.strictObject({ memberId: idSchema })),
  'tag.list': channel<TagWithCount[]>()(noInput),
  'tag.rename': channel<Tag>()(z.strictObject({ tagId: idSchema, name: tagName })),
  'tag.merge': channel<Tag>()(z.strictObject({ fromTagId: idSchema, intoTagId: idSchema })),
  'situation.tag': channel<Tag[]>()(z.strictObject({ situationId: idSchema, name: tagName })),
  'situation.untag': channel<Tag[]>()(z.strictObject({ situationId: idSchema, tagId: idSchema })),
} satisfies { [C in Channel]: ChannelSpec<z.ZodType, unknown> };

export type Contract = typeof contract;
/** What the renderer passes (defaults may be left out). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = Contract[C]['output'];

/** Push events from the backend to the renderer, by name. */
export interface EventMap {
  'archive.changed': { situationId: string };
}

export type EventPayload<E extends EventName> = EventMap[E];

// Fails to compile when shared/channels.ts and EventMap disagree about which events exist.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type EventNamesMatch = Assert<SameKeys<keyof EventMap, EventName>>;
