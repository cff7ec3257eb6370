// The bench's probe for capture in Chromium, through the browser shell on a copy of the reference
// archive: a live meeting in its Advise phase with a member on the floor, and points typed into the
// capture box. For each Enter it counts the calls the page makes on the bridge (the point's own
// contribution.add and draft.discard are two) and times Enter to the point shown as saved; beside
// them, the bare contribution.add over the same bridge from a page that shows no meeting.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Channel } from '../../shared/channels';
import type { Input, Output } from '../../shared/contract';
import { RENDERER_URL } from './renderer-files';
import { openShell } from './shell';

export interface CaptureProbe {
  /** Enter in the capture box to the point shown as saved, ms, one per point. */
  enterToSaved: number[];
  /** contribution.add called from the page over the same bridge, ms. */
  bareAdd: number[];
  /** Calls on the bridge per Enter, one per point. */
  callsPerEnter: number[];
  /** How often each channel was called over all the Enters. */
  channels: Record<string, number>;
}

const WARMUP = 3;
/** Long enough for the draft typed before Enter to be saved (400 ms) before counting starts. */
const DRAFT_SETTLES_MS = 600;
/** Reads caused by a point's change events land well within this after it shows as saved. */
const ECHOES_SETTLE_MS = 400;

export async function measureCapture(
  dbPath: string,
  runs: number,
  archiveKey: string,
): Promise<CaptureProbe> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundtable-capture-probe-'));
  const copy = path.join(dir, 'roundtable.db');
  // A copy, so the meeting and its points never reach the reference archive.
  fs.copyFileSync(dbPath, copy);
  let calls: string[] | null = null;
  const shell = await openShell({
    dbPath: copy,
    headless: true,
    archiveKey,
    onCall: (channel) => calls?.push(String(channel)),
  });
  try {
    const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
      const answer = await shell.backend.invoke(channel, input);
      if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
      return answer.value as Output<C>;
    };
    const [group] = await call('group.list', {});
    if (!group) throw new Error('The reference archive has no group.');
    const cast = (await call('member.list', { groupId: group.id })).slice(0, 6);
    const [presenter, speaker] = [cast[1], cast[2]];
    if (!presenter || !speaker) throw new Error('The reference group has too few members.');
    const situation = await call('situation.create', {
      groupId: group.id,
      presenterId: presenter.id,
      title: 'How do you build teamwork across account teams?',
    });
    const planned = await call('meeting.plan', {
      groupId: group.id,
      startsAt: Date.now(),
      location: 'Bench',
      attendeeIds: cast.map((m) => m.id),
    });
    const meetingId = planned.meeting.id;
    await call('meeting.start', { meetingId });
    for (const member of cast)
      await call('attendance.mark', { meetingId, memberId: member.id, status: 'present' });
    const chosen = await call('selection.choose', { meetingId, situationIds: [situation.id] });
    const slot = chosen.agenda.find((item) => item.situationId === situation.id);
    if (!slot) throw new Error('The chosen situation has no slot.');
    await call('segment.start', { meetingId, itemId: slot.id });
    for (const phase of ['present', 'clarify', 'advise'] as const)
      await call('phase.start', { meetingId, phase });
    await call('turn.start', { meetingId, memberId: speaker.id });

    const { page } = shell;
    await page.goto(`${RENDERER_URL}#/meetings/${meetingId}`);
    const box = page.getByLabel('Point being typed');
    await box.waitFor({ timeout: 60_000 });
    await page.waitForTimeout(ECHOES_SETTLE_MS);

    const enterToSaved: number[] = [];
    const callsPerEnter: number[] = [];
    const channels: Record<string, number> = {};
    for (let i = 0; i < runs + WARMUP; i++) {
      const text = `Bench point ${i}: share one pipeline review across the account teams.`;
      await box.fill(text);
      await page.waitForTimeout(DRAFT_SETTLES_MS);
      await page.evaluate(watchForSaved(text));
      const seen: string[] = [];
      calls = seen;
      await box.press('Enter');
      const elapsed = await page.waitForFunction(() => {
        const marks = globalThis as unknown as { __enterAt?: number; __savedAt?: number };
        const { __enterAt: enterAt, __savedAt: savedAt } = marks;
        return enterAt !== undefined && savedAt !== undefined ? savedAt - enterAt : null;
      });
      const ms = Number(await elapsed.jsonValue());
      await elapsed.dispose();
      await page.waitForTimeout(ECHOES_SETTLE_MS);
      calls = null;
      if (i < WARMUP) continue;
      enterToSaved.push(ms);
      callsPerEnter.push(seen.length);
      for (const channel of seen) channels[channel] = (channels[channel] ?? 0) + 1;
    }

    // The bare call, over the same bridge, from a page that shows no meeting.
    await page.goto(`${RENDERER_URL}#/bench-bare`);
    await page.waitForTimeout(ECHOES_SETTLE_MS);
    const bareAdd = await page.evaluate<number[]>(
      bareAdds({ situationId: situation.id, authorId: speaker.id, meetingId, count: runs + WARMUP }),
    );
    return { enterToSaved, bareAdd, callsPerEnter, channels };
  } finally {
    await shell.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Page scripts are plain JavaScript as text (see browser-bridge.ts: tsx would add helpers to a function).

/** Notes when Enter is pressed, and when a saved point (not a pending one) shows the text. */
function watchForSaved(body: string): string {
  return `(() => {
  const body = ${JSON.stringify(body)};
  window.__enterAt = undefined;
  window.__savedAt = undefined;
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') window.__enterAt = performance.now();
  }, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (window.__enterAt === undefined) return;
    const saved = [...document.querySelectorAll('[data-point-id]')].some((el) => el.textContent.includes(body));
    if (saved) {
      window.__savedAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
})()`;
}

/** Calls contribution.add over the bridge `count` times; answers the durations after three warm-ups. */
function bareAdds(args: { situationId: string; authorId: string; meetingId: string; count: number }): string {
  return `(async () => {
  const { situationId, authorId, meetingId, count } = ${JSON.stringify(args)};
  const samples = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const answer = await window.api.invoke('contribution.add', {
      situationId, meetingId, parentId: null, authorId, kind: 'advice',
      body: 'Bare point ' + i + ': share one pipeline review across the account teams.',
    });
    if (!answer.ok) throw new Error('contribution.add was refused: ' + answer.error.message);
    if (i >= ${WARMUP}) samples.push(performance.now() - t0);
  }
  return samples;
})()`;
}
