// A believable archive for the docs/ screenshots: two groups, situations over several years with
// tags, a processed thread with questions, nested advice, the presenter's reflection, endorsements,
// and commitments reviewed at a follow-up.
import type { Channel } from '../../shared/channels';
import type { Input, Output } from '../../shared/contract';
import type { ArchiveHistory } from './archive-history';
import type { Shell } from './shell';

export async function call<C extends Channel>(shell: Shell, channel: C, input: Input<C>): Promise<Output<C>> {
  const envelope = await shell.backend.invoke(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as Output<C>;
}

const day = (year: number, month: number, date: number) => new Date(year, month - 1, date, 9, 30).getTime();

export async function seedSampleArchive(shell: Shell, history: ArchiveHistory): Promise<{ mainId: string }> {
  const forum = await call(shell, 'group.create', { name: 'Tuesday CEO Forum' });
  const board = await call(shell, 'group.create', { name: 'Harbor CEO Roundtable' });
  const add = (
    groupId: string,
    name: string,
    company: string,
    title: string,
    role: 'chair' | 'member' = 'member',
  ) => call(shell, 'member.create', { groupId, name, company, title, role });
  const priya = await add(forum.id, 'Priya Raman', 'Northwind Logistics', 'CEO');
  const marcus = await add(forum.id, 'Marcus Bell', 'Bell & Hart Architects', 'Managing Partner');
  const elena = await add(forum.id, 'Elena Ortiz', 'Ortiz Foods', 'Founder', 'chair');
  const tom = await add(forum.id, 'Tom Asante', 'Asante Dental Group', 'President');
  const ruth = await add(board.id, 'Ruth Lindqvist', 'Lindqvist Marine', 'CEO');
  const dev = await add(board.id, 'Dev Malhotra', 'Malhotra Precision', 'CEO');

  // Dated once everything is said, so each point keeps its place in the day's discussion.
  const dates: [string, number][] = [];
  const situation = async (
    groupId: string,
    presenterId: string,
    title: string,
    background: string,
    at: number,
    tags: string[] = [],
    confidential = false,
  ) => {
    const s = await call(shell, 'situation.create', {
      groupId,
      presenterId,
      title,
      background,
      confidential,
    });
    for (const name of tags) await call(shell, 'situation.tag', { situationId: s.id, name });
    dates.push([s.id, at]);
    return s;
  };
  const point = (
    situationId: string,
    authorId: string,
    kind: Input<'contribution.add'>['kind'],
    body: string,
    parentId?: string,
  ) => call(shell, 'contribution.add', { situationId, authorId, kind, body, parentId: parentId ?? null });

  const sales = await situation(
    board.id,
    dev.id,
    'How do I get my sales teams to share leads instead of hoarding them?',
    'Each region runs its own team and its own bonus. Leads that cross regions go cold.',
    day(2021, 3, 16),
    ['team bonus', 'sales'],
  );
  await point(
    sales.id,
    ruth.id,
    'advice',
    'Pay a shared bonus on cross-region wins and publish the leaderboard monthly.',
  );
  const yard = await situation(
    board.id,
    ruth.id,
    'Should we sell the yard or bring in a president to run it?',
    'Two offers are on the table. My children do not want to run the business.',
    day(2022, 9, 6),
    ['succession'],
    true,
  );
  await point(
    yard.id,
    dev.id,
    'advice',
    'Hire the president first; the yard sells for more with a team that runs without you.',
  );
  const hygienist = await situation(
    forum.id,
    tom.id,
    'How do I tell my founding hygienist the role has outgrown her?',
    'She trained every hygienist we have, but the practice now needs someone to run three offices.',
    day(2023, 5, 9),
    ['employee experience'],
  );
  await point(
    hygienist.id,
    elena.id,
    'experience',
    'I split the role in two and let our first employee keep the part she loved.',
  );
  const silos = await situation(
    forum.id,
    marcus.id,
    'Our studios work in silos; how do I get them to share clients?',
    'Each studio lead guards their clients. Cross-studio projects are rare and fractious.',
    day(2024, 2, 13),
    ['employee experience', 'team bonus'],
  );
  await point(
    silos.id,
    priya.id,
    'advice',
    'Put one shared account in each studio lead’s goals, with a joint bonus.',
  );
  await situation(
    forum.id,
    elena.id,
    'When is the right time to open a second plant?',
    'Demand has grown 30% a year; the current plant runs two shifts.',
    day(2024, 10, 1),
    ['growth'],
  );

  const referrals = await situation(
    board.id,
    ruth.id,
    'How do I reward referrals between our divisions?',
    'Service and new-build compete for the same clients. Referrals between them are almost nil.',
    day(2023, 11, 21),
    ['team bonus'],
  );
  await point(
    referrals.id,
    dev.id,
    'advice',
    'A referral bonus paid to both teams, small and immediate, beats any policy.',
  );
  const accounts = await situation(
    forum.id,
    tom.id,
    'Two account managers want the same client; who should get it?',
    'Both brought the client in. Both compete on their own book and both are threatening to leave.',
    day(2022, 4, 12),
    ['sales'],
  );
  await point(
    accounts.id,
    marcus.id,
    'advice',
    'Make them co-own the account for a year, with a shared bonus on its growth.',
  );
  await situation(
    forum.id,
    priya.id,
    'How much should I tell the team about a possible sale of the company?',
    'A buyer has approached us. I am not sure we will sell.',
    day(2020, 6, 2),
    ['succession'],
    true,
  );
  const main = await situation(
    forum.id,
    priya.id,
    'How do you build teamwork across account teams?',
    'Northwind has three account teams: retail, industrial and public sector. Each is paid on its own book, ' +
      'so they compete for the same clients and keep referrals to themselves.\n\n' +
      'We tried a monthly all-hands on shared accounts; attendance dropped after two months.',
    day(2025, 3, 11),
    ['employee experience', 'team bonus'],
  );
  const q = await point(
    main.id,
    marcus.id,
    'question',
    'What happens today when a retail client asks for an industrial quote?',
  );
  await point(
    main.id,
    priya.id,
    'observation',
    'It gets passed along by email, and nobody follows up on it.',
    q.id,
  );
  await point(main.id, tom.id, 'question', 'Do the team leads ever meet without you in the room?');
  const shared = await point(
    main.id,
    elena.id,
    'advice',
    'Pay part of every bonus on total client revenue, not only on each team’s own book. People follow the money.',
  );
  await point(
    main.id,
    tom.id,
    'experience',
    'We moved 20% of bonuses to company-wide revenue; referrals doubled in two quarters.',
    shared.id,
  );
  const pilot = await point(
    main.id,
    marcus.id,
    'advice',
    'Start with one shared account and a joint team, then show the results to everyone.',
    shared.id,
  );
  await point(
    main.id,
    tom.id,
    'advice',
    'Rotate one person between teams every quarter so people know who to call.',
  );
  await point(
    main.id,
    priya.id,
    'observation',
    'I heard that the pay plan is the real wall, and that a small visible win will do more than another all-hands.',
  );
  history.endorse(shared.id, [marcus.id, tom.id, priya.id]);
  history.endorse(pilot.id, [elena.id]);
  history.addCommitment({
    situationId: main.id,
    ownerId: priya.id,
    body: 'Move 15% of every account bonus to total client revenue from Q3.',
    dueAt: day(2025, 7, 1),
    status: 'done',
    outcome: 'Done in July. Cross-team referrals went from 4 to 19 in the first quarter.',
    helped: [shared.id],
  });
  history.addCommitment({
    situationId: main.id,
    ownerId: priya.id,
    body: 'Pilot one joint account team on the Harbor Freight account.',
    dueAt: day(2025, 5, 15),
    status: 'partly',
    outcome: 'The pilot runs; the industrial lead still skips the weekly meeting.',
    helped: [pilot.id],
  });
  for (const id of [sales.id, yard.id, hygienist.id, silos.id, referrals.id, accounts.id]) {
    history.setStatus(id, 'processed');
  }
  history.setStatus(main.id, 'resolved');
  for (const [id, at] of dates) history.backdate(id, at);
  return { mainId: main.id };
}
