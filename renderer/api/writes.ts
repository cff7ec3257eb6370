// What each of this window's writes answers in the cache, and which change event is its own echo
// (docs/architecture.md "Renderer data layer"). A write not listed here answers nothing: the change
// event it causes re-reads what depends on it.
import type { QueryClient } from '@tanstack/react-query';
import type { ArchiveRecord } from '../../shared/contract';
import type { ContributionView, Member, MeetingView, SituationThread } from '../../shared/domain';
import { serverKey, type Change, type WriteSpec } from './server-state';

/** The echo of a write to one situation's records. */
function echoOf(change: Change, record: ArchiveRecord, situationIds: string[]): boolean {
  if (change.event !== 'archive.changed') return false;
  const { records, situationIds: named } = change.payload;
  return (
    records.length === 1 &&
    records[0] === record &&
    named !== 'all' &&
    named.length === situationIds.length &&
    named.every((id) => situationIds.includes(id))
  );
}

/** Changes one cached thread, if it is cached; answers its key. */
export function updateThread(
  client: QueryClient,
  situationId: string,
  change: (thread: SituationThread) => SituationThread,
) {
  const key = serverKey('situation.get', { id: situationId });
  client.setQueryData<SituationThread>(key, (thread) => (thread ? change(thread) : thread));
  return [key];
}

/** The thread with a saved point in it, once: an earlier read may have brought it already. */
export function withPoint(thread: SituationThread, point: ContributionView): SituationThread {
  if (thread.contributions.some((c) => c.id === point.id)) return thread;
  return { ...thread, contributions: [...thread.contributions, point] };
}

/** Adding a point: the answer goes into the thread, shown under the author's name. */
export function pointAdded(authorName: string): WriteSpec<'contribution.add'> {
  return {
    answer: (client, saved) =>
      updateThread(client, saved.situationId, (t) => withPoint(t, { ...saved, authorName, endorsedBy: [] })),
    echo: (change, saved) => echoOf(change, 'contribution', [saved.situationId]),
  };
}

export function pointsRemoved(situationId: string): WriteSpec<'contribution.remove'> {
  return {
    answer: (client, { removedIds }) =>
      updateThread(client, situationId, (t) => ({
        ...t,
        contributions: t.contributions.filter((c) => !removedIds.includes(c.id)),
      })),
    echo: (change) => echoOf(change, 'contribution', [situationId]),
  };
}

export function endorsed(situationId: string): WriteSpec<'contribution.endorse' | 'contribution.unendorse'> {
  return {
    answer: (client, { contributionId, endorsedBy }) =>
      updateThread(client, situationId, (t) => ({
        ...t,
        contributions: t.contributions.map((c) => (c.id === contributionId ? { ...c, endorsedBy } : c)),
      })),
    echo: (change) => echoOf(change, 'contribution', [situationId]),
  };
}

export const situationUpdated: WriteSpec<'situation.update'> = {
  answer: (client, situation) => updateThread(client, situation.id, (t) => ({ ...t, situation })),
  echo: (change, situation) => echoOf(change, 'situation', [situation.id]),
};

export const situationTagged: WriteSpec<'situation.tag' | 'situation.untag'> = {
  answer: (client, tags, { situationId }) => updateThread(client, situationId, (t) => ({ ...t, tags })),
  echo: (change, _tags, { situationId }) => echoOf(change, 'tag', [situationId]),
};

export const commitmentAdded: WriteSpec<'commitment.add'> = {
  answer: (client, commitment) =>
    updateThread(client, commitment.situationId, (t) =>
      t.commitments.some((c) => c.id === commitment.id)
        ? t
        : { ...t, commitments: [...t.commitments, commitment] },
    ),
  echo: (change, commitment) => echoOf(change, 'commitment', [commitment.situationId]),
};

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

export const memberCreated: WriteSpec<'member.create'> = {
  answer: (client, member) => {
    const key = serverKey('member.list', { groupId: member.groupId });
    client.setQueryData<Member[]>(key, (members) =>
      members && !members.some((m) => m.id === member.id) ? [...members, member].sort(byName) : members,
    );
    return [key];
  },
  echo: (change) => echoOf(change, 'member', []),
};

export const groupCreated: WriteSpec<'group.create'> = {
  answer: (client, group) => {
    const key = serverKey('group.list', {});
    client.setQueryData(key, (groups: { id: string; name: string }[] | undefined) =>
      groups && !groups.some((g) => g.id === group.id) ? [...groups, group].sort(byName) : groups,
    );
    return [key];
  },
  echo: (change) => echoOf(change, 'group', []),
};

/** Channels that change a meeting and answer with the meeting as it now is. */
export type MeetingWrite =
  | 'meeting.plan'
  | 'meeting.start'
  | 'meeting.close'
  | 'meeting.reopen'
  | 'attendance.mark'
  | 'vote.record'
  | 'selection.choose'
  | 'segment.start'
  | 'phase.start'
  | 'timer.pause'
  | 'timer.resume'
  | 'turn.start'
  | 'turn.end'
  | 'round.order';

/**
 * A meeting's new view goes into the cache; its echo carries the same version, which the cache then
 * holds, so it reads nothing again (see DEPENDS['meeting.get']).
 */
export function meetingAnswered(client: QueryClient, view: MeetingView) {
  const key = serverKey('meeting.get', { meetingId: view.meeting.id });
  client.setQueryData<MeetingView>(key, (cached) =>
    cached && cached.version > view.version ? cached : view,
  );
  return [key];
}

export const meetingWritten: WriteSpec<MeetingWrite> = {
  answer: (client, view) => meetingAnswered(client, view),
};

/** A priority shows at once in every cached meeting whose parking lot holds the situation. */
export const prioritized: WriteSpec<'situation.prioritize'> = {
  answer: (client, { situationId, priority }) => {
    const answered = client
      .getQueryCache()
      .findAll({ queryKey: ['meeting.get'] })
      .filter((q) =>
        (q.state.data as MeetingView | undefined)?.parkingLot.some((e) => e.situationId === situationId),
      );
    for (const query of answered) {
      client.setQueryData<MeetingView>(query.queryKey, (view) =>
        view
          ? {
              ...view,
              parkingLot: view.parkingLot.map((e) =>
                e.situationId === situationId ? { ...e, priority } : e,
              ),
            }
          : view,
      );
    }
    return answered.map((q) => q.queryKey);
  },
  echo: (change, { situationId }) => echoOf(change, 'situation', [situationId]),
};

export const templateSaved: WriteSpec<'template.save'> = {
  refresh: () => [serverKey('template.list', {})],
};

export const backupCreated: WriteSpec<'backup.create'> = {
  refresh: () => [serverKey('backup.list', {})],
};

/** A restored backup replaces the whole archive: every read is stale. */
export const backupRestored: WriteSpec<'backup.restore'> = {
  answer: (client) => {
    void client.invalidateQueries({ refetchType: 'active' });
    return [];
  },
};
