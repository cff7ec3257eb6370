// Export session notes of a meeting, or a digest of a tag or of the group, at a confidentiality
// level; the result is previewed read-only and saved through the host's save dialog.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type SubmitEvent } from 'react';
import type { ExportResult, Group, MeetingSummary } from '../../../shared/domain';
import { describeError, onEvent } from '../../api/client';
import { useServer } from '../../api/use-server-state';
import { useMembers } from '../../stores/groups-store';
import { useTags } from '../../stores/tags-store';
import { formatDayAndTime } from '../../ui/dates';
import { Field } from '../../ui/field';
import { MemberChoice } from '../../ui/member-choice';
import { FormError } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';
import { ConfidentialChoice } from './confidential-choice';
import {
  DIGEST_NOUNS,
  EXPORT_FORMATS,
  FIRST_REQUEST,
  mayIncludeConfidential,
  runExport,
  WHOLE_GROUP,
  type ExportFormat,
  type ExportRequest,
} from './export-request';
import { ExportPreview } from './export-preview';

const NO_MEETINGS: MeetingSummary[] = [];

export function ExportPanel({ group, meetingId }: { group: Group; meetingId: string | null }) {
  const id = useId();
  const client = useQueryClient();
  const { members } = useMembers(group.id);
  const meetingList = useServer('meeting.list', { groupId: group.id });
  const meetings = meetingList.data ?? NO_MEETINGS;
  const { tags, error: tagsError } = useTags();
  const loadError = meetingList.error ? describeError(meetingList.error) : tagsError;
  const [chosen, setRequest] = useState<ExportRequest>(() => ({
    ...FIRST_REQUEST,
    meetingId: meetingId ?? '',
  }));
  // The meeting asked for stays chosen when it is this group's; otherwise the latest one.
  const shownMeetingId = meetings.some((m) => m.id === chosen.meetingId)
    ? chosen.meetingId
    : (meetings[0]?.id ?? '');
  const request: ExportRequest = { ...chosen, meetingId: shownMeetingId };
  // The export with the format it was made for: the form may change while it runs.
  const [result, setResult] = useState<{ export: ExportResult; format: ExportFormat } | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const { pending, error, submit } = useSubmission();

  useEffect(() => {
    if (!pending) return;
    return onEvent('export.progress', setProgress);
  }, [pending]);

  const change = (patch: Partial<ExportRequest>) => {
    setRequest((r) => ({ ...r, ...patch }));
    setResult(null);
  };

  async function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setProgress(null);
    setResult(null);
    await submit(async () => {
      const { format } = request;
      setResult({ export: await runExport(client, request, group.id), format });
    });
    setProgress(null);
  }

  const isNotes = request.kind === 'notes';
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel-title">
        Export notes or a digest
      </h2>
      <FormError message={loadError} />
      <form aria-label="Export notes or a digest" onSubmit={(event) => void handleSubmit(event)}>
        <div className="form-grid">
          <Field id={`${id}-kind`} label="What to export">
            <select
              id={`${id}-kind`}
              value={request.kind}
              onChange={(event) => {
                const kind = event.target.value === 'digest' ? 'digest' : 'notes';
                change({
                  kind,
                  level: kind === 'digest' && request.level === 'presenter' ? 'anonymized' : request.level,
                });
              }}
            >
              <option value="notes">Session notes of a meeting</option>
              <option value="digest">A digest</option>
            </select>
          </Field>
          {isNotes ? (
            <Field id={`${id}-meeting`} label="Meeting">
              <select
                id={`${id}-meeting`}
                value={request.meetingId}
                onChange={(e) => change({ meetingId: e.target.value })}
              >
                {meetings.length === 0 && <option value="">No meetings in {group.name} yet</option>}
                {meetings.map((m) => (
                  <option key={m.id} value={m.id}>
                    {formatDayAndTime(m.startsAt)}
                    {m.location ? ` — ${m.location}` : ''}
                  </option>
                ))}
              </select>
            </Field>
          ) : (
            <>
              <Field id={`${id}-source`} label="Situations">
                <select
                  id={`${id}-source`}
                  value={request.digestSource}
                  onChange={(e) => change({ digestSource: e.target.value })}
                >
                  <option value={WHOLE_GROUP}>All of {group.name}’s situations</option>
                  {tags.map((t) => (
                    <option key={t.id} value={t.id}>
                      Tagged “{t.name}” ({t.situationCount})
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={`${id}-noun`} label="Title noun">
                <select
                  id={`${id}-noun`}
                  value={request.noun}
                  onChange={(e) =>
                    change({ noun: DIGEST_NOUNS.find((n) => n === e.target.value) ?? 'Observations' })
                  }
                >
                  {DIGEST_NOUNS.map((noun) => (
                    <option key={noun}>{noun}</option>
                  ))}
                </select>
              </Field>
            </>
          )}
          <Field id={`${id}-format`} label="Format">
            <select
              id={`${id}-format`}
              value={request.format}
              onChange={(e) =>
                change({ format: EXPORT_FORMATS.find((f) => f === e.target.value) ?? 'markdown' })
              }
            >
              <option value="markdown">Markdown</option>
              <option value="html">HTML</option>
              <option value="pdf">PDF</option>
            </select>
          </Field>
          <Field id={`${id}-level`} label="Confidentiality">
            <select
              id={`${id}-level`}
              value={request.level}
              onChange={(e) =>
                change({
                  level:
                    e.target.value === 'full'
                      ? 'full'
                      : e.target.value === 'presenter'
                        ? 'presenter'
                        : 'anonymized',
                  // A yes to confidential situations is for the export it was given for.
                  includeConfidential: false,
                })
              }
            >
              <option value="full">Full, with names</option>
              <option value="anonymized">Anonymized</option>
              {isNotes && <option value="presenter">Presenter-only</option>}
            </select>
          </Field>
          {isNotes && request.level === 'presenter' && (
            <Field id={`${id}-presenter`} label="Presenter">
              <MemberChoice
                id={`${id}-presenter`}
                members={members}
                value={request.presenterId}
                placeholder="Whose situation?"
                onChange={(presenterId) => change({ presenterId })}
              />
            </Field>
          )}
        </div>
        {request.level === 'anonymized' && (
          <div className="checkbox-field">
            <input
              id={`${id}-redact`}
              type="checkbox"
              checked={request.redactCompanies}
              onChange={(e) => change({ redactCompanies: e.target.checked })}
            />
            <label htmlFor={`${id}-redact`}>Also redact company names</label>
          </div>
        )}
        {!isNotes && (
          <div className="checkbox-field">
            <input
              id={`${id}-without-advice`}
              type="checkbox"
              checked={request.includeWithoutAdvice}
              onChange={(e) => change({ includeWithoutAdvice: e.target.checked })}
            />
            <label htmlFor={`${id}-without-advice`}>Include situations without advice</label>
          </div>
        )}
        {mayIncludeConfidential(request) && (
          <ConfidentialChoice
            key={request.level}
            included={request.includeConfidential}
            label={
              request.level === 'presenter'
                ? 'Include the presenter’s confidential situations'
                : 'Include confidential situations'
            }
            onChange={(includeConfidential) => change({ includeConfidential })}
          />
        )}
        <FormError message={error} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={pending}>
            {pending ? 'Exporting…' : 'Export'}
          </button>
          {pending && progress && (
            <progress aria-label="Export progress" max={progress.total} value={progress.done}>
              {progress.done} of {progress.total}
            </progress>
          )}
        </div>
      </form>
      {result && <ExportPreview result={result.export} format={result.format} />}
    </section>
  );
}
