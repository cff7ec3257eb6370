// What the archive says when it has nothing to list: nothing in it yet, or nothing that matches.
import type { ArchiveSearch } from '../../routing/archive-search';
import { hrefTo } from '../../routing/hash-route';
import { EmptyState } from '../../ui/messages';

interface ArchiveEmptyProps {
  search: ArchiveSearch;
  filtered: boolean;
  onClearFilters: () => void;
}

export function ArchiveEmpty({ search, filtered, onClearFilters }: ArchiveEmptyProps) {
  const query = search.query.trim();
  if (query === '' && !filtered) {
    return (
      <EmptyState title="The archive is empty.">
        <p>
          Situations appear here as soon as a member brings one to the{' '}
          <a href={hrefTo({ page: 'meetings' })}>parking lot</a>, with everything said about them.
        </p>
      </EmptyState>
    );
  }
  const clear = filtered && (
    <button type="button" className="button link" onClick={onClearFilters}>
      Search without the filters
    </button>
  );
  if (query === '') {
    return (
      <EmptyState title="No situations match these filters.">
        <p>Widen the date range or choose fewer filters. {clear}</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title={`No results for “${query}”.`}>
      <p>
        Try fewer or different words. The start of a word finds the whole word (“empow” finds “empowerment”),
        and quotes find an exact phrase. {clear}
      </p>
    </EmptyState>
  );
}
