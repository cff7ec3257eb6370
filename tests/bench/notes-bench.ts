// Session notes of a full meeting: ten situations processed through every phase (questions, a
// nested advice tree with +1s, the presenter's reflection, commitments), the follow-up of the last
// meeting's commitments, and everyone's rating. The meeting is run through the router on a copy of
// the reference archive, in its first group, and its Markdown notes are timed through the same
// handler the app calls, full and anonymized. The budget is 50 ms; the baseline is reading the same
// meeting's view.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRouter, type Route } from '../../electron/ipc/router';
import { createHandlers } from '../../electron/services';
import { createStore } from '../../electron/store';
import { openKeyed } from '../../electron/store/cipher';
import { openDatabase, type Db } from '../../electron/store/database';
import type { Phase } from '../../shared/domain';
import { TEST_KEY } from '../harness/test-key';
import { createArchiveGenerator } from './archive-generator';
import { summarize, timeAsync, type Measure } from './measure';

export const NOTES_SITUATIONS = 10;
const DAY = 86_400_000;

interface View {
  meeting: { id: string };
  agenda: { id: string; situationId: string | null }[];
}

async function call<T>(route: Route, channel: string, input: unknown): Promise<T> {
  const result = await route(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Plans and starts a meeting of the whole group, everyone present. */
async function startMeeting(route: Route, groupId: string, memberIds: string[], startsAt: number) {
  const planned = await call<View>(route, 'meeting.plan', { groupId, startsAt, location: 'The bench room' });
  const meetingId = planned.meeting.id;
  await call(route, 'meeting.start', { meetingId });
  for (const memberId of memberIds) {
    await call(route, 'attendance.mark', { meetingId, memberId, status: 'present' });
  }
  return meetingId;
}

/** Processes each situation through the five phases in order, as a chair does, without overrides. */
async function processAll(
  route: Route,
  meetingId: string,
  situations: { id: string; presenterId: string }[],
  memberIds: string[],
  gen: ReturnType<typeof createArchiveGenerator>,
): Promise<{ commitmentIds: string[]; adviceIds: Map<string, string[]> }> {
  let view = await call<View>(route, 'selection.choose', {
    meetingId,
    situationIds: situations.map((s) => s.id),
  });
  const commitmentIds: string[] = [];
  const adviceIds = new Map<string, string[]>();
  for (const [index, situation] of situations.entries()) {
    const slot = view.agenda.find((item) => item.situationId === situation.id);
    if (!slot) throw new Error('a chosen situation has no slot');
    view = await call<View>(route, 'segment.start', { meetingId, itemId: slot.id });
    const others = memberIds.filter((id) => id !== situation.presenterId);
    const phase = (p: Phase) => call(route, 'phase.start', { meetingId, phase: p });
    const point = (authorId: string, kind: string, body: string, parentId: string | null = null) =>
      call<{ id: string }>(route, 'contribution.add', {
        situationId: situation.id,
        meetingId,
        authorId,
        kind,
        body,
        parentId,
      });
    await phase('present');
    await phase('clarify');
    for (let q = 0; q < 3; q++) await point(others[(index + q) % others.length]!, 'question', gen.question());
    await phase('advise');
    const advice: string[] = [];
    for (let a = 0; a < 6; a++) {
      const top = await point(others[(index + a) % others.length]!, 'advice', gen.advice());
      advice.push(top.id);
      if (a % 2 === 0) {
        const sub = await point(others[(index + a + 3) % others.length]!, 'advice', gen.advice(), top.id);
        await point(others[(index + a + 5) % others.length]!, 'experience', gen.advice(), sub.id);
      }
      for (let e = 1; e <= a % 3; e++) {
        const memberId = others[(index + a + e) % others.length]!;
        await call(route, 'contribution.endorse', { contributionId: top.id, memberId });
      }
    }
    adviceIds.set(situation.id, advice);
    await phase('reflect');
    await point(situation.presenterId, 'observation', 'I heard three things: listen first, decide fast.');
    await point(situation.presenterId, 'observation', 'And that I am too close to it.');
    await phase('commit');
    for (let k = 0; k < 2; k++) {
      const made = await call<{ id: string }>(route, 'commitment.add', {
        meetingId,
        situationId: situation.id,
        ownerId: situation.presenterId,
        body: `Talk to the leadership team about step ${k + 1} and report back.`,
        dueDate: '2031-06-30',
      });
      commitmentIds.push(made.id);
    }
  }
  return { commitmentIds, adviceIds };
}

async function newSituations(
  route: Route,
  groupId: string,
  memberIds: string[],
  count: number,
  gen: ReturnType<typeof createArchiveGenerator>,
) {
  const made: { id: string; presenterId: string }[] = [];
  for (let i = 0; i < count; i++) {
    const presenterId = memberIds[i % memberIds.length]!;
    const topic = gen.topic();
    const s = await call<{ id: string }>(route, 'situation.create', {
      groupId,
      presenterId,
      title: gen.question(topic),
      background: gen.background(topic),
    });
    await call(route, 'situation.tag', { situationId: s.id, name: i % 2 ? 'Strategy' : 'People' });
    made.push({ id: s.id, presenterId });
  }
  return made;
}

/**
 * Builds the bench meeting in `db`: a first meeting that leaves three commitments, then the meeting
 * whose notes are timed, which reviews them, processes ten situations and is rated and closed.
 */
async function buildMeeting(db: Db, route: Route): Promise<string> {
  const group = db.prepare<[], { id: string }>(`SELECT id FROM groups ORDER BY created_at, id LIMIT 1`).get();
  if (!group) throw new Error('The reference archive has no group.');
  const memberIds = db
    .prepare<[string], { id: string }>(`SELECT id FROM members WHERE group_id = ? ORDER BY created_at, id`)
    .all(group.id)
    .map((m) => m.id);
  const gen = createArchiveGenerator(11);
  const now = Date.now();

  const earlier = await startMeeting(route, group.id, memberIds, now - 28 * DAY);
  const before = await processAll(
    route,
    earlier,
    await newSituations(route, group.id, memberIds, 2, gen),
    memberIds,
    gen,
  );
  await call(route, 'meeting.close', { meetingId: earlier });

  const meetingId = await startMeeting(route, group.id, memberIds, now);
  const helped = [...before.adviceIds.values()].flat();
  for (const [i, commitmentId] of before.commitmentIds.entries()) {
    await call(route, 'commitment.review', {
      meetingId,
      commitmentId,
      outcome: i % 2 ? 'partly' : 'done',
      text: 'We did it; the team took it further than planned.',
      helpedContributionIds: i === 0 ? helped.slice(0, 2) : [],
    });
  }
  await processAll(
    route,
    meetingId,
    await newSituations(route, group.id, memberIds, NOTES_SITUATIONS, gen),
    memberIds,
    gen,
  );
  for (const [i, memberId] of memberIds.entries()) {
    await call(route, 'wrapup.record', {
      meetingId,
      memberId,
      takeaway: i % 3 ? 'Listen before deciding.' : '',
      rating: 7 + (i % 4),
    });
  }
  await call(route, 'meeting.close', { meetingId });
  return meetingId;
}

/** Times the Markdown notes; writes the same meeting's full HTML notes to `htmlOut` for the PDF probe. */
export async function benchNotes(
  file: string,
  log: (line: string) => void,
  htmlOut?: string,
): Promise<Measure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundtable-notes-bench-'));
  try {
    // A copy, so the reference archive stays as it was for the next run: written by SQLite, encrypted
    // under the same key (the backup API cannot write an encrypted copy).
    const copy = path.join(dir, 'notes-bench.db');
    const source = openKeyed(file, TEST_KEY, { readonly: true });
    source.prepare('VACUUM INTO ?').run(copy);
    source.close();
    const db = await openDatabase(copy, { key: TEST_KEY, quickCheck: false });
    try {
      const route = createRouter(createHandlers({ store: createStore(db), emit: () => undefined }));
      const meetingId = await buildMeeting(db, route);
      const notes = (level: 'full' | 'anonymized') => async () => {
        const result = await call<{ content: string; situationCount: number }>(route, 'export.notes', {
          meetingId,
          format: 'markdown',
          level,
        });
        if (result.situationCount !== NOTES_SITUATIONS) throw new Error('the notes left situations out');
        return result.content.length;
      };
      log(`  notes of the bench meeting: ${await notes('full')()} characters of Markdown`);
      if (htmlOut) {
        const html = await call<{ content: string }>(route, 'export.notes', {
          meetingId,
          format: 'html',
          level: 'full',
        });
        fs.writeFileSync(htmlOut, html.content, { mode: 0o600 });
      }
      const runs = 200;
      const full = summarize(await timeAsync(notes('full'), runs));
      const anonymized = summarize(await timeAsync(notes('anonymized'), runs));
      const view = summarize(await timeAsync(() => call(route, 'meeting.get', { meetingId }), runs));
      const baseline = `reading the meeting's view (median ${view.median.toFixed(2)} ms)`;
      return [
        {
          name: `Markdown notes of a ${NOTES_SITUATIONS}-situation meeting, full`,
          ...full,
          unit: 'ms',
          budget: '≤ 50 ms',
          ratio: full.median / view.median,
          baseline,
        },
        {
          name: `Markdown notes of a ${NOTES_SITUATIONS}-situation meeting, anonymized`,
          ...anonymized,
          unit: 'ms',
          budget: '≤ 50 ms',
          ratio: anonymized.median / view.median,
          baseline,
        },
      ];
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
