// What each write tells the windows it changed: the kinds of archive records and the situations, and
// a meeting's version (docs/architecture.md "Renderer data layer").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, seedGroup, type TestBackend } from './backend-fixture';
import { openMeetingBackend, processUpTo, seedForum, startWithEveryone } from './meeting-fixture';

let backend: TestBackend;

afterEach(() => backend.close());

describe('archive writes that signalled nothing before', () => {
  beforeEach(async () => {
    backend = await openTestBackend();
  });

  it('member.create and group.create say a member or a group changed', async () => {
    const { group } = await seedGroup(backend);
    backend.events.length = 0;
    await backend.call('member.create', { groupId: group.id, name: 'Cleo Park' });
    expect(backend.events).toEqual([
      { name: 'archive.changed', payload: { records: ['member'], situationIds: [] } },
    ]);
    backend.events.length = 0;
    await backend.call('group.create', { name: 'EO Forum 7' });
    expect(backend.events).toEqual([
      { name: 'archive.changed', payload: { records: ['group'], situationIds: [] } },
    ]);
  });

  it('tag.rename and tag.merge say every situation’s tags may have changed', async () => {
    const { group, ana } = await seedGroup(backend);
    const situation = await backend.call('situation.create', {
      groupId: group.id,
      presenterId: ana.id,
      title: 'How do you price a new service line?',
    });
    await backend.call('situation.tag', { situationId: situation.id, name: 'Pricing' });
    const tags = await backend.call('situation.tag', { situationId: situation.id, name: 'Growth' });
    const pricing = tags.find((t) => t.name === 'Pricing');
    const growth = tags.find((t) => t.name === 'Growth');
    expect(backend.events.at(-1)).toEqual({
      name: 'archive.changed',
      payload: { records: ['tag'], situationIds: [situation.id] },
    });
    backend.events.length = 0;
    await backend.call('tag.rename', { tagId: pricing!.id, name: 'Price' });
    await backend.call('tag.merge', { fromTagId: growth!.id, intoTagId: pricing!.id });
    const all = { name: 'archive.changed', payload: { records: ['tag'], situationIds: 'all' } };
    expect(backend.events).toEqual([all, all]);
  });
});

describe('meeting versions', () => {
  it('grow with every change, even two in the same millisecond, and the event carries the view’s', async () => {
    const meeting = await openMeetingBackend();
    backend = meeting.backend;
    const forum = await seedForum(backend);
    await startWithEveryone(backend, forum);
    const first = await processUpTo(backend, forum, forum.situations.teamwork.id, 'present');
    backend.events.length = 0;
    // The test clock stands still: both writes happen at the same instant.
    const paused = await backend.call('timer.pause', { meetingId: forum.meetingId });
    const resumed = await backend.call('timer.resume', { meetingId: forum.meetingId });
    expect(paused.version).toBeGreaterThan(first.version);
    expect(resumed.version).toBeGreaterThan(paused.version);
    expect(backend.events).toEqual([
      { name: 'meeting.changed', payload: { meetingId: forum.meetingId, version: paused.version } },
      { name: 'meeting.changed', payload: { meetingId: forum.meetingId, version: resumed.version } },
    ]);
  });

  it('a point says only that a contribution changed: a meeting’s view holds no points', async () => {
    const meeting = await openMeetingBackend();
    backend = meeting.backend;
    const forum = await seedForum(backend);
    await startWithEveryone(backend, forum);
    const situationId = forum.situations.teamwork.id;
    await processUpTo(backend, forum, situationId, 'advise');
    backend.events.length = 0;
    await backend.call('contribution.add', {
      situationId,
      meetingId: forum.meetingId,
      parentId: null,
      authorId: forum.members.ben.id,
      kind: 'advice',
      body: 'Share one pipeline review across the account teams.',
    });
    expect(backend.events).toEqual([
      { name: 'archive.changed', payload: { records: ['contribution'], situationIds: [situationId] } },
    ]);
  });
});
