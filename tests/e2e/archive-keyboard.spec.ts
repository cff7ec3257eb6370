// The archive by keyboard alone: "/" to the search box, arrows through the results, Enter to open
// one, Escape back to the archive with focus on the result that was opened.
import { expect, test } from './fixtures';
import { openHash, seedArchiveCast, TITLES } from './archive-cast';

test('/ focuses the search, arrows move through results, Enter opens one, Escape comes back', async ({
  page,
  seed,
}) => {
  await seedArchiveCast(seed);
  await openHash(page, '#/archive');
  const searchBox = page.getByRole('searchbox', { name: 'Search the archive' });
  const results = page.getByRole('list', { name: 'Situations in the archive' });
  const link = (title: string) => results.getByRole('link', { name: title });
  await expect(results.getByRole('link')).toHaveCount(4);

  // "/" from anywhere that is not a field; typed into a field, it is just a character.
  await page.getByRole('heading', { level: 1, name: 'Archive' }).click();
  await expect(searchBox).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(searchBox).toBeFocused();
  await page.keyboard.type('build/');
  await expect(searchBox).toHaveValue('build/');
  await page.keyboard.press('Backspace');
  await expect(page.getByRole('status').filter({ hasText: /situations?$/ })).toHaveText('2 situations');

  await page.keyboard.press('ArrowDown');
  await expect(link(TITLES.empowerment)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(link(TITLES.teamwork)).toBeFocused();
  // At the last result ArrowDown stays put; Home and End jump.
  await page.keyboard.press('ArrowDown');
  await expect(link(TITLES.teamwork)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(link(TITLES.empowerment)).toBeFocused();
  await page.keyboard.press('End');
  await expect(link(TITLES.teamwork)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(link(TITLES.empowerment)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(searchBox).toBeFocused();

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(link(TITLES.teamwork)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: TITLES.teamwork })).toBeVisible();

  // Escape inside a field belongs to the field.
  await page.getByRole('combobox', { name: 'Add a tag' }).focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: TITLES.teamwork })).toBeVisible();

  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Escape');
  await expect(searchBox).toHaveValue('build');
  await expect(page).toHaveURL(/#\/archive\?q=build$/);
  await expect(link(TITLES.teamwork)).toBeFocused();

  // Reached from elsewhere (a related situation) and reloaded, Escape opens the last search anew.
  await page.keyboard.press('Enter');
  await page
    .getByRole('list', { name: 'Related past situations' })
    .getByRole('link', { name: TITLES.empowerment })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: TITLES.empowerment })).toBeVisible();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: TITLES.empowerment }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/archive\?q=build$/);
  await expect(searchBox).toHaveValue('build');
});

test('the list is virtualized: a long archive renders a screenful and loads further pages on the way', async ({
  page,
  seed,
}) => {
  const group = await seed('group.create', { name: 'Harbor CEO Roundtable' });
  const presenter = await seed('member.create', { groupId: group.id, name: 'Ruth Lindqvist' });
  for (let i = 1; i <= 205; i++) {
    await seed('situation.create', {
      groupId: group.id,
      presenterId: presenter.id,
      title: `Question ${String(i).padStart(3, '0')}: how do I plan for the next year?`,
    });
  }
  await openHash(page, '#/archive');
  const results = page.getByRole('list', { name: 'Situations in the archive' });
  await expect(page.getByRole('status').filter({ hasText: /situations?$/ })).toHaveText('205 situations');
  await expect(results.getByRole('link').first()).toHaveText(/^Question 205/);
  expect(await results.getByRole('listitem').count()).toBeLessThan(40);

  // End lands on the oldest, from the third page of results.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  const last = results.getByRole('link', { name: /^Question 001/ });
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await expect(results.getByRole('listitem').last()).toHaveAttribute('aria-posinset', '205');
  await expect(results.getByRole('listitem').last()).toHaveAttribute('aria-setsize', '205');
});
