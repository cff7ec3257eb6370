// Agenda templates (data the chair edits and saves) and the agenda of a meeting built from one:
// reordering its segments, changing their titles and minutes, adding and removing segments.
import type { AgendaTemplate } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { DEFAULT_PHASE_MINUTES } from '../../shared/phase-rules';
import type { Handlers } from '../ipc/router';
import type { Store } from '../store';
import { newId } from '../store/ids';
import type { ServiceContext } from './context';
import { changeMeeting, clockOf } from './meeting-state';

export function requireTemplate(store: Store, id: string): AgendaTemplate {
  const template = store.agenda.template(id);
  if (!template) throw new AppError('NOT_FOUND', 'That agenda template no longer exists.');
  return template;
}

/**
 * Replaces a meeting's agenda with a template's segments. Situations already chosen keep their
 * slots, which take the place of the template's first issue-processing segment. Once any segment
 * has run, the agenda is edited item by item instead.
 */
export function buildAgenda(store: Store, meetingId: string, template: AgendaTemplate, at: number): void {
  const items = store.agenda.items(meetingId);
  if (items.some((i) => i.timer.startedAt !== null)) {
    throw new AppError(
      'CONFLICT',
      'This agenda has already started; change its segments one by one instead.',
    );
  }
  const chosen = items.filter((i) => i.situationId !== null);
  for (const item of items) if (item.situationId === null) store.agenda.removeItem(item.id, at);
  const order: string[] = [];
  let placed = chosen.length === 0;
  for (const segment of template.segments) {
    if (segment.kind === 'issue_processing' && !placed) {
      for (const slot of chosen) {
        store.agenda.updateItem({
          id: slot.id,
          title: slot.title,
          minutes: segment.minutes,
          speakerMinutes: null,
          now: at,
        });
        order.push(slot.id);
      }
      placed = true;
      continue;
    }
    const id = newId();
    store.agenda.insertItem({
      id,
      meetingId,
      position: order.length,
      ...segment,
      situationId: null,
      now: at,
    });
    order.push(id);
  }
  if (!placed) {
    const wrapUp = template.segments.findIndex((s) => s.kind === 'wrap_up');
    order.splice(wrapUp < 0 ? order.length : wrapUp, 0, ...chosen.map((c) => c.id));
  }
  store.agenda.setOrder(order, at);
  store.meetings.setTemplate(meetingId, template.id, at);
}

function requireItem(store: Store, id: string) {
  const item = store.agenda.item(id);
  if (!item) throw new AppError('NOT_FOUND', 'That agenda segment no longer exists.');
  return item;
}

export function agendaHandlers(
  context: ServiceContext,
): Pick<
  Handlers,
  | 'template.list'
  | 'template.save'
  | 'agenda.fromTemplate'
  | 'agenda.reorder'
  | 'agenda.update'
  | 'agenda.add'
  | 'agenda.remove'
> {
  const { store } = context;
  const clock = clockOf(context);

  return {
    'template.list': () => store.agenda.templates(),

    'template.save': (input) => {
      const existing = input.templateId === undefined ? undefined : requireTemplate(store, input.templateId);
      const id = existing?.id ?? newId();
      const namesake = store.agenda.templateNamed(input.name);
      if (namesake !== undefined && namesake !== id) {
        throw new AppError(
          'CONFLICT',
          `A template named “${input.name}” already exists; choose another name.`,
        );
      }
      const row = {
        id,
        name: input.name,
        adviceKind: input.adviceKind,
        adviseLabel: input.adviseLabel,
        phaseMinutes: input.phaseMinutes ?? existing?.phaseMinutes ?? DEFAULT_PHASE_MINUTES,
        now: clock(),
      };
      const segmentIds = input.segments.map(() => newId());
      store.db.transaction(() => store.agenda.saveTemplate(row, segmentIds, input.segments, !existing))();
      return requireTemplate(store, id);
    },

    'agenda.fromTemplate': ({ meetingId, templateId }) => {
      const template = requireTemplate(store, templateId);
      return changeMeeting(context, meetingId, 'open', (meeting, at) =>
        buildAgenda(store, meeting.id, template, at),
      );
    },

    'agenda.reorder': ({ meetingId, itemIds }) =>
      changeMeeting(context, meetingId, 'open', (meeting, at) => {
        const current = store.agenda.items(meeting.id).map((i) => i.id);
        const given = new Set(itemIds);
        if (
          given.size !== itemIds.length ||
          current.length !== itemIds.length ||
          current.some((id) => !given.has(id))
        ) {
          throw new AppError(
            'VALIDATION',
            'The new order must list every segment of this agenda exactly once.',
          );
        }
        store.agenda.setOrder(itemIds, at);
      }),

    'agenda.update': (input) => {
      const item = requireItem(store, input.itemId);
      if (input.title === undefined && input.minutes === undefined && input.speakerMinutes === undefined) {
        throw new AppError('VALIDATION', 'Change the title, the minutes or the minutes per speaker.');
      }
      return changeMeeting(context, item.meetingId, 'open', (_meeting, at) =>
        store.agenda.updateItem({
          id: item.id,
          title: input.title ?? item.title,
          minutes: input.minutes ?? item.minutes,
          speakerMinutes: input.speakerMinutes === undefined ? item.speakerMinutes : input.speakerMinutes,
          now: at,
        }),
      );
    },

    'agenda.add': (input) =>
      changeMeeting(context, input.meetingId, 'open', (meeting, at) => {
        const order = store.agenda.items(meeting.id).map((i) => i.id);
        const id = newId();
        const { meetingId: _meeting, position, ...segment } = input;
        store.agenda.insertItem({
          ...segment,
          id,
          meetingId: meeting.id,
          position: order.length,
          situationId: null,
          now: at,
        });
        order.splice(Math.min(position ?? order.length, order.length), 0, id);
        store.agenda.setOrder(order, at);
      }),

    'agenda.remove': ({ itemId }) => {
      const item = requireItem(store, itemId);
      return changeMeeting(context, item.meetingId, 'open', (meeting, at) => {
        if (item.startedAt !== null) {
          throw new AppError('CONFLICT', 'This segment has already run; it stays on the agenda as a record.');
        }
        store.agenda.removeItem(item.id, at);
        store.agenda.setOrder(
          store.agenda.items(meeting.id).map((i) => i.id),
          at,
        );
      });
    },
  };
}
