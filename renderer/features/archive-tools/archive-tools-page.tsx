// Archive tools: notes and digests out, digests in, encrypted packs both ways, and backups.
import { useGroups } from '../../stores/groups-store';
import { EmptyState } from '../../ui/messages';
import { PageHeader } from '../../ui/page-header';
import { BackupPanel } from './backup-panel';
import { DigestImportPanel } from './digest-import-panel';
import { ExportPanel } from './export-panel';
import { PackPanel } from './pack-panel';

/** `meetingId`: the meeting whose notes the export form starts on (from "Export notes…" on a meeting). */
export function ArchiveToolsPage({ meetingId }: { meetingId: string | null }) {
  const { group, groupsLoaded } = useGroups();

  return (
    <div className="archive-tools">
      <PageHeader
        title="Archive tools"
        subtitle="Send notes and digests, bring digests in, share encrypted packs, and keep backups."
      />
      {group ? (
        <>
          <ExportPanel key={`export-${group.id}-${meetingId ?? ''}`} group={group} meetingId={meetingId} />
          <DigestImportPanel />
          <PackPanel key={`pack-${group.id}`} group={group} />
        </>
      ) : (
        groupsLoaded && (
          <EmptyState title="There is no group yet.">
            <p>Create a group on the Members page to export, import or share its archive.</p>
          </EmptyState>
        )
      )}
      <BackupPanel />
    </div>
  );
}
