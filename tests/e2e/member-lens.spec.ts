// The member lens: one member's situations, advice and endorsements, reached from the Members page
// and from an author's name in a thread.
import { openArchiveHistory } from '../harness/archive-history';
import { openHash, seedArchiveCast, TITLES } from './archive-cast';
import { expect, test } from './fixtures';

test('a member’s situations, advice and endorsements, from the Members page and from a thread', async ({
  page,
  seed,
  shell,
}) => {
  const cast = await seedArchiveCast(seed);
  const history = openArchiveHistory(shell);
  try {
    history.endorse(cast.budget.id, [cast.ana.id, cast.carla.id]);
  } finally {
    history.close();
  }
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
  await page.getByLabel('Group', { exact: true }).selectOption({ label: 'Vistage CE 1234' });
  await page.getByRole('table').getByRole('link', { name: 'Ben Okafor' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Ben Okafor' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/members/${cast.ben.id}$`));
  await expect(page.getByText('Presented 1 situation')).toBeVisible();
  await expect(page.getByText('2 endorsements received')).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Situations Ben Okafor presented' }).getByRole('link'),
  ).toHaveText([TITLES.teamwork]);
  const advice = page.getByRole('list', { name: 'Advice Ben Okafor gave' }).getByRole('listitem');
  await expect(advice).toHaveCount(1);
  await expect(advice).toContainText('Let them own the budget.');
  await expect(advice).toContainText('+2');

  // From the advice to its situation, and from its author's name back to the lens.
  await advice.getByRole('link', { name: TITLES.empowerment }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLES.empowerment })).toBeVisible();
  await page
    .getByRole('article', { name: 'Advice from Ben Okafor' })
    .getByRole('link', { name: 'Ben Okafor' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ben Okafor' })).toBeVisible();

  await openHash(page, `#/members/${cast.pricing.id}`);
  await expect(page.getByText('That member is not in the archive.')).toBeVisible();
});
