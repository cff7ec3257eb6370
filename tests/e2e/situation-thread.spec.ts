// A situation's thread: the background with its digest credit, clarifying questions apart from the
// advice tree, endorsements, what the presenter heard, commitments with outcomes and a "helped" mark,
// and a clean printout. The chair edits the question, background, confidential mark and credit in place.
// Commitments and endorsements have no channel yet, so they are written through the store.
import { openArchiveHistory } from '../harness/archive-history';
import { openHash } from './archive-cast';
import { expect, test } from './fixtures';

test('the thread shows questions, the advice tree with endorsements and helped marks, the reflection and commitments', async ({
  page,
  seed,
  shell,
}) => {
  const group = await seed('group.create', { name: 'Tuesday CEO Forum' });
  const member = (name: string) => seed('member.create', { groupId: group.id, name });
  const priya = await member('Priya Raman');
  const marcus = await member('Marcus Bell');
  const elena = await member('Elena Ortiz');
  const situation = await seed('situation.create', {
    groupId: group.id,
    presenterId: priya.id,
    title: 'How do you build teamwork across account teams?',
    background: 'Three account teams compete for the same clients.',
    credit: { name: 'Priya Raman', org: 'Raman Analytics', pronoun: 'her' },
  });
  const point = (
    authorId: string,
    kind: 'question' | 'advice' | 'experience' | 'observation',
    body: string,
    parentId: string | null = null,
  ) => seed('contribution.add', { situationId: situation.id, authorId, kind, body, parentId });
  await point(marcus.id, 'question', 'Who owns a client that buys from two teams?');
  const bonus = await point(elena.id, 'advice', 'Pay part of every bonus on total client revenue.');
  await point(marcus.id, 'experience', 'We did this; referrals doubled.', bonus.id);
  await point(marcus.id, 'advice', 'Rotate one person between teams every quarter.');
  await point(priya.id, 'observation', 'I heard that the pay plan is the real wall.');
  const history = openArchiveHistory(shell);
  try {
    history.endorse(bonus.id, [marcus.id, priya.id]);
    history.addCommitment({
      situationId: situation.id,
      ownerId: priya.id,
      body: 'Move 15% of every bonus to total client revenue.',
      dueAt: new Date(2025, 6, 1).getTime(),
      status: 'done',
      outcome: 'Referrals went from 4 to 19.',
      helped: [bonus.id],
    });
  } finally {
    history.close();
  }

  await openHash(page, `#/situations/${situation.id}`);
  const background = page.getByRole('region', { name: 'Background' });
  await expect(background).toContainText('Three account teams compete for the same clients.');
  await expect(background).toContainText(
    'Special thanks to Priya Raman of Raman Analytics for her insight and input to this discussion.',
  );
  const questions = page.getByRole('list', { name: 'Clarifying questions' });
  await expect(questions.getByRole('article')).toHaveCount(1);
  await expect(questions.getByRole('article', { name: 'Question from Marcus Bell' })).toContainText(
    'Who owns a client',
  );

  const advice = page.getByRole('list', { name: 'Advice given' });
  await expect(advice.locator(':scope > li')).toHaveCount(2);
  const bonusPoint = advice.getByRole('article', { name: 'Advice from Elena Ortiz' });
  await expect(bonusPoint).toContainText('+2');
  await expect(bonusPoint).toContainText('Endorsed by 2 members: Marcus Bell, Priya Raman');
  await expect(bonusPoint).toContainText('Helped');
  await expect(advice.getByRole('list', { name: 'Replies to Elena Ortiz' })).toContainText(
    'referrals doubled',
  );
  const rotate = advice.getByRole('article', { name: 'Advice from Marcus Bell' });
  await expect(rotate).not.toContainText('Helped');

  const heard = page.getByRole('list', { name: 'What the presenter heard' });
  await expect(heard.getByRole('article', { name: 'Observation from Priya Raman' })).toContainText(
    'the pay plan is the real wall',
  );

  const commitment = page.getByRole('list', { name: 'Commitments' }).getByRole('listitem');
  await expect(commitment).toContainText('Move 15% of every bonus to total client revenue.');
  await expect(commitment).toContainText('Priya Raman');
  await expect(commitment).toContainText('Due 1 Jul 2025');
  await expect(commitment).toContainText('Done');
  await expect(commitment).toContainText('Referrals went from 4 to 19.');

  // Printed: the record stays, the app's furniture goes.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1, name: situation.title })).toBeVisible();
  await expect(bonusPoint).toBeVisible();
  await expect(background.getByText('Special thanks to Priya Raman')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('form', { name: 'Add a point' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Reply to Elena Ortiz' })).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Related past situations' })).toBeHidden();
  await expect(bonusPoint).toHaveCSS('color', 'rgb(0, 0, 0)');
  await expect(bonusPoint).toHaveCSS('break-inside', 'avoid');
});

test('the chair fixes the question, marks the situation confidential and credits someone; a reload keeps it all', async ({
  page,
  seed,
}) => {
  const group = await seed('group.create', { name: 'Tuesday CEO Forum' });
  const priya = await seed('member.create', { groupId: group.id, name: 'Priya Raman' });
  const situation = await seed('situation.create', {
    groupId: group.id,
    presenterId: priya.id,
    title: 'How do you bulid teamwork across acount teams?',
    background: 'Three account teams compete for the same clients.',
  });
  const fixed = 'How do you build teamwork across account teams?';

  await openHash(page, `#/situations/${situation.id}`);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(situation.title);
  await expect(page.getByText('Confidential', { exact: true })).toHaveCount(0);

  // Escape, even from a checkbox, closes the form and stays on the page; nothing is saved.
  const edit = page.getByRole('button', { name: 'Edit…' });
  await edit.click();
  const form = page.getByRole('form', { name: 'Edit the situation' });
  const question = form.getByRole('textbox', { name: 'The question' });
  await expect(question).toBeFocused();
  await expect(question).toHaveValue(situation.title);
  await question.fill('Something else entirely?');
  await form.getByRole('checkbox', { name: 'Confidential' }).focus();
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(edit).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`#/situations/${situation.id}$`));
  await expect(heading).toHaveText(situation.title);

  // Enter on the button opens the form again, on the question as it is saved; Enter in it saves.
  await page.keyboard.press('Enter');
  await expect(question).toBeFocused();
  await expect(question).toHaveValue(situation.title);
  await question.fill(fixed);
  await form.getByRole('textbox', { name: 'Background' }).fill('Three account teams chase the same clients.');
  await form.getByRole('checkbox', { name: 'Confidential' }).check();
  await form.getByRole('checkbox', { name: 'Thank someone by name' }).check();
  await form.getByRole('textbox', { name: 'Name' }).fill('Priya Raman');
  await form.getByRole('textbox', { name: 'Organization' }).fill('Raman Analytics');
  await form.getByRole('combobox', { name: 'Pronoun' }).selectOption('her');
  const credit =
    'Special thanks to Priya Raman of Raman Analytics for her insight and input to this discussion.';
  await expect(form).toContainText(credit);
  await question.press('Enter');

  await expect(form).toBeHidden();
  await expect(edit).toBeFocused();
  const shown = async () => {
    await expect(heading).toHaveText(fixed);
    await expect(page.locator('.page-subtitle .badge.confidential')).toHaveText('Confidential');
    const background = page.getByRole('region', { name: 'Background' });
    await expect(background).toContainText('Three account teams chase the same clients.');
    await expect(background).toContainText(credit);
  };
  await shown();
  await expect(page).toHaveTitle(`${fixed} — Roundtable`);
  await page.reload();
  await shown();

  // The archive lists it under its new question, with the badge.
  await openHash(page, '#/archive');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: fixed }) });
  await expect(card).toContainText('Confidential');
});

test('a save the backend refuses keeps everything typed and says why; fixed, it saves', async ({
  page,
  seed,
}) => {
  const group = await seed('group.create', { name: 'Tuesday CEO Forum' });
  const priya = await seed('member.create', { groupId: group.id, name: 'Priya Raman' });
  const situation = await seed('situation.create', {
    groupId: group.id,
    presenterId: priya.id,
    title: 'Should I sell the company this year?',
    credit: { name: 'Priya Raman', org: 'Raman Analytics', pronoun: 'her' },
  });

  await openHash(page, `#/situations/${situation.id}`);
  await page.getByRole('button', { name: 'Edit…' }).click();
  const form = page.getByRole('form', { name: 'Edit the situation' });
  const question = form.getByRole('textbox', { name: 'The question' });
  const name = form.getByRole('textbox', { name: 'Name' });
  await expect(name).toHaveValue('Priya Raman');
  await question.fill('Should I sell the company next year?');
  // Blank to the eye but not empty, so the form lets it through and the backend refuses it.
  await name.fill('   ');
  await form.getByRole('button', { name: 'Save changes' }).click();

  await expect(form.getByRole('alert')).toHaveText('The credited name cannot be empty.');
  await expect(question).toHaveValue('Should I sell the company next year?');
  await expect(form.getByRole('textbox', { name: 'Organization' })).toHaveValue('Raman Analytics');

  // Nothing was written: another look at the situation still shows the old question.
  const stored = await seed('situation.get', { id: situation.id });
  expect(stored.situation.title).toBe(situation.title);

  await name.fill('Priya R. Raman');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Should I sell the company next year?');
  await expect(page.getByRole('region', { name: 'Background' })).toContainText(
    'Special thanks to Priya R. Raman of Raman Analytics',
  );

  // Switching the credit off clears it.
  await page.getByRole('button', { name: 'Edit…' }).click();
  await form.getByRole('checkbox', { name: 'Thank someone by name' }).uncheck();
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('region', { name: 'Background' })).not.toContainText('Special thanks');
  expect((await seed('situation.get', { id: situation.id })).situation.credit).toBeNull();
});
