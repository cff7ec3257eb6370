// A quick picker of attendees: type a few letters, arrows move, Enter picks, Escape closes. Used to
// reassign who said a point and to record a member's +1.
import { useId, useState, type KeyboardEvent } from 'react';
import type { AttendanceEntry } from '../../../../shared/domain';

interface AuthorPickerProps {
  title: string;
  attendees: AttendanceEntry[];
  onPick: (memberId: string) => void;
  onClose: () => void;
}

export function matchAttendees(attendees: AttendanceEntry[], query: string): AttendanceEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return attendees;
  const words = (name: string) => name.toLowerCase().split(/\s+/);
  return attendees.filter(
    (a) => a.name.toLowerCase().includes(q) || words(a.name).some((w) => w.startsWith(q)),
  );
}

export function AuthorPicker({ title, attendees, onPick, onClose }: AuthorPickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = matchAttendees(attendees, query);
  const activeIndex = Math.min(active, Math.max(0, matches.length - 1));

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + matches.length) % Math.max(1, matches.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const picked = matches[activeIndex];
      if (picked) onPick(picked.memberId);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  }

  return (
    <div className="author-picker" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="author-picker-title">
        {title}
      </p>
      <input
        type="text"
        autoFocus
        autoComplete="off"
        aria-label="Find an attendee"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={matches[activeIndex] ? `${id}-${matches[activeIndex].memberId}` : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={handleKeyDown}
        onBlur={onClose}
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Attendees">
        {matches.map((attendee, index) => (
          <li
            key={attendee.memberId}
            id={`${id}-${attendee.memberId}`}
            role="option"
            aria-selected={index === activeIndex}
            onMouseDown={(event) => {
              event.preventDefault();
              onPick(attendee.memberId);
            }}
          >
            {attendee.name}
          </li>
        ))}
        {matches.length === 0 && <li className="muted">Nobody present by that name.</li>}
      </ul>
    </div>
  );
}
