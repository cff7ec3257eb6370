// The Members page: the current group's roster, adding members, and creating groups.
import { useGroups, useMembers } from '../../stores/groups-store';
import { EmptyState, LoadError, Loading } from '../../ui/messages';
import { PageHeader } from '../../ui/page-header';
import { GroupForm } from './group-form';
import { MemberForm } from './member-form';
import { MemberTable } from './member-table';

export function MembersView() {
  const { groupsLoaded, loadError: groupsError, group } = useGroups();
  const { members, membersLoaded, loadError: membersError } = useMembers(group?.id ?? null);
  const loadError = groupsError ?? membersError;

  if (!groupsLoaded) return <Loading label="Opening your groups…" />;

  if (!group) {
    return (
      <>
        <PageHeader title="Members" />
        {loadError && <LoadError message={loadError} />}
        <EmptyState title="Start with your group.">
          <p>Create the forum, board or roundtable you chair, then add its members.</p>
        </EmptyState>
        <GroupForm heading="Create a group" />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Members"
        subtitle={
          membersLoaded
            ? `${group.name} · ${members.length} ${members.length === 1 ? 'person' : 'people'}`
            : group.name
        }
      />
      {loadError && <LoadError message={loadError} />}
      <section aria-label={`Members of ${group.name}`} className="section">
        {membersLoaded ? (
          <MemberTable members={members} groupName={group.name} />
        ) : (
          <Loading label="Loading members…" />
        )}
      </section>
      <MemberForm groupId={group.id} groupName={group.name} />
      <GroupForm heading="Create another group" />
    </>
  );
}
