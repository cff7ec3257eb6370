// Airtime per member for one situation, from the speaking turns recorded: shown as the situation
// ends, so the chair sees who held the floor and who did not.
import { useEffect, useState } from 'react';
import type { AirtimeEntry, MeetingView } from '../../../shared/domain';
import { invoke } from '../../api/client';
import { formatDuration } from './timers';

export function Airtime({ view, situationId }: { view: MeetingView; situationId: string }) {
  const [entries, setEntries] = useState<AirtimeEntry[]>([]);
  const meetingId = view.meeting.id;
  const version = view.meeting.id + String(view.now);
  useEffect(() => {
    let current = true;
    invoke('airtime.list', { meetingId, situationId })
      .then((list) => {
        if (current) setEntries(list);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [meetingId, situationId, version]);

  if (entries.length === 0) return null;
  const total = entries.reduce((sum, e) => sum + e.ms, 0) || 1;
  return (
    <section className="airtime" aria-label="Airtime">
      <h3 className="panel-title">Airtime</h3>
      <table>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.memberId}>
              <th scope="row">{entry.memberName}</th>
              <td>{entry.turns === 1 ? '1 turn' : `${entry.turns} turns`}</td>
              <td>{formatDuration(entry.ms)}</td>
              <td>{Math.round((entry.ms / total) * 100)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
