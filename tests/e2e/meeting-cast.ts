// A forum of six with two situations in its parking lot, seeded through the real router, and a
// helper that runs a planned meeting up to a phase of processing, as the chair's screen would.
import { PHASES, type MeetingView, type Phase } from '../../shared/domain';
import type { RoundtableFixtures } from './fixtures';

export const TEAMWORK = 'How do you build teamwork across account teams?';
export const EXIT = 'Should I sell the company now or in two years?';

export async function seedForum(seed: RoundtableFixtures['seed']) {
  const group = await seed('group.create', { name: 'Vistage CE 4821' });
  const member = (name: string, role: 'chair' | 'member' = 'member') =>
    seed('member.create', { groupId: group.id, name, company: `${name.split(' ')[1] ?? name} Co`, role });
  const dana = await member('Dana Whitfield', 'chair');
  const ana = await member('Ana Ruiz');
  const ben = await member('Ben Okafor');
  const chen = await member('Chen Li');
  const eve = await member('Eve Marsh');
  const farid = await member('Farid Haddad');
  const teamwork = await seed('situation.create', {
    groupId: group.id,
    presenterId: ana.id,
    title: TEAMWORK,
  });
  const exit = await seed('situation.create', { groupId: group.id, presenterId: ben.id, title: EXIT });
  return { group, members: { dana, ana, ben, chen, eve, farid }, situations: { teamwork, exit } };
}

export type Forum = Awaited<ReturnType<typeof seedForum>>;

/** Plans and starts a meeting with everyone present, and processes `situationId` up to `phase`. */
export async function runMeetingTo(
  seed: RoundtableFixtures['seed'],
  forum: Forum,
  phase: Phase,
  options: { startsAt?: number; situationId?: string } = {},
): Promise<MeetingView> {
  const planned = await seed('meeting.plan', {
    groupId: forum.group.id,
    startsAt: options.startsAt ?? Date.now(),
    location: 'Whitfield office',
  });
  const meetingId = planned.meeting.id;
  await seed('meeting.start', { meetingId });
  for (const m of Object.values(forum.members)) {
    await seed('attendance.mark', { meetingId, memberId: m.id, status: 'present' });
  }
  const situationId = options.situationId ?? forum.situations.teamwork.id;
  let view = await seed('selection.choose', { meetingId, situationIds: [situationId] });
  const slot = view.agenda.find((i) => i.situationId === situationId);
  if (!slot) throw new Error('the chosen situation has no slot');
  view = await seed('segment.start', { meetingId, itemId: slot.id });
  for (const p of PHASES.slice(0, PHASES.indexOf(phase) + 1)) {
    view = await seed('phase.start', { meetingId, phase: p });
  }
  return view;
}

/** "12:34" or "1:02:03" (or "+0:12" over time) → seconds; negative over time. */
export function clockSeconds(text: string): number {
  const over = text.startsWith('+');
  const parts = text.replace('+', '').split(':').map(Number);
  const seconds = parts.reduce((sum, part) => sum * 60 + part, 0);
  return over ? -seconds : seconds;
}
