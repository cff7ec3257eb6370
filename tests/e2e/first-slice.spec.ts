// The first slice, through the UI: a group and its members, a situation in the parking lot, nested
// advice captured live, and all of it read back from SQLite after a reload, via the archive.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const QUESTION = 'How do you build teamwork across account teams?';
const BACKGROUND = 'Our three account teams compete for the same clients and hoard referrals.';
const FIRST_ADVICE = 'Pay a shared bonus on total client revenue, not on each team’s own book.';
const SECOND_ADVICE = 'Rotate one person between teams every quarter so people know each other.';
const SUB_POINT = 'We did this at my firm; referrals doubled within two quarters.';

async function addMember(page: Page, name: string, company: string, title: string, role: string) {
  const form = page.getByRole('form', { name: 'Add a member' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Company').fill(company);
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Role').selectOption({ label: role });
  await form.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
}

/** The points directly under a list, not those nested further down. */
function pointsOf(list: Locator): Locator {
  return list.locator(':scope > li');
}

async function expectNestedAdvice(page: Page) {
  const points = page.getByRole('list', { name: 'Advice given' });
  await expect(pointsOf(points)).toHaveCount(2);
  const first = pointsOf(points).nth(0);
  await expect(first.getByRole('article', { name: 'Advice from Marcus Bell' }).first()).toContainText(
    FIRST_ADVICE,
  );
  const replies = first.getByRole('list', { name: 'Replies to Marcus Bell' });
  await expect(pointsOf(replies)).toHaveCount(1);
  await expect(replies.getByRole('article', { name: 'Experience from Elena Ortiz' })).toContainText(
    SUB_POINT,
  );
  const second = pointsOf(points).nth(1);
  await expect(second.getByRole('article', { name: 'Advice from Elena Ortiz' })).toContainText(SECOND_ADVICE);
  await expect(second.getByRole('list')).toHaveCount(0);
}

test('a situation with nested advice, captured through the UI, comes back from the archive after a reload', async ({
  page,
}) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
  await expect(page).toHaveURL(/#\/members$/);

  const groupForm = page.getByRole('form', { name: 'Create a group' });
  await groupForm.getByLabel('Group name').fill('Tuesday CEO Forum');
  await groupForm.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByLabel('Group', { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel('Group', { exact: true }).locator('option:checked')).toHaveText(
    'Tuesday CEO Forum',
  );

  await addMember(page, 'Priya Raman', 'Northwind Logistics', 'CEO', 'Member');
  await addMember(page, 'Marcus Bell', 'Bell & Hart Architects', 'Managing Partner', 'Member');
  await addMember(page, 'Elena Ortiz', 'Ortiz Foods', 'Founder', 'Chair');

  await page.getByRole('link', { name: 'Meetings' }).click();
  await expect(page.getByText('Nothing is waiting.')).toBeVisible();
  const bring = page.getByRole('form', { name: 'Bring a situation' });
  await bring.getByLabel('Presenter').selectOption({ label: 'Priya Raman — Northwind Logistics' });
  await bring.getByLabel('The question').fill(QUESTION);
  await bring.getByLabel('Background').fill(BACKGROUND);
  await bring.getByRole('button', { name: 'Add to the parking lot' }).click();
  await expect(bring.getByLabel('The question')).toHaveValue('');

  await page.getByRole('list', { name: 'Situations waiting' }).getByRole('link', { name: QUESTION }).click();
  await expect(page.getByRole('heading', { level: 1, name: QUESTION })).toBeVisible();
  await expect(page.getByText(BACKGROUND)).toBeVisible();

  const addPoint = page.getByRole('form', { name: 'Add a point' });
  await addPoint.getByLabel('Who said it').selectOption({ label: 'Marcus Bell — Bell & Hart Architects' });
  await expect(addPoint.getByLabel('Kind')).toHaveValue('advice');
  await addPoint.getByLabel('Point').fill(FIRST_ADVICE);
  await addPoint.getByLabel('Point').press('Enter');
  await expect(page.getByRole('article', { name: 'Advice from Marcus Bell' })).toContainText(FIRST_ADVICE);
  await expect(addPoint.getByLabel('Point')).toHaveValue('');

  await addPoint.getByLabel('Who said it').selectOption({ label: 'Elena Ortiz — Ortiz Foods' });
  // Shift+Enter is a new line inside the point, not a submit.
  await addPoint.getByLabel('Point').fill('Rotate one person between teams');
  await addPoint.getByLabel('Point').press('Shift+Enter');
  await expect(addPoint.getByLabel('Point')).toHaveValue('Rotate one person between teams\n');
  await addPoint.getByLabel('Point').fill(SECOND_ADVICE);
  await addPoint.getByRole('button', { name: 'Add point' }).click();
  await expect(page.getByRole('article', { name: 'Advice from Elena Ortiz' })).toContainText(SECOND_ADVICE);

  await page.getByRole('button', { name: 'Reply to Marcus Bell' }).click();
  const reply = page.getByRole('form', { name: 'Reply to Marcus Bell' });
  await expect(reply.getByLabel('Who said it')).toBeFocused();
  await reply.getByLabel('Who said it').selectOption({ label: 'Elena Ortiz — Ortiz Foods' });
  await reply.getByLabel('Kind').selectOption({ label: 'Experience' });
  await reply.getByLabel('Sub-point').fill(SUB_POINT);
  await reply.getByLabel('Sub-point').press('Enter');
  await expect(reply).toHaveCount(0);
  await expectNestedAdvice(page);

  await page.reload();
  // The main navigation's link: once the thread is back, the page's own "Back to the archive" shows too.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Archive' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Archive' })).toBeVisible();
  const entry = page.getByRole('list', { name: 'Situations in the archive' }).getByRole('listitem');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Priya Raman');
  await expect(entry).toContainText('Tuesday CEO Forum');
  await expect(entry).toContainText('2 advice points');
  await entry.getByRole('link', { name: QUESTION }).focus();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/#\/situations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: QUESTION })).toBeVisible();
  await expect(page.getByText('Presented by Priya Raman · CEO, Northwind Logistics')).toBeVisible();
  await expectNestedAdvice(page);
});

test('a point the backend refuses shows its message, and what was typed stays in the form', async ({
  page,
  seed,
}) => {
  const group = await seed('group.create', { name: 'EO Forum 3' });
  const presenter = await seed('member.create', {
    groupId: group.id,
    name: 'Sam Okafor',
    company: 'Okafor Freight',
  });
  const situation = await seed('situation.create', {
    groupId: group.id,
    presenterId: presenter.id,
    title: 'Should I sell the company or bring in a president?',
  });
  await page.goto(page.url().replace(/#.*$/, '') + `#/situations/${situation.id}`);
  await expect(page.getByRole('heading', { level: 1, name: situation.title })).toBeVisible();

  const addPoint = page.getByRole('form', { name: 'Add a point' });
  await addPoint.getByLabel('Who said it').selectOption({ label: 'Sam Okafor — Okafor Freight' });
  // 10,000 characters is the contract's limit for a point; the renderer leaves the check to the backend.
  const tooLong = `Hire a president first. ${'Keep the board informed at every step. '.repeat(260)}`;
  expect(tooLong.length).toBeGreaterThan(10_000);
  await addPoint.getByLabel('Point').fill(tooLong);
  await addPoint.getByLabel('Point').press('Enter');
  await expect(addPoint.getByRole('alert')).toHaveText('The point is too long (at most 10000 characters).');
  await expect(addPoint.getByLabel('Point')).toHaveValue(tooLong);

  // Only spaces: trimmed by the contract to nothing, so the backend refuses it as empty.
  await addPoint.getByLabel('Point').fill('   ');
  await addPoint.getByRole('button', { name: 'Add point' }).click();
  await expect(addPoint.getByRole('alert')).toHaveText('The point cannot be empty.');
  await expect(addPoint.getByLabel('Point')).toHaveValue('   ');
  await expect(page.getByText('Nothing has been said yet.')).toBeVisible();

  // Fixing the text clears the message and saves the point.
  await addPoint.getByLabel('Point').fill('Hire a president first, then decide.');
  await addPoint.getByLabel('Point').press('Enter');
  await expect(page.getByRole('article', { name: 'Advice from Sam Okafor' })).toContainText(
    'Hire a president first',
  );
  await expect(addPoint.getByRole('alert')).toHaveCount(0);
  const thread = await seed('situation.get', { id: situation.id });
  expect(thread.contributions.map((c) => c.body)).toEqual(['Hire a president first, then decide.']);
});

test('navigation lives in the hash: reload keeps the place, back and forward work', async ({
  page,
  seed,
}) => {
  await seed('group.create', { name: 'Harbor CEO Roundtable' });
  await page.reload();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Archive' }).click();
  await expect(page.getByText('The archive is empty.')).toBeVisible();
  await nav.getByRole('link', { name: 'Members' }).click();
  await expect(page.getByText('Harbor CEO Roundtable has no members yet.')).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Members' })).toHaveAttribute('aria-current', 'page');

  await page.reload();
  await expect(page).toHaveURL(/#\/members$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Archive' })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
});
