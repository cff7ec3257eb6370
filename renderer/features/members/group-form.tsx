// Creating a group: the forum, board or roundtable a chair runs. The new group becomes the current one.
import { useId, useState, type SubmitEvent } from 'react';
import { useCreateGroup } from '../../stores/groups-store';
import { Field, hintId } from '../../ui/field';
import { FormError } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';

export function GroupForm({ heading }: { heading: string }) {
  const id = useId();
  const createGroup = useCreateGroup();
  const { pending, error, submit } = useSubmission();
  const [name, setName] = useState('');

  async function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await submit(async () => {
      await createGroup(name);
    });
    if (saved) setName('');
  }

  return (
    <form className="panel" aria-labelledby={`${id}-heading`} onSubmit={(event) => void handleSubmit(event)}>
      <h2 id={`${id}-heading`} className="panel-title">
        {heading}
      </h2>
      <div className="form-row">
        <Field id={`${id}-name`} label="Group name" hint="For example “Tuesday CEO Forum” or “EO Forum 3”.">
          <input
            id={`${id}-name`}
            type="text"
            required
            autoComplete="off"
            value={name}
            aria-describedby={hintId(`${id}-name`)}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <button type="submit" className="button primary" disabled={pending}>
          Create group
        </button>
      </div>
      <FormError message={error} />
    </form>
  );
}
