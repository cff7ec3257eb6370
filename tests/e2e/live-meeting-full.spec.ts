// The whole meeting with the keyboard only. The forum (six members, a parking lot and an earlier
// meeting with an open commitment) is seeded through the router; from then on the chair uses Tab,
// Shift+Tab, Enter, Space, arrows, typed text and the app's shortcuts: check-in, the follow-up of the
// earlier commitment, selection by dot votes, two situations through all five phases (nested advice,
// +1s, commitments) with the presenter view following, wrap-up ratings and closing.
import type { Locator, Page } from '@playwright/test';
import { openHash } from './archive-cast';
import { expect, test, type RoundtableFixtures } from './fixtures';
import { press, tabTo } from './keyboard';
import { EXIT, TEAMWORK, runMeetingTo, seedForum, type Forum } from './meeting-cast';

const HIRE = 'Do I hire a COO before the second plant opens?';
const OFFSITE = 'Is a yearly offsite worth its cost?';
const EARLIER_ADVICE = 'Pay part of every bonus on total client revenue.';

/** Six members, four situations in the parking lot, and a closed earlier meeting with a commitment. */
async function seedForumWithHistory(seed: RoundtableFixtures['seed']) {
  const forum = await seedForum(seed);
  const { group, members } = forum;
  const first = await runMeetingTo(seed, forum, 'advise', { startsAt: Date.UTC(2025, 0, 8, 8) });
  const earlierId = first.meeting.id;
  await seed('turn.start', { meetingId: earlierId, memberId: members.chen.id });
  await seed('contribution.add', {
    situationId: forum.situations.teamwork.id,
    meetingId: earlierId,
    authorId: members.chen.id,
    kind: 'advice',
    body: EARLIER_ADVICE,
  });
  await seed('phase.start', { meetingId: earlierId, phase: 'reflect' });
  await seed('phase.start', { meetingId: earlierId, phase: 'commit' });
  await seed('commitment.add', {
    meetingId: earlierId,
    situationId: forum.situations.teamwork.id,
    ownerId: members.ana.id,
    body: 'Move 15% of every bonus to total client revenue.',
    dueDate: '2025-01-31',
  });
  await seed('meeting.close', { meetingId: earlierId });
  const hire = await seed('situation.create', {
    groupId: group.id,
    presenterId: members.chen.id,
    title: HIRE,
  });
  const offsite = await seed('situation.create', {
    groupId: group.id,
    presenterId: members.eve.id,
    title: OFFSITE,
  });
  const meeting = await seed('meeting.plan', {
    groupId: group.id,
    startsAt: Date.UTC(2025, 1, 12, 8),
    location: 'Whitfield office',
  });
  return { forum, hire, offsite, meetingId: meeting.meeting.id };
}

interface Situation {
  title: string;
  presenter: string;
  question: string;
  advice: string;
  subAdvice: string;
  pickedAdvice: string;
  secondAdvice: string;
  observation: string;
  commitment: string;
  /** The due date as typed into the date field (month, day, year) and as the backend stores it. */
  dueTyped: string;
}

const ATTENDEES = ['Dana Whitfield', 'Ana Ruiz', 'Ben Okafor', 'Chen Li', 'Eve Marsh'];
const firstName = (name: string) => name.split(' ')[0] ?? name;

/** Presses the round's "Next: <name>" and waits until that member has the floor. */
async function giveTheFloor(page: Page, nextSpeaker: Locator): Promise<string> {
  await expect(nextSpeaker).toHaveText(/^Next: .+/);
  const name = ((await nextSpeaker.textContent()) ?? '').replace(/^Next: /, '');
  await press(page, nextSpeaker);
  await expect(page.getByTestId('on-the-floor')).toHaveText(name);
  return name;
}

/** One situation through Present, Clarify, Advise, Reflect and Commit, from the keyboard. */
async function processSituation(page: Page, s: Situation, projector?: Page) {
  const agenda = page.getByRole('navigation', { name: 'Agenda' });
  await press(page, agenda.getByRole('button', { name: `Start ${s.title}` }));
  const processing = page.getByRole('region', { name: 'Issue processing' });
  await expect(processing.getByRole('heading', { name: s.title })).toBeVisible();
  const phases = processing.getByRole('navigation', { name: 'Phases' });
  const timers = page.getByRole('list', { name: 'Timers' });
  const box = page.getByLabel('Point being typed');
  const points = page.getByRole('list', { name: 'Points captured' });
  const onTheFloor = page.getByTestId('on-the-floor');
  const nextSpeaker = page
    .getByRole('region', { name: 'Round-robin' })
    .getByRole('button', { name: /^Next: / });

  // Present.
  await press(page, phases.getByRole('button', { name: 'Start Present' }));
  await expect(timers).toContainText('Phase: Present');
  if (projector) {
    await expect(projector.getByTestId('presenter-question')).toHaveText(s.title);
    await expect(projector.getByTestId('presenter-phase')).toHaveText('Present');
  }

  // Clarify: the round gives the floor; Enter in the box captures a question for the speaker.
  await press(page, phases.getByRole('button', { name: 'Next: Clarify' }));
  await expect(timers).toContainText('Phase: Clarify');
  const asker = await giveTheFloor(page, nextSpeaker);
  expect(asker).not.toBe(s.presenter);
  await tabTo(page, box);
  await page.keyboard.type(s.question);
  await page.keyboard.press('Enter');
  await expect(points.getByRole('listitem', { name: `Question from ${asker}`, exact: true })).toContainText(
    s.question,
  );
  await expect(box).toHaveValue('');

  // Advise: a turn, a point, a nested sub-point (Tab), back out (Shift+Tab), another author (Ctrl+K).
  await press(page, phases.getByRole('button', { name: 'Next: Advise' }));
  await expect(timers).toContainText('Phase: Advise');
  if (projector) await expect(projector.getByTestId('presenter-phase')).toHaveText('Advise');
  await expect(onTheFloor).toHaveText('nobody');
  const adviser = await giveTheFloor(page, nextSpeaker);
  expect(adviser).not.toBe(s.presenter);
  if (projector) await expect(projector.getByTestId('presenter-speaker')).toHaveText(adviser);
  await tabTo(page, box);
  await page.keyboard.type(s.advice);
  await page.keyboard.press('Enter');
  await expect(
    points
      .getByRole('listitem', { name: `Advice from ${adviser}`, exact: true })
      .filter({ hasText: s.advice }),
  ).toContainText('Saved');
  await page.keyboard.press('Tab');
  await expect(page.getByText('Sub-point of')).toBeVisible();
  await expect(box).toBeFocused();
  await page.keyboard.type(s.subAdvice);
  await page.keyboard.press('Enter');
  await expect(
    points.getByRole('listitem', { name: `Advice from ${adviser} (sub-point)`, exact: true }),
  ).toContainText(s.subAdvice);
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByText('Sub-point of')).toHaveCount(0);
  await expect(box).toBeFocused();

  const picked = ATTENDEES.find((name) => name !== adviser && name !== s.presenter) ?? '';
  await page.keyboard.press('Control+k');
  await expect(page.getByLabel('Find an attendee')).toBeFocused();
  await page.keyboard.type(firstName(picked).toLowerCase());
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('capture-author')).toHaveText(picked);
  await expect(box).toBeFocused();
  await page.keyboard.type(s.pickedAdvice);
  await page.keyboard.press('Enter');
  const pickedPoint = points
    .getByRole('listitem', { name: `Advice from ${picked}`, exact: true })
    .filter({ hasText: s.pickedAdvice });
  await expect(pickedPoint).toContainText('Saved');

  // +1: ArrowUp from the empty box reaches the last point; "+" asks who endorses it.
  const endorser = ATTENDEES.find((name) => name !== picked && name !== s.presenter) ?? '';
  await page.keyboard.press('ArrowUp');
  await expect(pickedPoint).toBeFocused();
  await page.keyboard.press('+');
  await expect(page.getByLabel('Find an attendee')).toBeFocused();
  await page.keyboard.type(firstName(endorser).toLowerCase());
  await page.keyboard.press('Enter');
  await expect(pickedPoint).toContainText(`+1 endorsed by ${endorser}`);
  await expect(pickedPoint).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(box).toBeFocused();

  // The next speaker in the round.
  const second = await giveTheFloor(page, nextSpeaker);
  expect([s.presenter, 'nobody']).not.toContain(second);
  await tabTo(page, box);
  await expect(page.getByTestId('capture-author')).toHaveText(second);
  await page.keyboard.type(s.secondAdvice);
  await page.keyboard.press('Enter');
  await expect(
    points
      .getByRole('listitem', { name: `Advice from ${second}`, exact: true })
      .filter({ hasText: s.secondAdvice }),
  ).toContainText('Saved');

  // Reflect: the presenter's observations, and the airtime of the round.
  await press(page, phases.getByRole('button', { name: 'Next: Reflect' }));
  await expect(timers).toContainText('Phase: Reflect');
  await expect(page.getByTestId('capture-author')).toHaveText(s.presenter);
  await tabTo(page, box);
  await page.keyboard.type(s.observation);
  await page.keyboard.press('Enter');
  await expect(points.getByRole('listitem', { name: `Observation from ${s.presenter}` })).toContainText(
    s.observation,
  );
  await expect(page.getByRole('region', { name: 'Airtime' })).toContainText(adviser);

  // Commit: the owner defaults to the presenter; the text and the due date are typed.
  await press(page, phases.getByRole('button', { name: 'Next: Commit' }));
  await expect(timers).toContainText('Phase: Commit');
  await tabTo(page, page.getByLabel('Commitment', { exact: true }));
  await page.keyboard.type(s.commitment);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Due', { exact: true })).toBeFocused();
  await page.keyboard.type(s.dueTyped);
  await press(page, page.getByRole('button', { name: 'Add commitment' }));
  await expect(page.getByRole('list', { name: 'Commitments made' })).toContainText(
    `${s.presenter}: ${s.commitment}`,
  );
  return { adviser, picked, endorser, second };
}

async function checkThread(
  seed: RoundtableFixtures['seed'],
  situationId: string,
  s: Situation,
  endorserId: string,
) {
  const thread = await seed('situation.get', { id: situationId });
  const byBody = (body: string) => thread.contributions.find((c) => c.body === body);
  const parent = byBody(s.advice);
  expect(parent?.kind).toBe('advice');
  expect(byBody(s.subAdvice)?.parentId).toBe(parent?.id);
  expect(byBody(s.pickedAdvice)?.endorsedBy).toEqual([endorserId]);
  expect(byBody(s.question)?.kind).toBe('question');
  expect(byBody(s.observation)?.kind).toBe('observation');
  expect(thread.commitments.map((c) => c.body)).toEqual([s.commitment]);
  expect(thread.commitments[0]?.ownerId).toBe(thread.situation.presenterId);
  expect(thread.commitments[0]?.dueAt).not.toBeNull();
}

function memberId(forum: Forum, name: string): string {
  const member = Object.values(forum.members).find((m) => m.name === name);
  if (!member) throw new Error(`no member ${name}`);
  return member.id;
}

test('a chair runs a whole meeting of six with the keyboard only', async ({ page, seed, shell }) => {
  test.setTimeout(180_000);
  const { forum, hire, offsite, meetingId } = await seedForumWithHistory(seed);
  await openHash(page, `#/meetings/${meetingId}`);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Planned');

  // Check-in: start the meeting, then mark each of the six.
  await press(page, page.getByRole('button', { name: 'Start the meeting' }));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Live');
  const marks: [string, 'Present' | 'Late' | 'Absent'][] = [
    ['Dana Whitfield', 'Present'],
    ['Ana Ruiz', 'Present'],
    ['Ben Okafor', 'Present'],
    ['Chen Li', 'Present'],
    ['Eve Marsh', 'Late'],
    ['Farid Haddad', 'Absent'],
  ];
  for (const [name, status] of marks) {
    const mark = page
      .getByRole('group', { name: `Attendance of ${name}` })
      .getByRole('button', { name: status });
    await press(page, mark);
    await expect(mark).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(page.getByRole('region', { name: 'Attendance' })).toContainText('5 here');

  // Follow-up: the earlier meeting's open commitment, its outcome and the advice that helped.
  const agenda = page.getByRole('navigation', { name: 'Agenda' });
  await press(page, agenda.getByRole('button', { name: /^Start Follow-up/ }));
  const commitment = page.getByRole('listitem', { name: 'Commitment of Ana Ruiz' });
  await expect(commitment).toContainText('Move 15% of every bonus');
  await expect(commitment).toContainText('Past due');
  await expect(page.getByRole('region', { name: 'Follow-up', exact: true })).toContainText(
    `Ana Ruiz: ${TEAMWORK}`,
  );
  const outcome = commitment.getByLabel('Outcome');
  await tabTo(page, outcome);
  await page.keyboard.press('ArrowDown');
  await expect(outcome).toHaveValue('partly');
  await tabTo(page, commitment.getByLabel('What happened'));
  await page.keyboard.type('Two of three teams moved; referrals doubled.');
  const helped = commitment.getByRole('checkbox', { name: new RegExp(EARLIER_ADVICE.slice(0, 20)) });
  await tabTo(page, helped);
  await page.keyboard.press('Space');
  await expect(helped).toBeChecked();
  await press(page, commitment.getByRole('button', { name: /^Record outcome/ }));
  await expect
    .poll(async () => (await seed('followup.list', { meetingId })).commitments[0]?.status)
    .toBe('partly');
  const reviewed = (await seed('followup.list', { meetingId })).commitments[0];
  expect(reviewed?.outcome).toBe('Two of three teams moved; referrals doubled.');
  expect(reviewed?.helpedContributionIds).toHaveLength(1);

  // Selection: dot votes typed per member, two situations chosen with Space, taken up with Enter.
  await press(page, agenda.getByRole('button', { name: /^Start Issue selection/ }));
  const selection = page.getByRole('region', { name: 'Issue selection' });
  const votes: [string, string, string][] = [
    ['Dana Whitfield', HIRE, '3'],
    ['Ana Ruiz', EXIT, '3'],
    ['Ben Okafor', HIRE, '1'],
    ['Chen Li', EXIT, '2'],
    ['Eve Marsh', OFFSITE, '1'],
  ];
  for (const [name, title, dots] of votes) {
    await tabTo(page, selection.getByLabel(`${name}’s dots for “${title}”`));
    await page.keyboard.press('Control+a');
    await page.keyboard.type(dots);
    await expect(selection.getByLabel(`${name}’s dots for “${title}”`)).toHaveValue(dots);
  }
  const total = (title: string) =>
    selection.getByRole('row', { name: new RegExp(title) }).locator('.dots-total');
  await expect(total(EXIT)).toHaveText('5');
  await expect(total(HIRE)).toHaveText('4');
  await expect(total(OFFSITE)).toHaveText('1');
  for (const title of [EXIT, HIRE]) {
    const choose = selection.getByLabel(`Process “${title}”`);
    await tabTo(page, choose);
    await page.keyboard.press('Space');
    await expect(choose).toBeChecked();
  }
  await press(page, selection.getByRole('button', { name: 'Take up the chosen situations' }));
  await expect(agenda.getByRole('button', { name: `Start ${EXIT}` })).toBeVisible();
  await expect(agenda.getByRole('button', { name: `Start ${HIRE}` })).toBeVisible();
  await expect(agenda).not.toContainText(OFFSITE);

  // The projector follows the chair's window in a second page.
  const projector = await shell.newPage(`#/present/${meetingId}`);
  await page.bringToFront();

  const exit: Situation = {
    title: EXIT,
    presenter: 'Ben Okafor',
    question: 'What does the buyer pay for: the brand or the contracts?',
    advice: 'Get a valuation from two bankers before deciding anything.',
    subAdvice: 'Ask each banker for the multiple they saw in the last three deals.',
    pickedAdvice: 'Write down what you would do on the day after the sale.',
    secondAdvice: 'Grow recurring revenue first; it moves the multiple most.',
    observation: 'I heard that I am not ready to stop working.',
    commitment: 'Meet two bankers and get a written valuation.',
    dueTyped: '03312025',
  };
  const first = await processSituation(page, exit, projector);
  await checkThread(seed, forum.situations.exit.id, exit, memberId(forum, first.endorser));

  const coo: Situation = {
    title: HIRE,
    presenter: 'Chen Li',
    question: 'What would the COO own on day one?',
    advice: 'Hire the plant manager first and the COO after.',
    subAdvice: 'Promote from the first plant if someone is ready.',
    pickedAdvice: 'Write the COO scorecard before any interview.',
    secondAdvice: 'Use an interim COO for six months.',
    observation: 'I heard that I want a partner more than a COO.',
    commitment: 'Draft the COO scorecard and share it with the forum.',
    dueTyped: '04302025',
  };
  const second = await processSituation(page, coo);
  await checkThread(seed, hire.id, coo, memberId(forum, second.endorser));

  // Wrap-up: a takeaway and a rating from each attendee; the average as kept.
  await press(page, agenda.getByRole('button', { name: /^Start Wrap-up/ }));
  const wrapUp = page.getByRole('region', { name: 'Wrap-up', exact: true });
  const ratings: [string, string][] = [
    ['Dana Whitfield', '9'],
    ['Ana Ruiz', '8'],
    ['Ben Okafor', '9'],
    ['Chen Li', '7'],
    ['Eve Marsh', '8'],
  ];
  for (const [name, rating] of ratings) {
    await tabTo(page, wrapUp.getByLabel(`${name}’s takeaway`));
    await page.keyboard.type(`${firstName(name)} takes away a next step.`);
    const select = wrapUp.getByLabel(`${name}’s rating`);
    await tabTo(page, select);
    await page.keyboard.press(rating);
    await expect(select).toHaveValue(rating);
    await press(page, wrapUp.getByRole('button', { name: `Save ${name}’s wrap-up` }));
    await expect(wrapUp.getByRole('listitem').filter({ hasText: name })).toContainText(`Saved: ${rating}/10`);
  }
  await expect(page.getByTestId('average-rating')).toHaveText('8.2');

  await press(page, page.getByRole('button', { name: 'Close the meeting' }));
  await expect(page.getByRole('note')).toContainText('This meeting is closed, so it is read-only');

  const closed = await seed('meeting.get', { meetingId });
  expect(closed.meeting.status).toBe('closed');
  expect(closed.wrapUp.averageRating).toBeCloseTo(8.2, 5);
  expect(closed.wrapUp.entries.map((e) => e.takeaway).filter(Boolean)).toHaveLength(5);
  expect(Object.fromEntries(closed.attendance.map((a) => [a.name, a.status]))).toEqual({
    'Dana Whitfield': 'present',
    'Ana Ruiz': 'present',
    'Ben Okafor': 'present',
    'Chen Li': 'present',
    'Eve Marsh': 'late',
    'Farid Haddad': 'absent',
  });
  // Both situations ran all five phases; the one not chosen waits in the parking lot.
  for (const title of [EXIT, HIRE]) {
    const slot = closed.agenda.find((i) => i.situationTitle === title);
    const ran = closed.phaseRuns.filter((r) => r.agendaItemId === slot?.id).map((r) => r.phase);
    expect(ran).toEqual(['present', 'clarify', 'advise', 'reflect', 'commit']);
  }
  const lot = await seed('meeting.get', { meetingId });
  expect(lot.parkingLot.map((e) => e.situationId)).toContain(offsite.id);
});
