// The contract of live meetings: planning, agenda, facilitation, capture, commitments and wrap-up.
import { z } from 'zod';
import {
  ADVICE_KINDS,
  AGENDA_KINDS,
  ATTENDANCE_STATUSES,
  CONTRIBUTION_KINDS,
  OUTCOMES,
  PHASES,
  PRIORITIES,
  type AgendaTemplate,
  type AirtimeEntry,
  type Commitment,
  type Draft,
  type FollowUp,
  type MeetingSummary,
  type MeetingView,
  type Priority,
  type WrapUp,
  type Contribution,
} from './domain';
import {
  channel,
  epochMs,
  FIRST_YEAR,
  idSchema,
  inDateRange,
  LAST_YEAR,
  noInput,
  requiredText,
  text,
  override,
  verbatimText,
} from './contract-fields';

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
  .refine((day) => inDateRange(Date.parse(`${day}T00:00:00Z`)), {
    error: `The due date must fall in the years ${FIRST_YEAR} to ${LAST_YEAR}.`,
  })
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

export const meetingChannels = {
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
      body: verbatimText('The draft', 'A draft must be text.').max(10_000, {
        error: 'The draft is too long (at most 10000 characters).',
      }),
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
};
