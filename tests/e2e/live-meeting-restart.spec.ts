// Restarting the whole shell mid-Advise (browser and backend worker closed, then opened again over
// the same database): the phase's countdown resumes from its stored timestamps, every captured point
// is back, and the draft autosaved before the restart is back in the capture box.
import type { Channel } from '../../shared/channels';
import type { Input, Output } from '../../shared/contract';
import { openShell } from '../harness/shell';
import { openHash } from './archive-cast';
import { expect, test } from './fixtures';
import { tabTo } from './keyboard';
import { TEAMWORK, clockSeconds, runMeetingTo, seedForum } from './meeting-cast';

const DRAFT = 'Pay part of every bonus on total client revenue, starting next quarter';

test('a shell restarted mid-Advise resumes the timers, the captured points and the draft', async ({
  page,
  seed,
  shell,
  dbPath,
  headless,
}) => {
  test.setTimeout(90_000);
  const forum = await seedForum(seed);
  const view = await runMeetingTo(seed, forum, 'advise');
  const meetingId = view.meeting.id;
  await seed('turn.start', { meetingId });
  await openHash(page, `#/meetings/${meetingId}`);

  // Capture from the keyboard: a point, a nested sub-point, then a draft left in the box.
  const speaker = (await page.getByTestId('on-the-floor').textContent()) ?? '';
  expect(speaker).not.toBe('nobody');
  const box = page.getByLabel('Point being typed');
  await tabTo(page, box);
  await page.keyboard.type('Rotate one person between teams every quarter.');
  await page.keyboard.press('Enter');
  const points = page.getByRole('list', { name: 'Points captured' });
  await expect(points.getByRole('listitem', { name: `Advice from ${speaker}`, exact: true })).toContainText(
    'Saved',
  );
  await page.keyboard.press('Tab');
  await page.keyboard.type('Start with the two largest accounts.');
  await page.keyboard.press('Enter');
  await expect(
    points.getByRole('listitem', { name: `Advice from ${speaker} (sub-point)`, exact: true }),
  ).toContainText('Saved');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type(DRAFT);
  // The draft autosaves 400 ms after the last keystroke; wait it out, and check it reached the database.
  await page.waitForTimeout(700);
  await expect
    .poll(async () => (await seed('draft.list', { meetingId })).map((d) => d.body))
    .toContain(DRAFT);

  const phaseClock = (p: typeof page) =>
    p.getByRole('listitem', { name: 'Phase: Advise' }).getByTestId('timer-value');
  await expect(phaseClock(page)).toHaveText(/^\d+:\d\d$/);
  const before = clockSeconds((await phaseClock(page).textContent()) ?? '');
  expect(before).toBeGreaterThan(10 * 60);
  const storedBefore = await seed('meeting.get', { meetingId });

  // The whole shell goes: the browser, then the backend worker, which checkpoints the database.
  await shell.close();

  const again = await openShell({ dbPath, headless });
  try {
    const chair = again.page;
    await openHash(chair, `#/meetings/${meetingId}`);
    await expect(chair.getByRole('list', { name: 'Timers' })).toContainText('Phase: Advise');
    await expect(phaseClock(chair)).toHaveText(/^\d+:\d\d$/);
    const after = clockSeconds((await phaseClock(chair).textContent()) ?? '');
    // Remaining time continues from the stored start: never reset upward, and only the restart's
    // few seconds gone.
    expect(after).toBeLessThanOrEqual(before);
    expect(before - after).toBeLessThan(30);
    await expect(chair.getByTestId('on-the-floor')).toHaveText(speaker);
    await expect(chair.getByRole('listitem', { name: `Speaker: ${speaker}` })).toBeVisible();

    const restored = chair.getByRole('list', { name: 'Points captured' });
    await expect(
      restored.getByRole('listitem', { name: `Advice from ${speaker}`, exact: true }),
    ).toContainText('Rotate one person between teams every quarter.');
    await expect(
      restored.getByRole('listitem', { name: `Advice from ${speaker} (sub-point)`, exact: true }),
    ).toContainText('Start with the two largest accounts.');
    await expect(restored.getByRole('listitem')).toHaveCount(2);
    await expect(chair.getByLabel('Point being typed')).toHaveValue(DRAFT);

    // The stored timestamps are the same ones: nothing restarted the phase or the turn.
    const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
      const envelope = await again.backend.invoke(channel, input);
      if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.message}`);
      return envelope.value as Output<C>;
    };
    const storedAfter = await call('meeting.get', { meetingId });
    expect(storedAfter.currentPhase?.timer).toEqual(storedBefore.currentPhase?.timer);
    expect(storedAfter.currentTurn?.id).toBe(storedBefore.currentTurn?.id);
    expect(storedAfter.currentPhase?.phase).toBe('advise');
    const thread = await call('situation.get', { id: forum.situations.teamwork.id });
    expect(thread.situation.title).toBe(TEAMWORK);
    expect(thread.contributions).toHaveLength(2);
  } finally {
    await again.close();
  }
});
