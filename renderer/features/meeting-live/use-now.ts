// A ticking clock for the timers: the backend's time, as this window estimates it, re-read every
// second. Remaining times are computed from it and the stored timestamps; nothing counts down.
import { useEffect, useState } from 'react';
import { useMeeting } from '../../stores/live-meeting-store';

export function useNow(meetingId: string): number {
  const { skewMs } = useMeeting(meetingId);
  const [localNow, setLocalNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setLocalNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return localNow + skewMs;
}
