// The current group, chosen in the header so Meetings and Members always agree on it.
import { useId } from 'react';
import { hrefTo } from '../routing/hash-route';
import { useGroupChoiceStore, useGroups } from '../stores/groups-store';

export function GroupPicker() {
  const id = useId();
  const { groups, groupsLoaded, selectedGroupId } = useGroups();
  const selectGroup = useGroupChoiceStore((s) => s.selectGroup);

  if (!groupsLoaded) return null;
  if (groups.length === 0) {
    return (
      <a className="group-picker-empty" href={hrefTo({ page: 'members' })}>
        Create a group
      </a>
    );
  }
  return (
    <div className="group-picker">
      <label htmlFor={id}>Group</label>
      <select id={id} value={selectedGroupId ?? ''} onChange={(event) => selectGroup(event.target.value)}>
        {groups.map((group) => (
          <option key={group.id} value={group.id}>
            {group.name}
          </option>
        ))}
      </select>
    </div>
  );
}
