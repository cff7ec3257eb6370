// Digest import: a text file of posts in the seed format, previewed per post, then imported into a
// group in one transaction, with the report of what was imported and what was skipped and why.
import { useId, useState } from 'react';
import type { ImportReport } from '../../../shared/domain';
import { useWrite } from '../../api/use-server-state';
import { useGroups } from '../../stores/groups-store';
import { Field } from '../../ui/field';
import { FormError } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';

interface DigestFile {
  name: string;
  text: string;
}

export function DigestImportPanel() {
  const id = useId();
  const { groups, selectedGroupId: currentGroupId } = useGroups();
  const previewWrite = useWrite('import.preview');
  const importWrite = useWrite('import.digest');
  const [groupId, setGroupId] = useState(currentGroupId ?? '');
  const [file, setFile] = useState<DigestFile | null>(null);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [imported, setImported] = useState<ImportReport | null>(null);
  const { pending, error, submit } = useSubmission();
  const targetId = groups.some((g) => g.id === groupId) ? groupId : (currentGroupId ?? '');

  async function chooseFile(chosen: File | undefined) {
    setPreview(null);
    setImported(null);
    setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
  }

  async function previewFile() {
    if (!file) return;
    setImported(null);
    await submit(async () =>
      setPreview(await previewWrite.mutateAsync({ groupId: targetId, text: file.text })),
    );
  }

  async function importFile() {
    if (!file) return;
    await submit(async () => {
      setImported(await importWrite.mutateAsync({ groupId: targetId, text: file.text }));
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
                <strong>{post.title || `Line ${post.line}`}</strong>{' '}
                <span className="post-outcome">
                  {post.skipReason
                    ? `Skipped: ${post.skipReason}`
                    : post.warnings.length > 0
                      ? `${imported ? 'Imported' : 'Will be imported'} with a warning: ${post.warnings.join(' ')}`
                      : `${imported ? 'Imported' : 'Will be imported'} (${post.adviceCount} advice ${post.adviceCount === 1 ? 'point' : 'points'}).`}
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
