// The store: one set of prepared queries per aggregate over the single connection.
import { contributionQueries } from './contributions';
import type { Db } from './database';
import { groupQueries } from './groups';
import { memberQueries } from './members';
import { situationQueries } from './situations';

export function createStore(db: Db) {
  return {
    db,
    groups: groupQueries(db),
    members: memberQueries(db),
    situations: situationQueries(db),
    contributions: contributionQueries(db),
  };
}

export type Store = ReturnType<typeof createStore>;
