import type { Member } from '../../../shared/domain';
import { hrefTo } from '../../routing/hash-route';
import { EmptyState } from '../../ui/messages';
import { ROLE_LABELS } from './member-roles';

export function MemberTable({ members, groupName }: { members: Member[]; groupName: string }) {
  if (members.length === 0) {
    return (
      <EmptyState title={`${groupName} has no members yet.`}>
        <p>Add the chair and each member below. Guests can be added for a single meeting.</p>
      </EmptyState>
    );
  }
  return (
    <table className="member-table">
      <caption className="visually-hidden">Members of {groupName}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Company</th>
          <th scope="col">Title</th>
          <th scope="col">Role</th>
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <tr key={member.id}>
            <th scope="row">
              <a href={hrefTo({ page: 'member', id: member.id })}>{member.name}</a>
            </th>
            <td>{member.company || <span className="muted">—</span>}</td>
            <td>{member.title || <span className="muted">—</span>}</td>
            <td>
              <span className={`badge role-${member.role}`}>{ROLE_LABELS[member.role]}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
