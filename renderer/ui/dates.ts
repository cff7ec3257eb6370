// How dates read in the app: a chair thinks in meeting days, not timestamps.
import { format } from 'date-fns';

export function formatDay(at: number): string {
  return format(at, 'd MMM yyyy');
}

export function formatDayAndTime(at: number): string {
  return format(at, "d MMM yyyy 'at' HH:mm");
}
