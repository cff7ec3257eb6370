// A labelled form control with an optional hint, wired up for screen readers.
import type { ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  optional?: boolean;
  className?: string;
  children: ReactNode;
}

export function hintId(id: string): string {
  return `${id}-hint`;
}

export function Field({ id, label, hint, optional = false, className, children }: FieldProps) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
        {optional && <span className="field-optional"> (optional)</span>}
      </label>
      {children}
      {hint && (
        <p id={hintId(id)} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
