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

/** The kinds of archive records a write can change. */
export const ARCHIVE_RECORDS = ['group', 'member', 'situation', 'contribution', 'tag', 'commitment'] as const;
export type ArchiveRecord = (typeof ARCHIVE_RECORDS)[number];

/**
 * What a write to the archive changed, so each window re-reads only what depends on it
 * (docs/architecture.md "Renderer data layer"). A situation's own records (its points, tags and
 * commitments) name it in `situationIds`; a write too broad to list (an import, a merged pack, a
 * renamed tag) says 'all'.
 */
export interface ArchiveChange {
  records: ArchiveRecord[];
  situationIds: string[] | 'all';
}

/** A bulk write (an import, a merged pack): any record may have changed. */
export const ANYTHING_CHANGED: ArchiveChange = { records: [...ARCHIVE_RECORDS], situationIds: 'all' };

/** Push events from the backend to the renderer, by name. */
export interface EventMap {
  'archive.changed': ArchiveChange;
  /**
   * A write that changed a meeting's view (MeetingView), with the view's version after it: a window
   * holding that version already, from its own write, does not read it again.
   */
  'meeting.changed': { meetingId: string; version: number };
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
