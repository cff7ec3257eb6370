// Archive tools: session notes exported anonymized and saved, the same notes printed to PDF, a digest
// file previewed and imported, an archive pack round trip with a wrong passphrase first, "Back up now".
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { archiveKeyFrom, openKeyed } from '../../electron/store/cipher';
import { pdfText } from '../harness/pdf-text';
import { openHash } from './archive-cast';
import { expect, test } from './fixtures';
import { EXIT, runMeetingTo, seedForum, TEAMWORK } from './meeting-cast';

const DIGEST = `Tag Archives: Hiring

How Do I Hire A Strong CFO? Two Ideas

Situation: Our finance lead is leaving. How do I hire a strong CFO?

Advice from the CEOs:
  • Use a retained search firm.
  • Check references yourself.
[like]
Should I Open A Second Plant? Three Observations
Situation: Demand is growing fast. Should I open a second plant?
Advice from the CEOs:
- Rent capacity first.
[like]
Should I Move the Office? Two Ideas
June 3, 2011 by admin
Situation: The lease ends in May. Should I move?
`;

const ARTICLE = `Ten Lessons From a Year of Forums
Posted on June 3, 2011 by admin

Our members met twelve times this year. Here is what we learned about running a good session.
`;

async function openTools(page: Page) {
  await openHash(page, '#/tools');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Archive tools');
}

test('export a meeting’s notes anonymized, save them, and export HTML without scripts', async ({
  page,
  seed,
  shell,
}) => {
  const forum = await seedForum(seed);
  const { meeting } = await runMeetingTo(seed, forum, 'advise');
  const { ana, ben, chen } = forum.members;
  const teamwork = forum.situations.teamwork.id;
  await seed('contribution.add', {
    situationId: teamwork,
    authorId: ben.id,
    kind: 'advice',
    body: 'Share one bonus.',
  });
  await seed('contribution.add', {
    situationId: teamwork,
    authorId: chen.id,
    kind: 'advice',
    body: 'Rotate leads.',
  });
  await seed('meeting.close', { meetingId: meeting.id });

  await openTools(page);
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tools' }),
  ).toHaveAttribute('aria-current', 'page');
  const form = page.getByRole('form', { name: 'Export notes or a digest' });
  await form.getByLabel('Confidentiality').selectOption('anonymized');
  await form.getByRole('button', { name: 'Export', exact: true }).click();
  const preview = page.getByLabel('Export preview');
  await expect(preview).toContainText('One CEO');
  const markdown = (await preview.textContent()) ?? '';
  for (const member of Object.values(forum.members)) expect(markdown).not.toContain(member.name);
  expect(markdown).not.toContain(ana.name.split(' ')[1] ?? ana.name);

  await page.getByRole('button', { name: 'Save…' }).click();
  const status = page.getByRole('status').filter({ hasText: /^Saved / });
  await expect(status).toHaveText(/^Saved notes-.+-anonymized\.md\.$/);
  const fileName = ((await status.textContent()) ?? '').replace(/^Saved /, '').replace(/\.$/, '');
  const file = path.join(shell.exportDir, fileName);
  expect(await readFile(file, 'utf8')).toBe(markdown);
  expect((await stat(file)).mode & 0o777).toBe(0o600);

  await form.getByLabel('Format').selectOption('html');
  await form.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(preview).toContainText('<html');
  expect(await preview.textContent()).not.toMatch(/<script/i);
});

test('print a meeting’s notes to PDF: the PDF holds every situation’s question and the advice', async ({
  page,
  seed,
  shell,
}) => {
  const forum = await seedForum(seed);
  const { teamwork, exit } = forum.situations;
  const meetingId = (await seed('meeting.plan', { groupId: forum.group.id, startsAt: Date.now() })).meeting
    .id;
  await seed('meeting.start', { meetingId });
  for (const m of Object.values(forum.members)) {
    await seed('attendance.mark', { meetingId, memberId: m.id, status: 'present' });
  }
  const view = await seed('selection.choose', { meetingId, situationIds: [teamwork.id, exit.id] });
  const slot = view.agenda.find((item) => item.situationId === teamwork.id);
  if (!slot) throw new Error('teamwork has no slot');
  await seed('segment.start', { meetingId, itemId: slot.id });
  for (const phase of ['present', 'clarify'] as const) await seed('phase.start', { meetingId, phase });
  const { chen, eve } = forum.members;
  await seed('contribution.add', {
    situationId: teamwork.id,
    authorId: chen.id,
    kind: 'question',
    body: 'Who owns the shared accounts today?',
  });
  await seed('phase.start', { meetingId, phase: 'advise' });
  await seed('contribution.add', {
    situationId: teamwork.id,
    authorId: eve.id,
    kind: 'advice',
    body: 'Pay one team bonus across accounts.',
  });
  await seed('meeting.close', { meetingId });
  // A later meeting is planned, so the form would start on it if the link did not choose.
  await seed('meeting.plan', { groupId: forum.group.id, startsAt: Date.now() + 30 * 86_400_000 });

  await openHash(page, `#/meetings/${meetingId}`);
  await page.getByRole('link', { name: 'Export session notes…' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Archive tools');
  const form = page.getByRole('form', { name: 'Export notes or a digest' });
  await expect(form.getByLabel('Meeting')).toHaveValue(meetingId);
  await form.getByLabel('Confidentiality').selectOption('full');
  await form.getByLabel('Format').selectOption('pdf');
  await form.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByLabel('Export preview')).toContainText('<html');
  await page.getByRole('button', { name: 'Save as PDF…' }).click();
  const status = page.getByRole('status').filter({ hasText: /^Saved / });
  await expect(status).toHaveText(/^Saved notes-.+-full\.pdf\.$/, { timeout: 20_000 });

  const fileName = ((await status.textContent()) ?? '').replace(/^Saved /, '').replace(/\.$/, '');
  const bytes = await readFile(path.join(shell.exportDir, fileName));
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // PDF.js may break a line anywhere; the words are compared with their spacing made even.
  const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
  for (const line of [
    TEAMWORK,
    EXIT,
    'Who owns the shared accounts today?',
    'Pay one team bonus across accounts.',
  ]) {
    expect(text).toContain(line);
  }
  expect(text).toContain(forum.group.name);
});

test('presenter-only notes hold the presenter’s own confidential situation once the chair confirms, labelled in the PDF', async ({
  page,
  seed,
  shell,
}) => {
  const forum = await seedForum(seed);
  const { eve, dana } = forum.members;
  const secret = await seed('situation.create', {
    groupId: forum.group.id,
    presenterId: eve.id,
    title: 'Should I tell my board about the lawsuit?',
    confidential: true,
  });
  const view = await runMeetingTo(seed, forum, 'advise', { situationId: secret.id });
  await seed('contribution.add', {
    situationId: secret.id,
    authorId: dana.id,
    kind: 'advice',
    body: 'Tell the board chair first.',
  });
  await seed('meeting.close', { meetingId: view.meeting.id });

  // The page was open while the forum was seeded: a reload reads all of its members.
  await page.reload();
  await openTools(page);
  const form = page.getByRole('form', { name: 'Export notes or a digest' });
  await form.getByLabel('Confidentiality').selectOption('presenter');
  await form.getByLabel('Presenter', { exact: true }).selectOption({ label: `${eve.name} — ${eve.company}` });
  await form.getByRole('button', { name: 'Export', exact: true }).click();
  const preview = page.getByLabel('Export preview');
  await expect(page.getByRole('status').filter({ hasText: 'confidential' })).toHaveText(
    '1 confidential situation left out.',
  );
  await expect(preview).not.toContainText('lawsuit');

  // The same confirmation as a full export's, then the situation goes back to its presenter, labelled.
  const include = form.getByLabel('Include the presenter’s confidential situations');
  await include.check();
  const confirm = form.getByRole('alertdialog', { name: 'Include confidential situations?' });
  await expect(include).toBeChecked();
  await confirm.getByRole('button', { name: 'Include them' }).click();
  await form.getByLabel('Format').selectOption('pdf');
  await form.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(preview).toContainText('<p class="confidential">Confidential</p>');
  await expect(preview).toContainText('Should I tell my board about the lawsuit?');
  await page.getByRole('button', { name: 'Save as PDF…' }).click();
  const status = page.getByRole('status').filter({ hasText: /^Saved / });
  await expect(status).toHaveText(/^Saved notes-.+-presenter\.pdf\.$/, { timeout: 20_000 });
  const fileName = ((await status.textContent()) ?? '').replace(/^Saved /, '').replace(/\.$/, '');
  const text = (await pdfText(await readFile(path.join(shell.exportDir, fileName)))).replace(/\s+/g, ' ');
  expect(text).toMatch(/CONFIDENTIAL 1\. Should I tell my board about the lawsuit\?/i);
  expect(text).toContain('Tell the board chair first.');

  // Another level asks again.
  await form.getByLabel('Confidentiality').selectOption('full');
  await expect(form.getByLabel('Include confidential situations')).not.toBeChecked();
});

test('a digest of the group leaves out situations without advice unless the chair includes them', async ({
  page,
  seed,
}) => {
  const forum = await seedForum(seed);
  await seed('contribution.add', {
    situationId: forum.situations.teamwork.id,
    authorId: forum.members.ben.id,
    kind: 'advice',
    body: 'Share one bonus.',
  });
  await openTools(page);
  const form = page.getByRole('form', { name: 'Export notes or a digest' });
  await form.getByLabel('What to export').selectOption('digest');
  await form.getByRole('button', { name: 'Export', exact: true }).click();
  const preview = page.getByLabel('Export preview');
  await expect(preview).toContainText('Share one bonus.');
  await expect(preview).not.toContainText('Sell the Company');
  await expect(page.getByRole('status').filter({ hasText: 'without advice' })).toHaveText(
    '1 situation without advice left out.',
  );

  await form.getByLabel('Include situations without advice').check();
  await form.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(preview).toContainText('## Should I Sell the Company Now or in Two Years? 0 Observations');
});

test('preview a digest file per post, import it with its post without advice, and find the posts in the archive', async ({
  page,
  seed,
}) => {
  await seedForum(seed);
  await openTools(page);
  // A file with no post in it is said so.
  await page.getByLabel('Digest file').setInputFiles({
    name: 'article.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(ARTICLE),
  });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    "No 'Situation / Advice from the CEOs' posts were found in this file.",
  );

  await page.getByLabel('Digest file').setInputFiles({
    name: 'digest.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(DIGEST),
  });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Preview' }).click();
  const posts = page.getByRole('list', { name: 'Posts in the file' }).getByRole('listitem');
  const post = (n: number) => posts.filter({ has: page.locator('strong') }).nth(n);
  await expect(post(0)).toContainText('Will be imported (2 advice points)');
  await expect(post(1)).toContainText('Will be imported with a warning');
  await expect(post(1).getByRole('list', { name: 'Warnings' })).toContainText(
    'The title counts Three (3), but there are 1 top-level advice points.',
  );
  await expect(post(2)).toContainText('Skipped: It has no advice');
  await expect(page.getByRole('button', { name: 'Import 2 posts' })).toBeVisible();

  // Asked for, the post without advice comes in too: the preview is read again.
  await page.getByLabel('Import posts without advice').check();
  await expect(post(2)).toContainText('Will be imported with a warning');
  await page.getByRole('button', { name: 'Import 3 posts' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 3 posts' })).toBeVisible();

  // The posts are situations of the group now, found by the archive's search, titled as posted.
  await openHash(page, '#/archive?q=plant');
  const found = page.getByRole('list', { name: 'Situations in the archive' }).getByRole('link');
  await expect(found).toHaveText(['Should I Open A Second Plant?']);
  await openHash(page, '#/archive?q=CFO');
  await expect(found).toHaveText(['How Do I Hire A Strong CFO?']);
  await openHash(page, '#/archive?q=lease');
  await expect(found).toHaveText(['Should I Move the Office?']);

  // An imported post speaks for no one in the group.
  await found.first().click();
  await expect(page.getByText(/^Imported from a digest ·/)).toBeVisible();
  await openHash(page, '#/archive?q=CFO');
  await found.first().click();
  await expect(page.getByRole('article', { name: 'Advice from The imported digest' })).toHaveCount(2);
  await expect(page.getByLabel('Who said it').getByRole('option', { name: /Imported/ })).toHaveCount(0);
});

test('export a pack, refuse a wrong passphrase, then merge it with nothing new', async ({
  page,
  seed,
  shell,
}) => {
  const forum = await seedForum(seed);
  await seed('situation.create', {
    groupId: forum.group.id,
    presenterId: forum.members.eve.id,
    title: 'Should I tell my board about the lawsuit?',
    confidential: true,
  });
  await openTools(page);
  const exportForm = page.getByRole('form', { name: 'Export a pack' });
  await exportForm.getByLabel('Passphrase', { exact: true }).fill('correct horse');
  await exportForm.getByLabel('Passphrase again').fill('correct horse');
  await exportForm.getByRole('button', { name: 'Export pack' }).click();
  const exported = exportForm.getByRole('status');
  await expect(exported).toHaveText(
    /^Saved \S+\.rtpack with 2 situations\. 1 confidential situation was left out\.$/,
  );
  const packFile = path.join(
    shell.exportDir,
    /^Saved (\S+\.rtpack)/.exec((await exported.textContent()) ?? '')?.[1] ?? '',
  );
  expect((await stat(packFile)).mode & 0o777).toBe(0o600);
  await expect(exportForm.getByLabel('Passphrase', { exact: true })).toHaveValue('');

  const before = await seed('situation.list', { groupId: forum.group.id });
  const importGroup = page.getByRole('group', { name: 'Import a pack' });
  await importGroup.getByLabel('Pack file').setInputFiles(packFile);
  await importGroup.getByLabel('Pack passphrase').fill('wrong horse');
  await importGroup.getByRole('button', { name: 'Import pack' }).click();
  await expect(importGroup.getByRole('alert')).toContainText(/passphrase/i);
  expect(await seed('situation.list', { groupId: forum.group.id })).toEqual(before);

  await importGroup.getByLabel('Pack passphrase').fill('correct horse');
  await importGroup.getByRole('button', { name: 'Open read-only' }).click();
  await expect(
    importGroup.getByRole('list', { name: 'Situations in the pack' }).getByRole('listitem'),
  ).toHaveCount(2);

  await importGroup.getByLabel('Pack passphrase').fill('correct horse');
  await importGroup.getByRole('button', { name: 'Import pack' }).click();
  const report = importGroup.getByRole('definition').nth(2);
  await expect(report).toHaveText('0 added, 0 updated, 2 unchanged, 0 conflicts');
  expect(await seed('situation.list', { groupId: forum.group.id })).toHaveLength(before.length);

  // Confidential situations go in only once the chair confirms, and for that export alone.
  await exportForm.getByLabel('Passphrase', { exact: true }).fill('correct horse');
  await exportForm.getByLabel('Passphrase again').fill('correct horse');
  await exportForm.getByLabel('Include confidential situations').check();
  await exportForm
    .getByRole('alertdialog', { name: 'Include confidential situations?' })
    .getByRole('button', { name: 'Include them' })
    .click();
  await exportForm.getByRole('button', { name: 'Export pack' }).click();
  await expect(exportForm.getByRole('status')).toHaveText(/with 3 situations\.$/);
  await expect(exportForm.getByLabel('Include confidential situations')).not.toBeChecked();
});

test('back up now adds a backup to the list', async ({ page, seed }) => {
  await seedForum(seed);
  const before = (await seed('backup.list', {})).length;
  await openTools(page);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backed up at' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Backups' }).getByRole('listitem')).toHaveCount(before + 1);
});

test('restore a backup from the list: the archive goes back, and the replaced one is kept beside it', async ({
  page,
  seed,
  dbPath,
  shell,
}) => {
  const forum = await seedForum(seed);
  await openTools(page);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backed up at' })).toBeVisible();
  const backup = (await seed('backup.list', {}))[0];
  if (!backup) throw new Error('no backup was listed');
  const later = await seed('situation.create', {
    groupId: forum.group.id,
    presenterId: forum.members.chen.id,
    title: 'Should I move the plant to Monterrey?',
  });

  const backups = page.getByRole('list', { name: 'Backups' });
  await backups
    .getByRole('button', { name: /^Restore the backup of / })
    .first()
    .click();
  const confirm = page.getByRole('alertdialog', { name: 'Restore this backup?' });
  await expect(confirm).toContainText('set aside (not deleted)');
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
  const status = page.getByRole('status').filter({ hasText: 'The archive was restored' });
  await expect(status).toContainText(/kept beside it as roundtable\.db\.before-restore-/);

  await status.getByRole('button', { name: 'Show the restored archive' }).click();
  await openHash(page, '#/archive');
  const list = page.getByRole('list', { name: 'Situations in the archive' }).getByRole('link');
  await expect(list).toHaveCount(2);
  await expect(list.filter({ hasText: later.title })).toHaveCount(0);

  // Nothing was deleted: the replaced archive, with the later situation, sits beside the database.
  const kept = (await readdir(path.dirname(dbPath))).filter((f) =>
    /^roundtable\.db\.before-restore-[^-]/.test(f),
  );
  expect(kept.filter((f) => !/-(wal|shm)$/.test(f))).toHaveLength(1);
  // Kept encrypted, with the archive's own key.
  const key = archiveKeyFrom(Buffer.from(shell.vault.config?.key ?? '', 'hex'));
  const keptFile = path.join(path.dirname(dbPath), kept.find((f) => !/-(wal|shm)$/.test(f)) ?? '');
  const db = openKeyed(keptFile, key, { readonly: true });
  try {
    expect(db.prepare('SELECT title FROM situations WHERE id = ?').pluck().get(later.id)).toBe(later.title);
  } finally {
    db.close();
  }
});
