// The contract of the archive: groups and members, situations and what was said, search and tags.
import { z } from 'zod';
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
import { CREDIT_PRONOUNS } from './digest-format';
import {
  channel,
  epochMs,
  idSchema,
  noInput,
  requiredText,
  text,
  override,
  verbatimText,
} from './contract-fields';

/** The archive's search box and filters; the same object lives in the archive's URL. */
export const archiveQuerySchema = z.strictObject({
  query: verbatimText('The search').max(1_000, { error: 'The search is too long.' }).default(''),
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

/** A situation's fields as situation.create takes them and situation.update changes them. */
const situationQuestion = requiredText('The question', 500);
const situationBackground = text('The background', 20_000);
const confidentialFlag = z.boolean({ error: 'A situation is either confidential or not.' });

/** "Special thanks to NAME of ORG for his/her/their insight…": all three parts, or no credit (null). */
const creditSchema = z.strictObject(
  {
    name: requiredText('The credited name', 200),
    org: requiredText('The credited organization', 200),
    pronoun: z.enum(CREDIT_PRONOUNS, { error: 'The credit says his, her or their.' }),
  },
  { error: 'A credit has a name, an organization and his, her or their.' },
);

export const archiveChannels = {
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
      title: situationQuestion,
      background: situationBackground.default(''),
      confidential: confidentialFlag.default(false),
      credit: creditSchema.nullable().default(null),
    }),
  ),
  /** Changes only the fields given; a credit of null clears it. */
  'situation.update': channel<Situation>()(
    z
      .strictObject({
        id: idSchema,
        title: situationQuestion.optional(),
        background: situationBackground.optional(),
        confidential: confidentialFlag.optional(),
        credit: creditSchema.nullable().optional(),
      })
      .refine(
        (v) =>
          v.title !== undefined ||
          v.background !== undefined ||
          v.confidential !== undefined ||
          v.credit !== undefined,
        { error: 'Nothing to change: give a new question, background, confidential mark or credit.' },
      ),
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
      /** Captured in this live meeting: the backend then enforces the phase rules. */
      meetingId: idSchema.optional(),
      /** The chair lets through what a phase rule refuses; the override is recorded. */
      override,
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
};
