// "Include confidential situations" in a full export, or in a presenter's own notes: ticking it asks
// once more before it counts.
import { useId, useState } from 'react';

export function ConfidentialChoice({
  included,
  onChange,
  label = 'Include confidential situations',
}: {
  included: boolean;
  onChange: (included: boolean) => void;
  label?: string;
}) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);

  return (
    <div className="confidential-choice">
      <div className="checkbox-field">
        <input
          id={id}
          type="checkbox"
          checked={included || confirming}
          onChange={(event) => {
            if (event.target.checked) setConfirming(true);
            else {
              setConfirming(false);
              onChange(false);
            }
          }}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {confirming && (
        <div role="alertdialog" aria-label="Include confidential situations?" className="confirm-box">
          <p>
            Confidential situations were shared in trust. Anyone who receives this export will read them with
            every name. Include them?
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button primary"
              onClick={() => {
                setConfirming(false);
                onChange(true);
              }}
            >
              Include them
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep them out
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
