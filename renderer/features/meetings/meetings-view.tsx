// The Meetings page: the current group's meetings (each opens its live screen), planning the next one,
// the agenda templates, and the parking lot with A/B/C priority and the form to bring a situation.
import { useMemo } from 'react';
import { hrefTo } from '../../routing/hash-route';
import { useGroups, useMembers } from '../../stores/groups-store';
import { selectMeetingsByDate, useMeetings, usePrioritize } from '../../stores/meetings-store';
import { selectWaiting, useSituations } from '../../stores/parking-lot-store';
import { EmptyState, LoadError, Loading } from '../../ui/messages';
import { PageHeader } from '../../ui/page-header';
import { SituationCard } from '../../ui/situation-card';
import { PriorityButtons } from '../meeting-live/issue-selection';
import { BringSituationForm } from './bring-situation-form';
import { MeetingList } from './meeting-list';
import { PlanMeetingForm } from './plan-meeting-form';
import { TemplateEditor } from './template-editor';

export function MeetingsView() {
  const { groupsLoaded, group } = useGroups();
  const groupId = group?.id ?? null;
  const { members, membersLoaded } = useMembers(groupId);
  const { situations, error } = useSituations(groupId);
  const waiting = useMemo(() => selectWaiting(situations ?? []), [situations]);
  const { meetings: listed, templates, priorities } = useMeetings(groupId);
  const prioritize = usePrioritize();
  const meetings = useMemo(() => selectMeetingsByDate(listed ?? []), [listed]);

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

  const listReady = situations !== null;

  return (
    <>
      <PageHeader title="Meetings" subtitle={group.name} />
      <div className="columns">
        <section className="section" aria-labelledby="meetings-heading">
          <h2 id="meetings-heading" className="section-title">
            Meetings {listed && <span className="section-count">{meetings.length}</span>}
          </h2>
          <MeetingList meetings={meetings} />
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
