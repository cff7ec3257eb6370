// Capture: a point shows as pending while contribution.add is on its way and never as saved before
// it answers; once saved it is in the thread once, whatever a re-read brought meanwhile; a phase
// rule's refusal is told apart from any other failure.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoundtableBridge } from '../../../shared/bridge';
import type { ContributionView, SituationThread } from '../../../shared/domain';
import type { Envelope } from '../../../shared/errors';
import { createServerCache, serverKey } from '../../../renderer/api/server-state';
import { withPoint } from '../../../renderer/api/writes';
import { captureWrites, useCaptureStore } from '../../../renderer/stores/capture-store';

const S1 = 'situation-1';
const threadKey = serverKey('situation.get', { id: S1 });

let reply: (channel: string, input: unknown) => Promise<Envelope<unknown>>;

beforeEach(() => {
  const api: RoundtableBridge = {
    invoke: (channel, input) => reply(channel, input),
    on: () => () => undefined,
  };
  vi.stubGlobal('window', { api });
  useCaptureStore.setState({ situationId: null, pending: [], removed: null, error: null });
  useCaptureStore.getState().focus(S1);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function point(id: string, body = `Point ${id}`): ContributionView {
  return {
    id,
    situationId: S1,
    parentId: null,
    authorId: 'ana',
    kind: 'advice',
    body,
    position: 0,
    createdAt: 1,
    authorName: 'Ana Ruiz',
    endorsedBy: [],
  };
}

const emptyThread = {
  situation: { id: S1 },
  contributions: [],
  tags: [],
  commitments: [],
} as unknown as SituationThread;
const newPoint = {
  meetingId: 'meeting-1',
  parentId: null,
  authorId: 'ana',
  authorName: 'Ana Ruiz',
  kind: 'advice' as const,
  body: 'Share one pipeline review.',
};

describe('adding a point', () => {
  it('shows it pending until contribution.add answers, then saved in the thread, pending gone', async () => {
    const client = createServerCache();
    client.setQueryData(threadKey, emptyThread);
    let answer!: (envelope: Envelope<unknown>) => void;
    reply = () => new Promise((resolve) => (answer = resolve));
    const adding = captureWrites(client).addPoint(newPoint);
    expect(useCaptureStore.getState().pending).toMatchObject([
      { body: newPoint.body, authorName: 'Ana Ruiz' },
    ]);
    expect(client.getQueryData<SituationThread>(threadKey)?.contributions).toEqual([]);
    const { authorName: _name, endorsedBy: _none, ...saved } = point('p1', newPoint.body);
    answer({ ok: true, value: saved });
    await expect(adding).resolves.toEqual({ ok: true });
    expect(useCaptureStore.getState().pending).toEqual([]);
    expect(client.getQueryData<SituationThread>(threadKey)?.contributions).toEqual([
      point('p1', newPoint.body),
    ]);
  });

  it('keeps a point a re-read already brought once', () => {
    const thread = withPoint(emptyThread, point('p1'));
    expect(withPoint(thread, point('p1'))).toBe(thread);
    expect(withPoint(thread, point('p2')).contributions.map((c) => c.id)).toEqual(['p1', 'p2']);
  });

  it('says a phase rule refused it, drops the pending point and saves nothing', async () => {
    const client = createServerCache();
    client.setQueryData(threadKey, emptyThread);
    reply = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'PHASE_RULE', message: 'Advice waits for the Advise phase.' },
      });
    const result = await captureWrites(client).addPoint(newPoint);
    expect(result).toEqual({ ok: false, ruleRefused: true, message: 'Advice waits for the Advise phase.' });
    expect(useCaptureStore.getState().pending).toEqual([]);
    expect(client.getQueryData<SituationThread>(threadKey)?.contributions).toEqual([]);
  });

  it('tells any other failure as a failure, not as a rule', async () => {
    reply = () => Promise.resolve({ ok: false, error: { code: 'VALIDATION', message: 'Who said it?' } });
    const result = await captureWrites(createServerCache()).addPoint(newPoint);
    expect(result).toEqual({ ok: false, ruleRefused: false, message: 'Who said it?' });
  });

  it('keeps pending points apart when two are on their way at once', async () => {
    const client = createServerCache();
    const answers: ((envelope: Envelope<unknown>) => void)[] = [];
    reply = () => new Promise((resolve) => answers.push(resolve));
    const writes = captureWrites(client);
    const first = writes.addPoint({ ...newPoint, body: 'First' });
    const second = writes.addPoint({ ...newPoint, body: 'Second' });
    expect(useCaptureStore.getState().pending.map((p) => p.body)).toEqual(['First', 'Second']);
    const { authorName: _a, endorsedBy: _e, ...saved } = point('p1', 'First');
    answers[0]?.({ ok: true, value: saved });
    await first;
    expect(useCaptureStore.getState().pending.map((p) => p.body)).toEqual(['Second']);
    answers[1]?.({ ok: true, value: { ...saved, id: 'p2', body: 'Second' } });
    await second;
    expect(useCaptureStore.getState().pending).toEqual([]);
  });
});

describe('the situation being captured', () => {
  it('starts afresh for another situation: no pending point or undo carries over', () => {
    useCaptureStore.setState({ removed: { id: 'p1', body: 'x' } });
    useCaptureStore.getState().focus(S1);
    expect(useCaptureStore.getState().removed).not.toBeNull();
    useCaptureStore.getState().focus('situation-2');
    expect(useCaptureStore.getState()).toMatchObject({
      situationId: 'situation-2',
      pending: [],
      removed: null,
    });
  });
});
