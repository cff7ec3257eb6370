// Writes for digest import: processed situations presented by the group's digest voice, kept as the
// post wrote them (its heading, its Situation paragraph, its noun and its credit), their advice trees
// with explicit positions, and the digest voice itself.
import type { DigestCredit } from '../../shared/digest-format';
import type { Db } from './database';
import { nextChildRidSql } from './row-ids';
import { creditColumns, type CreditColumns } from './situations';

export interface ImportedSituationRow {
  id: string;
  groupId: string;
  presenterId: string;
  /** The post's heading, without its count phrase. */
  title: string;
  /** The post's whole Situation paragraph. */
  background: string;
  /** The noun the post's title counted its advice in. */
  noun: string;
  confidential: boolean;
  credit: DigestCredit | null;
  now: number;
}

export function importQueries(db: Db) {
  const insertSituation = db.prepare<
    Omit<ImportedSituationRow, 'credit' | 'confidential'> & CreditColumns & { confidential: 0 | 1 }
  >(
    `INSERT INTO situations (id, group_id, presenter_id, title, background, status, confidential, digest_noun,
       text_form, credit_name, credit_org, credit_pronoun, credit_text, credit_form, created_at, updated_at)
     VALUES (@id, @groupId, @presenterId, @title, @background, 'processed', @confidential, @noun, 'post',
       @creditName, @creditOrg, @creditPronoun, @creditText, @creditForm, @now, @now)`,
  );
  const insertPoint = db.prepare<{
    id: string;
    situationId: string;
    parentId: string | null;
    authorId: string;
    body: string;
    position: number;
    now: number;
  }>(
    `INSERT INTO contributions (rid, id, situation_id, parent_id, author_id, kind, body, position, created_at, updated_at)
     VALUES (${nextChildRidSql('contributions')}, @id, @situationId, @parentId, @authorId, 'advice', @body, @position,
       @now, @now)`,
  );
  const situations = db.prepare<
    [string],
    { id: string; title: string; background: string; textForm: 'post' | null }
  >(
    `SELECT id, title, background, text_form AS textForm FROM situations WHERE group_id = ? AND deleted_at IS NULL`,
  );
  const digestVoice = db
    .prepare<[string], string>(
      `SELECT id FROM members WHERE group_id = ? AND origin = 'digest' AND deleted_at IS NULL
       ORDER BY created_at, id LIMIT 1`,
    )
    .pluck();
  const insertDigestVoice = db.prepare<{ id: string; groupId: string; name: string; now: number }>(
    `INSERT INTO members (id, group_id, name, role, origin, created_at, updated_at)
     VALUES (@id, @groupId, @name, 'guest', 'digest', @now, @now)`,
  );

  return {
    insertSituation: ({ credit, confidential, ...row }: ImportedSituationRow) =>
      insertSituation.run({ ...row, confidential: confidential ? 1 : 0, ...creditColumns(credit) }),
    insertPoint: (row: Parameters<typeof insertPoint.run>[0]) => insertPoint.run(row),
    /** The group's situations by question and background, to find posts already imported. */
    situations: (groupId: string) => situations.all(groupId),
    /** The group's digest voice, who presents and advises its imported posts, if it has one yet. */
    digestVoice: (groupId: string): string | undefined => digestVoice.get(groupId),
    insertDigestVoice: (row: { id: string; groupId: string; name: string; now: number }) =>
      insertDigestVoice.run(row),
  };
}
