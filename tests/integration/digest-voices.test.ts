// Who speaks in an imported post: no one in the room. Its situation is presented, and its advice given,
// by the group's digest voice (docs/architecture.md, "The digest post"), who is in no list of the
// group's people and does nothing a person does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, seedGroup, type TestBackend } from './backend-fixture';

const POST = [
  'Should I Sell to My Managers? Two Ideas',
  'Situation: They offered. Should I sell to them?',
  'Advice from the CEOs:',
  '- Get an outside valuation first.',
  '- Keep a seat on the board for two years.',
].join('\n');

let backend: TestBackend;
let groupId: string;
let cast: Awaited<ReturnType<typeof seedGroup>>;

beforeEach(async () => {
  backend = await openTestBackend();
  cast = await seedGroup(backend);
  groupId = cast.group.id;
});
afterEach(() => backend.close());

async function importOne(text: string) {
  const report = await backend.call('import.digest', { groupId, text });
  expect(report.situationIds).toHaveLength(1);
  return { report, thread: await backend.call('situation.get', { id: report.situationIds[0]! }) };
}

describe('an imported post’s voices', () => {
  it('belong to no one in the room: never listed, picked, attending, speaking, endorsing or presenting', async () => {
    const { thread } = await importOne(POST);
    const voice = thread.presenter;
    expect(voice).toMatchObject({ origin: 'digest', groupId });
    expect(thread.contributions.every((c) => c.authorId === voice.id)).toBe(true);
    expect((await backend.call('member.list', { groupId })).map((m) => m.id)).not.toContain(voice.id);

    const refused = {
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Imported digest posts speak for no one in the group: choose a member of the group.',
      },
    };
    const before = backend.snapshot();
    expect(
      await backend.route('situation.create', { groupId, presenterId: voice.id, title: 'Should I?' }),
    ).toMatchObject(refused);
    expect(
      await backend.route('contribution.add', {
        situationId: thread.situation.id,
        parentId: null,
        authorId: voice.id,
        kind: 'advice',
        body: 'More advice.',
      }),
    ).toMatchObject(refused);
    const point = thread.contributions[0]!;
    expect(
      await backend.route('contribution.endorse', { contributionId: point.id, memberId: voice.id }),
    ).toMatchObject(refused);
    expect(
      await backend.route('meeting.plan', {
        groupId,
        startsAt: Date.UTC(2026, 0, 8),
        attendeeIds: [voice.id],
      }),
    ).toMatchObject(refused);
    expect(backend.snapshot()).toBe(before);

    // A meeting of the whole group expects its people, and the voice cannot be marked in.
    const meeting = await backend.call('meeting.plan', { groupId, startsAt: Date.UTC(2026, 0, 8) });
    expect(meeting.attendance.map((a) => a.memberId).sort()).toEqual(
      [cast.chair.id, cast.ana.id, cast.ben.id].sort(),
    );
    expect(
      await backend.route('attendance.mark', {
        meetingId: meeting.meeting.id,
        memberId: voice.id,
        status: 'present',
      }),
    ).toMatchObject(refused);

    // The chair may still say who gave a point, and edit what it says.
    await backend.call('contribution.edit', { contributionId: point.id, body: 'Price from the value.' });
    await backend.call('contribution.edit', { contributionId: point.id, authorId: cast.ana.id });
  });
});
