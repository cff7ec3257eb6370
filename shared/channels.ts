// The names of the IPC channels and push events, as plain data. The preload imports only this file,
// so it stays small and free of zod; shared/contract.ts is typed so the two can never drift apart.

export const CHANNELS = [
  'group.list',
  'group.create',
  'member.list',
  'member.create',
  'situation.create',
  'situation.update',
  'situation.list',
  'situation.get',
  'contribution.add',
  'archive.search',
  'archive.related',
  'member.lens',
  'tag.list',
  'tag.rename',
  'tag.merge',
  'situation.tag',
  'situation.untag',
  // Live meetings
  'meeting.plan',
  'meeting.list',
  'meeting.get',
  'meeting.start',
  'meeting.close',
  'meeting.reopen',
  'attendance.mark',
  'template.list',
  'template.save',
  'agenda.fromTemplate',
  'agenda.reorder',
  'agenda.update',
  'agenda.add',
  'agenda.remove',
  'situation.prioritize',
  'vote.record',
  'selection.choose',
  'segment.start',
  'phase.start',
  'timer.pause',
  'timer.resume',
  'turn.start',
  'turn.end',
  'round.order',
  'airtime.list',
  'contribution.edit',
  'contribution.remove',
  'contribution.restore',
  'contribution.endorse',
  'contribution.unendorse',
  'draft.save',
  'draft.list',
  'draft.discard',
  'commitment.add',
  'commitment.review',
  'followup.list',
  'wrapup.record',
  // Exports, imports, packs and backups
  'export.notes',
  'export.digest',
  'export.save',
  'import.preview',
  'import.digest',
  'pack.export',
  'pack.import',
  'pack.open',
  'backup.create',
  'backup.list',
  'backup.restore',
  // Unlocking the archive
  'vault.status',
  'vault.create',
  'vault.unlock',
  'vault.recoveryKey',
  'vault.recoveryKeyDone',
  'vault.discardPlaintext',
] as const;

export type Channel = (typeof CHANNELS)[number];

/**
 * Channels the host answers (Electron's main process, or the browser shell) rather than the backend
 * worker: they need a window, a dialog or a printer, which the worker has none of, or they unlock
 * the archive before the worker can open it.
 */
export const HOST_CHANNELS = [
  'export.save',
  'vault.status',
  'vault.create',
  'vault.unlock',
  'vault.recoveryKey',
  'vault.recoveryKeyDone',
  'vault.discardPlaintext',
] as const satisfies readonly Channel[];

export type HostChannel = (typeof HOST_CHANNELS)[number];
/** The channels the backend worker answers. */
export type BackendChannel = Exclude<Channel, HostChannel>;

export function isHostChannel(value: unknown): value is HostChannel {
  return typeof value === 'string' && (HOST_CHANNELS as readonly string[]).includes(value);
}

export const EVENTS = ['archive.changed', 'meeting.changed', 'export.progress', 'import.progress'] as const;

export type EventName = (typeof EVENTS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENTS as readonly string[]).includes(value);
}
