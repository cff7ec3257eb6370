// Read-only queries the exports need: what a meeting processed, every point of a situation with the
// phase it was captured in, the situations a tag or a selection names, and the people credited in a
// archive (whose names an anonymized export blanks out).
import type { DigestCredit } from '../../shared/digest-format';
import type { ContributionKind, Member, Phase } from '../../shared/domain';
import type { Db } from './database';

export interface ExportPoint {
  id: string;
  parentId: string | null;
  authorId: string;
  kind: ContributionKind;
  body: string;
  phase: Phase | null;
  endorsedBy: string[];
}

export function exportQueries(db: Db) {
  const processedAt = db
    .prepare<[string], string>(
      `SELECT DISTINCT a.situation_id FROM agenda_items a JOIN situations s ON s.id = a.situation_id
       WHERE a.meeting_id = ? AND a.deleted_at IS NULL AND s.deleted_at IS NULL AND a.kind = 'issue_processing'
       ORDER BY a.position`,
    )
    .pluck();
  const points = db.prepare<[string], Omit<ExportPoint, 'endorsedBy'> & { endorsedJson: string }>(
    `SELECT c.id, c.parent_id AS parentId, c.author_id AS authorId, c.kind, c.body, c.phase,
       (SELECT coalesce(json_group_array(e.member_id), '[]') FROM endorsements e WHERE e.contribution_id = c.id)
         AS endorsedJson
     FROM contributions c WHERE c.situation_id = ? AND c.deleted_at IS NULL ORDER BY c.position, c.id`,
  );
  const byTag = db
    .prepare<[string], string>(
      `SELECT s.id FROM situation_tags st JOIN situations s ON s.id = st.situation_id
       WHERE st.tag_id = ? AND s.deleted_at IS NULL ORDER BY s.created_at, s.id`,
    )
    .pluck();

  // Removed members and credits of removed situations too: their names are still in what was said.
  // A digest voice is no one (migration 5), so its name is no one's.
  const members = db.prepare<[], Pick<Member, 'name' | 'company' | 'role'>>(
    `SELECT DISTINCT name, company, role FROM members WHERE origin = 'room' ORDER BY 1, 2, 3`,
  );
  const digestForm = db.prepare<[string], { noun: string | null; textForm: 'post' | null }>(
    `SELECT digest_noun AS noun, text_form AS textForm FROM situations WHERE id = ?`,
  );
  const credits = db.prepare<[], Pick<DigestCredit, 'name' | 'org'>>(
    `SELECT DISTINCT credit_name AS name, credit_org AS org FROM situations
     WHERE credit_name IS NOT NULL ORDER BY 1, 2`,
  );

  return {
    /** The situations a meeting's issue-processing slots took up, in agenda order. */
    processedAt: (meetingId: string): string[] => processedAt.all(meetingId),
    points: (situationId: string): ExportPoint[] =>
      points.all(situationId).map(({ endorsedJson, ...p }) => ({
        ...p,
        endorsedBy: JSON.parse(endorsedJson) as string[],
      })),
    situationsTagged: (tagId: string): string[] => byTag.all(tagId),
    /**
     * How an imported post wrote its situation (migration 5): the noun its title counted in, and
     * whether its title and background are its heading and Situation paragraph as written.
     */
    digestForm: (situationId: string): { noun: string | null; asPosted: boolean } => {
      const row = digestForm.get(situationId);
      return { noun: row?.noun ?? null, asPosted: row?.textForm === 'post' };
    },
    /**
     * Everyone an anonymized export must not name: the people of every group (a chair's groups
     * talk about each other's members too) and everyone credited anywhere in the archive.
     */
    people: () => ({ members: members.all(), credits: credits.all() }),
  };
}
