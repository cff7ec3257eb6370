// The export as the chair will send it, read-only, with "Save…" as a download. HTML is shown as
// its source text: rendering it here would run under the app's own rights.
import { useId } from 'react';
import type { ExportResult, TextExportFormat } from '../../../shared/domain';
import { offerDownload } from './file-transfer';

export function ExportPreview({ result, format }: { result: ExportResult; format: TextExportFormat }) {
  const id = useId();
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
      <pre className="export-text" aria-label="Export preview" tabIndex={0}>
        {result.content}
      </pre>
      <div className="form-actions">
        <button
          type="button"
          className="button primary"
          onClick={() => offerDownload(result.fileName, result.content, format)}
        >
          Save…
        </button>
      </div>
    </section>
  );
}
