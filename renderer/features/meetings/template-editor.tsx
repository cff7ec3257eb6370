// The agenda template editor: start from a template, change its segments' titles, kinds and minutes,
// reorder them (buttons, or Alt+ArrowUp/ArrowDown on a segment), and save the result as a new template.
import { useId, useState, type KeyboardEvent } from 'react';
import {
  AGENDA_KINDS,
  type AgendaKind,
  type AgendaTemplate,
  type TemplateSegment,
} from '../../../shared/domain';
import { useSaveTemplate } from '../../stores/meetings-store';
import { FormError } from '../../ui/messages';
import { useSubmission } from '../../ui/use-submission';

const KIND_WORDS: Record<AgendaKind, string> = {
  opening: 'Opening',
  updates: 'Updates',
  follow_up: 'Follow-up',
  issue_selection: 'Issue selection',
  issue_processing: 'Issue processing',
  speaker: 'Speaker',
  wrap_up: 'Wrap-up',
  custom: 'Custom',
};

export function moveSegment<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}

export function TemplateEditor({ templates }: { templates: AgendaTemplate[] }) {
  const id = useId();
  const saveTemplate = useSaveTemplate();
  const { pending, error, submit } = useSubmission();
  const [base, setBase] = useState<AgendaTemplate | null>(null);
  const [name, setName] = useState('');
  const [segments, setSegments] = useState<TemplateSegment[]>([]);
  const [saved, setSaved] = useState<string | null>(null);

  function startFrom(templateId: string) {
    const template = templates.find((t) => t.id === templateId) ?? null;
    setBase(template);
    setSegments(template ? template.segments.map((s) => ({ ...s })) : []);
    setName(template ? `${template.name} (copy)` : '');
    setSaved(null);
  }

  function change(index: number, patch: Partial<TemplateSegment>) {
    setSegments(segments.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  }

  function move(index: number, to: number) {
    setSegments(moveSegment(segments, index, to));
    // Keep the keyboard on the segment that moved.
    window.requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(
          `[data-segment-index="${Math.max(0, Math.min(to, segments.length - 1))}"] input`,
        )
        ?.focus(),
    );
  }

  function handleKeyDown(event: KeyboardEvent<HTMLLIElement>, index: number) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(index, index + (event.key === 'ArrowUp' ? -1 : 1));
  }

  async function save() {
    await submit(async () => {
      const template = await saveTemplate({
        name,
        adviceKind: base?.adviceKind ?? 'advice',
        adviseLabel: base?.adviseLabel ?? 'Advise',
        ...(base ? { phaseMinutes: base.phaseMinutes } : {}),
        segments,
      });
      setSaved(template.name);
    });
  }

  return (
    <section className="panel template-editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        Agenda templates
      </h2>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-base`}>
          Start from
        </label>
        <select id={`${id}-base`} value={base?.id ?? ''} onChange={(e) => startFrom(e.target.value)}>
          <option value="">Choose a template to edit…</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      {base && (
        <>
          <ol className="segment-editor" aria-label="Segments">
            {segments.map((segment, index) => (
              <li key={index} data-segment-index={index} onKeyDown={(event) => handleKeyDown(event, index)}>
                <input
                  type="text"
                  aria-label={`Title of segment ${index + 1}`}
                  value={segment.title}
                  onChange={(e) => change(index, { title: e.target.value })}
                />
                <select
                  aria-label={`Kind of segment ${index + 1}`}
                  value={segment.kind}
                  onChange={(e) => change(index, { kind: e.target.value as AgendaKind })}
                >
                  {AGENDA_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {KIND_WORDS[k]}
                    </option>
                  ))}
                </select>
                <input
                  type="number"
                  min={1}
                  max={600}
                  aria-label={`Minutes of segment ${index + 1}`}
                  value={segment.minutes}
                  onChange={(e) => change(index, { minutes: Number(e.target.value) })}
                />
                <button
                  type="button"
                  className="button link"
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                >
                  Up<span className="visually-hidden"> segment {index + 1}</span>
                </button>
                <button
                  type="button"
                  className="button link"
                  disabled={index === segments.length - 1}
                  onClick={() => move(index, index + 1)}
                >
                  Down<span className="visually-hidden"> segment {index + 1}</span>
                </button>
                <button
                  type="button"
                  className="button link"
                  onClick={() => setSegments(segments.filter((_, i) => i !== index))}
                >
                  Remove<span className="visually-hidden"> segment {index + 1}</span>
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button quiet"
            onClick={() =>
              setSegments([
                ...segments,
                { kind: 'custom', title: 'New segment', minutes: 10, speakerMinutes: null },
              ])
            }
          >
            Add a segment
          </button>
          <div className="form-row">
            <div className="field grow">
              <label className="field-label" htmlFor={`${id}-name`}>
                New template’s name
              </label>
              <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} />
            </div>
            <button type="button" className="button primary" disabled={pending} onClick={() => void save()}>
              Save as new template
            </button>
          </div>
          <FormError message={error} />
          {saved && !error && (
            <p role="status" className="form-status">
              Saved “{saved}”.
            </p>
          )}
        </>
      )}
    </section>
  );
}
