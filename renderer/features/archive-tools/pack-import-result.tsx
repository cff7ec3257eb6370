// What a pack import merged, per kind of record, or a pack's situations opened read-only.
import type { MergeCounts, PackContents, PackReport } from '../../../shared/domain';
import { formatDay } from '../../ui/dates';
import { PackSituationList } from './pack-situation-list';

const KINDS = {
  groups: 'Groups',
  members: 'Members',
  situations: 'Situations',
  contributions: 'Advice and questions',
  commitments: 'Commitments',
  tags: 'Tags',
} as const;

export function PackImportResult({
  report,
  contents,
}: {
  report: PackReport | null;
  contents: PackContents | null;
}) {
  if (report) {
    return (
      <div className="pack-report" role="status">
        <p className="form-status">The pack was merged.</p>
        <dl aria-label="Pack import report">
          {(Object.keys(KINDS) as (keyof typeof KINDS)[]).map((kind) => (
            <div key={kind}>
              <dt>{KINDS[kind]}</dt>
              <dd>{describeCounts(report[kind])}</dd>
            </div>
          ))}
        </dl>
        {report.conflictNotes.length > 0 && (
          <ul aria-label="Conflicts">
            {report.conflictNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  if (!contents) return null;
  return (
    <div className="pack-contents">
      <p role="status" className="form-status">
        Opened read-only: {contents.groupNames.join(', ')}, packed {formatDay(contents.createdAt)}. Nothing
        was added to your archive.
      </p>
      <PackSituationList situations={contents.situations} />
    </div>
  );
}

function describeCounts(counts: MergeCounts): string {
  return `${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.conflicts} conflicts`;
}
