// The store: one set of prepared queries per aggregate over the single connection.
import { archiveQueries } from './archive';
import { agendaQueries } from './agenda';
import { commitmentQueries } from './commitments';
import { contributionQueries } from './contributions';
import type { Db } from './database';
import { draftQueries } from './drafts';
import { exportQueries } from './exports';
import { facilitationQueries } from './facilitation';
import { groupQueries } from './groups';
import { importQueries } from './imports';
import { meetingQueries } from './meetings';
import { memberQueries } from './members';
import { parkingLotQueries } from './parking-lot';
import { situationQueries } from './situations';
import { tagQueries } from './tags';

export function createStore(db: Db) {
  return {
    db,
    groups: groupQueries(db),
    members: memberQueries(db),
    situations: situationQueries(db),
    contributions: contributionQueries(db),
    commitments: commitmentQueries(db),
    tags: tagQueries(db),
    archive: archiveQueries(db),
    meetings: meetingQueries(db),
    agenda: agendaQueries(db),
    parkingLot: parkingLotQueries(db),
    facilitation: facilitationQueries(db),
    drafts: draftQueries(db),
    exports: exportQueries(db),
    imports: importQueries(db),
  };
}

export type Store = ReturnType<typeof createStore>;
