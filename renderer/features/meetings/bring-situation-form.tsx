// "Bring a situation": a member puts an issue in the group's parking lot, phrased as a question.
import { useId, useState, type SubmitEvent } from 'react';
import type { Member, Situation } from '../../../shared/domain';
import { hrefTo } from '../../routing/hash-route';
import { useBringSituation } from '../../stores/parking-lot-store';
import { Field, hintId } from '../../ui/field';
import { MemberChoice } from '../../ui/member-choice';
import { FormError } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';

const EMPTY = { presenterId: '', title: '', background: '', confidential: false };

export function BringSituationForm({ groupId, members }: { groupId: string; members: Member[] }) {
  const id = useId();
  const bringSituation = useBringSituation();
  const { pending, error, submit } = useSubmission();
  const [draft, setDraft] = useState(EMPTY);
  const [brought, setBrought] = useState<Situation | null>(null);

  async function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    let situation: Situation | null = null;
    const saved = await submit(async () => {
      situation = await bringSituation({ groupId, ...draft });
    });
    setBrought(situation);
    if (saved) setDraft(EMPTY);
  }

  return (
    <form className="panel" aria-labelledby={`${id}-heading`} onSubmit={(event) => void handleSubmit(event)}>
      <h2 id={`${id}-heading`} className="panel-title">
        Bring a situation
      </h2>
      <Field id={`${id}-presenter`} label="Presenter">
        <MemberChoice
          id={`${id}-presenter`}
          members={members}
          value={draft.presenterId}
          placeholder="Who is bringing it?"
          onChange={(presenterId) => setDraft({ ...draft, presenterId })}
        />
      </Field>
      <Field id={`${id}-question`} label="The question" hint="Phrase it as a question the group can answer.">
        <input
          id={`${id}-question`}
          type="text"
          required
          autoComplete="off"
          placeholder="How do you build teamwork across account teams?"
          value={draft.title}
          aria-describedby={hintId(`${id}-question`)}
          onChange={(event) => setDraft({ ...draft, title: event.target.value })}
        />
      </Field>
      <Field
        id={`${id}-background`}
        label="Background"
        optional
        hint="What is going on, what has been tried, and what help is wanted."
      >
        <textarea
          id={`${id}-background`}
          rows={5}
          value={draft.background}
          aria-describedby={hintId(`${id}-background`)}
          onChange={(event) => setDraft({ ...draft, background: event.target.value })}
        />
      </Field>
      <div className="checkbox-field">
        <input
          id={`${id}-confidential`}
          type="checkbox"
          checked={draft.confidential}
          onChange={(event) => setDraft({ ...draft, confidential: event.target.checked })}
        />
        <label htmlFor={`${id}-confidential`}>Confidential</label>
        <span className="field-hint">Marked with a badge wherever it is listed.</span>
      </div>
      <FormError message={error} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          Add to the parking lot
        </button>
        {brought && !error && (
          <p role="status" className="form-status">
            Added. <a href={hrefTo({ page: 'situation', id: brought.id })}>Open “{brought.title}”</a>
          </p>
        )}
      </div>
    </form>
  );
}
