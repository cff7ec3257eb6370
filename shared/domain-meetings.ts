// The domain of live meetings: attendance, agendas, phases, turns, drafts, commitments and wrap-up.
import type { Commitment, MemberRole } from './domain';
export const MEETING_STATUSES = ['planned', 'live', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** 'expected' is a planned attendee not yet marked at the meeting. */
export const ATTENDANCE_STATUSES = ['expected', 'present', 'late', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const AGENDA_KINDS = [
  'opening',
  'updates',
  'follow_up',
  'issue_selection',
  'issue_processing',
  'speaker',
  'wrap_up',
  'custom',
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

/** The steps of processing one situation, in order. */
export const PHASES = ['present', 'clarify', 'advise', 'reflect', 'commit'] as const;
export type Phase = (typeof PHASES)[number];
export type PhaseMinutes = Record<Phase, number>;

/** What the advise phase records: advice, or experience in the "Experience sharing" protocol. */
export const ADVICE_KINDS = ['advice', 'experience'] as const;
export type AdviceKind = (typeof ADVICE_KINDS)[number];

export const PRIORITIES = ['A', 'B', 'C'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const OUTCOMES = ['done', 'partly', 'not_done'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * A countdown or clock as stored: timestamps, never a ticking number. Elapsed time is
 * (endedAt ?? pausedAt ?? now) − startedAt − pausedMs; see shared/phase-rules.ts.
 */
export interface Timebox {
  startedAt: number | null;
  endedAt: number | null;
  pausedAt: number | null;
  pausedMs: number;
  budgetMs: number | null;
}

export interface TemplateSegment {
  kind: AgendaKind;
  title: string;
  minutes: number;
  /** Minutes per speaker in a round (updates: 5 each); null divides the segment among speakers. */
  speakerMinutes: number | null;
}

export interface AgendaTemplate {
  id: string;
  name: string;
  adviceKind: AdviceKind;
  /** How the advise phase is labelled ("Advise", or "Experience sharing"). */
  adviseLabel: string;
  phaseMinutes: PhaseMinutes;
  builtin: boolean;
  segments: TemplateSegment[];
  updatedAt: number;
}

export interface Meeting {
  id: string;
  groupId: string;
  startsAt: number;
  location: string;
  status: MeetingStatus;
  /** The average of the attendees' 1–10 ratings, once any was given. */
  rating: number | null;
  templateId: string | null;
  adviceKind: AdviceKind;
  adviseLabel: string;
  phaseMinutes: PhaseMinutes;
  startedAt: number | null;
  closedAt: number | null;
  createdAt: number;
}

export interface MeetingSummary extends Meeting {
  attendeeCount: number;
  situationCount: number;
}

export interface AttendanceEntry {
  memberId: string;
  name: string;
  role: MemberRole;
  status: AttendanceStatus;
  arrivedAt: number | null;
}

export interface AgendaItem {
  id: string;
  position: number;
  kind: AgendaKind;
  title: string;
  minutes: number;
  speakerMinutes: number | null;
  /** The situation an issue-processing slot processes; null for other segments and open slots. */
  situationId: string | null;
  situationTitle: string | null;
  presenterId: string | null;
  timer: Timebox;
}

export interface PhaseRun {
  id: string;
  agendaItemId: string;
  situationId: string;
  phase: Phase;
  minutes: number;
  timer: Timebox;
}

export interface SpeakingTurn {
  id: string;
  agendaItemId: string;
  situationId: string | null;
  phase: Phase | null;
  memberId: string;
  memberName: string;
  timer: Timebox;
}

export type SlotStatus = 'done' | 'speaking' | 'waiting' | 'skipped' | 'absent';

export interface RoundSlot {
  memberId: string;
  memberName: string;
  secondTurn: boolean;
  status: SlotStatus;
}

/** The speaking order of the running segment (and phase), with who has spoken. */
export interface RoundView {
  agendaItemId: string;
  phase: Phase | null;
  slots: RoundSlot[];
  nextSpeakerId: string | null;
}

export interface ParkingLotEntry {
  situationId: string;
  title: string;
  presenterId: string;
  presenterName: string;
  priority: Priority | null;
  /** Dot votes at this meeting, in all and per member. */
  dots: number;
  votes: { memberId: string; dots: number }[];
  /** Chosen for an issue-processing slot of this meeting. */
  chosen: boolean;
  createdAt: number;
}

export interface RuleOverride {
  id: string;
  rule: string;
  action: string;
  message: string;
  situationId: string | null;
  phase: Phase | null;
  memberId: string | null;
  recordId: string | null;
  createdAt: number;
}

export interface WrapUpEntry {
  memberId: string;
  memberName: string;
  takeaway: string;
  rating: number | null;
}

export interface WrapUp {
  entries: WrapUpEntry[];
  averageRating: number | null;
}

/** Everything the chair's live screen and the presenter view show. Timers are timestamps. */
export interface MeetingView {
  meeting: Meeting;
  /** Grows with every change to the meeting; meeting.changed carries the same number. */
  version: number;
  groupName: string;
  /** The backend's clock when this view was read, to compute remaining times against. */
  now: number;
  clock: Timebox;
  paused: boolean;
  attendance: AttendanceEntry[];
  agenda: AgendaItem[];
  currentItemId: string | null;
  phaseRuns: PhaseRun[];
  currentPhase: PhaseRun | null;
  currentTurn: SpeakingTurn | null;
  round: RoundView | null;
  parkingLot: ParkingLotEntry[];
  overrides: RuleOverride[];
  wrapUp: WrapUp;
}

export interface Draft {
  id: string;
  meetingId: string;
  authorId: string;
  context: string;
  body: string;
  updatedAt: number;
}

export interface FollowUpCommitment extends Commitment {
  situationTitle: string;
  presenterId: string;
  presenterName: string;
  /** The meeting the commitment was made at, when it was made at one. */
  meetingId: string | null;
  reviewedMeetingId: string | null;
  /** Still open and its due date is before the meeting's day. */
  pastDue: boolean;
}

export interface FollowUpSituation {
  situationId: string;
  title: string;
  presenterId: string;
  presenterName: string;
  processedAtMeetingId: string | null;
  processedAt: number | null;
  commitmentIds: string[];
}

export interface FollowUp {
  meetingId: string;
  commitments: FollowUpCommitment[];
  situations: FollowUpSituation[];
}

export interface AirtimeEntry {
  situationId: string;
  memberId: string;
  memberName: string;
  turns: number;
  ms: number;
}
