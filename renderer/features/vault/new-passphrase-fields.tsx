// A new passphrase typed twice, with the difference between the two said inline as it appears.
import type { RefObject } from 'react';
import { Field } from '../../ui/field';
import { PASSPHRASE_HINT, PASSPHRASES_DIFFER, passphrasesDiffer } from './new-passphrase';

export interface NewPassphrase {
  passphrase: string;
  repeated: string;
}

interface NewPassphraseFieldsProps {
  id: string;
  value: NewPassphrase;
  onChange: (value: NewPassphrase) => void;
  /** Once the chair has tried to submit, an empty or unfinished second passphrase counts as different. */
  attempted: boolean;
  /** Why the first passphrase is refused (too short), after an attempt. */
  problem: string | null;
  labels?: { passphrase: string; repeated: string };
  /** While a call runs the fields are read-only: they keep focus and what was typed. */
  busy: boolean;
  autoFocus?: boolean;
  firstRef?: RefObject<HTMLInputElement | null>;
  repeatedRef?: RefObject<HTMLInputElement | null>;
}

const LABELS = { passphrase: 'Passphrase', repeated: 'Passphrase again' };

export function NewPassphraseFields({
  id,
  value,
  onChange,
  attempted,
  problem,
  labels = LABELS,
  busy,
  autoFocus = false,
  firstRef,
  repeatedRef,
}: NewPassphraseFieldsProps) {
  const differ = passphrasesDiffer(value.passphrase, value.repeated, attempted);
  const problemId = `${id}-problem`;
  const differId = `${id}-differ`;
  const hint = `${id}-hint`;

  // Side by side, with one hint under both: the pair reads as one answer, and the card stays short.
  return (
    <div className="vault-fields">
      <div className="vault-field-pair">
        <Field id={`${id}-new`} label={labels.passphrase}>
          <input
            id={`${id}-new`}
            ref={firstRef}
            type="password"
            autoComplete="new-password"
            autoFocus={autoFocus}
            value={value.passphrase}
            readOnly={busy}
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${problemId} ${hint}` : hint}
            onChange={(event) => onChange({ ...value, passphrase: event.target.value })}
          />
          {problem && (
            <p id={problemId} className="field-problem">
              {problem}
            </p>
          )}
        </Field>
        <Field id={`${id}-again`} label={labels.repeated}>
          <input
            id={`${id}-again`}
            ref={repeatedRef}
            type="password"
            autoComplete="new-password"
            value={value.repeated}
            readOnly={busy}
            aria-invalid={differ}
            aria-describedby={differ ? `${differId} ${hint}` : hint}
            onChange={(event) => onChange({ ...value, repeated: event.target.value })}
          />
          {differ && (
            <p id={differId} className="field-problem">
              {PASSPHRASES_DIFFER}
            </p>
          )}
        </Field>
      </div>
      <p id={hint} className="field-hint">
        {PASSPHRASE_HINT}
      </p>
    </div>
  );
}
