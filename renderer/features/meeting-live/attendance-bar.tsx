// Attendance at the top of the live screen: each expected member marked present, late or absent.
import type { AttendanceStatus, MeetingView } from '../../../shared/domain';
import { useMeetingAct } from '../../stores/live-meeting-store';

const MARKS: { status: AttendanceStatus; label: string }[] = [
  { status: 'present', label: 'Present' },
  { status: 'late', label: 'Late' },
  { status: 'absent', label: 'Absent' },
];

export function AttendanceBar({ view }: { view: MeetingView }) {
  const act = useMeetingAct();
  const here = view.attendance.filter((a) => a.status === 'present' || a.status === 'late').length;
  return (
    <section className="attendance" aria-label="Attendance">
      <h2 className="section-title">
        Attendance <span className="section-count">{here} here</span>
      </h2>
      <ul>
        {view.attendance.map((entry) => (
          <li key={entry.memberId} className={`attendee status-${entry.status}`}>
            <span className="attendee-name">{entry.name}</span>
            <span className="attendance-marks" role="group" aria-label={`Attendance of ${entry.name}`}>
              {MARKS.map((mark) => (
                <button
                  key={mark.status}
                  type="button"
                  aria-pressed={entry.status === mark.status}
                  onClick={() =>
                    void act('attendance.mark', {
                      meetingId: view.meeting.id,
                      memberId: entry.memberId,
                      status: mark.status,
                    })
                  }
                >
                  {mark.label}
                </button>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
