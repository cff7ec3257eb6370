// The chair's edit of a situation, in place of its page's header: the question, the background, the
// confidential mark and the digest credit. Only what changed is sent; a failed save keeps every typed
// word and shows the backend's sentence. Escape cancels.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import {
  CREDIT_PRONOUNS,
  creditLine,
  type CreditPronoun,
  type DigestCredit,
} from '../../../shared/digest-format';
import type { Situation } from '../../../shared/domain';
import { useSituationWrites, type SituationChanges } from '../../stores/situation-store';
import { Field, hintId } from '../../ui/field';
import { FormError } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';

interface Draft {
  title: string;
  background: string;
  confidential: boolean;
  /** The name and organization stay typed while the credit is switched off, in case it comes back. */
  credited: boolean;
  creditName: string;
  creditOrg: string;
  creditPronoun: CreditPronoun;
}

function draftOf(situation: Situation): Draft {
  return {
    title: situation.title,
    background: situation.background,
    confidential: situation.confidential,
    credited: situation.credit !== null,
    creditName: situation.credit?.name ?? '',
    creditOrg: situation.credit?.org ?? '',
    creditPronoun: situation.credit?.pronoun ?? 'their',
  };
}

function creditOf(draft: Draft): DigestCredit | null {
  return draft.credited
    ? { name: draft.creditName, org: draft.creditOrg, pronoun: draft.creditPronoun }
    : null;
}

function sameCredit(a: DigestCredit | null, b: DigestCredit | null): boolean {
  if (a === null || b === null) return a === b;
  return a.name === b.name && a.org === b.org && a.pronoun === b.pronoun;
}

/** What the chair changed from the situation as the form opened on it; null when nothing did. */
function changesFrom(situation: Situation, draft: Draft): SituationChanges | null {
  const changes: SituationChanges = {};
  if (draft.title !== situation.title) changes.title = draft.title;
  if (draft.background !== situation.background) changes.background = draft.background;
  if (draft.confidential !== situation.confidential) changes.confidential = draft.confidential;
  const credit = creditOf(draft);
  if (!sameCredit(credit, situation.credit)) changes.credit = credit;
  return Object.keys(changes).length > 0 ? changes : null;
}

interface SituationEditFormProps {
  situation: Situation;
  /** The id of the form's heading, which names the page's article while the form is open. */
  headingId: string;
  /** Closes the form: after a save, or on Cancel and Escape. */
  onClose: () => void;
}

export function SituationEditForm({ situation, headingId, onClose }: SituationEditFormProps) {
  const id = useId();
  const { updateSituation } = useSituationWrites();
  const { pending, error, submit } = useSubmission();
  const [draft, setDraft] = useState(() => draftOf(situation));
  const question = useRef<HTMLInputElement>(null);

  useEffect(() => {
    question.current?.focus();
  }, []);

  async function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const changes = changesFrom(situation, draft);
    if (!changes) {
      onClose();
      return;
    }
    if (await submit(() => updateSituation(situation.id, changes))) onClose();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Escape' || event.nativeEvent.isComposing) return;
    // Handled here, so the page's own Escape (back to the archive) leaves it alone.
    event.preventDefault();
    onClose();
  }

  const credit = creditOf(draft);
  const preview = credit && credit.name.trim() && credit.org.trim() ? creditLine(credit) : null;
  return (
    <form
      className="situation-edit"
      aria-labelledby={headingId}
      onSubmit={(event) => void handleSubmit(event)}
      onKeyDown={handleKeyDown}
    >
      <h1 id={headingId} className="situation-edit-title">
        Edit the situation
      </h1>
      <Field id={`${id}-question`} label="The question" hint="Phrase it as a question the group can answer.">
        <input
          ref={question}
          id={`${id}-question`}
          type="text"
          required
          autoComplete="off"
          value={draft.title}
          aria-describedby={hintId(`${id}-question`)}
          onChange={(event) => setDraft({ ...draft, title: event.target.value })}
        />
      </Field>
      <Field id={`${id}-background`} label="Background" optional>
        <textarea
          id={`${id}-background`}
          rows={6}
          value={draft.background}
          onChange={(event) => setDraft({ ...draft, background: event.target.value })}
        />
      </Field>
      <div className="checkbox-field">
        <input
          id={`${id}-confidential`}
          type="checkbox"
          checked={draft.confidential}
          aria-describedby={hintId(`${id}-confidential`)}
          onChange={(event) => setDraft({ ...draft, confidential: event.target.checked })}
        />
        <label htmlFor={`${id}-confidential`}>Confidential</label>
        <span id={hintId(`${id}-confidential`)} className="field-hint">
          Left out of every export except a full one you confirm.
        </span>
      </div>
      <fieldset className="situation-edit-credit">
        <legend>Digest credit</legend>
        <div className="checkbox-field">
          <input
            id={`${id}-credited`}
            type="checkbox"
            checked={draft.credited}
            aria-describedby={hintId(`${id}-credited`)}
            onChange={(event) => setDraft({ ...draft, credited: event.target.checked })}
          />
          <label htmlFor={`${id}-credited`}>Thank someone by name</label>
          <span id={hintId(`${id}-credited`)} className="field-hint">
            Printed at the end of a full digest; an anonymized digest never names anyone.
          </span>
        </div>
        {draft.credited && (
          <>
            <div className="form-grid">
              <Field id={`${id}-credit-name`} label="Name">
                <input
                  id={`${id}-credit-name`}
                  type="text"
                  required
                  autoComplete="off"
                  value={draft.creditName}
                  onChange={(event) => setDraft({ ...draft, creditName: event.target.value })}
                />
              </Field>
              <Field id={`${id}-credit-org`} label="Organization">
                <input
                  id={`${id}-credit-org`}
                  type="text"
                  required
                  autoComplete="off"
                  value={draft.creditOrg}
                  onChange={(event) => setDraft({ ...draft, creditOrg: event.target.value })}
                />
              </Field>
              <Field id={`${id}-credit-pronoun`} label="Pronoun">
                <select
                  id={`${id}-credit-pronoun`}
                  value={draft.creditPronoun}
                  onChange={(event) => {
                    const pronoun = CREDIT_PRONOUNS.find((p) => p === event.target.value);
                    if (pronoun) setDraft({ ...draft, creditPronoun: pronoun });
                  }}
                >
                  {CREDIT_PRONOUNS.map((pronoun) => (
                    <option key={pronoun} value={pronoun}>
                      {pronoun} insight
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            {preview && <p className="situation-credit">{preview}</p>}
          </>
        )}
      </fieldset>
      <FormError message={error} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          Save changes
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <span className="field-hint">
          <kbd>Esc</kbd> cancels
        </span>
      </div>
    </form>
  );
}
