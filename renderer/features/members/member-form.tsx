// Adding a member to the current group. Focus returns to the name so a chair can enter a roster quickly.
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { MEMBER_ROLES, type MemberRole } from '../../../shared/domain';
import { useAddMember } from '../../stores/groups-store';
import { Field } from '../../ui/field';
import { FormError } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';
import { ROLE_LABELS } from './member-roles';

const EMPTY = { name: '', company: '', title: '', role: 'member' as MemberRole };

export function MemberForm({ groupId, groupName }: { groupId: string; groupName: string }) {
  const id = useId();
  const addMember = useAddMember();
  const { pending, error, submit } = useSubmission();
  const [draft, setDraft] = useState(EMPTY);
  const [added, setAdded] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    let name = '';
    const saved = await submit(async () => {
      name = (await addMember({ groupId, ...draft })).name;
    });
    if (saved) {
      setDraft(EMPTY);
      setAdded(`${name} joined ${groupName}.`);
      nameInput.current?.focus();
    } else {
      setAdded(null);
    }
  }

  return (
    <form className="panel" aria-labelledby={`${id}-heading`} onSubmit={(event) => void handleSubmit(event)}>
      <h2 id={`${id}-heading`} className="panel-title">
        Add a member
      </h2>
      <div className="form-grid">
        <Field id={`${id}-name`} label="Name">
          <input
            ref={nameInput}
            id={`${id}-name`}
            type="text"
            required
            autoComplete="off"
            value={draft.name}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          />
        </Field>
        <Field id={`${id}-company`} label="Company" optional>
          <input
            id={`${id}-company`}
            type="text"
            autoComplete="off"
            value={draft.company}
            onChange={(event) => setDraft({ ...draft, company: event.target.value })}
          />
        </Field>
        <Field id={`${id}-title`} label="Title" optional>
          <input
            id={`${id}-title`}
            type="text"
            autoComplete="off"
            value={draft.title}
            onChange={(event) => setDraft({ ...draft, title: event.target.value })}
          />
        </Field>
        <Field id={`${id}-role`} label="Role">
          <select
            id={`${id}-role`}
            value={draft.role}
            onChange={(event) => setDraft({ ...draft, role: event.target.value as MemberRole })}
          >
            {MEMBER_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <FormError message={error} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          Add member
        </button>
        {added && (
          <p role="status" className="form-status">
            {added}
          </p>
        )}
      </div>
    </form>
  );
}
