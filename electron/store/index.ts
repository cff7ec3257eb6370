// The store: one set of prepared queries per aggregate over the single connection.
import { archiveQueries } from './archive';
import { commitmentQueries } from './commitments';
import { contributionQueries } from './contributions';
import type { Db } from './database';
import { groupQueries } from './groups';
import { memberQueries } from './members';
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
  };
}

export type Store = ReturnType<typeof createStore>;
