// The archive, through the UI: search as you type, filters in the URL (reload, back and forward),
// opening a thread and coming back with the search intact, and a related past situation.
import { expect, test } from './fixtures';
import { isoDay, openHash, seedArchiveCast, TITLES } from './archive-cast';

const DAY_MS = 86_400_000;

test('search, filter by tag and date, open a thread, come back with the query intact, open a related situation', async ({
  page,
  seed,
}) => {
  await seedArchiveCast(seed);
  await openHash(page, '#/archive');
  const searchBox = page.getByRole('searchbox', { name: 'Search the archive' });
  const count = page.getByRole('status').filter({ hasText: /situations?$/ });
  const results = page.getByRole('list', { name: 'Situations in the archive' });
  await expect(count).toHaveText('4 situations');
  await expect(searchBox).toBeFocused();

  // Search as you type: a prefix finds the whole word, in the title or in the background.
  await searchBox.pressSequentially('empow');
  await expect(count).toHaveText('2 situations');
  await expect(page).toHaveURL(/#\/archive\?q=empow$/);
  const first = results.getByRole('listitem').nth(0);
  const second = results.getByRole('listitem').nth(1);
  await expect(first.getByRole('link')).toHaveText(TITLES.empowerment);
  await expect(first.locator('mark')).toHaveText('empowerment');
  await expect(second.getByRole('link')).toHaveText(TITLES.teamwork);
  await expect(second).toContainText('In the situation');
  await expect(second.locator('mark')).toHaveText('Empowerment');
  await expect(second).toContainText('Ben Okafor');
  await expect(second).toContainText('Vistage CE 1234');
  await expect(second).toContainText('1 advice point');
  await expect(second).toContainText('employee experience');

  // A tag narrows it, and lands in the URL.
  const filters = page.getByRole('group', { name: 'Filters' });
  await filters.getByLabel('Tag', { exact: true }).selectOption({ label: 'leadership (1)' });
  await expect(count).toHaveText('1 situation');
  await expect(page).toHaveURL(/[?&]tag=[0-9a-f-]{36}/);

  // Dates: the situations were all brought today, so a range from tomorrow holds none of them.
  const today = isoDay(new Date());
  const tomorrow = isoDay(new Date(Date.now() + DAY_MS));
  await filters.getByLabel('From', { exact: true }).fill(tomorrow);
  await expect(count).toHaveText('0 situations');
  await expect(page.getByText('No results for “empow”.')).toBeVisible();
  await filters.getByLabel('From', { exact: true }).fill(today);
  await filters.getByLabel('To', { exact: true }).fill(today);
  await expect(count).toHaveText('1 situation');
  await expect(page).toHaveURL(new RegExp(`from=${today}&to=${today}`));

  // Each filter is a history entry; a reload keeps all of it.
  await page.goBack();
  await expect(filters.getByLabel('To', { exact: true })).toHaveValue('');
  await expect(filters.getByLabel('From', { exact: true })).toHaveValue(today);
  await page.goBack();
  await expect(filters.getByLabel('From', { exact: true })).toHaveValue(tomorrow);
  await expect(count).toHaveText('0 situations');
  await page.goForward();
  await page.goForward();
  await expect(count).toHaveText('1 situation');
  await page.reload();
  await expect(searchBox).toHaveValue('empow');
  await expect(filters.getByLabel('To', { exact: true })).toHaveValue(today);
  await expect(count).toHaveText('1 situation');
  const archiveUrl = page.url();

  // Open the thread, then Escape goes back to the archive as it was.
  await results.getByRole('link', { name: TITLES.empowerment }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLES.empowerment })).toBeVisible();
  await expect(page).toHaveURL(/#\/situations\/[0-9a-f-]{36}$/);
  await page.keyboard.press('Escape');
  await expect(searchBox).toHaveValue('empow');
  expect(page.url()).toBe(archiveUrl);
  await expect(count).toHaveText('1 situation');

  // A related past situation opens from the thread.
  await results.getByRole('link', { name: TITLES.empowerment }).click();
  const related = page.getByRole('list', { name: 'Related past situations' });
  await expect(related.getByRole('link')).toHaveText([TITLES.teamwork]);
  await related.getByRole('link', { name: TITLES.teamwork }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLES.teamwork })).toBeVisible();
  // Two pages away from the archive, Escape still returns to the same search.
  await page.keyboard.press('Escape');
  await expect(searchBox).toHaveValue('empow');
  await expect(page).toHaveURL(archiveUrl);
});

test('without a query the archive is in date order and follows changes; relevance needs a query', async ({
  page,
  seed,
}) => {
  const cast = await seedArchiveCast(seed);
  await openHash(page, '#/archive');
  const sort = page.getByRole('group', { name: 'Filters' }).getByLabel('Sort', { exact: true });
  const links = page.getByRole('list', { name: 'Situations in the archive' }).getByRole('link');
  await expect(sort).toBeDisabled();
  await expect(sort).toHaveValue('date');
  await expect(links).toHaveText([TITLES.succession, TITLES.pricing, TITLES.teamwork, TITLES.empowerment]);

  // A situation brought elsewhere (another window, a meeting) appears without a reload.
  await seed('situation.create', {
    groupId: cast.group.id,
    presenterId: cast.ana.id,
    title: 'How do I build a board?',
  });
  await expect(links).toHaveCount(5);
  await expect(links.first()).toHaveText('How do I build a board?');

  await page.getByRole('searchbox', { name: 'Search the archive' }).fill('build team');
  await expect(links).toHaveCount(2);
  await expect(sort).toBeEnabled();
  await expect(sort).toHaveValue('relevance');
  await sort.selectOption({ label: 'Newest first' });
  await expect(page).toHaveURL(/q=build\+team&sort=date$/);
  await expect(links).toHaveText([TITLES.teamwork, TITLES.empowerment]);
});

test('empty states: no situations yet, no results with a hint, and a refused search as a sentence', async ({
  page,
  seed,
}) => {
  await openHash(page, '#/archive');
  await expect(page.getByText('The archive is empty.')).toBeVisible();

  await seedArchiveCast(seed);
  await page.reload();
  await page.getByRole('searchbox', { name: 'Search the archive' }).fill('xylophone');
  await expect(page.getByText('No results for “xylophone”.')).toBeVisible();
  await expect(page.getByText('The start of a word finds the whole word')).toBeVisible();

  await page
    .getByRole('group', { name: 'Filters' })
    .getByLabel('Group', { exact: true })
    .selectOption({ label: 'EO Forum Seven' });
  await page.getByRole('searchbox', { name: 'Search the archive' }).fill('');
  await expect(page.getByRole('list', { name: 'Situations in the archive' }).getByRole('link')).toHaveText([
    TITLES.pricing,
  ]);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByRole('list', { name: 'Situations in the archive' }).getByRole('link')).toHaveCount(
    4,
  );

  // A range that ends before it starts: the backend's own sentence, as an alert.
  await openHash(page, '#/archive?from=2025-05-01&to=2025-01-01');
  await expect(page.getByRole('alert')).toHaveText('The start date must come before the end date.');
});
