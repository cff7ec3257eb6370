// From the search in the URL to what 'archive.search' takes: days become epoch milliseconds in the
// chair's own time zone, and the end day is included up to its close (the query's 'to' is exclusive).
import { addDays, isValid, parseISO } from 'date-fns';
import type { Input } from '../../../shared/contract';
import { effectiveSort, type ArchiveSearch } from '../../routing/archive-search';

export type ArchiveQuery = Omit<Input<'archive.search'>, 'offset' | 'limit'>;

function startOfDayMs(day: string | null): number | undefined {
  if (day === null) return undefined;
  const date = parseISO(day);
  return isValid(date) ? date.getTime() : undefined;
}

export function toArchiveQuery(search: ArchiveSearch): ArchiveQuery {
  const from = startOfDayMs(search.from);
  const toDay = startOfDayMs(search.to);
  const query: ArchiveQuery = { query: search.query.trim(), sort: effectiveSort(search) };
  if (search.groupId) query.groupId = search.groupId;
  if (search.tagId) query.tagId = search.tagId;
  if (search.presenterId) query.presenterId = search.presenterId;
  if (search.contributorId) query.contributorId = search.contributorId;
  if (from !== undefined) query.from = from;
  if (toDay !== undefined) query.to = addDays(toDay, 1).getTime();
  if (search.status) query.status = search.status;
  return query;
}

/** One string per distinct query, so the page cache knows when it holds another search's rows. */
export function archiveQueryKey(query: ArchiveQuery): string {
  return JSON.stringify([
    query.query,
    query.sort,
    query.groupId,
    query.tagId,
    query.presenterId,
    query.contributorId,
    query.from,
    query.to,
    query.status,
  ]);
}
