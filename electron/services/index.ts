// Every domain's handlers, merged into the one table the router is typed against.
import type { Handlers } from '../ipc/router';
import { archiveHandlers } from './archive';
import type { ServiceContext } from './context';
import { groupHandlers } from './groups';
import { situationHandlers } from './situations';

export function createHandlers(context: ServiceContext): Handlers {
  return {
    ...groupHandlers(context),
    ...situationHandlers(context),
    ...archiveHandlers(context),
  };
}
