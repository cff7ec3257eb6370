// Archive packs: the group's archive sealed with a passphrase and saved where the chair chooses (the
// host's save dialog), and a pack merged in
// or opened read-only. Passphrases live in this component only until the call returns.
// Confidential situations go into a pack only when the chair ticks them in and confirms, for that
// export alone. A large pack reports its progress while it is written or merged.
import { useEffect, useId, useState, type SubmitEvent } from 'react';
import type { Group, PackContents, PackReport } from '../../../shared/domain';
import { onEvent } from '../../api/client';
import { useWrite } from '../../api/use-server-state';
import { Field } from '../../ui/field';
import { FormError } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';
import { ConfidentialChoice } from './confidential-choice';
import { base64FromBytes } from './file-transfer';
import { PackImportResult } from './pack-import-result';

const MIN_PASSPHRASE = 8;

interface Progress {
  done: number;
  total: number;
}

/** Listens to a progress event only while its call is pending; null when there is nothing to show. */
function useProgress(event: 'export.progress' | 'import.progress', pending: boolean): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (!pending) return;
    const stop = onEvent(event, setProgress);
    return () => {
      stop();
      setProgress(null);
    };
  }, [event, pending]);
  return pending ? progress : null;
}

function ProgressBar({ label, progress }: { label: string; progress: Progress | null }) {
  if (!progress) return null;
  return (
    <>
      <progress aria-label={label} max={progress.total} value={progress.done} />
      <span className="field-hint" aria-live="polite">
        {progress.done} of {progress.total} situations
      </span>
    </>
  );
}

function exportedMessage(fileName: string, pack: { situationCount: number; omittedConfidential: number }) {
  const situations = `${pack.situationCount} ${pack.situationCount === 1 ? 'situation' : 'situations'}`;
  const omitted = pack.omittedConfidential;
  const left =
    omitted === 0
      ? ''
      : ` ${omitted} confidential ${omitted === 1 ? 'situation was' : 'situations were'} left out.`;
  return `Saved ${fileName} with ${situations}.${left}`;
}

export function PackPanel({ group }: { group: Group }) {
  const id = useId();
  const exporting = useSubmission();
  const importing = useSubmission();
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [includeConfidential, setIncludeConfidential] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [packData, setPackData] = useState<string | null>(null);
  const [importPassphrase, setImportPassphrase] = useState('');
  const [report, setReport] = useState<PackReport | null>(null);
  const [contents, setContents] = useState<PackContents | null>(null);
  const sealPack = useWrite('pack.export');
  const savePack = useWrite('export.save');
  const mergePack = useWrite('pack.import');
  const openPack = useWrite('pack.open');
  const exportProgress = useProgress('export.progress', exporting.pending);
  const importProgress = useProgress('import.progress', importing.pending);

  const mismatch = repeated.length > 0 && repeated !== passphrase;
  const exportReady = passphrase.length >= MIN_PASSPHRASE && repeated === passphrase;

  async function exportPack(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!exportReady) return;
    setExported(null);
    const done = await exporting.submit(async () => {
      const pack = await sealPack.mutateAsync({ groupId: group.id, passphrase, includeConfidential });
      const saved = await savePack.mutateAsync({
        fileName: pack.fileName,
        format: 'pack',
        content: pack.data,
      });
      // A cancelled dialog keeps nothing: the sealed pack is dropped with this call.
      setExported(
        saved.saved && saved.fileName ? exportedMessage(saved.fileName, pack) : 'The pack was not saved.',
      );
    });
    if (done) {
      setPassphrase('');
      setRepeated('');
      setIncludeConfidential(false);
    }
  }

  async function chooseFile(file: File | undefined) {
    setReport(null);
    setContents(null);
    setPackData(file ? base64FromBytes(new Uint8Array(await file.arrayBuffer())) : null);
  }

  async function readPack(mode: 'merge' | 'open') {
    if (!packData) return;
    setReport(null);
    setContents(null);
    const input = { data: packData, passphrase: importPassphrase };
    const done = await importing.submit(async () => {
      if (mode === 'merge') setReport(await mergePack.mutateAsync(input));
      else setContents(await openPack.mutateAsync(input));
    });
    if (done) setImportPassphrase('');
  }

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel-title">
        Archive packs
      </h2>
      <form aria-label="Export a pack" onSubmit={(event) => void exportPack(event)}>
        <h3>Export {group.name}’s archive</h3>
        <div className="form-grid">
          <Field
            id={`${id}-pass`}
            label="Passphrase"
            hint={`At least ${MIN_PASSPHRASE} characters. It is never stored.`}
          >
            <input
              id={`${id}-pass`}
              type="password"
              autoComplete="new-password"
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
            />
          </Field>
          <Field id={`${id}-repeat`} label="Passphrase again">
            <input
              id={`${id}-repeat`}
              type="password"
              autoComplete="new-password"
              value={repeated}
              aria-invalid={mismatch}
              onChange={(event) => setRepeated(event.target.value)}
            />
          </Field>
        </div>
        {mismatch && <p className="field-hint">The two passphrases differ.</p>}
        <ConfidentialChoice included={includeConfidential} onChange={setIncludeConfidential} />
        <FormError message={exporting.error} />
        {exported && (
          <p role="status" className="form-status">
            {exported}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={!exportReady || exporting.pending}>
            Export pack
          </button>
          <ProgressBar label="Pack export progress" progress={exportProgress} />
        </div>
      </form>
      <div role="group" aria-label="Import a pack">
        <h3>Import or open a pack</h3>
        <div className="form-grid">
          <Field id={`${id}-file`} label="Pack file">
            <input
              id={`${id}-file`}
              type="file"
              accept=".rtpack"
              onChange={(event) => void chooseFile(event.target.files?.[0])}
            />
          </Field>
          <Field id={`${id}-open-pass`} label="Pack passphrase">
            <input
              id={`${id}-open-pass`}
              type="password"
              autoComplete="off"
              value={importPassphrase}
              onChange={(event) => setImportPassphrase(event.target.value)}
            />
          </Field>
        </div>
        <FormError message={importing.error} />
        <div className="form-actions">
          <button
            type="button"
            className="button primary"
            disabled={!packData || !importPassphrase || importing.pending}
            onClick={() => void readPack('merge')}
          >
            Import pack
          </button>
          <button
            type="button"
            className="button"
            disabled={!packData || !importPassphrase || importing.pending}
            onClick={() => void readPack('open')}
          >
            Open read-only
          </button>
          <ProgressBar label="Pack import progress" progress={importProgress} />
        </div>
        <PackImportResult report={report} contents={contents} />
      </div>
    </section>
  );
}
