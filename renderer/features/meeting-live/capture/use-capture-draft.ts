// The text being typed into the capture box, kept as a draft in the database: saved 400 ms after the
// last keystroke, restored when the screen opens (after a crash or a restart), flushed when the
// window hides or closes, and discarded once the point it became is saved.
//
// The flush on closing fires draft.save at once and cannot wait for its answer: a window torn down
// mid-call may lose at most the last 400 ms of typing, never a whole point. Leaving the box flushes
// too, so a button pressed right after typing (closing the meeting, which makes its drafts read-only)
// reaches the backend after the draft: the worker answers calls in the order they were sent.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { serverQuery, write } from '../../../api/server-state';

const SAVE_AFTER_MS = 400;

export interface CaptureDraft {
  body: string;
  setBody: (body: string) => void;
  /** Takes the text out of the box for submitting, keeping the stored draft until it is saved. */
  take: () => string;
  /** The point was saved: the draft goes, unless the chair has typed the next one meanwhile. */
  settle: () => void;
  /** The point was refused: its text goes back in the box (if the box is still empty). */
  giveBack: (text: string) => void;
  /**
   * Saves what is typed now rather than 400 ms from now: when focus leaves the box, for a button
   * (Close the meeting, Next segment) whose write must reach the archive after the draft.
   */
  flush: () => void;
}

export function useCaptureDraft(meetingId: string, ownerId: string | null, context: string): CaptureDraft {
  const client = useQueryClient();
  const [body, setBodyState] = useState('');
  const latest = useRef({ body: '', dirty: false });
  const timer = useRef<number | null>(null);
  const key = useRef({ meetingId, ownerId, context });

  const cancelTimer = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const flush = useCallback(() => {
    cancelTimer();
    const { meetingId: m, ownerId: owner, context: where } = key.current;
    if (!latest.current.dirty || !owner) return;
    latest.current.dirty = false;
    const sent = latest.current.body;
    write(client, 'draft.save', { meetingId: m, authorId: owner, context: where, body: sent }).catch(() => {
      // Not saved: try again with the next keystroke or flush.
      if (latest.current.body === sent) latest.current.dirty = true;
    });
  }, [cancelTimer, client]);

  const setBody = useCallback(
    (text: string) => {
      setBodyState(text);
      latest.current = { body: text, dirty: true };
      cancelTimer();
      timer.current = window.setTimeout(flush, SAVE_AFTER_MS);
    },
    [cancelTimer, flush],
  );

  // A new situation or draft owner: flush what belongs to the old one, then restore the new one.
  useEffect(() => {
    flush();
    key.current = { meetingId, ownerId, context };
    latest.current = { body: '', dirty: false };
    let current = true;
    // Read once as the box opens, never cached: drafts change only as the chair types.
    void client
      .query({ ...serverQuery('draft.list', { meetingId }), staleTime: 0, gcTime: 0 })
      .then((drafts) => {
        const draft = drafts
          .filter((d) => d.context === context)
          .sort((a, b) => b.updatedAt - a.updatedAt)[0];
        if (current && draft && latest.current.body === '') {
          latest.current = { body: draft.body, dirty: false };
          setBodyState(draft.body);
        }
      })
      .catch(() => undefined);
    return () => {
      current = false;
      flush();
      setBodyState('');
    };
  }, [meetingId, ownerId, context, flush, client]);

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [flush]);

  const take = useCallback(() => {
    cancelTimer();
    const text = latest.current.body;
    latest.current = { body: '', dirty: false };
    setBodyState('');
    return text;
  }, [cancelTimer]);

  const settle = useCallback(() => {
    const { meetingId: m, ownerId: owner, context: where } = key.current;
    if (!owner) return;
    if (latest.current.body === '') {
      write(client, 'draft.discard', { meetingId: m, authorId: owner, context: where }).catch(
        () => undefined,
      );
    } else {
      latest.current.dirty = true;
      flush();
    }
  }, [flush, client]);

  const giveBack = useCallback(
    (text: string) => {
      if (latest.current.body === '') setBody(text);
    },
    [setBody],
  );

  return { body, setBody, take, settle, giveBack, flush };
}
