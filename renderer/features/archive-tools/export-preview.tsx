// The export as the chair will send it, read-only, with "Save…": Roundtable's window asks where (the
// save dialog) and writes the file; a PDF is printed from this HTML. HTML is shown as its source
// text: rendering it here would run under the app's own rights.
import { useId, useState } from 'react';
import type { ExportResult } from '../../../shared/domain';
import { useWrite } from '../../api/use-server-state';
import { FormError } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';
import type { ExportFormat } from './export-request';

const SAVE_LABELS: Record<ExportFormat, { idle: string; pending: string }> = {
  markdown: { idle: 'Save…', pending: 'Saving…' },
  html: { idle: 'Save…', pending: 'Saving…' },
  pdf: { idle: 'Save as PDF…', pending: 'Printing the PDF…' },
};

export function ExportPreview({ result, format }: { result: ExportResult; format: ExportFormat }) {
  const id = useId();
  const saveWrite = useWrite('export.save');
  const { pending, error, submit } = useSubmission();
  const [saved, setSaved] = useState<string | null>(null);

  async function save() {
    setSaved(null);
    await submit(async () => {
      const answer = await saveWrite.mutateAsync({
        fileName: result.fileName,
        format,
        content: result.content,
      });
      // A cancelled dialog saves nothing and says nothing.
      setSaved(answer.saved ? answer.fileName : null);
    });
  }

  return (
    <section className="export-preview" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        Preview of {result.fileName} ({result.situationCount}{' '}
        {result.situationCount === 1 ? 'situation' : 'situations'})
      </h3>
      {result.notice && (
        <p role="status" className="form-status">
          {result.notice}
        </p>
      )}
      {format === 'pdf' && <p className="field-hint">The PDF is printed from this page.</p>}
      <pre className="export-text" aria-label="Export preview" tabIndex={0}>
        {result.content}
      </pre>
      <FormError message={error} />
      <div className="form-actions">
        <button type="button" className="button primary" disabled={pending} onClick={() => void save()}>
          {pending ? SAVE_LABELS[format].pending : SAVE_LABELS[format].idle}
        </button>
        {saved && (
          <p role="status" className="form-status">
            Saved {saved}.
          </p>
        )}
      </div>
    </section>
  );
}
