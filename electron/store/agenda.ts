// Queries for agenda templates and for the agenda items (timed segments) of meetings.
import type {
  AdviceKind,
  AgendaItem,
  AgendaKind,
  AgendaTemplate,
  PhaseMinutes,
  TemplateSegment,
} from '../../shared/domain';
import type { Db } from './database';

interface TemplateRecord {
  id: string;
  name: string;
  adviceKind: AdviceKind;
  adviseLabel: string;
  present: number;
  clarify: number;
  advise: number;
  reflect: number;
  commit: number;
  builtin: 0 | 1;
  updatedAt: number;
}

export interface TemplateRow {
  id: string;
  name: string;
  adviceKind: AdviceKind;
  adviseLabel: string;
  phaseMinutes: PhaseMinutes;
  now: number;
}

/** An agenda item as stored, with its timer's timestamps. */
export interface ItemRecord {
  id: string;
  meetingId: string;
  position: number;
  kind: AgendaKind;
  title: string;
  minutes: number;
  speakerMinutes: number | null;
  situationId: string | null;
  startedAt: number | null;
  endedAt: number | null;
  pausedAt: number | null;
  pausedMs: number;
}

export interface ItemRow {
  id: string;
  meetingId: string;
  position: number;
  kind: AgendaKind;
  title: string;
  minutes: number;
  speakerMinutes: number | null;
  situationId: string | null;
  now: number;
}

const TEMPLATE_COLUMNS = `id, name, advice_kind AS adviceKind, advise_label AS adviseLabel,
  present_minutes AS present, clarify_minutes AS clarify, advise_minutes AS advise,
  reflect_minutes AS reflect, commit_minutes AS "commit", builtin, updated_at AS updatedAt`;

const ITEM_COLUMNS = `i.id, i.meeting_id AS meetingId, i.position, i.kind, i.title, i.minutes,
  i.speaker_minutes AS speakerMinutes, i.situation_id AS situationId, i.started_at AS startedAt,
  i.ended_at AS endedAt, i.paused_at AS pausedAt, i.paused_ms AS pausedMs`;

export function toAgendaItem(
  record: ItemRecord & { situationTitle: string | null; presenterId: string | null },
): AgendaItem {
  const { meetingId: _meeting, startedAt, endedAt, pausedAt, pausedMs, ...item } = record;
  return {
    ...item,
    timer: { startedAt, endedAt, pausedAt, pausedMs, budgetMs: item.minutes * 60_000 },
  };
}

export function agendaQueries(db: Db) {
  const templates = db.prepare<[], TemplateRecord>(
    `SELECT ${TEMPLATE_COLUMNS} FROM agenda_templates WHERE deleted_at IS NULL
     ORDER BY builtin DESC, name COLLATE NOCASE, id`,
  );
  const template = db.prepare<[string], TemplateRecord>(
    `SELECT ${TEMPLATE_COLUMNS} FROM agenda_templates WHERE id = ? AND deleted_at IS NULL`,
  );
  const templateNamed = db.prepare<[string], { id: string }>(
    `SELECT id FROM agenda_templates WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL`,
  );
  const segments = db.prepare<[string], TemplateSegment>(
    `SELECT kind, title, minutes, speaker_minutes AS speakerMinutes FROM agenda_template_segments
     WHERE template_id = ? ORDER BY position, id`,
  );
  const insertTemplate = db.prepare<TemplateRow & PhaseMinutes>(
    `INSERT INTO agenda_templates (id, name, advice_kind, advise_label, present_minutes, clarify_minutes,
       advise_minutes, reflect_minutes, commit_minutes, created_at, updated_at)
     VALUES (@id, @name, @adviceKind, @adviseLabel, @present, @clarify, @advise, @reflect, @commit, @now, @now)`,
  );
  const updateTemplate = db.prepare<TemplateRow & PhaseMinutes>(
    `UPDATE agenda_templates SET name = @name, advice_kind = @adviceKind, advise_label = @adviseLabel,
       present_minutes = @present, clarify_minutes = @clarify, advise_minutes = @advise,
       reflect_minutes = @reflect, commit_minutes = @commit, updated_at = @now
     WHERE id = @id`,
  );
  const clearSegments = db.prepare<[string]>(`DELETE FROM agenda_template_segments WHERE template_id = ?`);
  const insertSegment = db.prepare<TemplateSegment & { id: string; templateId: string; position: number }>(
    `INSERT INTO agenda_template_segments (id, template_id, position, kind, title, minutes, speaker_minutes)
     VALUES (@id, @templateId, @position, @kind, @title, @minutes, @speakerMinutes)`,
  );

  const items = db.prepare<
    [string],
    ItemRecord & { situationTitle: string | null; presenterId: string | null }
  >(
    `SELECT ${ITEM_COLUMNS}, s.title AS situationTitle, s.presenter_id AS presenterId
     FROM agenda_items i LEFT JOIN situations s ON s.id = i.situation_id
     WHERE i.meeting_id = ? AND i.deleted_at IS NULL ORDER BY i.position, i.id`,
  );
  const item = db.prepare<[string], ItemRecord>(
    `SELECT ${ITEM_COLUMNS} FROM agenda_items i WHERE i.id = ? AND i.deleted_at IS NULL`,
  );
  const running = db.prepare<[string], ItemRecord>(
    `SELECT ${ITEM_COLUMNS} FROM agenda_items i WHERE i.meeting_id = ? AND i.deleted_at IS NULL
       AND i.started_at IS NOT NULL AND i.ended_at IS NULL`,
  );
  const insertItem = db.prepare<ItemRow>(
    `INSERT INTO agenda_items (id, meeting_id, position, kind, title, minutes, speaker_minutes, situation_id,
       created_at, updated_at)
     VALUES (@id, @meetingId, @position, @kind, @title, @minutes, @speakerMinutes, @situationId, @now, @now)`,
  );
  const setPosition = db.prepare<{ id: string; position: number; now: number }>(
    `UPDATE agenda_items SET position = @position, updated_at = @now WHERE id = @id AND position <> @position`,
  );
  const updateItem = db.prepare<{
    id: string;
    title: string;
    minutes: number;
    speakerMinutes: number | null;
    now: number;
  }>(
    `UPDATE agenda_items SET title = @title, minutes = @minutes, speaker_minutes = @speakerMinutes, updated_at = @now
     WHERE id = @id`,
  );
  const removeItem = db.prepare<{ id: string; now: number }>(
    `UPDATE agenda_items SET deleted_at = @now, updated_at = @now WHERE id = @id`,
  );
  // Starting a segment again continues its clock: the time it was away counts as paused.
  const start = db.prepare<{ id: string; now: number }>(
    `UPDATE agenda_items SET updated_at = @now,
       paused_ms = paused_ms + CASE WHEN ended_at IS NULL THEN 0 ELSE max(0, @now - ended_at) END,
       started_at = coalesce(started_at, @now), ended_at = NULL, paused_at = NULL
     WHERE id = @id`,
  );
  const stopRunning = db.prepare<{ meetingId: string; now: number }>(
    `UPDATE agenda_items SET updated_at = @now, ended_at = @now, paused_at = NULL,
       paused_ms = paused_ms + CASE WHEN paused_at IS NULL THEN 0 ELSE max(0, @now - paused_at) END
     WHERE meeting_id = @meetingId AND started_at IS NOT NULL AND ended_at IS NULL AND deleted_at IS NULL`,
  );

  function toTemplate(record: TemplateRecord): AgendaTemplate {
    const { present, clarify, advise, reflect, commit, builtin, ...rest } = record;
    return {
      ...rest,
      phaseMinutes: { present, clarify, advise, reflect, commit },
      builtin: builtin === 1,
      segments: segments.all(record.id),
    };
  }

  return {
    templates: (): AgendaTemplate[] => templates.all().map(toTemplate),
    template: (id: string): AgendaTemplate | undefined => {
      const record = template.get(id);
      return record && toTemplate(record);
    },
    templateNamed: (name: string) => templateNamed.get(name)?.id,
    saveTemplate: (row: TemplateRow, segmentIds: string[], list: TemplateSegment[], isNew: boolean) => {
      const params = { ...row, ...row.phaseMinutes };
      if (isNew) insertTemplate.run(params);
      else updateTemplate.run(params);
      clearSegments.run(row.id);
      list.forEach((segment, position) =>
        insertSegment.run({ ...segment, id: segmentIds[position] ?? '', templateId: row.id, position }),
      );
    },

    items: (meetingId: string): AgendaItem[] => items.all(meetingId).map(toAgendaItem),
    item: (id: string): ItemRecord | undefined => item.get(id),
    running: (meetingId: string): ItemRecord | undefined => running.get(meetingId),
    insertItem: (row: ItemRow) => insertItem.run(row),
    /** Renumbers a meeting's items 0, 1, 2… in the order given. */
    setOrder: (ids: readonly string[], now: number) =>
      ids.forEach((id, position) => setPosition.run({ id, position, now })),
    updateItem: (row: {
      id: string;
      title: string;
      minutes: number;
      speakerMinutes: number | null;
      now: number;
    }) => updateItem.run(row),
    removeItem: (id: string, now: number) => removeItem.run({ id, now }),
    start: (id: string, now: number) => start.run({ id, now }),
    stopRunning: (meetingId: string, now: number) => stopRunning.run({ meetingId, now }),
  };
}
