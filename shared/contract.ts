// The IPC contract: each channel's zod input schema and its output type. The router's handler table,
// the preload's channel list and the renderer's typed client are all derived from this map.
import { z } from 'zod';
import type { Channel, EventName } from './channels';
import {
  ADVICE_KINDS,
  AGENDA_KINDS,
  ARCHIVE_SORTS,
  ARCHIVE_STATUSES,
  ATTENDANCE_STATUSES,
  CONTRIBUTION_KINDS,
  MEMBER_ROLES,
  OUTCOMES,
  PHASES,
  PRIORITIES,
  type AgendaTemplate,
  type AirtimeEntry,
  type ArchivePage,
  type Commitment,
  type Draft,
  type FollowUp,
  type MeetingSummary,
  type MeetingView,
  type Priority,
  type WrapUp,
  type BackupEntry,
  CONFIDENTIALITY_LEVELS,
  type ExportResult,
  type ImportReport,
  type PackContents,
  type PackReport,
  TEXT_EXPORT_FORMATS,
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

// ── Live meetings (issue 3) ──────────────────────────────────────────────────────────────────────

const override = z.boolean({ error: 'An override is either given or not.' }).default(false);

function wholeNumber(message: string, min: number, max: number) {
  return z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
}

const segmentMinutes = wholeNumber('A segment lasts a whole number of minutes, from 1 to 600.', 1, 600);
const speakerMinutes = wholeNumber('Minutes per speaker are a whole number from 1 to 120.', 1, 120);
const phaseMinutes = wholeNumber('A phase lasts a whole number of minutes, from 1 to 240.', 1, 240);
const rating = wholeNumber('A rating is a whole number from 1 to 10.', 1, 10);
const meetingRef = z.strictObject({ meetingId: idSchema });

/** A calendar day written as 2025-03-31, stored as that day's midnight UTC in epoch milliseconds. */
const dueDate = z
  .string({ error: 'The due date must be a date like 2025-03-31.' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'The due date must be a date like 2025-03-31.' })
  .refine(
    (day) => {
      const date = new Date(`${day}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
    },
    { error: 'The due date is not a day of the calendar.' },
  )
  .transform((day) => Date.parse(`${day}T00:00:00Z`));

const ownerId = z.uuid({
  version: 'v7',
  error: (issue) =>
    issue.input === undefined || issue.input === null || issue.input === ''
      ? 'A commitment needs an owner: pick who will do it.'
      : 'That record reference is not valid.',
});

const templateSegment = z.strictObject({
  kind: z.enum(AGENDA_KINDS, { error: 'That kind of segment is not known.' }),
  title: requiredText('The segment title', 200),
  minutes: segmentMinutes,
  speakerMinutes: speakerMinutes.nullable().default(null),
});

const phase = z.enum(PHASES, { error: 'A phase is Present, Clarify, Advise, Reflect or Commit.' });

export const ROUND_ACTIONS = ['shuffle', 'natural', 'skip', 'second_turn'] as const;

// ── Exports, imports, packs and backups (issue 5) ────────────────────────────────────────────────

const textFormat = z.enum(TEXT_EXPORT_FORMATS, { error: 'Export as Markdown or HTML.' });
const level = z.enum(CONFIDENTIALITY_LEVELS, {
  error: 'The confidentiality level is full, anonymized or presenter-only.',
});
/** A confidential situation leaves only in a full export the chair confirmed with this. */
const includeConfidential = z
  .boolean({ error: 'Confirm confidential situations with yes or no.' })
  .default(false);
const redactCompanies = z.boolean({ error: 'Redacting companies is either asked or not.' }).default(false);
/** A digest file's text, or a pack's bytes in base64: up to about 40 MB either way. */
const digestText = z
  .string({ error: 'The digest must be text.' })
  .max(40_000_000, { error: 'That file is too large to import (at most 40 MB).' });
const packData = z
  .string({ error: 'A pack must be a file’s contents.' })
  .max(60_000_000, { error: 'That pack is too large (at most 45 MB).' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'That is not a Roundtable archive pack.' });
const passphrase = z
  .string({ error: 'The passphrase must be text.' })
  .min(1, { error: 'Type the pack’s passphrase.' })
  .max(1_024, { error: 'The passphrase is too long (at most 1024 characters).' });
const newPassphrase = passphrase.refine((p) => p.length >= 8, {
  error: 'Choose a passphrase of at least 8 characters.',
});
/** A backup as listBackups names it; the renderer never passes a path. */
const backupName = z
  .string({ error: 'Choose a backup from the list.' })
  .max(200, { error: 'Choose a backup from the list.' })
  .regex(/^[A-Za-z0-9._-]+\.db$/, { error: 'Choose a backup from the list.' });

export const issue5Contract = {
  'export.notes': channel<ExportResult>()(
    z.strictObject({
      meetingId: idSchema,
      format: textFormat,
      level,
      /** Presenter-only: whose situations. */
      presenterId: idSchema.optional(),
      redactCompanies,
      includeConfidential,
    }),
  ),
  'export.digest': channel<ExportResult>()(
    z
      .strictObject({
        tagId: idSchema.optional(),
        situationIds: z
          .array(idSchema)
          .max(20_000, { error: 'Export at most 20000 situations at once.' })
          .optional(),
        format: textFormat,
        level: z
          .enum(['full', 'anonymized'], { error: 'A digest is full or anonymized.' })
          .default('anonymized'),
        noun: requiredText('The noun', 30)
          .regex(/^[A-Za-z][A-Za-z-]*$/, { error: 'The noun is one word, like Observations.' })
          .default('Observations'),
        redactCompanies,
        includeConfidential,
        /** Credit each post's presenter with this pronoun; no credit line when null. */
        creditPronoun: z
          .enum(CREDIT_PRONOUNS, { error: 'The credit says his, her or their.' })
          .nullable()
          .default(null),
      })
      .refine((v) => (v.tagId === undefined) !== (v.situationIds === undefined), {
        error: 'Export either a tag or a selection of situations.',
      }),
  ),
  /** Handled by the host (Electron's main process or the browser shell), never by the backend. */
  'export.save': channel<{ saved: boolean; fileName: string | null }>()(
    z.strictObject({
      fileName: requiredText('The file name', 200).regex(/^[A-Za-z0-9._ -]+$/, {
        error: 'A file name uses letters, digits, dots, dashes and spaces.',
      }),
      format: z.enum(['markdown', 'html', 'pdf', 'pack'], { error: 'Save Markdown, HTML, PDF or a pack.' }),
      /** Markdown or HTML text (PDF prints this HTML), or a pack's bytes in base64. */
      content: z
        .string({ error: 'The content must be text.' })
        .max(60_000_000, { error: 'That file is too large.' }),
    }),
  ),
  'import.preview': channel<ImportReport>()(z.strictObject({ groupId: idSchema, text: digestText })),
  'import.digest': channel<ImportReport>()(z.strictObject({ groupId: idSchema, text: digestText })),
  'pack.export': channel<{
    data: string;
    fileName: string;
    situationCount: number;
    omittedConfidential: number;
  }>()(
    z.strictObject({
      includeConfidential,
      groupId: idSchema,
      /** A selection of the group's situations; the whole archive when left out. */
      situationIds: z
        .array(idSchema)
        .max(20_000, { error: 'A pack holds at most 20000 situations.' })
        .optional(),
      passphrase: newPassphrase,
    }),
  ),
  'pack.import': channel<PackReport>()(z.strictObject({ data: packData, passphrase })),
  'pack.open': channel<PackContents>()(z.strictObject({ data: packData, passphrase })),
  'backup.create': channel<BackupEntry>()(noInput),
  'backup.list': channel<BackupEntry[]>()(noInput),
  'backup.restore': channel<{ restored: BackupEntry; keptAside: string[] }>()(
    z.strictObject({
      name: backupName,
      confirm: z.literal(true, { error: 'Confirm the restore: the archive goes back to that backup.' }),
    }),
  ),
};

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
  // Live meetings (issue 3)
  'meeting.plan': channel<MeetingView>()(
    z.strictObject({
      groupId: idSchema,
      startsAt: epochMs,
      location: text('The location', 200).default(''),
      /** Expected attendees; every member of the group when left out. */
      attendeeIds: z.array(idSchema).max(100, { error: 'A meeting has at most 100 attendees.' }).optional(),
      /** The agenda's template; the built-in "Forum meeting" when left out. */
      templateId: idSchema.optional(),
    }),
  ),
  'meeting.list': channel<MeetingSummary[]>()(z.strictObject({ groupId: idSchema })),
  'meeting.get': channel<MeetingView>()(meetingRef),
  'meeting.start': channel<MeetingView>()(meetingRef),
  'meeting.close': channel<MeetingView>()(meetingRef),
  'meeting.reopen': channel<MeetingView>()(meetingRef),
  'attendance.mark': channel<MeetingView>()(
    z.strictObject({
      meetingId: idSchema,
      memberId: idSchema,
      status: z.enum(ATTENDANCE_STATUSES, { error: 'Mark a member present, late or absent.' }),
    }),
  ),
  'template.list': channel<AgendaTemplate[]>()(noInput),
  'template.save': channel<AgendaTemplate>()(
    z.strictObject({
      /** The template to change; a new template when left out. */
      templateId: idSchema.optional(),
      name: requiredText('The template name', 100),
      adviceKind: z
        .enum(ADVICE_KINDS, { error: 'The advise phase records advice or experience.' })
        .default('advice'),
      adviseLabel: requiredText('The label of the advise phase', 60).default('Advise'),
      phaseMinutes: z
        .strictObject({
          present: phaseMinutes,
          clarify: phaseMinutes,
          advise: phaseMinutes,
          reflect: phaseMinutes,
          commit: phaseMinutes,
        })
        .optional(),
      segments: z
        .array(templateSegment)
        .min(1, { error: 'A template needs at least one segment.' })
        .max(30, { error: 'A template has at most 30 segments.' }),
    }),
  ),
  'agenda.fromTemplate': channel<MeetingView>()(
    z.strictObject({ meetingId: idSchema, templateId: idSchema }),
  ),
  'agenda.reorder': channel<MeetingView>()(
    z.strictObject({
      meetingId: idSchema,
      itemIds: z.array(idSchema).min(1).max(60, { error: 'An agenda has at most 60 segments.' }),
    }),
  ),
  'agenda.update': channel<MeetingView>()(
    z.strictObject({
      itemId: idSchema,
      title: requiredText('The segment title', 200).optional(),
      minutes: segmentMinutes.optional(),
      speakerMinutes: speakerMinutes.nullable().optional(),
    }),
  ),
  'agenda.add': channel<MeetingView>()(
    z.strictObject({
      meetingId: idSchema,
      kind: z.enum(AGENDA_KINDS, { error: 'That kind of segment is not known.' }).default('custom'),
      title: requiredText('The segment title', 200),
      minutes: segmentMinutes,
      speakerMinutes: speakerMinutes.nullable().default(null),
      /** Where it goes (0 is first); at the end when left out. */
      position: z.number().int().min(0).max(60).optional(),
    }),
  ),
  'agenda.remove': channel<MeetingView>()(z.strictObject({ itemId: idSchema })),
  'situation.prioritize': channel<{ situationId: string; priority: Priority | null }>()(
    z.strictObject({
      situationId: idSchema,
      priority: z.enum(PRIORITIES, { error: 'Priority is A, B or C.' }).nullable(),
    }),
  ),
  'vote.record': channel<MeetingView>()(
    z.strictObject({
      meetingId: idSchema,
      memberId: idSchema,
      /** The member's dots, replacing any they gave before at this meeting. */
      votes: z
        .array(
          z.strictObject({
            situationId: idSchema,
            dots: wholeNumber('Dots are a whole number from 1 to 10.', 1, 10),
          }),
        )
        .max(20, { error: 'A member votes on at most 20 situations.' }),
    }),
  ),
  'selection.choose': channel<MeetingView>()(
    z.strictObject({
      meetingId: idSchema,
      /** The situations to process, in order; the others stay in the parking lot. */
      situationIds: z.array(idSchema).max(12, { error: 'A meeting processes at most 12 situations.' }),
    }),
  ),
  'segment.start': channel<MeetingView>()(z.strictObject({ meetingId: idSchema, itemId: idSchema })),
  'phase.start': channel<MeetingView>()(
    z.strictObject({
      meetingId: idSchema,
      phase,
      override,
      /** The phase's timebox; the template's minutes when left out. */
      minutes: phaseMinutes.optional(),
    }),
  ),
  'timer.pause': channel<MeetingView>()(meetingRef),
  'timer.resume': channel<MeetingView>()(meetingRef),
  'turn.start': channel<MeetingView>()(
    z.strictObject({
      meetingId: idSchema,
      /** Who takes the floor; the next in the round when left out. */
      memberId: idSchema.optional(),
      seconds: wholeNumber('A turn lasts a whole number of seconds, from 10 to 3600.', 10, 3600).optional(),
    }),
  ),
  'turn.end': channel<MeetingView>()(meetingRef),
  'round.order': channel<MeetingView>()(
    z.strictObject({
      meetingId: idSchema,
      action: z.enum(ROUND_ACTIONS, {
        error: 'Shuffle the round, restore its order, skip or give a second turn.',
      }),
      seed: wholeNumber(
        'A shuffle seed is a whole number from 0 to 4294967295.',
        0,
        4_294_967_295,
      ).optional(),
      memberId: idSchema.optional(),
    }),
  ),
  'airtime.list': channel<AirtimeEntry[]>()(
    z.strictObject({ meetingId: idSchema, situationId: idSchema.optional() }),
  ),
  'contribution.edit': channel<Contribution>()(
    z.strictObject({
      contributionId: idSchema,
      body: requiredText('The point', 10_000).optional(),
      kind: z
        .enum(CONTRIBUTION_KINDS, { error: 'A point is a question, advice, experience or observation.' })
        .optional(),
      /** Reassigns the point to another member. */
      authorId: idSchema.optional(),
    }),
  ),
  'contribution.remove': channel<{ removedIds: string[] }>()(z.strictObject({ contributionId: idSchema })),
  'contribution.restore': channel<{ restoredIds: string[] }>()(z.strictObject({ contributionId: idSchema })),
  'contribution.endorse': channel<{ contributionId: string; endorsedBy: string[] }>()(
    z.strictObject({ contributionId: idSchema, memberId: idSchema }),
  ),
  'contribution.unendorse': channel<{ contributionId: string; endorsedBy: string[] }>()(
    z.strictObject({ contributionId: idSchema, memberId: idSchema }),
  ),
  'draft.save': channel<Draft | null>()(
    z.strictObject({
      meetingId: idSchema,
      authorId: idSchema,
      context: requiredText('The place of a draft', 200),
      /** Kept exactly as typed; an empty body discards the draft. */
      body: z
        .string({ error: 'A draft must be text.' })
        .max(10_000, { error: 'The draft is too long (at most 10000 characters).' }),
    }),
  ),
  'draft.list': channel<Draft[]>()(meetingRef),
  'draft.discard': channel<{ discarded: boolean }>()(
    z.strictObject({
      meetingId: idSchema,
      authorId: idSchema,
      context: requiredText('The place of a draft', 200),
    }),
  ),
  'commitment.add': channel<Commitment>()(
    z.strictObject({
      meetingId: idSchema,
      situationId: idSchema,
      ownerId,
      body: requiredText('The commitment', 2_000),
      dueDate,
      override,
    }),
  ),
  'commitment.review': channel<Commitment>()(
    z.strictObject({
      meetingId: idSchema,
      commitmentId: idSchema,
      outcome: z.enum(OUTCOMES, { error: 'An outcome is done, partly or not done.' }),
      text: text('The outcome', 5_000).default(''),
      helpedContributionIds: z
        .array(idSchema)
        .max(50, { error: 'Mark at most 50 points as helpful.' })
        .default([]),
    }),
  ),
  'followup.list': channel<FollowUp>()(meetingRef),
  'wrapup.record': channel<WrapUp>()(
    z.strictObject({
      meetingId: idSchema,
      memberId: idSchema,
      takeaway: text('The takeaway', 2_000).default(''),
      rating: rating.nullable().default(null),
    }),
  ),
  ...issue5Contract,
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
  /** Any write to a meeting: the chair's window and the presenter view re-read it. */
  'meeting.changed': { meetingId: string };
  /** A long export, per situation. */
  'export.progress': { done: number; total: number };
  /** A digest import, per chunk of posts. */
  'import.progress': { done: number; total: number };
}

export type EventPayload<E extends EventName> = EventMap[E];

// Fails to compile when shared/channels.ts and EventMap disagree about which events exist.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type EventNamesMatch = Assert<SameKeys<keyof EventMap, EventName>>;
