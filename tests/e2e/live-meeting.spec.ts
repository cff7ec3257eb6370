// The whole meeting from the chair's live screen, keyboard first: plan with a template, start,
// attendance, selection by dot votes, the five phases with round-robin turns and capture (Enter,
// Tab nesting, the author picker, a phase rule overridden), a commitment, wrap-up ratings, close.
import { openHash } from './archive-cast';
import { expect, test } from './fixtures';
import { TEAMWORK, seedForum } from './meeting-cast';

test('a chair runs a whole meeting: plan, attendance, votes, five phases with capture, wrap-up, close', async ({
  page,
  seed,
}) => {
  test.setTimeout(120_000);
  await seedForum(seed);
  await openHash(page, '#/meetings');
  // The page opened before the forum was seeded; a reload reads the group and its members.
  await page.reload();

  await page.getByLabel('Day', { exact: true }).fill('2025-05-08');
  await page.getByLabel('Time', { exact: true }).fill('08:00');
  await page.getByLabel('Location', { exact: true }).fill('Whitfield office');
  await page.getByLabel('Agenda template', { exact: true }).selectOption({ label: 'Forum meeting' });
  await page.getByRole('button', { name: 'Plan the meeting' }).click();
  await expect(page).toHaveURL(/#\/meetings\/[0-9a-f-]+$/);
  await expect(page.getByRole('navigation', { name: 'Agenda' })).toContainText('Issue selection');

  await page.getByRole('button', { name: 'Start the meeting' }).click();
  const mark = (name: string, status: 'Present' | 'Late' | 'Absent') =>
    page
      .getByRole('group', { name: `Attendance of ${name}` })
      .getByRole('button', { name: status })
      .click();
  for (const name of ['Dana Whitfield', 'Ana Ruiz', 'Ben Okafor', 'Chen Li']) await mark(name, 'Present');
  await mark('Eve Marsh', 'Late');
  await mark('Farid Haddad', 'Absent');
  await expect(page.getByRole('region', { name: 'Attendance' })).toContainText('5 here');

  // Issue selection: dot votes per member, then take up the one with most dots.
  await page.getByRole('button', { name: 'Start Issue selection' }).click();
  const selection = page.getByRole('region', { name: 'Issue selection' });
  await selection.getByLabel(`Ben Okafor’s dots for “${TEAMWORK}”`).fill('3');
  await expect(selection.getByRole('row', { name: new RegExp(TEAMWORK) })).toContainText('3');
  await selection.getByLabel(`Chen Li’s dots for “${TEAMWORK}”`).fill('2');
  await expect(selection.getByRole('row', { name: new RegExp(TEAMWORK) }).locator('.dots-total')).toHaveText(
    '5',
  );
  await selection.getByLabel(`Process “${TEAMWORK}”`).check();
  await selection.getByRole('button', { name: 'Take up the chosen situations' }).click();
  await expect(page.getByRole('navigation', { name: 'Agenda' })).toContainText(TEAMWORK);

  await page.getByRole('button', { name: `Start ${TEAMWORK}` }).click();
  const processing = page.getByRole('region', { name: 'Issue processing' });
  await expect(processing.getByRole('heading', { name: TEAMWORK })).toBeVisible();
  await processing.getByRole('button', { name: 'Start Present' }).click();
  await expect(page.getByRole('list', { name: 'Timers' })).toContainText('Phase: Present');
  // While the presenter speaks, the chair sees what the archive holds on situations like this one.
  await expect(processing.getByRole('complementary', { name: 'Related past situations' })).toBeVisible();
  await processing.getByRole('button', { name: 'Next: Clarify' }).click();
  await expect(processing.getByRole('complementary', { name: 'Related past situations' })).toHaveCount(0);

  // Clarify: the round gives the floor; Enter captures a question for whoever has it.
  const nextSpeaker = page
    .getByRole('region', { name: 'Round-robin' })
    .getByRole('button', { name: /^Next: / });
  await nextSpeaker.click();
  await expect(page.getByTestId('on-the-floor')).not.toHaveText('nobody');
  const speaker = (await page.getByTestId('on-the-floor').textContent()) ?? '';
  expect(speaker).not.toBe('Ana Ruiz');
  const box = page.getByLabel('Point being typed');
  await box.fill('Who owns a client that buys from two teams?');
  await box.press('Enter');
  const points = page.getByRole('list', { name: 'Points captured' });
  await expect(points.getByRole('listitem', { name: `Question from ${speaker}` })).toContainText(
    'Who owns a client',
  );
  await expect(box).toHaveValue('');

  // Advice during Clarify is refused with the rule's sentence; the chair overrides it explicitly.
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('advice');
  await box.fill('Pay part of every bonus on total client revenue.');
  await box.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Clarify takes questions only');
  await expect(box).toHaveValue('Pay part of every bonus on total client revenue.');
  await page.getByRole('button', { name: 'Override' }).click();
  await expect(points.getByRole('listitem', { name: `Advice from ${speaker}` })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Advise: round-robin turns, a nested sub-point with Tab, and the author picker.
  await processing.getByRole('button', { name: 'Next: Advise' }).click();
  await expect(page.getByRole('list', { name: 'Timers' })).toContainText('Phase: Advise');
  await expect(page.getByTestId('on-the-floor')).toHaveText('nobody');
  await nextSpeaker.click();
  await expect(page.getByTestId('on-the-floor')).not.toHaveText('nobody');
  const adviser = (await page.getByTestId('on-the-floor').textContent()) ?? '';
  await box.fill('Rotate one person between teams every quarter.');
  await box.press('Enter');
  await expect(
    points
      .getByRole('listitem', { name: `Advice from ${adviser}`, exact: true })
      .filter({ hasText: 'Rotate' }),
  ).toContainText('Saved');
  await box.press('Tab');
  await expect(page.getByText('Sub-point of')).toBeVisible();
  await box.fill('Start with the two largest accounts.');
  await box.press('Enter');
  await expect(points.getByRole('listitem', { name: `Advice from ${adviser} (sub-point)` })).toContainText(
    'largest accounts',
  );
  await box.press('Shift+Tab');
  await expect(page.getByText('Sub-point of')).toHaveCount(0);
  await box.press('Control+k');
  await page.getByLabel('Find an attendee').fill('eve');
  await page.getByLabel('Find an attendee').press('Enter');
  await expect(page.getByTestId('capture-author')).toHaveText('Eve Marsh');
  await box.fill('Share one client dashboard across all teams.');
  await box.press('Enter');
  await expect(points.getByRole('listitem', { name: 'Advice from Eve Marsh' })).toContainText('dashboard');

  // +1 from another member, through the same picker.
  await points.getByRole('button', { name: 'for the point from Eve Marsh' }).click();
  await page.getByLabel('Find an attendee').fill('dana');
  await page.getByLabel('Find an attendee').press('Enter');
  await expect(points.getByRole('listitem', { name: 'Advice from Eve Marsh' })).toContainText('+1');

  // Reflect: the presenter's observation; Commit: a commitment with owner and due date.
  await processing.getByRole('button', { name: 'Next: Reflect' }).click();
  await expect(page.getByTestId('capture-author')).toHaveText('Ana Ruiz');
  await box.fill('I heard that the pay plan is the real wall.');
  await box.press('Enter');
  await expect(points.getByRole('listitem', { name: 'Observation from Ana Ruiz' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Airtime' })).toContainText(adviser);
  await processing.getByRole('button', { name: 'Next: Commit' }).click();
  await page
    .getByLabel('Commitment', { exact: true })
    .fill('Move 15% of every bonus to total client revenue.');
  await page.getByLabel('Due', { exact: true }).fill('2025-07-01');
  await page.getByRole('button', { name: 'Add commitment' }).click();
  await expect(page.getByRole('list', { name: 'Commitments made' })).toContainText('Ana Ruiz: Move 15%');

  // Wrap-up: ratings and the average.
  await page.getByRole('button', { name: /^Start Wrap-up/ }).click();
  const wrapUp = page.getByRole('region', { name: 'Wrap-up', exact: true });
  for (const [name, rating] of [
    ['Dana Whitfield', '9'],
    ['Ana Ruiz', '10'],
    ['Ben Okafor', '8'],
  ] as const) {
    await wrapUp.getByLabel(`${name}’s rating`).selectOption(rating);
    await wrapUp.getByRole('button', { name: `Save ${name}’s wrap-up` }).click();
    await expect(wrapUp).toContainText(`Saved: ${rating}/10`);
  }
  await expect(page.getByTestId('average-rating')).toHaveText('9.0');

  await page.getByRole('button', { name: 'Close the meeting' }).click();
  await expect(page.getByRole('note')).toContainText('This meeting is closed, so it is read-only');
  await expect(
    page.getByRole('group', { name: 'Attendance of Ana Ruiz' }).getByRole('button', { name: 'Late' }),
  ).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Reopen' })).toBeEnabled();
});
