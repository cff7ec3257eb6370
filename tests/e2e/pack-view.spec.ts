// A large pack opened read-only stays quick: its situations are a virtualized list, so the page holds
// a screenful of rows, not all 1,500; scrolling to the end shows the last one, and the keyboard
// reaches every row (Home, End) and opens a situation's points. The group is seeded by one digest
// import and packed through pack.export, so the test spends its time on the view, not on seeding.
import { openHash } from './archive-cast';
import { expect, test } from './fixtures';

const SITUATIONS = 1_500;
const PASSPHRASE = 'correct horse battery';
const title = (i: number) => `Should we expand plant ${String(i + 1).padStart(4, '0')}?`;

/** A digest of SITUATIONS posts, imported in one call: one transaction, not 1,500 synchronous commits. */
function digest(): string {
  const posts = Array.from({ length: SITUATIONS }, (_, i) => {
    const lastOne = i === SITUATIONS - 1;
    return [
      `${title(i)} ${lastOne ? 'Two Ideas' : 'One Idea'}`,
      `Situation: Background of situation ${i + 1}. ${title(i)}`,
      'Advice from the CEOs:',
      lastOne ? '  • Rent capacity before you build.\n    • Ask for how long.' : '  • Rent capacity first.',
      ...(lastOne
        ? ['Special thanks to Ana Lopez of Lopez Foods for her insight and input to this discussion.']
        : []),
    ].join('\n');
  });
  return `Tag Archives: Growth\n\n${posts.join('\n[like]\n')}\n`;
}

test('a pack of 1,500 situations opens read-only as a virtualized list', async ({ page, seed }) => {
  test.setTimeout(60_000);
  const group = await seed('group.create', { name: 'Vistage CE 1500' });
  const imported = await seed('import.digest', { groupId: group.id, text: digest() });
  expect(imported.imported).toBe(SITUATIONS);
  const pack = await seed('pack.export', { groupId: group.id, passphrase: PASSPHRASE });
  expect(pack.situationCount).toBe(SITUATIONS);

  await openHash(page, '#/tools');
  const importGroup = page.getByRole('group', { name: 'Import a pack' });
  await importGroup.getByLabel('Pack file').setInputFiles({
    name: pack.fileName,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(pack.data, 'base64'),
  });
  await importGroup.getByLabel('Pack passphrase').fill(PASSPHRASE);
  await importGroup.getByRole('button', { name: 'Open read-only' }).click();

  const list = importGroup.getByRole('list', { name: 'Situations in the pack' });
  const rows = list.locator(':scope > li');
  const toggle = (i: number) => list.getByRole('button', { name: title(i), exact: true });
  await expect(toggle(0)).toBeVisible();
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(SITUATIONS));
  // The list scrolls inside its own box; bring the box on screen so "in viewport" means in the box.
  const scroller = list.locator('xpath=..');
  await scroller.scrollIntoViewIfNeeded();
  await expect(toggle(0)).toBeInViewport();
  const firstCount = await rows.count();
  expect(firstCount).toBeGreaterThan(0);
  expect(firstCount).toBeLessThan(60);

  // The reader scrolls to the bottom with the wheel; rows are measured as they come into view, so
  // the end may move on a little, and one more turn of the wheel reaches it.
  const scrollToEnd = async () => {
    await scroller.hover();
    await page.mouse.wheel(0, 200_000);
  };
  await expect(async () => {
    await scrollToEnd();
    await expect(toggle(SITUATIONS - 1)).toBeInViewport({ timeout: 500 });
  }).toPass();
  const lastRow = rows.filter({
    has: page.getByRole('button', { name: title(SITUATIONS - 1), exact: true }),
  });
  await expect(lastRow).toHaveAttribute('aria-posinset', String(SITUATIONS));
  await expect(lastRow).toContainText('· 2 points');
  await expect(lastRow).toContainText(
    'Special thanks to Ana Lopez of Lopez Foods for her insight and input to this discussion.',
  );
  await expect(toggle(0)).toHaveCount(0);
  expect(await rows.count()).toBeLessThan(60);

  // The keyboard reaches both ends, and Enter shows a situation's background and points.
  await toggle(SITUATIONS - 1).focus();
  await page.keyboard.press('Home');
  await expect(toggle(0)).toBeFocused();
  await expect(toggle(0)).toBeInViewport();
  await page.keyboard.press('ArrowDown');
  await expect(toggle(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(toggle(SITUATIONS - 1)).toBeFocused();
  await expect(toggle(SITUATIONS - 1)).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(toggle(SITUATIONS - 1)).toHaveAttribute('aria-expanded', 'true');
  await expect(lastRow).toContainText(`Background of situation ${SITUATIONS}.`);
  const points = lastRow.getByRole('list', { name: `Points on “${title(SITUATIONS - 1)}”` });
  await expect(points.getByRole('listitem')).toHaveText([
    /^Advice .+: Rent capacity before you build\.\s*Advice .+: Ask for how long\.$/,
    /^Advice .+: Ask for how long\.$/,
  ]);
  await expect(toggle(SITUATIONS - 1)).toBeInViewport();
  expect(await rows.count()).toBeLessThan(60);
});

test('a confidential situation in a pack is labelled in the read-only view', async ({ page, seed }) => {
  const group = await seed('group.create', { name: 'Vistage CE 4821' });
  const eve = await seed('member.create', { groupId: group.id, name: 'Eve Marsh', company: 'Marsh Co' });
  const secret = 'Should I tell my board about the lawsuit?';
  const open = 'Should we open a second plant?';
  await seed('situation.create', {
    groupId: group.id,
    presenterId: eve.id,
    title: secret,
    confidential: true,
  });
  await seed('situation.create', { groupId: group.id, presenterId: eve.id, title: open });
  const pack = await seed('pack.export', {
    groupId: group.id,
    passphrase: PASSPHRASE,
    includeConfidential: true,
  });
  expect(pack.situationCount).toBe(2);

  await openHash(page, '#/tools');
  const importGroup = page.getByRole('group', { name: 'Import a pack' });
  await importGroup.getByLabel('Pack file').setInputFiles({
    name: pack.fileName,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(pack.data, 'base64'),
  });
  await importGroup.getByLabel('Pack passphrase').fill(PASSPHRASE);
  await importGroup.getByRole('button', { name: 'Open read-only' }).click();
  const list = importGroup.getByRole('list', { name: 'Situations in the pack' });
  const row = (title: string) =>
    list.locator(':scope > li').filter({ has: page.getByRole('button', { name: title, exact: true }) });
  await expect(row(secret).getByRole('heading')).toHaveText(`${secret}Confidential`);
  await expect(row(secret).getByText('Confidential', { exact: true })).toBeVisible();
  await expect(row(open)).not.toContainText('Confidential');
  // The label is beside the title, not in the disclosure button's name.
  await expect(list.getByRole('button', { name: secret, exact: true })).toBeVisible();
});
