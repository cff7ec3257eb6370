// Archive packs: the group's archive sealed with a passphrase as a download, and a pack merged in
// or opened read-only. Passphrases live in this component only until the call returns.
import { useId, useState, type SubmitEvent } from 'react';
import type { Group, PackContents, PackReport } from '../../../shared/domain';
import { invoke } from '../../api/client';
import { Field } from '../../ui/field';
import { FormError } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';
import { base64FromBytes, bytesFromBase64, offerDownload } from './file-transfer';
import { PackImportResult } from './pack-import-result';

const MIN_PASSPHRASE = 8;

export function PackPanel({ group }: { group: Group }) {
  const id = useId();
  const exporting = useSubmission();
  const importing = useSubmission();
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [exported, setExported] = useState<string | null>(null);
  const [packData, setPackData] = useState<string | null>(null);
  const [importPassphrase, setImportPassphrase] = useState('');
  const [report, setReport] = useState<PackReport | null>(null);
  const [contents, setContents] = useState<PackContents | null>(null);

  const mismatch = repeated.length > 0 && repeated !== passphrase;
  const exportReady = passphrase.length >= MIN_PASSPHRASE && repeated === passphrase;

  async function exportPack(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!exportReady) return;
    setExported(null);
    const done = await exporting.submit(async () => {
      const pack = await invoke('pack.export', { groupId: group.id, passphrase, includeConfidential: false });
      offerDownload(pack.fileName, bytesFromBase64(pack.data), 'pack');
      const left = pack.omittedConfidential > 0 ? ` ${pack.omittedConfidential} confidential left out.` : '';
      setExported(`Saved ${pack.fileName} with ${pack.situationCount} situations.${left}`);
    });
    if (done) {
      setPassphrase('');
      setRepeated('');
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
      if (mode === 'merge') setReport(await invoke('pack.import', input));
      else setContents(await invoke('pack.open', input));
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
        </div>
        <PackImportResult report={report} contents={contents} />
      </div>
    </section>
  );
}
