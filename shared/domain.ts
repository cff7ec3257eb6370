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
}
