// Planning a meeting: its day and time, location, who is expected, and the agenda's template.
import { useId, useState, type SubmitEvent } from 'react';
import type { AgendaTemplate, Member } from '../../../shared/domain';
import { navigate, hrefTo } from '../../routing/hash-route';
import { usePlanMeeting } from '../../stores/meetings-store';
import { FormError } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';

export function PlanMeetingForm(props: { groupId: string; members: Member[]; templates: AgendaTemplate[] }) {
  const { groupId, members, templates } = props;
  const id = useId();
  const plan = usePlanMeeting();
  const { pending, error, submit } = useSubmission();
  const [day, setDay] = useState('');
  const [time, setTime] = useState('08:00');
  const [location, setLocation] = useState('');
  const [absent, setAbsent] = useState<Set<string>>(new Set());
  const [templateChoice, setTemplate] = useState<string | null>(null);
  const templateId = templateChoice ?? templates[0]?.id ?? '';

  async function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(async () => {
      const startsAt = new Date(`${day}T${time || '00:00'}`).getTime();
      if (Number.isNaN(startsAt)) throw new Error('Choose the day of the meeting.');
      const view = await plan({
        groupId,
        startsAt,
        location,
        attendeeIds: members.filter((m) => !absent.has(m.id)).map((m) => m.id),
        ...(templateId ? { templateId } : {}),
      });
      navigate(hrefTo({ page: 'meeting', id: view.meeting.id }));
    });
  }

  return (
    <form className="panel" aria-labelledby={`${id}-title`} onSubmit={(event) => void handleSubmit(event)}>
      <h2 id={`${id}-title`} className="panel-title">
        Plan a meeting
      </h2>
      <div className="form-row">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-day`}>
            Day
          </label>
          <input id={`${id}-day`} type="date" required value={day} onChange={(e) => setDay(e.target.value)} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-time`}>
            Time
          </label>
          <input id={`${id}-time`} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
        </div>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-location`}>
          Location
        </label>
        <input
          id={`${id}-location`}
          type="text"
          value={location}
          onChange={(e) => setLocation(e.target.value)}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-template`}>
          Agenda template
        </label>
        <select id={`${id}-template`} value={templateId} onChange={(e) => setTemplate(e.target.value)}>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="attendee-choices">
        <legend>Attendees</legend>
        {members.map((m) => (
          <label key={m.id} className="checkbox-field">
            <input
              type="checkbox"
              checked={!absent.has(m.id)}
              onChange={(e) => {
                const next = new Set(absent);
                if (e.target.checked) next.delete(m.id);
                else next.add(m.id);
                setAbsent(next);
              }}
            />
            {m.name}
          </label>
        ))}
      </fieldset>
      <FormError message={error} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          Plan the meeting
        </button>
      </div>
    </form>
  );
}
