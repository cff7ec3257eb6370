// The domain's records as the renderer sees them. Ids are UUIDv7 strings; times are epoch milliseconds.
import type { DigestCredit } from './digest-format';

export const MEMBER_ROLES = ['chair', 'member', 'guest'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/**
 * Where a member comes from: 'room' for a person of the group; 'digest' for the stand-in that
 * imported digest posts are presented and advised by, who is no one in the room (docs/architecture.md,
 * "The digest post").
 */
export const MEMBER_ORIGINS = ['room', 'digest'] as const;
export type MemberOrigin = (typeof MEMBER_ORIGINS)[number];

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
  origin: MemberOrigin;
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
  /** "Special thanks to NAME of ORG…": read from an imported digest post, or given at situation.create. */
  credit: DigestCredit | null;
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

export * from './domain-meetings';
export * from './domain-exports';
