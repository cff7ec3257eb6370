// The columns of one archive row, shared by every query that lists situations.
import type { SituationSummary } from '../../shared/domain';

/** Select list over situations s, groups g and members m (the presenter). */
export const SUMMARY_COLUMNS = `s.id, s.group_id AS groupId, g.name AS groupName, s.title, m.name AS presenterName,
  s.status, s.confidential, s.created_at AS createdAt,
  (SELECT count(*) FROM contributions c
    WHERE c.situation_id = s.id AND c.parent_id IS NULL AND c.deleted_at IS NULL
      AND c.kind IN ('advice', 'experience')) AS adviceCount,
  (SELECT coalesce(json_group_array(t.name), '[]') FROM situation_tags st JOIN tags t ON t.id = st.tag_id
    WHERE st.situation_id = s.id) AS tagsJson`;

export const SUMMARY_JOINS = `JOIN groups g ON g.id = s.group_id JOIN members m ON m.id = s.presenter_id`;

export interface SummaryRecord extends Omit<SituationSummary, 'confidential'> {
  confidential: 0 | 1;
  tagsJson: string;
}

export function toSummary({ tagsJson: _tags, ...record }: SummaryRecord): SituationSummary {
  return { ...record, confidential: record.confidential === 1 };
}
