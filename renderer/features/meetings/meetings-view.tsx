// The Meetings page. Planning and running live meetings comes later; today it holds the current
// group's parking lot and the form to bring a situation to it.
import { useEffect, useMemo } from 'react';
import { hrefTo } from '../../routing/hash-route';
import {
  selectCurrentGroup,
  selectCurrentMembers,
  selectMembersLoaded,
  useGroupsStore,
} from '../../stores/groups-store';
import { selectWaiting, useParkingLotStore } from '../../stores/parking-lot-store';
import { EmptyState, LoadError, Loading } from '../../ui/messages';
import { PageHeader } from '../../ui/page-header';
import { SituationCard } from '../../ui/situation-card';
import { BringSituationForm } from './bring-situation-form';

export function MeetingsView() {
  const groupsLoaded = useGroupsStore((s) => s.groupsLoaded);
  const group = useGroupsStore(selectCurrentGroup);
  const members = useGroupsStore(selectCurrentMembers);
  const membersLoaded = useGroupsStore(selectMembersLoaded);
  const groupId = group?.id ?? null;

  const load = useParkingLotStore((s) => s.load);
  const loadedFor = useParkingLotStore((s) => s.loadedFor);
  const situations = useParkingLotStore((s) => s.situations);
  const error = useParkingLotStore((s) => s.error);
  const waiting = useMemo(() => selectWaiting(situations), [situations]);

  useEffect(() => {
    if (groupId) void load(groupId);
  }, [groupId, load]);

  if (!groupsLoaded) return <Loading label="Opening your groups…" />;

  if (!group) {
    return (
      <>
        <PageHeader title="Meetings" />
        <EmptyState title="No group yet.">
          <p>
            Meetings belong to a group. <a href={hrefTo({ page: 'members' })}>Create your group</a> and add
            its members first.
          </p>
        </EmptyState>
      </>
    );
  }

  const listReady = loadedFor === group.id;

  return (
    <>
      <PageHeader title="Meetings" subtitle={group.name}>
        <p className="page-note">
          Planning and running live meetings is not built yet. For now this page is the group’s parking lot:
          the situations members want to bring to a meeting.
        </p>
      </PageHeader>
      <div className="columns">
        <section className="section" aria-labelledby="parking-lot-heading">
          <h2 id="parking-lot-heading" className="section-title">
            Parking lot {listReady && <span className="section-count">{waiting.length}</span>}
          </h2>
          {error && <LoadError message={error} />}
          {!listReady ? (
            !error && <Loading label="Loading the parking lot…" />
          ) : waiting.length === 0 ? (
            <EmptyState title="Nothing is waiting.">
              <p>When a member brings a situation, it waits here until the group takes it up.</p>
            </EmptyState>
          ) : (
            <ul className="situation-list" aria-label="Situations waiting">
              {waiting.map((situation) => (
                <SituationCard key={situation.id} situation={situation} showGroup={false} />
              ))}
            </ul>
          )}
        </section>
        <div>
          {!membersLoaded ? (
            <Loading label="Loading members…" />
          ) : members.length === 0 ? (
            <EmptyState title="Who will present?">
              <p>
                A situation is brought by a member.{' '}
                <a href={hrefTo({ page: 'members' })}>Add the group’s members</a> first.
              </p>
            </EmptyState>
          ) : (
            <BringSituationForm groupId={group.id} members={members} />
          )}
        </div>
      </div>
    </>
  );
}
