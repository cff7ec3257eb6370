// The renderer's one layer for what the archive holds (docs/architecture.md "Renderer data layer"):
// every read is a query keyed by its channel and input, every write goes through `write`, and each
// change event re-reads only the queries that depend on what it says changed, and only those on
// screen. A window's own write puts its answer in the cache, and the echo of that write re-reads
// nothing the answer already gave.
import { QueryClient, queryOptions, type Query, type QueryKey } from '@tanstack/react-query';
import type { Channel, EventName } from '../../shared/channels';
import type { ArchiveChange, ArchiveRecord, EventMap, Input, Output } from '../../shared/contract';
import { invoke, onEvent } from './client';

/** The channels the renderer reads through queries, and what each depends on. */
export const READ_CHANNELS = [
  'group.list',
  'member.list',
  'member.lens',
  'situation.list',
  'situation.get',
  'archive.search',
  'archive.related',
  'tag.list',
  'meeting.list',
  'meeting.get',
  'template.list',
  'airtime.list',
  'followup.list',
  'draft.list',
  'backup.list',
] as const satisfies readonly Channel[];

export type ReadChannel = (typeof READ_CHANNELS)[number];
export type ServerKey<C extends ReadChannel> = readonly [C, Input<C>];

/** A change the backend announced, as one value. */
export type Change =
  | { event: 'archive.changed'; payload: ArchiveChange }
  | { event: 'meeting.changed'; payload: EventMap['meeting.changed'] };

/** The key of a read: its channel and its input, as the contract types them. */
export function serverKey<C extends ReadChannel>(channel: C, input: Input<C>): ServerKey<C> {
  return [channel, input] as const;
}

/** A read as query options: the one place a query's key and its call are made. */
export function serverQuery<C extends ReadChannel>(channel: C, input: Input<C>) {
  return queryOptions<Output<C>, Error, Output<C>, ServerKey<C>>({
    queryKey: serverKey(channel, input),
    queryFn: () => invoke(channel, input),
  });
}

// ── What each read depends on ────────────────────────────────────────────────────────────────────

type Depends<C extends ReadChannel> = (
  change: Change,
  input: Input<C>,
  data: Output<C> | undefined,
) => boolean;

function touches(change: Change, ...records: ArchiveRecord[]): boolean {
  return change.event === 'archive.changed' && change.payload.records.some((r) => records.includes(r));
}

function namesSituation(change: Change, situationId: string): boolean {
  if (change.event !== 'archive.changed') return false;
  const { situationIds } = change.payload;
  return situationIds === 'all' || situationIds.includes(situationId);
}

function changesMeeting(change: Change, meetingId: string): boolean {
  return change.event === 'meeting.changed' && change.payload.meetingId === meetingId;
}

const NOTHING = () => false;

/**
 * Which changes make a read stale. Reads that no event speaks of (templates, drafts, backups) change
 * only by this window's own writes, which refresh them with their answers.
 */
export const DEPENDS: { [C in ReadChannel]: Depends<C> } = {
  'group.list': (c) => touches(c, 'group'),
  'member.list': (c) => touches(c, 'member'),
  // What a member presented, the advice they gave and its endorsements.
  'member.lens': (c) => touches(c, 'member', 'situation', 'contribution', 'commitment'),
  // Summaries show the presenter, the status and the number of points of advice.
  'situation.list': (c) => touches(c, 'situation', 'contribution'),
  // A thread is the situation's own records; a renamed or merged tag names every situation.
  'situation.get': (c, { id }) => namesSituation(c, id),
  'archive.search': (c) => touches(c, 'situation', 'contribution', 'tag', 'commitment'),
  'archive.related': (c) => touches(c, 'situation', 'contribution', 'tag'),
  'tag.list': (c) => touches(c, 'tag'),
  'meeting.list': (c) => c.event === 'meeting.changed',
  // The meeting's own version says whether this view is older; its parking lot lists situations.
  'meeting.get': (c, { meetingId }, view) =>
    (changesMeeting(c, meetingId) &&
      c.event === 'meeting.changed' &&
      c.payload.version > (view?.version ?? -1)) ||
    touches(c, 'situation'),
  'template.list': NOTHING,
  'airtime.list': (c, { meetingId }) => changesMeeting(c, meetingId),
  // Open commitments and the advice that helped.
  'followup.list': (c, { meetingId }) =>
    changesMeeting(c, meetingId) || touches(c, 'commitment', 'contribution'),
  'draft.list': NOTHING,
  'backup.list': NOTHING,
};

function isReadChannel(value: unknown): value is ReadChannel {
  return typeof value === 'string' && (READ_CHANNELS as readonly string[]).includes(value);
}

/** Whether a cached read depends on a change; `except` lists keys a write of this window answered. */
export function dependsOn(query: Pick<Query, 'queryKey' | 'state'>, change: Change): boolean {
  const [channel, input] = query.queryKey;
  if (!isReadChannel(channel)) return false;
  const depends = DEPENDS[channel] as (change: Change, input: unknown, data: unknown) => boolean;
  return depends(change, input, query.state.data);
}

// ── Changes, and the echoes of this window's own writes ─────────────────────────────────────────

/** What a write of this window tells the layer: the echo it expects, and the keys it answered. */
export interface WriteSpec<C extends Channel> {
  /** Puts the answer into the cache (setQueryData); the keys it wrote are not read again. */
  answer?: (client: QueryClient, output: Output<C>, input: Input<C>) => QueryKey[];
  /** Whether a change event is this write's own echo (by default: none is). */
  echo?: (change: Change, output: Output<C>, input: Input<C>) => boolean;
  /** Keys to read again once the write is done (for writes no event speaks of). */
  refresh?: (output: Output<C>, input: Input<C>) => QueryKey[];
}

interface Explanation {
  matches: (change: Change) => boolean;
  answered: QueryKey[];
  expires: number;
}

/** How long an echo may trail the answer of the write that caused it. */
const ECHO_WINDOW_MS = 1_000;

/**
 * The feed of change events for one cache. While a write of this window is on its way, events wait:
 * the backend announces a change before it answers, and the answer says which of them are its echo.
 */
export class ChangeFeed {
  private writing = 0;
  private held: Change[] = [];
  private explanations: Explanation[] = [];

  constructor(
    private readonly client: QueryClient,
    private readonly clock: () => number = Date.now,
  ) {}

  receive(change: Change): void {
    if (this.writing > 0) this.held.push(change);
    else this.apply(change);
  }

  /** Runs one write of this window, holding events until it is answered. */
  async write<C extends Channel>(
    channel: C,
    input: Input<C>,
    spec: WriteSpec<C> = {},
    call: (channel: C, input: Input<C>) => Promise<Output<C>> = invoke,
  ): Promise<Output<C>> {
    this.writing++;
    try {
      const output = await call(channel, input);
      const answered = spec.answer?.(this.client, output, input) ?? [];
      const { echo } = spec;
      if (echo) {
        this.explanations.push({
          matches: (change) => echo(change, output, input),
          answered,
          expires: this.clock() + ECHO_WINDOW_MS,
        });
      }
      for (const key of spec.refresh?.(output, input) ?? []) {
        void this.client.invalidateQueries({ queryKey: key, refetchType: 'active' });
      }
      return output;
    } finally {
      this.writing--;
      if (this.writing === 0) this.release();
    }
  }

  private release(): void {
    const held = this.held;
    this.held = [];
    for (const change of held) this.apply(change);
  }

  /** Marks stale every cached read the change concerns, and reads again those on screen. */
  apply(change: Change): void {
    const now = this.clock();
    this.explanations = this.explanations.filter((e) => e.expires > now);
    const index = this.explanations.findIndex((e) => e.matches(change));
    const answered = index >= 0 ? (this.explanations.splice(index, 1)[0]?.answered ?? []) : [];
    const skip = new Set(
      answered.map((key) => this.client.getQueryCache().find({ queryKey: key, exact: true })),
    );
    void this.client.invalidateQueries({
      predicate: (query) => !skip.has(query) && dependsOn(query, change),
      refetchType: 'active',
    });
  }
}

const feeds = new WeakMap<QueryClient, ChangeFeed>();

export function feedOf(client: QueryClient): ChangeFeed {
  let feed = feeds.get(client);
  if (!feed) {
    feed = new ChangeFeed(client);
    feeds.set(client, feed);
  }
  return feed;
}

/** The cache of one window. Freshness comes from change events, so nothing goes stale by age. */
export function createServerCache(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { retry: false },
    },
  });
}

const CHANGE_EVENTS = ['archive.changed', 'meeting.changed'] as const satisfies readonly EventName[];

/** Subscribes the cache to the backend's change events; returns how to stop. */
export function followChanges(client: QueryClient): () => void {
  const feed = feedOf(client);
  const stops = CHANGE_EVENTS.map((event) =>
    onEvent(event, (payload) => feed.receive({ event, payload } as Change)),
  );
  return () => stops.forEach((stop) => stop());
}

/** Runs a write of this window through the cache's feed (see ChangeFeed). */
export function write<C extends Channel>(
  client: QueryClient,
  channel: C,
  input: Input<C>,
  spec?: WriteSpec<C>,
): Promise<Output<C>> {
  return feedOf(client).write(channel, input, spec);
}
