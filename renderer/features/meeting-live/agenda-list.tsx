// The agenda with its timeboxes: what has run, what runs now, and starting any segment.
import type { AgendaItem, MeetingView } from '../../../shared/domain';
import { useMeetingAct } from '../../stores/live-meeting-store';

function itemState(item: AgendaItem, currentId: string | null): string {
  if (item.id === currentId) return 'Running';
  if (item.timer.endedAt !== null) return 'Done';
  return '';
}

export function AgendaList({ view }: { view: MeetingView }) {
  const act = useMeetingAct();
  const live = view.meeting.status === 'live';
  return (
    <nav className="agenda" aria-label="Agenda">
      <h2 className="section-title">Agenda</h2>
      <ol>
        {view.agenda.map((item) => {
          const state = itemState(item, view.currentItemId);
          const title = item.situationTitle ?? item.title;
          return (
            <li
              key={item.id}
              className={`agenda-item ${state.toLowerCase()}`}
              aria-current={state === 'Running' ? 'step' : undefined}
            >
              <span className="agenda-title">{title}</span>
              <span className="agenda-minutes">{item.minutes} min</span>
              {state && <span className="agenda-state">{state}</span>}
              {live && state !== 'Running' && (
                <button
                  type="button"
                  className="button link"
                  onClick={() => void act('segment.start', { meetingId: view.meeting.id, itemId: item.id })}
                >
                  Start<span className="visually-hidden"> {title}</span>
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
