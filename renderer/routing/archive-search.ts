// The archive's search box and filters as they live in the URL hash (#/archive?q=…&tag=…&from=…),
// so back and forward work and a reload restores them. Unknown or malformed values are dropped.
import { ARCHIVE_SORTS, ARCHIVE_STATUSES, type ArchiveSort, type ArchiveStatus } from '../../shared/domain';

export interface ArchiveSearch {
  query: string;
  groupId: string | null;
  tagId: string | null;
  presenterId: string | null;
  contributorId: string | null;
  /** First day included, as the date input gives it: YYYY-MM-DD. */
  from: string | null;
  /** Last day included, YYYY-MM-DD; the search ends at the close of that day. */
  to: string | null;
  status: ArchiveStatus | null;
  /** The sort asked for; without a query the archive is always in date order. */
  sort: ArchiveSort;
}

export const NO_SEARCH: ArchiveSearch = {
  query: '',
  groupId: null,
  tagId: null,
  presenterId: null,
  contributorId: null,
  from: null,
  to: null,
  status: null,
  sort: 'relevance',
};

const PARAM_NAMES = {
  query: 'q',
  groupId: 'group',
  tagId: 'tag',
  presenterId: 'presenter',
  contributorId: 'contributor',
  from: 'from',
  to: 'to',
  status: 'status',
  sort: 'sort',
} as const satisfies Record<keyof ArchiveSearch, string>;

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(choices: readonly T[], value: string | null): T | null {
  return choices.find((choice) => choice === value) ?? null;
}

function matching(pattern: RegExp, value: string | null): string | null {
  return value !== null && pattern.test(value) ? value : null;
}

export function parseArchiveSearch(queryString: string): ArchiveSearch {
  const params = new URLSearchParams(queryString);
  const get = (key: keyof ArchiveSearch) => params.get(PARAM_NAMES[key]);
  return {
    query: get('query') ?? '',
    groupId: matching(ID, get('groupId')),
    tagId: matching(ID, get('tagId')),
    presenterId: matching(ID, get('presenterId')),
    contributorId: matching(ID, get('contributorId')),
    from: matching(DAY, get('from')),
    to: matching(DAY, get('to')),
    status: oneOf(ARCHIVE_STATUSES, get('status')),
    sort: oneOf(ARCHIVE_SORTS, get('sort')) ?? 'relevance',
  };
}

/** The hash of an archive search; only what differs from no search is written, in a fixed order. */
export function archiveHref(search: Partial<ArchiveSearch> = {}): string {
  const full = { ...NO_SEARCH, ...search };
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAM_NAMES) as (keyof ArchiveSearch)[]) {
    const value = full[key];
    if (value !== null && value !== NO_SEARCH[key]) params.set(PARAM_NAMES[key], value);
  }
  const text = params.toString();
  return text ? `#/archive?${text}` : '#/archive';
}

/** The sort the archive really uses: relevance only means something when there is a query. */
export function effectiveSort(search: ArchiveSearch): ArchiveSort {
  return search.query.trim() === '' ? 'date' : search.sort;
}

export function hasFilters(search: ArchiveSearch): boolean {
  return (
    search.groupId !== null ||
    search.tagId !== null ||
    search.presenterId !== null ||
    search.contributorId !== null ||
    search.from !== null ||
    search.to !== null ||
    search.status !== null
  );
}
