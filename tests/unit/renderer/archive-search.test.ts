// The archive's search in the URL: what a link says is what the archive searches, and back again;
// unknown and malformed values are dropped. And which pages of results the list reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_SORTS, ARCHIVE_STATUSES } from '../../../shared/domain';
import {
  archiveHref,
  NO_SEARCH,
  parseArchiveSearch,
  type ArchiveSearch,
} from '../../../renderer/routing/archive-search';
import { pagesFor } from '../../../renderer/stores/archive-search-store';

const ID = '01a202a2-d266-71de-8c3a-fad680ceb679';
const query = (href: string) => href.replace(/^#\/archive\??/, '');

describe('the archive search in the URL', () => {
  it('writes nothing for no search', () => {
    expect(archiveHref()).toBe('#/archive');
    expect(parseArchiveSearch('')).toEqual(NO_SEARCH);
  });

  it('writes what differs from no search, in a fixed order', () => {
    expect(archiveHref({ tagId: ID, query: 'pricing', status: 'resolved' })).toBe(
      `#/archive?q=pricing&tag=${ID}&status=resolved`,
    );
  });

  it('drops malformed ids, days, statuses and sorts', () => {
    expect(parseArchiveSearch('q=x&tag=42&from=2025-1-1&to=yesterday&status=lost&sort=random')).toEqual({
      ...NO_SEARCH,
      query: 'x',
    });
  });

  it('reads back every search it writes', () => {
    const id = fc.option(fc.uuid(), { nil: null });
    const day = fc.option(
      fc
        .date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      { nil: null },
    );
    const search: fc.Arbitrary<ArchiveSearch> = fc.record({
      query: fc.string(),
      groupId: id,
      tagId: id,
      presenterId: id,
      contributorId: id,
      from: day,
      to: day,
      status: fc.option(fc.constantFrom(...ARCHIVE_STATUSES), { nil: null }),
      sort: fc.constantFrom(...ARCHIVE_SORTS),
    });
    fc.assert(
      fc.property(search, (s) => {
        expect(parseArchiveSearch(query(archiveHref(s)))).toEqual(s);
      }),
    );
  });
});

describe('the pages the result list reads', () => {
  it('always reads the first page, and the pages holding the rows on screen', () => {
    expect(pagesFor(0, 30, 5_000)).toEqual([0]);
    expect(pagesFor(180, 260, 5_000)).toEqual([0, 1, 2]);
    expect(pagesFor(-20, 120, 5_000)).toEqual([0, 1]);
  });

  it('reads no page past the last result', () => {
    expect(pagesFor(0, 400, 150)).toEqual([0, 1]);
    expect(pagesFor(0, 40, 0)).toEqual([0]);
  });
});
