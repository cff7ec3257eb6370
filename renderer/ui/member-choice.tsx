// Choosing a member of a group (a presenter, the author of a point) from a labelled select.
import type { Ref } from 'react';
import type { Member } from '../../shared/domain';

export function memberLabel(member: Member): string {
  return member.company ? `${member.name} — ${member.company}` : member.name;
}

interface MemberChoiceProps {
  id: string;
  members: Member[];
  value: string;
  placeholder: string;
  disabled?: boolean;
  describedBy?: string;
  autoFocus?: boolean;
  selectRef?: Ref<HTMLSelectElement>;
  onChange: (memberId: string) => void;
}

export function MemberChoice(props: MemberChoiceProps) {
  const { id, members, value, placeholder, disabled, describedBy, autoFocus, selectRef, onChange } = props;
  return (
    <select
      ref={selectRef}
      id={id}
      autoFocus={autoFocus}
      required
      value={value}
      disabled={disabled}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="" disabled>
        {placeholder}
      </option>
      {members.map((member) => (
        <option key={member.id} value={member.id}>
          {memberLabel(member)}
        </option>
      ))}
    </select>
  );
}
