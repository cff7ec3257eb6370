// The Meetings page: the current group's meetings (each opens its live screen), planning the next one,
// the agenda templates, and the parking lot with A/B/C priority and the form to bring a situation.
import { useEffect, useMemo } from 'react';
import { hrefTo } from '../../routing/hash-route';
import {
  selectCurrentGroup,
  selectCurrentMembers,
  selectMembersLoaded,
  useGroupsStore,
} from '../../stores/groups-store';
import { selectMeetingsByDate, useMeetingsStore } from '../../stores/meetings-store';
import { selectWaiting, useParkingLotStore } from '../../stores/parking-lot-store';
import { EmptyState, LoadError, Loading } from '../../ui/messages';
import { PageHeader } from '../../ui/page-header';
import { SituationCard } from '../../ui/situation-card';
import { PriorityButtons } from '../meeting-live/issue-selection';
import { BringSituationForm } from './bring-situation-form';
import { MeetingList } from './meeting-list';
import { PlanMeetingForm } from './plan-meeting-form';
import { TemplateEditor } from './template-editor';

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
  const loadMeetings = useMeetingsStore((s) => s.load);
  const meetingsOf = useMeetingsStore((s) => s.groupId);
  const allMeetings = useMeetingsStore((s) => s.meetings);
  const templates = useMeetingsStore((s) => s.templates);
  const priorities = useMeetingsStore((s) => s.priorities);
  const prioritize = useMeetingsStore((s) => s.prioritize);
  const meetings = useMemo(() => selectMeetingsByDate(allMeetings), [allMeetings]);

  useEffect(() => {
    if (groupId) {
      void load(groupId);
      void loadMeetings(groupId);
    }
  }, [groupId, load, loadMeetings]);

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
      <PageHeader title="Meetings" subtitle={group.name} />
      <div className="columns">
        <section className="section" aria-labelledby="meetings-heading">
          <h2 id="meetings-heading" className="section-title">
            Meetings {meetingsOf === group.id && <span className="section-count">{meetings.length}</span>}
          </h2>
          <MeetingList meetings={meetingsOf === group.id ? meetings : []} />
        </section>
        <div>
          {membersLoaded && members.length > 0 && (
            <PlanMeetingForm groupId={group.id} members={members} templates={templates} />
          )}
          <TemplateEditor templates={templates} />
        </div>
      </div>
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
                <SituationCard key={situation.id} situation={situation} showGroup={false}>
                  <PriorityButtons
                    title={situation.title}
                    priority={priorities[situation.id] ?? null}
                    onChange={(priority) => void prioritize(situation.id, priority)}
                  />
                </SituationCard>
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
