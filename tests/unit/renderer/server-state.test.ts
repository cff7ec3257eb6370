// The renderer's server-state layer (docs/architecture.md "Renderer data layer"): a read's key is
// its channel and input; each change event marks stale exactly the reads that depend on it and
// reads again only those on screen; a window's own write answers into the cache, and its echo
// re-reads nothing the answer gave.
import { QueryObserver, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArchiveChange } from '../../../shared/contract';
import { ANYTHING_CHANGED } from '../../../shared/contract';
import type { ContributionView, MeetingView, SituationThread } from '../../../shared/domain';
import type { RoundtableBridge } from '../../../shared/bridge';
import type { Envelope } from '../../../shared/errors';
import {
  ChangeFeed,
  createServerCache,
  serverKey,
  serverQuery,
  type Change,
} from '../../../renderer/api/server-state';
import { meetingWritten, pointAdded } from '../../../renderer/api/writes';

const S1 = 'situation-1';
const S2 = 'situation-2';
const M1 = 'meeting-1';

let calls: { channel: string; input: unknown }[];
let answer: (channel: string, input: unknown) => unknown;

beforeEach(() => {
  calls = [];
  answer = () => null;
  const api: RoundtableBridge = {
    invoke: (channel, input) => {
      calls.push({ channel, input });
      return Promise.resolve({ ok: true, value: answer(channel, input) } as Envelope<unknown>);
    },
    on: () => () => undefined,
  };
  vi.stubGlobal('window', { api });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const archive = (change: ArchiveChange): Change => ({ event: 'archive.changed', payload: change });
const meeting = (meetingId: string, version: number): Change => ({
  event: 'meeting.changed',
  payload: { meetingId, version },
});

/** A view with only what the layer reads (its version and id). */
function viewOf(meetingId: string, version: number): MeetingView {
  return { meeting: { id: meetingId }, version } as MeetingView;
}

function threadOf(id: string, contributions: ContributionView[] = []): SituationThread {
  return {
    situation: { id, groupId: 'g' },
    contributions,
    tags: [],
    commitments: [],
  } as unknown as SituationThread;
}

/** Every read a window may hold, cached and not on screen. */
const KEYS = {
  groups: serverKey('group.list', {}),
  members: serverKey('member.list', { groupId: 'g' }),
  lens: serverKey('member.lens', { memberId: 'm' }),
  situations: serverKey('situation.list', { groupId: 'g' }),
  thread1: serverKey('situation.get', { id: S1 }),
  thread2: serverKey('situation.get', { id: S2 }),
  search: serverKey('archive.search', { query: 'pricing', offset: 0, limit: 100 }),
  related: serverKey('archive.related', { situationId: S1 }),
  tags: serverKey('tag.list', {}),
  meetings: serverKey('meeting.list', { groupId: 'g' }),
  meeting1: serverKey('meeting.get', { meetingId: M1 }),
  templates: serverKey('template.list', {}),
  airtime: serverKey('airtime.list', { meetingId: M1, situationId: S1 }),
  followUp: serverKey('followup.list', { meetingId: M1 }),
  drafts: serverKey('draft.list', { meetingId: M1 }),
  backups: serverKey('backup.list', {}),
} satisfies Record<string, QueryKey>;
type Name = keyof typeof KEYS;

function seeded(): QueryClient {
  const client = createServerCache();
  for (const [name, key] of Object.entries(KEYS)) {
    const data =
      name === 'meeting1'
        ? viewOf(M1, 5)
        : name === 'thread1'
          ? threadOf(S1)
          : name === 'thread2'
            ? threadOf(S2)
            : [];
    client.setQueryData(key, data);
  }
  return client;
}

function invalidated(client: QueryClient): Name[] {
  return (Object.keys(KEYS) as Name[]).filter((name) => client.getQueryState(KEYS[name])?.isInvalidated);
}

describe('query keys', () => {
  it('are the channel and its input, and the query calls that channel with that input', async () => {
    const options = serverQuery('situation.get', { id: S1 });
    expect(options.queryKey).toEqual(['situation.get', { id: S1 }]);
    answer = () => threadOf(S1);
    const client = createServerCache();
    await client.query(options);
    expect(calls).toEqual([{ channel: 'situation.get', input: { id: S1 } }]);
  });
});

describe('which change invalidates which reads', () => {
  const cases: [string, Change, Name[]][] = [
    [
      'a point added to one situation',
      archive({ records: ['contribution'], situationIds: [S1] }),
      ['lens', 'situations', 'thread1', 'search', 'related', 'followUp'],
    ],
    ['a member added', archive({ records: ['member'], situationIds: [] }), ['members', 'lens']],
    ['a group created', archive({ records: ['group'], situationIds: [] }), ['groups']],
    [
      'a situation tagged',
      archive({ records: ['tag'], situationIds: [S2] }),
      ['thread2', 'search', 'related', 'tags'],
    ],
    [
      'a tag renamed or merged',
      archive({ records: ['tag'], situationIds: 'all' }),
      ['thread1', 'thread2', 'search', 'related', 'tags'],
    ],
    [
      'a situation edited or prioritized',
      archive({ records: ['situation'], situationIds: [S1] }),
      ['lens', 'situations', 'thread1', 'search', 'related', 'meeting1'],
    ],
    [
      'a commitment made',
      archive({ records: ['commitment'], situationIds: [S1] }),
      ['lens', 'thread1', 'search', 'followUp'],
    ],
    [
      'an import or a merged pack',
      archive(ANYTHING_CHANGED),
      [
        'groups',
        'members',
        'lens',
        'situations',
        'thread1',
        'thread2',
        'search',
        'related',
        'tags',
        'meeting1',
        'followUp',
      ],
    ],
    ['a newer version of the meeting', meeting(M1, 6), ['meetings', 'meeting1', 'airtime', 'followUp']],
    ['the version this window holds already', meeting(M1, 5), ['meetings', 'airtime', 'followUp']],
    ['another meeting', meeting('meeting-2', 9), ['meetings']],
  ];

  it.each(cases)('%s', (_name, change, expected) => {
    const client = seeded();
    new ChangeFeed(client).apply(change);
    expect(invalidated(client)).toEqual(expected);
  });

  it('never touches templates, drafts or backups, which only this window writes', () => {
    const client = seeded();
    const feed = new ChangeFeed(client);
    for (const [, change] of cases) feed.apply(change);
    const untouched = (Object.keys(KEYS) as Name[]).filter((n) => !invalidated(client).includes(n));
    expect(untouched).toEqual(['templates', 'drafts', 'backups']);
  });
});

describe('reads on screen', () => {
  it('are read again at once; reads not on screen wait until they are shown', async () => {
    const client = seeded();
    answer = (_channel, input) => threadOf((input as { id: string }).id);
    const observer = new QueryObserver(client, { ...serverQuery('situation.get', { id: S1 }) });
    const stop = observer.subscribe(() => undefined);
    calls = [];
    new ChangeFeed(client).apply(archive({ records: ['tag'], situationIds: 'all' }));
    await vi.waitFor(() => expect(calls).toEqual([{ channel: 'situation.get', input: { id: S1 } }]));
    expect(client.getQueryState(KEYS.thread2)?.isInvalidated).toBe(true);
    stop();
  });
});

describe("this window's own writes", () => {
  const saved = {
    id: 'point-1',
    situationId: S1,
    parentId: null,
    authorId: 'ana',
    kind: 'advice' as const,
    body: 'Share one pipeline review.',
    position: 0,
    createdAt: 1,
  };
  const input = { situationId: S1, authorId: 'ana', kind: 'advice' as const, body: saved.body };

  it('put the answer into the cache, and the echo arriving first re-reads nothing it answered', async () => {
    const client = seeded();
    const feed = new ChangeFeed(client);
    const echo = archive({ records: ['contribution'], situationIds: [S1] });
    await feed.write('contribution.add', input, pointAdded('Ana Ruiz'), () => {
      // The backend announces before it answers.
      feed.receive(echo);
      expect(invalidated(client)).toEqual([]);
      return Promise.resolve(saved);
    });
    const thread = client.getQueryData<SituationThread>(KEYS.thread1);
    expect(thread?.contributions).toEqual([{ ...saved, authorName: 'Ana Ruiz', endorsedBy: [] }]);
    // What the answer did not give is stale still: the summaries' counts, the search, the lens.
    expect(invalidated(client)).toEqual(['lens', 'situations', 'search', 'related', 'followUp']);
  });

  it('treat the same change from another window, after the echo, as news', async () => {
    const client = seeded();
    const feed = new ChangeFeed(client);
    const change = archive({ records: ['contribution'], situationIds: [S1] });
    await feed.write('contribution.add', input, pointAdded('Ana Ruiz'), () => {
      feed.receive(change);
      return Promise.resolve(saved);
    });
    feed.receive(change);
    expect(invalidated(client)).toContain('thread1');
  });

  it('hold a change from another window that is not their echo, then apply it', async () => {
    const client = seeded();
    const feed = new ChangeFeed(client);
    await feed.write('contribution.add', input, pointAdded('Ana Ruiz'), () => {
      feed.receive(archive({ records: ['contribution'], situationIds: [S2] }));
      expect(invalidated(client)).toEqual([]);
      return Promise.resolve(saved);
    });
    expect(invalidated(client)).toContain('thread2');
    expect(invalidated(client)).not.toContain('thread1');
  });

  it('answer a meeting write with its view; its echo carries that version and reads nothing again', async () => {
    const client = seeded();
    const feed = new ChangeFeed(client);
    await feed.write('timer.pause', { meetingId: M1 }, meetingWritten, () => {
      feed.receive(meeting(M1, 6));
      return Promise.resolve(viewOf(M1, 6));
    });
    expect(client.getQueryData<MeetingView>(KEYS.meeting1)?.version).toBe(6);
    expect(invalidated(client)).not.toContain('meeting1');
    // The list and the airtime do not come with the view.
    expect(invalidated(client)).toEqual(['meetings', 'airtime', 'followUp']);
  });

  it('never replace a newer view with an older answer', async () => {
    const client = seeded();
    client.setQueryData(KEYS.meeting1, viewOf(M1, 8));
    await new ChangeFeed(client).write('timer.resume', { meetingId: M1 }, meetingWritten, () =>
      Promise.resolve(viewOf(M1, 7)),
    );
    expect(client.getQueryData<MeetingView>(KEYS.meeting1)?.version).toBe(8);
  });

  it('release held changes after a refused write too', async () => {
    const client = seeded();
    const feed = new ChangeFeed(client);
    const refused = feed.write('contribution.add', input, pointAdded('Ana Ruiz'), () => {
      feed.receive(archive({ records: ['member'], situationIds: [] }));
      return Promise.reject(new Error('refused'));
    });
    await expect(refused).rejects.toThrow('refused');
    expect(invalidated(client)).toEqual(['members', 'lens']);
  });
});
