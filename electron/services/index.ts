// Every domain's handlers, merged into the one table the router is typed against.
import type { Handlers } from '../ipc/router';
import { agendaHandlers } from './agenda';
import { backupHandlers } from './backups';
import { digestImportHandlers } from './digest-import';
import { exportHandlers } from './export';
import { packHandlers } from './packs';
import { archiveHandlers } from './archive';
import { captureHandlers } from './capture';
import { commitmentHandlers } from './commitments';
import type { ServiceContext } from './context';
import { facilitationHandlers } from './facilitation';
import { groupHandlers } from './groups';
import { meetingHandlers } from './meetings';
import { parkingLotHandlers } from './parking-lot';
import { situationHandlers } from './situations';

export function createHandlers(context: ServiceContext): Handlers {
  return {
    ...groupHandlers(context),
    ...situationHandlers(context),
    ...archiveHandlers(context),
    ...meetingHandlers(context),
    ...agendaHandlers(context),
    ...parkingLotHandlers(context),
    ...facilitationHandlers(context),
    ...captureHandlers(context),
    ...commitmentHandlers(context),
    ...exportHandlers(context),
    ...digestImportHandlers(context),
    ...packHandlers(context),
    ...backupHandlers(context),
  };
}
