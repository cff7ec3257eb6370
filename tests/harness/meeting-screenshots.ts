// Takes the docs/ screenshots of a live meeting in Advise (timers, round-robin, nested capture) and
// of the projector's presenter view. Seeds a forum of six through the real router.
// Run: npx tsx tests/harness/meeting-screenshots.ts (after a build).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Channel } from '../../shared/channels';
import type { Input, Output } from '../../shared/contract';
import { runMeetingTo, seedForum } from '../e2e/meeting-cast';
import { openShell } from './shell';

const docsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs');
const dir = await mkdtemp(path.join(os.tmpdir(), 'roundtable-meeting-screenshots-'));
const shell = await openShell({
  dbPath: path.join(dir, 'roundtable.db'),
  headless: true,
  viewport: { width: 1280, height: 1000 },
});

async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const envelope = await shell.backend.invoke(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as Output<C>;
}

try {
  const forum = await seedForum(call);
  const view = await runMeetingTo(call, forum, 'advise');
  const meetingId = view.meeting.id;
  const { ben, chen, dana, eve } = forum.members;
  const point = (authorId: string, body: string, parentId: string | null = null) =>
    call('contribution.add', {
      situationId: forum.situations.teamwork.id,
      meetingId,
      authorId,
      kind: 'advice',
      body,
      parentId,
    });
  await call('turn.start', { meetingId, memberId: ben.id });
  const bonus = await point(ben.id, 'Pay part of every bonus on total client revenue, not team revenue.');
  await point(ben.id, 'Start with 15%; raise it once referrals between teams pick up.', bonus.id);
  await call('contribution.endorse', { contributionId: bonus.id, memberId: dana.id });
  await call('contribution.endorse', { contributionId: bonus.id, memberId: eve.id });
  await call('turn.start', { meetingId, memberId: chen.id });
  await point(chen.id, 'Rotate one account manager between teams every quarter.');

  const { page } = shell;
  const base = page.url().replace(/#.*$/, '');
  await page.goto(`${base}#/meetings/${meetingId}`);
  await page.reload();
  await page.getByRole('list', { name: 'Points captured' }).waitFor();
  await page.getByLabel('Point being typed').fill('Give the three team leads one shared client target');
  await page.screenshot({ path: path.join(docsDir, 'screenshot-live-meeting.png'), fullPage: true });

  const projector = await shell.newPage(`#/present/${meetingId}`);
  await projector.getByTestId('presenter-question').waitFor();
  await projector.screenshot({ path: path.join(docsDir, 'screenshot-presenter.png') });
  console.log(`Screenshots written to ${docsDir}`);
} finally {
  await shell.close();
  await rm(dir, { recursive: true, force: true });
}
