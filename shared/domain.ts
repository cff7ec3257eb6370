// The domain's records as the renderer sees them. Ids are UUIDv7 strings; times are epoch milliseconds.

export const MEMBER_ROLES = ['chair', 'member', 'guest'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const CONTRIBUTION_KINDS = ['question', 'advice', 'experience', 'observation'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export const SITUATION_STATUSES = ['parked', 'processing', 'processed', 'resolved'] as const;
export type SituationStatus = (typeof SITUATION_STATUSES)[number];

export interface Group {
  id: string;
  name: string;
  createdAt: number;
}

export interface Member {
  id: string;
  groupId: string;
  name: string;
  company: string;
  title: string;
  role: MemberRole;
  createdAt: number;
}

export interface Situation {
  id: string;
  groupId: string;
  presenterId: string;
  title: string;
  background: string;
  status: SituationStatus;
  confidential: boolean;
  createdAt: number;
  updatedAt: number;
}

/** One row of the archive list. */
export interface SituationSummary {
  id: string;
  groupId: string;
  groupName: string;
  title: string;
  presenterName: string;
  status: SituationStatus;
  confidential: boolean;
  adviceCount: number;
  createdAt: number;
}

export interface Contribution {
  id: string;
  situationId: string;
  parentId: string | null;
  authorId: string;
  kind: ContributionKind;
  body: string;
  position: number;
  createdAt: number;
}

export interface ContributionView extends Contribution {
  authorName: string;
  endorsedBy: string[];
}

/** A situation with everything said about it, in the order it was said (siblings by position). */
export interface SituationThread {
  situation: Situation;
  groupName: string;
  presenter: Member;
  contributions: ContributionView[];
  tags: Tag[];
  commitments: Commitment[];
}

export interface Tag {
  id: string;
  name: string;
}

export interface TagWithCount extends Tag {
  situationCount: number;
}

export const COMMITMENT_STATUSES = ['open', 'done', 'partly', 'not_done'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export interface Commitment {
  id: string;
  situationId: string;
  ownerId: string;
  ownerName: string;
  body: string;
  dueAt: number | null;
  status: CommitmentStatus;
  outcome: string;
  /** The advice points the follow-up said helped. */
  helpedContributionIds: string[];
}

/** Archive filters by what a situation is waiting for. */
export const ARCHIVE_STATUSES = ['open_commitments', 'resolved', 'never_processed'] as const;
export type ArchiveStatus = (typeof ARCHIVE_STATUSES)[number];

export const ARCHIVE_SORTS = ['relevance', 'date'] as const;
export type ArchiveSort = (typeof ARCHIVE_SORTS)[number];

/** Where a search hit's snippet comes from. */
export type SnippetSource = 'situation' | 'contribution' | 'commitment';

/**
 * One search result. The snippet marks matched terms between SNIPPET_MARK_START and
 * SNIPPET_MARK_END, characters that never occur in typed text, so the renderer can highlight
 * them without parsing HTML.
 */
export interface ArchiveHit extends SituationSummary {
  tags: string[];
  /** The title with the matched terms marked, when the title matched. */
  titleMarked: string | null;
  /** A fragment of the background, questions, advice or commitments where the terms matched. */
  snippet: string | null;
  snippetSource: SnippetSource | null;
}

export const SNIPPET_MARK_START = '\u0002';
export const SNIPPET_MARK_END = '\u0003';

export interface ArchivePage {
  /** How many situations match in all; the page holds those from offset to offset + limit. */
  total: number;
  offset: number;
  hits: ArchiveHit[];
}

export interface AdviceGiven {
  contribution: Contribution;
  situationId: string;
  situationTitle: string;
  endorsements: number;
}

/** One member's part in the archive. */
export interface MemberLens {
  member: Member;
  groupName: string;
  presented: SituationSummary[];
  advice: AdviceGiven[];
  endorsementsReceived: number;
}

// ── Live meetings (issue 3) ──────────────────────────────────────────────────────────────────────

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

// ── Exports, imports, packs and backups (issue 5) ────────────────────────────────────────────────

/** Full names everything; anonymized hides every name; presenter-only keeps one presenter's situations. */
export const CONFIDENTIALITY_LEVELS = ['full', 'anonymized', 'presenter'] as const;
export type ConfidentialityLevel = (typeof CONFIDENTIALITY_LEVELS)[number];

export const TEXT_EXPORT_FORMATS = ['markdown', 'html'] as const;
export type TextExportFormat = (typeof TEXT_EXPORT_FORMATS)[number];

/** An export's text, what to call its file, and what it left out. */
export interface ExportResult {
  content: string;
  fileName: string;
  situationCount: number;
  omittedConfidential: number;
  /** "2 confidential situations left out." when any were. */
  notice: string | null;
}

export interface ImportPreviewPost {
  line: number;
  title: string;
  question: string;
  tags: string[];
  adviceCount: number;
  credit: string | null;
  warnings: string[];
  /** Null when it will be imported; otherwise why it is skipped. */
  skipReason: string | null;
}

export interface ImportReport {
  posts: ImportPreviewPost[];
  imported: number;
  skipped: number;
  /** Ids of the situations written (empty for a preview). */
  situationIds: string[];
}

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Kept local: the same record is newer here, or a tag name clashes. */
  conflicts: number;
}

export interface PackReport {
  groups: MergeCounts;
  members: MergeCounts;
  situations: MergeCounts;
  contributions: MergeCounts;
  commitments: MergeCounts;
  tags: MergeCounts;
  conflictNotes: string[];
}

/** A pack opened read-only: its situations as threads, never written to the archive. */
export interface PackContents {
  groupNames: string[];
  createdAt: number;
  situations: {
    id: string;
    title: string;
    background: string;
    presenterName: string;
    tags: string[];
    points: {
      id: string;
      parentId: string | null;
      authorName: string;
      kind: ContributionKind;
      body: string;
    }[];
  }[];
}

export interface BackupEntry {
  /** The backup's file name (never a path: the renderer never names files on disk). */
  name: string;
  kind: 'rolling' | 'before-migration';
  takenAt: number;
  bytes: number;
}
