// Tags: the Tags page with counts, a tag's own page, renaming (with the clash offered as a merge),
// merging, and tagging a situation from its page.
import { openHash, seedArchiveCast, TITLES } from './archive-cast';
import { expect, test } from './fixtures';

test('rename a tag, merge on a name clash, merge two tags, and open a tag’s page', async ({ page, seed }) => {
  const cast = await seedArchiveCast(seed);
  await seed('situation.tag', { situationId: cast.pricing.id, name: 'pricing' });
  await seed('situation.tag', { situationId: cast.pricing.id, name: 'margins' });
  await openHash(page, '#/tags');
  const table = page.getByRole('table', { name: 'Tags in the archive' });
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('row', { name: /employee experience/ })).toContainText('2');

  // Renaming to a name another tag has: the sentence, and the merge it suggests.
  await page.getByRole('button', { name: 'Rename leadership' }).click();
  const rename = page.getByRole('form', { name: 'Rename leadership' });
  await rename.getByRole('textbox').fill('Employee Experience');
  await rename.getByRole('textbox').press('Enter');
  await expect(rename.getByRole('alert')).toHaveText(
    'A tag named “employee experience” already exists. Merge the two tags instead.',
  );
  await rename.getByRole('button', { name: 'Merge into “employee experience”' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merged' })).toHaveText(
    'Merged “leadership” into “employee experience”.',
  );
  await expect(table.getByRole('row', { name: /leadership/ })).toHaveCount(0);
  await expect(table.getByRole('row', { name: /employee experience/ })).toContainText('2');

  await page.getByRole('button', { name: 'Rename employee experience' }).click();
  await page.getByRole('form', { name: 'Rename employee experience' }).getByRole('textbox').fill('people');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Renamed' })).toHaveText(
    'Renamed “employee experience” to “people”.',
  );
  await expect(page.getByRole('button', { name: 'Rename people' })).toBeFocused();

  await page.getByRole('button', { name: 'Merge margins into another tag' }).click();
  const merge = page.getByRole('form', { name: 'Merge margins' });
  await merge.getByLabel('Merge “margins” into').selectOption({ label: 'pricing (1)' });
  await expect(merge).toContainText('The situation tagged “margins” will be tagged “pricing”');
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(table.getByRole('row', { name: /margins/ })).toHaveCount(0);

  // A tag's page is the archive filtered by it.
  await table.getByRole('link', { name: 'people' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Situations tagged 'people'");
  await expect(page).toHaveTitle("Situations tagged 'people' — Roundtable");
  await expect(page.getByRole('list', { name: 'Situations in the archive' }).getByRole('link')).toHaveText([
    TITLES.teamwork,
    TITLES.empowerment,
  ]);
  await expect(
    page.getByRole('complementary', { name: 'Tags' }).getByRole('link', { name: /people/ }),
  ).toHaveAttribute('aria-current', 'page');
});

test('add tags to a situation with suggestions, and remove one', async ({ page, seed }) => {
  const cast = await seedArchiveCast(seed);
  await openHash(page, `#/situations/${cast.succession.id}`);
  const tags = page.getByRole('list', { name: 'Tags of this situation' });
  const input = page.getByRole('combobox', { name: 'Add a tag' });
  await expect(tags).toHaveCount(0);
  // Existing tags are offered as suggestions.
  await expect(page.locator('datalist option')).toHaveCount(2);

  await input.fill('succession');
  await input.press('Enter');
  await expect(tags.getByRole('link')).toHaveText(['succession']);
  await expect(input).toHaveValue('');
  await input.fill('leadership');
  await input.press('Enter');
  await expect(tags.getByRole('link')).toHaveText(['leadership', 'succession']);

  await page.getByRole('button', { name: 'Remove the tag leadership' }).click();
  await expect(tags.getByRole('link')).toHaveText(['succession']);
  await expect(input).toBeFocused();

  await tags.getByRole('link', { name: 'succession' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Situations tagged 'succession'");
  await expect(page.getByRole('list', { name: 'Situations in the archive' }).getByRole('link')).toHaveText([
    TITLES.succession,
  ]);
});
