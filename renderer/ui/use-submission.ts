// A form's round trip to the backend: pending while it runs, the backend's message if it fails.
// The caller clears its fields only when `submit` resolves true, so a failed save loses nothing.
import { useCallback, useRef, useState } from 'react';
import { describeError } from '../api/client';

export interface Submission {
  pending: boolean;
  error: string | null;
  submit: (save: () => Promise<void>) => Promise<boolean>;
  clearError: () => void;
}

export function useSubmission(): Submission {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A ref, not state: a second Enter in the same tick must see the first one in flight.
  const inFlight = useRef(false);

  const submit = useCallback(async (save: () => Promise<void>) => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setPending(true);
    try {
      await save();
      setError(null);
      return true;
    } catch (failure) {
      setError(describeError(failure));
      return false;
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }, []);

  const clearError = useCallback(() => setError(null), []);
  return { pending, error, submit, clearError };
}
