// The vault's screens, through the browser shell: a passphrase chosen where there is no keychain,
// the archive locked after a restart (a wrong passphrase refused with a sentence, the right one
// opening it), the recovery key offered once (printed, saved, or declined after a plain warning), a
// forgotten passphrase answered by the recovery key, a keychain that no longer gives the key or a
// key file gone, and an archive from an earlier version encrypted with its unencrypted copy kept
// until the chair deletes it. Set ROUNDTABLE_SCREENSHOTS_DIR to keep a screenshot of each screen.
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3-multiple-ciphers';
import { INVOKE_BINDING } from '../harness/browser-bridge';
import { pdfText } from '../harness/pdf-text';
import { openShell, type Shell, type ShellOptions } from '../harness/shell';
import { expect, test as base } from './fixtures';

const PASSPHRASE = 'river stone lamp quiet';
const NEW_PASSPHRASE = 'harbour kettle violet nine';
const SCHEMA_3 = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/schema-3.db');
const SHOTS = process.env.ROUNDTABLE_SCREENSHOTS_DIR;
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const SMALLEST = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
];

type Launch = (options?: Partial<Omit<ShellOptions, 'dbPath' | 'headless'>>) => Promise<Shell>;

/**
 * `launch` opens the shell on the test's archive, without a keychain and with the recovery key still
 * to offer unless told otherwise; it may be called again after closing, as a restart. Every page
 * error or console error fails the test, as in the other journeys.
 */
const test = base.extend<{ launch: Launch }>({
  launch: async ({ dbPath, headless }, use) => {
    const opened: Shell[] = [];
    const problems: string[] = [];
    await use(async (options = {}) => {
      const shell = await openShell({
        dbPath,
        headless,
        viewport: { width: 1366, height: 768 },
        keychain: 'none',
        recoveryKeyOffered: false,
        ...options,
      });
      opened.push(shell);
      shell.page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      shell.page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      return shell;
    });
    for (const shell of opened) await shell.close();
    expect(problems, 'the page logged errors').toEqual([]);
  },
});

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  const before = page.viewportSize();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size.width}x${size.height}.png`) });
  }
  if (before) await page.setViewportSize(before);
}

/** What a text field has selected, as [start, end]. */
function selection(field: Locator): Promise<[number | null, number | null]> {
  return field.evaluate((el: unknown) => {
    const input = el as { selectionStart: number | null; selectionEnd: number | null };
    return [input.selectionStart, input.selectionEnd];
  });
}

/** The screen needs no scrolling at the smallest windows a chair's laptop gives it. */
async function expectFitsSmallWindows(page: Page): Promise<void> {
  const before = page.viewportSize();
  for (const size of SMALLEST) {
    await page.setViewportSize(size);
    const overflow = await page.evaluate<{ x: number; y: number }>(
      '({ x: document.documentElement.scrollWidth - innerWidth, y: document.documentElement.scrollHeight - innerHeight })',
    );
    expect(overflow, `${size.width}×${size.height}`).toEqual({ x: 0, y: 0 });
  }
  if (before) await page.setViewportSize(before);
}

function appNavigation(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

async function choosePassphrase(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Passphrase again', { exact: true }).fill(passphrase);
  await page.keyboard.press('Enter');
}

/** The key as the recovery key screen shows it, in its two printed lines. */
async function shownRecoveryKey(page: Page): Promise<string> {
  const shown = page.getByRole('group', { name: 'Recovery key' });
  await expect(shown).toHaveText(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}\s*([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
  return (await shown.innerText()).trim();
}

async function keepRecoveryKey(page: Page): Promise<string> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keep a recovery key');
  await page.getByRole('button', { name: 'Show the recovery key' }).click();
  const key = await shownRecoveryKey(page);
  await page.getByRole('button', { name: 'I have kept it' }).click();
  await expect(appNavigation(page)).toBeVisible();
  return key;
}

async function expectProtectionLine(page: Page, line: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '') + '#/tools');
  await expect(page.getByRole('region', { name: 'Backups' }).getByText(line, { exact: true })).toBeVisible();
}

test('a passphrase chosen where there is no keychain opens the archive; after a restart a wrong one is refused and the right one opens it', async ({
  launch,
}) => {
  let shell = await launch();
  let page = shell.page;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Protect the archive');
  await expect(page.getByText(/This computer has no system keychain Roundtable can use/)).toBeVisible();
  await expect(appNavigation(page)).toHaveCount(0);
  const first = page.getByLabel('Passphrase', { exact: true });
  await expect(first).toBeFocused();
  await expectFitsSmallWindows(page);
  await shoot(page, 'setup-new');

  // Too short, then different: said beside the fields, and nothing is sent.
  await first.fill('short');
  await page.getByLabel('Passphrase again', { exact: true }).fill('shirt');
  await expect(page.getByText('The two passphrases differ.')).toBeVisible();
  await page.getByRole('button', { name: 'Protect the archive' }).click();
  await expect(page.getByText('Choose a passphrase of at least 10 characters.')).toBeVisible();
  await expect(first).toBeFocused();
  await shoot(page, 'setup-problems');
  expect(shell.vault.status().state).toBe('setup');

  await choosePassphrase(page);
  await keepRecoveryKey(page);
  await expectProtectionLine(
    page,
    'Encrypted at rest with your passphrase; Roundtable asks for it at each start.',
  );
  await shell.backend.invoke('group.create', { name: 'Tuesday CEO Forum' });
  await shell.close();

  shell = await launch();
  page = shell.page;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unlock the archive');
  const field = page.getByLabel('Passphrase', { exact: true });
  await expect(field).toBeFocused();
  await expectFitsSmallWindows(page);
  await shoot(page, 'locked-passphrase');

  await field.fill('wrong horse battery');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(
    'That passphrase does not open this archive. Nothing was changed: check Caps Lock and try again, or use your recovery key.',
  );
  // Nothing else: still locked, no app behind it, and what was typed is kept, selected to type over.
  await expect(appNavigation(page)).toHaveCount(0);
  expect(shell.vault.status().state).toBe('locked');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('wrong horse battery');
  expect(await selection(field)).toEqual([0, 'wrong horse battery'.length]);
  await shoot(page, 'locked-wrong-passphrase');

  await field.fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(appNavigation(page)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByLabel('Group', { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel('Group', { exact: true }).locator('option:checked')).toHaveText(
    'Tuesday CEO Forum',
  );
  // Offered once: kept, it is not offered again.
  await expect(page.getByRole('heading', { name: 'Keep a recovery key' })).toHaveCount(0);
});

test('while an unlock runs its button says so, and a double click sends it once', async ({ launch }) => {
  let shell = await launch();
  await choosePassphrase(shell.page);
  await keepRecoveryKey(shell.page);
  await shell.close();

  shell = await launch();
  const { page } = shell;
  // The shell's binding is wrapped so the unlock's answer waits until the test lets it through.
  await page.evaluate((binding) => {
    const target = globalThis as unknown as Record<string, unknown> & {
      unlocks: number;
      releaseUnlock?: () => void;
    };
    const original = target[binding] as (channel: string, input: unknown) => Promise<unknown>;
    target.unlocks = 0;
    target[binding] = async (channel: string, input: unknown) => {
      if (channel === 'vault.unlock') {
        target.unlocks += 1;
        await new Promise<void>((resolve) => (target.releaseUnlock = resolve));
      }
      return original(channel, input);
    };
  }, INVOKE_BINDING);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).dblclick();
  await expect(page.getByRole('button', { name: 'Unlocking…' })).toBeDisabled();
  await page.keyboard.press('Enter');
  expect(await page.evaluate('unlocks')).toBe(1);
  await page.evaluate('releaseUnlock()');
  await expect(appNavigation(page)).toBeVisible();
});

test('the recovery key is offered once: declined unseen only after a plain warning, or shown, saved and kept', async ({
  launch,
}) => {
  let shell = await launch();
  let page = shell.page;
  await choosePassphrase(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keep a recovery key');
  // Nothing is shown before the chair asks: a key nobody saw can still be declined.
  await expect(page.getByRole('group', { name: 'Recovery key' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Continue without a recovery key' }).click();
  const warning = page.getByRole('alertdialog');
  await expect(warning).toContainText(
    'Without a recovery key, if you forget your passphrase, everything in this archive is gone for good.',
  );
  await expect(warning).toContainText('Nobody can recover it');
  await expect(warning.getByRole('button', { name: 'Back' })).toBeFocused();
  await shoot(page, 'recovery-key-decline');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  await page.getByRole('button', { name: 'Show the recovery key' }).click();
  await expect(
    page.getByText(/This key opens the archive if you forget your passphrase, from now on/),
  ).toBeVisible();
  const key = await shownRecoveryKey(page);
  await expectFitsSmallWindows(page);
  await shoot(page, 'recovery-key-offer');
  // Shown, it opens the archive whoever saw it: it can no longer be declined.
  await expect(page.getByRole('button', { name: 'Continue without a recovery key' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Save as a file…' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Saved Roundtable recovery key.html. Print it or copy it off this laptop, then delete it here.',
  );
  const html = await readFile(path.join(shell.exportDir, 'Roundtable recovery key.html'), 'utf8');
  for (const line of key.split(/\s+/)) expect(html).toContain(line);
  expect(html).toContain('if you forget your passphrase');
  expect(html).not.toMatch(/<script/i);

  await page.getByRole('button', { name: 'Save a PDF to print…' }).click();
  await expect(page.getByRole('status')).toContainText('Saved Roundtable recovery key.pdf.');
  const printed = await pdfText(await readFile(path.join(shell.exportDir, 'Roundtable recovery key.pdf')));
  for (const line of key.split(/\s+/)) expect(printed).toContain(line);
  expect(printed).toMatch(/Made on \d{1,2} \w{3} \d{4}/);
  expect(shell.refusedPrintRequests).toEqual([]);
  await shell.close();

  // Closed before saying it is kept, the same key is shown again, and still cannot be declined.
  shell = await launch();
  page = shell.page;
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  expect(await shownRecoveryKey(page)).toBe(key);
  await expect(page.getByRole('button', { name: 'Continue without a recovery key' })).toHaveCount(0);
  await page.getByRole('button', { name: 'I have kept it' }).click();
  await expect(appNavigation(page)).toBeVisible();
  await shell.close();

  // Kept, it is not offered again.
  shell = await launch();
  page = shell.page;
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(appNavigation(page)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Keep a recovery key' })).toHaveCount(0);
});

test('a recovery key declined unseen: the archive opens with its passphrase, and no screen points to a key', async ({
  launch,
}) => {
  let shell = await launch();
  let page = shell.page;
  await choosePassphrase(page);
  await page.getByRole('button', { name: 'Continue without a recovery key' }).click();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: 'Continue without a recovery key' })
    .click();
  await expect(appNavigation(page)).toBeVisible();
  await shell.close();

  shell = await launch();
  page = shell.page;
  await expect(page.getByText('No recovery key was kept when this archive was set up')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Forgot it? Use your recovery key' })).toHaveCount(0);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(appNavigation(page)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Keep a recovery key' })).toHaveCount(0);
});

test('a forgotten passphrase: the recovery key shown at setup opens the archive under a new passphrase', async ({
  launch,
}) => {
  let shell = await launch();
  let page = shell.page;
  await choosePassphrase(page);
  const key = await keepRecoveryKey(page);
  await shell.backend.invoke('group.create', { name: 'Tuesday CEO Forum' });
  await shell.close();

  shell = await launch();
  page = shell.page;
  await page.getByRole('button', { name: 'Forgot it? Use your recovery key' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unlock with your recovery key');
  const keyField = page.getByLabel('Recovery key', { exact: true });
  await expect(keyField).toBeFocused();

  // Too short is said here; a key of the right shape that is not this archive's, by the vault.
  await keyField.fill(key.slice(0, 20));
  await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByLabel('New passphrase again', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock with the recovery key' }).click();
  await expect(page.getByText(/^A recovery key is 56 letters and digits; this has 16\./)).toBeVisible();
  await shoot(page, 'recovery-form-short');
  const wrong = key.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
  await keyField.fill(wrong);
  await keyField.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(/recovery key/);
  await expect(keyField).toBeFocused();
  expect(await selection(keyField)).toEqual([0, wrong.length]);
  expect(shell.vault.status().state).toBe('locked');
  await shoot(page, 'recovery-form-wrong-key');

  // Any case and spacing.
  await keyField.fill(key.toLowerCase().replace(/-/g, ' '));
  await keyField.press('Enter');
  await expect(appNavigation(page)).toBeVisible();
  await expect(page.getByLabel('Group', { exact: true }).locator('option:checked')).toHaveText(
    'Tuesday CEO Forum',
  );
  await shell.close();

  shell = await launch();
  page = shell.page;
  const field = page.getByLabel('Passphrase', { exact: true });
  await field.fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(/^That passphrase does not open this archive\./);
  await field.fill(NEW_PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(appNavigation(page)).toBeVisible();
});

test('with a keychain the archive opens unasked; when the keychain no longer gives the key, or the key file is gone, the recovery key opens it', async ({
  launch,
  dbPath,
}) => {
  let shell = await launch({ keychain: 'stand-in' });
  let page = shell.page;
  await expect(
    page.getByText(/A recovery key opens this archive if the test keychain loses the archive’s key/),
  ).toBeVisible();
  const key = await keepRecoveryKey(page);
  await expectProtectionLine(page, 'Encrypted at rest. Its key is kept in the test keychain.');
  await shell.close();

  // The keychain's own secret is gone, as after reinstalling the system.
  await rm(path.join(path.dirname(dbPath), 'stand-in-keychain.secret'));
  shell = await launch({ keychain: 'stand-in' });
  page = shell.page;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roundtable needs your recovery key');
  await expect(
    page.getByText(
      'Roundtable could not get this archive’s key from the test keychain. This happens after reinstalling the system or moving to a new computer.',
    ),
  ).toBeVisible();
  await expect(page.getByLabel('Recovery key', { exact: true })).toBeFocused();
  await expect(page.getByLabel('New passphrase', { exact: true })).toHaveCount(0);
  await expectFitsSmallWindows(page);
  await shoot(page, 'locked-keychain-unavailable');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('status')).toHaveText('Still no key from the test keychain.');

  await page.getByLabel('Recovery key', { exact: true }).fill(key);
  await page.getByRole('button', { name: 'Unlock with the recovery key' }).click();
  await expect(appNavigation(page)).toBeVisible();
  await shell.close();

  // Sealed again by the keychain: the next start asks nothing.
  shell = await launch({ keychain: 'stand-in' });
  await expect(appNavigation(shell.page)).toBeVisible();
  await shell.close();

  await rm(path.join(path.dirname(dbPath), 'roundtable.key'));
  shell = await launch({ keychain: 'none' });
  page = shell.page;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roundtable needs your recovery key');
  await expect(page.getByText(/roundtable\.key, is missing from its folder/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await expectFitsSmallWindows(page);
  await shoot(page, 'locked-key-file-missing');
  await page.getByLabel('Recovery key', { exact: true }).fill(key);
  await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByLabel('New passphrase again', { exact: true }).fill(NEW_PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(appNavigation(page)).toBeVisible();
  await expectProtectionLine(
    page,
    'Encrypted at rest with your passphrase; Roundtable asks for it at each start.',
  );
});

test('an archive from an earlier version is encrypted with nothing lost, and its unencrypted copy is kept until the chair deletes it', async ({
  launch,
  dbPath,
}) => {
  const folder = path.dirname(dbPath);
  // In SQLite's default 4096-byte pages, as an earlier Roundtable wrote its archive (the fixture
  // keeps small pages to stay small).
  await copyFile(SCHEMA_3, dbPath);
  const earlier = new Database(dbPath);
  try {
    earlier.pragma('page_size = 4096');
    earlier.exec('VACUUM');
  } finally {
    earlier.close();
  }
  await copyFile(dbPath, path.join(folder, 'roundtable.db.corrupt-2025-03-01T10-22-01'));
  await mkdir(path.join(folder, 'backups'));
  await copyFile(dbPath, path.join(folder, 'backups', 'roundtable-backup-1735689600000.db'));

  const shell = await launch();
  const { page } = shell;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roundtable now encrypts its archive');
  await expect(
    page.getByText(/Your existing archive will be encrypted now; nothing in it is lost\./),
  ).toBeVisible();
  await expectFitsSmallWindows(page);
  await shoot(page, 'setup-convert');
  await choosePassphrase(page);
  await keepRecoveryKey(page);
  await expect(page.getByLabel('Group', { exact: true })).toContainText('Vistage CE 4821 — Austin');

  const notice = page.getByRole('region', { name: 'The archive is now encrypted' });
  await expect(notice).toBeVisible();
  const copy = shell.vault.status();
  if (copy.state !== 'open' || !copy.plaintextCopy) throw new Error('the unencrypted copy was not kept');
  await expect(notice).toContainText(
    `An unencrypted copy from before, ${copy.plaintextCopy}, is kept in ${folder}`,
  );
  await expect(notice).toContainText('1 backup was encrypted too.');
  await expect(notice).toContainText('roundtable.db.corrupt-2025-03-01T10-22-01');
  await shoot(page, 'notice');

  await notice.getByRole('button', { name: 'Delete the unencrypted copy…' }).click();
  const confirm = notice.getByRole('alertdialog');
  await expect(confirm).toContainText(`Delete ${copy.plaintextCopy}?`);
  await expect(confirm.getByRole('button', { name: 'Keep it for now' })).toBeFocused();
  await shoot(page, 'notice-confirm');
  await confirm.getByRole('button', { name: 'Delete the unencrypted copy', exact: true }).click();
  await expect(notice.getByRole('status')).toHaveText(
    `The unencrypted copy ${copy.plaintextCopy} was deleted.`,
  );
  expect(await readdir(folder)).not.toContain(copy.plaintextCopy);

  // The notice goes for the session; the app is still there.
  await notice.getByRole('button', { name: 'Dismiss this notice until Roundtable restarts' }).click();
  await expect(notice).toHaveCount(0);
  await page.goto(page.url().replace(/#.*$/, '') + '#/archive');
  await expect(appNavigation(page)).toBeVisible();
});

test('with the test keychain, as every other journey runs, the app opens with no vault screen', async ({
  page,
}) => {
  await expect(appNavigation(page)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Keep a recovery key' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'The archive is now encrypted' })).toHaveCount(0);
});
