// The archive's filters: group, tag, presenter, contributor, a range of days, status and sort.
// Each change is a new history entry, so Back undoes it.
import { useId, useMemo, useState } from 'react';
import type { ArchiveSort, ArchiveStatus, Group, Member, TagWithCount } from '../../../shared/domain';
import type { ArchiveSearch } from '../../routing/archive-search';
import { memberOptions, type MemberOption } from '../../stores/groups-store';

const STATUS_LABELS: Record<ArchiveStatus, string> = {
  open_commitments: 'Open commitments',
  resolved: 'Resolved',
  never_processed: 'Never processed',
};

interface ArchiveFiltersProps {
  search: ArchiveSearch;
  groups: readonly Group[];
  tags: readonly TagWithCount[];
  membersByGroup: Record<string, Member[]>;
  onChange: (change: Partial<ArchiveSearch>) => void;
}

export function ArchiveFilters({ search, groups, tags, membersByGroup, onChange }: ArchiveFiltersProps) {
  const id = useId();
  const people = useMemo(
    () => memberOptions(membersByGroup, groups, search.groupId),
    [membersByGroup, groups, search.groupId],
  );
  const hasQuery = search.query.trim() !== '';

  function changeGroup(groupId: string | null) {
    // A presenter or contributor from another group would leave nothing to show.
    const keeps = (memberId: string | null) =>
      memberId === null || groupId === null || membersByGroup[groupId]?.some((m) => m.id === memberId);
    onChange({
      groupId,
      presenterId: keeps(search.presenterId) ? search.presenterId : null,
      contributorId: keeps(search.contributorId) ? search.contributorId : null,
    });
  }

  return (
    <fieldset className="archive-filters">
      <legend className="visually-hidden">Filters</legend>
      <Choice
        id={`${id}-group`}
        label="Group"
        value={search.groupId}
        anyLabel="All groups"
        options={groups.map((g) => ({ id: g.id, label: g.name }))}
        onChange={changeGroup}
      />
      <Choice
        id={`${id}-tag`}
        label="Tag"
        value={search.tagId}
        anyLabel="Any tag"
        options={tags.map((t) => ({ id: t.id, label: `${t.name} (${t.situationCount})` }))}
        onChange={(tagId) => onChange({ tagId })}
      />
      <Choice
        id={`${id}-presenter`}
        label="Presenter"
        value={search.presenterId}
        anyLabel="Anyone"
        options={people}
        onChange={(presenterId) => onChange({ presenterId })}
      />
      <Choice
        id={`${id}-contributor`}
        label="Contributor"
        value={search.contributorId}
        anyLabel="Anyone"
        options={people}
        onChange={(contributorId) => onChange({ contributorId })}
      />
      <DayFilter id={`${id}-from`} label="From" value={search.from} onChange={(from) => onChange({ from })} />
      <DayFilter id={`${id}-to`} label="To" value={search.to} onChange={(to) => onChange({ to })} />
      <Choice
        id={`${id}-status`}
        label="Status"
        value={search.status}
        anyLabel="Any status"
        options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ id: value, label }))}
        onChange={(status) => onChange({ status: status as ArchiveStatus | null })}
      />
      <div className="filter">
        <label htmlFor={`${id}-sort`}>Sort</label>
        <select
          id={`${id}-sort`}
          value={hasQuery ? search.sort : 'date'}
          disabled={!hasQuery}
          title={hasQuery ? undefined : 'Without a search, the newest situations come first.'}
          onChange={(event) => onChange({ sort: event.target.value as ArchiveSort })}
        >
          {hasQuery && <option value="relevance">Best match</option>}
          <option value="date">Newest first</option>
        </select>
      </div>
    </fieldset>
  );
}

interface ChoiceProps {
  id: string;
  label: string;
  value: string | null;
  anyLabel: string;
  options: readonly MemberOption[];
  onChange: (value: string | null) => void;
}

function Choice({ id, label, value, anyLabel, options, onChange }: ChoiceProps) {
  // A value the options do not (yet) hold still shows as chosen, rather than silently as "any".
  const known = value === null || options.some((option) => option.id === value);
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">{anyLabel}</option>
        {!known && <option value={value}>…</option>}
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Plausible years only: typing "2025" passes through 0002, 0020 and 0202, which are not searched. */
function isSearchableDay(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return value === '' || (year >= 1970 && year <= 9999);
}

function DayFilter(props: {
  id: string;
  label: string;
  value: string | null;
  onChange: (day: string | null) => void;
}) {
  const { id, label, value, onChange } = props;
  const [draft, setDraft] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setDraft(value ?? '');
  }
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={draft}
        min="1970-01-01"
        onChange={(event) => {
          const day = event.target.value;
          setDraft(day);
          if (isSearchableDay(day) && (day || null) !== value) onChange(day || null);
        }}
      />
    </div>
  );
}
