// The names of the IPC channels and push events, as plain data. The preload imports only this file,
// so it stays small and free of zod; shared/contract.ts is typed so the two can never drift apart.

export const CHANNELS = [
  'group.list',
  'group.create',
  'member.list',
  'member.create',
  'situation.create',
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
] as const;

export type Channel = (typeof CHANNELS)[number];

export const EVENTS = ['archive.changed'] as const;

export type EventName = (typeof EVENTS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENTS as readonly string[]).includes(value);
}
