// Queries for situations and the archive list.
import type { CreditPronoun, DigestCredit } from '../../shared/digest-format';
import type { Situation, SituationSummary } from '../../shared/domain';
import type { Db } from './database';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, toSummary, type SummaryRecord } from './situation-summary';

export interface SituationRow {
  id: string;
  groupId: string;
  presenterId: string;
  title: string;
  background: string;
  confidential: 0 | 1;
  credit: DigestCredit | null;
  now: number;
}

/**
 * A credit as its columns: the three parts all null or all set (the table's CHECK refuses anything
 * between), with the sentence as a post wrote it and its form only beside a credit (migration 5).
 */
export interface CreditColumns {
  creditName: string | null;
  creditOrg: string | null;
  creditPronoun: CreditPronoun | null;
  creditText: string | null;
  creditForm: 'bullet' | null;
}

export function creditColumns(credit: DigestCredit | null): CreditColumns {
  return credit
    ? {
        creditName: credit.name,
        creditOrg: credit.org,
        creditPronoun: credit.pronoun,
        creditText: credit.text ?? null,
        creditForm: credit.bullet ? 'bullet' : null,
      }
    : { creditName: null, creditOrg: null, creditPronoun: null, creditText: null, creditForm: null };
}

/** What situation.update changes: an undefined field is left as it is; a credit of null clears it. */
export interface SituationChanges {
  title?: string;
  background?: string;
  confidential?: boolean;
  credit?: DigestCredit | null;
}

/** The credit its columns hold, the sentence as written and the bullet form only when there are. */
export function creditOf(columns: CreditColumns): DigestCredit | null {
  const { creditName: name, creditOrg: org, creditPronoun: pronoun, creditText, creditForm } = columns;
  if (name === null || org === null || pronoun === null) return null;
  return {
    name,
    org,
    pronoun,
    ...(creditText === null ? {} : { text: creditText }),
    ...(creditForm === 'bullet' ? { bullet: true } : {}),
  };
}

interface SituationRecord extends Omit<Situation, 'confidential' | 'credit'>, CreditColumns {
  confidential: 0 | 1;
}

const COLUMNS = `id, group_id AS groupId, presenter_id AS presenterId, title, background, status,
  confidential, credit_name AS creditName, credit_org AS creditOrg, credit_pronoun AS creditPronoun,
  credit_text AS creditText, credit_form AS creditForm, created_at AS createdAt, updated_at AS updatedAt`;

const SUMMARY = `SELECT ${SUMMARY_COLUMNS} FROM situations s ${SUMMARY_JOINS} WHERE s.deleted_at IS NULL`;

function toSituation({
  creditName,
  creditOrg,
  creditPronoun,
  creditText,
  creditForm,
  ...record
}: SituationRecord): Situation {
  return {
    ...record,
    confidential: record.confidential === 1,
    credit: creditOf({ creditName, creditOrg, creditPronoun, creditText, creditForm }),
  };
}

export function situationQueries(db: Db) {
  const insert = db.prepare<Omit<SituationRow, 'credit'> & CreditColumns>(
    `INSERT INTO situations (id, group_id, presenter_id, title, background, confidential, credit_name, credit_org,
       credit_pronoun, credit_text, credit_form, created_at, updated_at)
     VALUES (@id, @groupId, @presenterId, @title, @background, @confidential, @creditName, @creditOrg,
       @creditPronoun, @creditText, @creditForm, @now, @now)`,
  );
  const byId = db.prepare<[string], SituationRecord>(
    `SELECT ${COLUMNS} FROM situations WHERE id = ? AND deleted_at IS NULL`,
  );
  const all = db.prepare<[], SummaryRecord>(`${SUMMARY} ORDER BY s.created_at DESC, s.id DESC`);
  const byGroup = db.prepare<[string], SummaryRecord>(
    `${SUMMARY} AND s.group_id = ? ORDER BY s.created_at DESC, s.id DESC`,
  );
  const byPresenter = db.prepare<[string], SummaryRecord>(
    `${SUMMARY} AND s.presenter_id = ? ORDER BY s.created_at DESC, s.id DESC`,
  );
  const rid = db.prepare<[string], { rid: number; text: string }>(
    `SELECT rid, title || ' ' || background || ' ' || tried || ' ' || help_wanted AS text
     FROM situations WHERE id = ? AND deleted_at IS NULL`,
  );
  // One statement: a field bound to NULL keeps its value (title, background and confidential are
  // NOT NULL, so NULL never means "clear" for them); the credit's columns move together, so a credit
  // the chair gives replaces the sentence and form a post wrote it in.
  // Title and background are always in the SET list, so situations_fts_update re-indexes the row on
  // every update: one row's worth of work, and the index never misses a change.
  const update = db.prepare<
    {
      id: string;
      now: number;
      title: string | null;
      background: string | null;
      confidential: 0 | 1 | null;
      setCredit: 0 | 1;
    } & CreditColumns
  >(
    `UPDATE situations SET
       title = coalesce(@title, title),
       background = coalesce(@background, background),
       confidential = coalesce(@confidential, confidential),
       credit_name = CASE WHEN @setCredit THEN @creditName ELSE credit_name END,
       credit_org = CASE WHEN @setCredit THEN @creditOrg ELSE credit_org END,
       credit_pronoun = CASE WHEN @setCredit THEN @creditPronoun ELSE credit_pronoun END,
       credit_text = CASE WHEN @setCredit THEN @creditText ELSE credit_text END,
       credit_form = CASE WHEN @setCredit THEN @creditForm ELSE credit_form END,
       updated_at = @now
     WHERE id = @id AND deleted_at IS NULL`,
  );
  const touch = db.prepare<{ id: string; now: number }>(
    `UPDATE situations SET updated_at = @now WHERE id = @id`,
  );

  return {
    insert: ({ credit, ...row }: SituationRow) => insert.run({ ...row, ...creditColumns(credit) }),
    get: (id: string): Situation | undefined => {
      const record = byId.get(id);
      return record && toSituation(record);
    },
    list: (groupId?: string): SituationSummary[] =>
      (groupId === undefined ? all.all() : byGroup.all(groupId)).map(toSummary),
    listByPresenter: (memberId: string): SituationSummary[] => byPresenter.all(memberId).map(toSummary),
    /** The row id and the searchable text, which related-situation search starts from. */
    searchable: (id: string) => rid.get(id),
    touch: (id: string, now: number) => touch.run({ id, now }),
    /** False when there is no such situation (or it was deleted): nothing was written. */
    update: (id: string, changes: SituationChanges, now: number): boolean =>
      update.run({
        id,
        now,
        title: changes.title ?? null,
        background: changes.background ?? null,
        confidential: changes.confidential === undefined ? null : changes.confidential ? 1 : 0,
        setCredit: changes.credit === undefined ? 0 : 1,
        ...creditColumns(changes.credit ?? null),
      }).changes === 1,
  };
}
