// The domain of what leaves and enters the archive: exports, digest imports, packs and backups.
import type { DigestCredit } from './digest-format';
import type { ContributionKind } from './domain';
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
  /** Digest posts left out for having no advice (the chair may ask for them); 0 for notes. */
  omittedWithoutAdvice: number;
  /**
   * For the chair: "2 confidential situations left out." and "3 situations without advice left
   * out." when any were. The file itself says only the first: its readers lack nothing else.
   */
  notice: string | null;
}

export interface ImportPreviewPost {
  line: number;
  title: string;
  question: string;
  tags: string[];
  adviceCount: number;
  credit: string | null;
  /** It carried the "Confidential" label, and comes in confidential. */
  confidential: boolean;
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
    /** Shared in trust: in a pack only when the chair included it, and labelled where it shows. */
    confidential: boolean;
    presenterName: string;
    /** The digest credit, when the situation has one (null in packs written before credits travelled). */
    credit: DigestCredit | null;
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
