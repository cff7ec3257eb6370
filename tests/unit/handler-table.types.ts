// Compile-time checks, run by `npm run typecheck`: the handler table must cover every channel with
// the right shape. Each @ts-expect-error fails the build if the mistake below it ever compiles.
import type { Handlers } from '../../electron/ipc/router';
import type { Group } from '../../shared/domain';

declare const complete: Handlers;

// @ts-expect-error a table without 'group.list' is not a Handlers
export const missingHandler: Handlers = { ...complete, 'group.list': undefined };

export const wrongOutput: Handlers = {
  ...complete,
  // @ts-expect-error group.create must return a Group, not a string
  'group.create': () => 'not a group',
};

export const wrongInput: Handlers = {
  ...complete,
  // @ts-expect-error member.list receives { groupId }, which has no 'name'
  'member.list': ({ name }: { name: string }) => [name],
};

export const rightShape: Handlers = {
  ...complete,
  'group.create': ({ name }): Group => ({ id: 'id', name, createdAt: 0 }),
};
