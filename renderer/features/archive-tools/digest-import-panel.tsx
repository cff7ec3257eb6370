// Digest import: a text file of posts in the seed format, previewed per post, then imported into a
// group in one transaction, with the report of what was imported and what was skipped and why. Each
// post's warnings show under it (a count that disagrees, nesting that may be lost, a post without
// advice); posts without advice come in only when the chair ticks the box, and a file with no post in
// it is said so.
import { useId, useState } from 'react';
import type { ImportPreviewPost, ImportReport } from '../../../shared/domain';
import { useWrite } from '../../api/use-server-state';
import { useGroups } from '../../stores/groups-store';
import { Field } from '../../ui/field';
import { FormError } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';

interface DigestFile {
  name: string;
  text: string;
}

function outcome(post: ImportPreviewPost, imported: boolean): string {
  if (post.skipReason) return `Skipped: ${post.skipReason}`;
  const done = imported ? 'Imported' : 'Will be imported';
  if (post.warnings.length > 0) return `${done} with a warning:`;
  return `${done} (${post.adviceCount} advice ${post.adviceCount === 1 ? 'point' : 'points'}).`;
}

export function DigestImportPanel() {
  const id = useId();
  const { groups, selectedGroupId: currentGroupId } = useGroups();
  const previewWrite = useWrite('import.preview');
  const importWrite = useWrite('import.digest');
  const [groupId, setGroupId] = useState(currentGroupId ?? '');
  const [file, setFile] = useState<DigestFile | null>(null);
  const [includeWithoutAdvice, setIncludeWithoutAdvice] = useState(false);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [imported, setImported] = useState<ImportReport | null>(null);
  const { pending, error, submit, clearError } = useSubmission();
  const targetId = groups.some((g) => g.id === groupId) ? groupId : (currentGroupId ?? '');

  async function chooseFile(chosen: File | undefined) {
    setPreview(null);
    setImported(null);
    clearError();
    setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
  }

  async function previewFile(withoutAdvice = includeWithoutAdvice) {
    if (!file) return;
    setImported(null);
    setPreview(null);
    await submit(async () =>
      setPreview(
        await previewWrite.mutateAsync({
          groupId: targetId,
          text: file.text,
          includeWithoutAdvice: withoutAdvice,
        }),
      ),
    );
  }

  async function importFile() {
    if (!file) return;
    await submit(async () => {
      setImported(
        await importWrite.mutateAsync({ groupId: targetId, text: file.text, includeWithoutAdvice }),
      );
      setPreview(null);
    });
  }

  const report = imported ?? preview;
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel-title">
        Import a digest
      </h2>
      <div className="form-grid">
        <Field
          id={`${id}-file`}
          label="Digest file"
          hint="A text file with one or more posts in the digest format."
        >
          <input
            id={`${id}-file`}
            type="file"
            accept=".txt,.md,text/plain,text/markdown"
            onChange={(event) => void chooseFile(event.target.files?.[0])}
          />
        </Field>
        <Field id={`${id}-group`} label="Into the group">
          <select
            id={`${id}-group`}
            value={targetId}
            onChange={(event) => {
              setGroupId(event.target.value);
              setPreview(null);
              setImported(null);
            }}
          >
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="checkbox-field">
        <input
          id={`${id}-without-advice`}
          type="checkbox"
          checked={includeWithoutAdvice}
          aria-describedby={`${id}-without-advice-hint`}
          onChange={(event) => {
            const checked = event.target.checked;
            setIncludeWithoutAdvice(checked);
            // A preview says what an import would do: with the box changed, it is read again.
            if (preview) void previewFile(checked);
          }}
        />
        <label htmlFor={`${id}-without-advice`}>Import posts without advice</label>
        <span id={`${id}-without-advice-hint`} className="field-hint">
          A post with no “Advice from the CEOs” comes in as a situation without advice.
        </span>
      </div>
      <FormError message={error} />
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={!file || !targetId || pending}
          onClick={() => void previewFile()}
        >
          Preview
        </button>
        {preview && preview.imported > 0 && (
          <button
            type="button"
            className="button primary"
            disabled={pending}
            onClick={() => void importFile()}
          >
            Import {preview.imported} {preview.imported === 1 ? 'post' : 'posts'}
          </button>
        )}
      </div>
      {report && (
        <div className="import-report">
          <p role="status" className="form-status">
            {imported
              ? `Imported ${imported.imported} ${imported.imported === 1 ? 'post' : 'posts'}; skipped ${imported.skipped}.`
              : `${preview?.imported ?? 0} to import, ${preview?.skipped ?? 0} to skip. Nothing is written until you import.`}
          </p>
          <ol aria-label={imported ? 'Imported posts' : 'Posts in the file'} className="import-posts">
            {report.posts.map((post) => (
              <li key={post.line}>
                <strong>{post.title || `Line ${post.line}`}</strong>
                {post.confidential && <span className="badge confidential">Confidential</span>}{' '}
                <span className="post-outcome">{outcome(post, imported !== null)}</span>
                {post.warnings.length > 0 && (
                  <ul className="post-warnings" aria-label="Warnings">
                    {post.warnings.map((warning) => (
                      <li key={warning}>{warning}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
