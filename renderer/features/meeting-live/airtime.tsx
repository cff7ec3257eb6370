// Airtime per member for one situation, from the speaking turns recorded: shown as the situation
// ends, so the chair sees who held the floor and who did not.
import type { MeetingView } from '../../../shared/domain';
import { useServer } from '../../api/use-server-state';
import { formatDuration } from './timers';

export function Airtime({ view, situationId }: { view: MeetingView; situationId: string }) {
  // Re-read when the meeting changes (a turn ends), through the server-state layer.
  const { data: entries = [] } = useServer('airtime.list', { meetingId: view.meeting.id, situationId });

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
