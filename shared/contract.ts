// The IPC contract: each channel's zod input schema and its output type, merged from one map per
// domain. The router's handler table, the preload's channel list and the renderer's typed client are
// all derived from it.
import type { z } from 'zod';
import type { Channel, EventName } from './channels';
import { archiveChannels } from './contract-archive';
import { exportChannels } from './contract-exports';
import type { ChannelSpec } from './contract-fields';
import { meetingChannels } from './contract-meetings';
import { vaultChannels } from './contract-vault';

export { idSchema } from './contract-fields';
export { archiveQuerySchema } from './contract-archive';
export { ROUND_ACTIONS } from './contract-meetings';

export const contract = {
  ...archiveChannels,
  ...meetingChannels,
  ...exportChannels,
  ...vaultChannels,
} satisfies { [C in Channel]: ChannelSpec<z.ZodType, unknown> };

export type Contract = typeof contract;
/** What the renderer passes (defaults may be left out). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = Contract[C]['output'];

/** Push events from the backend to the renderer, by name. */
export interface EventMap {
  'archive.changed': { situationId: string };
  /** Any write to a meeting: the chair's window and the presenter view re-read it. */
  'meeting.changed': { meetingId: string };
  /** A long export, per situation. */
  'export.progress': { done: number; total: number };
  /** A digest import, per chunk of posts. */
  'import.progress': { done: number; total: number };
}

export type EventPayload<E extends EventName> = EventMap[E];

// Fails to compile when shared/channels.ts and EventMap disagree about which events exist.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type EventNamesMatch = Assert<SameKeys<keyof EventMap, EventName>>;
