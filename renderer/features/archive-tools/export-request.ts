// What the chair asks the export form for, and the channel call that answers it.
import type { ConfidentialityLevel, ExportResult, TextExportFormat } from '../../../shared/domain';
import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { serverQuery, write } from '../../api/server-state';

export const DIGEST_NOUNS = ['Thoughts', 'Observations', 'Ways', 'Ideas'] as const;
export type DigestNoun = (typeof DIGEST_NOUNS)[number];

/** The digest's situations: one tag's, or every situation of the current group. */
export const WHOLE_GROUP = 'group';

/** What the chair saves: Markdown, HTML, or a PDF printed from the HTML. */
export const EXPORT_FORMATS = ['markdown', 'html', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  kind: 'notes' | 'digest';
  meetingId: string;
  digestSource: string;
  format: ExportFormat;
  noun: DigestNoun;
  level: ConfidentialityLevel;
  redactCompanies: boolean;
  presenterId: string;
  includeConfidential: boolean;
  /** A digest's situations without advice ("…? 0 Observations"), left out unless asked for. */
  includeWithoutAdvice: boolean;
}

export const FIRST_REQUEST: ExportRequest = {
  kind: 'notes',
  meetingId: '',
  digestSource: WHOLE_GROUP,
  format: 'markdown',
  noun: 'Observations',
  level: 'anonymized',
  redactCompanies: false,
  presenterId: '',
  includeConfidential: false,
  includeWithoutAdvice: false,
};

/** Whether the form offers confidential situations: never for an anonymized export. */
export function mayIncludeConfidential(request: Pick<ExportRequest, 'kind' | 'level'>): boolean {
  return request.level === 'full' || (request.kind === 'notes' && request.level === 'presenter');
}

export async function runExport(
  client: QueryClient,
  request: ExportRequest,
  groupId: string,
): Promise<ExportResult> {
  // Named exports only: a full one, or a presenter's own notes (which hold their situations alone).
  const includeConfidential = mayIncludeConfidential(request) && request.includeConfidential;
  // A PDF is printed by the host from the HTML export, so the backend writes HTML for it.
  const format: TextExportFormat = request.format === 'pdf' ? 'html' : request.format;
  const redactCompanies = request.level === 'anonymized' && request.redactCompanies;
  if (request.kind === 'notes') {
    if (!request.meetingId) throw new ApiError('VALIDATION', 'Choose the meeting to export.');
    if (request.level === 'presenter' && !request.presenterId) {
      throw new ApiError('VALIDATION', 'Choose the presenter whose situation the notes are for.');
    }
    return write(client, 'export.notes', {
      meetingId: request.meetingId,
      format,
      level: request.level,
      presenterId: request.level === 'presenter' ? request.presenterId : undefined,
      redactCompanies,
      includeConfidential,
    });
  }
  const level: 'full' | 'anonymized' = request.level === 'full' ? 'full' : 'anonymized';
  const common = {
    format,
    level,
    noun: request.noun,
    redactCompanies,
    includeConfidential,
    includeWithoutAdvice: request.includeWithoutAdvice,
  };
  if (request.digestSource !== WHOLE_GROUP) {
    return write(client, 'export.digest', { ...common, tagId: request.digestSource });
  }
  const situations = await client.query(serverQuery('situation.list', { groupId }));
  if (situations.length === 0)
    throw new ApiError('VALIDATION', 'This group has no situations to export yet.');
  return write(client, 'export.digest', { ...common, situationIds: situations.map((s) => s.id) });
}
