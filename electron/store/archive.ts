// Archive queries: full-text search with bm25 ranking and snippets, browsing by filters, and related
// situations. Filters are SQL fragments over bound parameters; user text only ever reaches MATCH as
// a query built by services/search-query.ts.
import {
  SNIPPET_MARK_END,
  SNIPPET_MARK_START,
  type ArchiveHit,
  type ArchiveStatus,
  type SituationSummary,
  type SnippetSource,
} from '../../shared/domain';
import type { Db } from './database';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, toSummary, type SummaryRecord } from './situation-summary';

export interface ArchiveFilters {
  groupId?: string | undefined;
  tagId?: string | undefined;
  presenterId?: string | undefined;
  contributorId?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  status?: ArchiveStatus | undefined;
}

export interface SearchRequest extends ArchiveFilters {
  fts: string | null;
  sort: 'relevance' | 'date';
  offset: number;
  limit: number;
}

type Params = Record<string, string | number>;

// Title matches count most, then the background; advice and commitments count half as much as the
// situation's own text, so a situation that names the topic outranks one where it came up in passing.
const SITUATION_WEIGHTS = 'bm25(situations_fts, 10.0, 3.0, 2.0, 2.0)';
const ELSEWHERE = 0.5;

function filterSql(filters: ArchiveFilters): { where: string; params: Params } {
  const clauses = ['s.deleted_at IS NULL'];
  const params: Params = {};
  if (filters.groupId !== undefined) {
    clauses.push('s.group_id = @groupId');
    params.groupId = filters.groupId;
  }
  if (filters.presenterId !== undefined) {
    clauses.push('s.presenter_id = @presenterId');
    params.presenterId = filters.presenterId;
  }
  if (filters.from !== undefined) {
    clauses.push('s.created_at >= @from');
    params.from = filters.from;
  }
  if (filters.to !== undefined) {
    clauses.push('s.created_at < @to');
    params.to = filters.to;
  }
  if (filters.tagId !== undefined) {
    clauses.push('s.id IN (SELECT situation_id FROM situation_tags WHERE tag_id = @tagId)');
    params.tagId = filters.tagId;
  }
  if (filters.contributorId !== undefined) {
    clauses.push(
      's.id IN (SELECT situation_id FROM contributions WHERE author_id = @contributorId AND deleted_at IS NULL)',
    );
    params.contributorId = filters.contributorId;
  }
  if (filters.status === 'open_commitments') {
    clauses.push(
      `s.id IN (SELECT situation_id FROM commitments WHERE status = 'open' AND deleted_at IS NULL)`,
    );
  } else if (filters.status === 'resolved') {
    clauses.push(`s.status = 'resolved'`);
  } else if (filters.status === 'never_processed') {
    clauses.push(`s.status = 'parked'`);
  }
  return { where: clauses.join(' AND '), params };
}

/** Every situation that matches, with its combined score and where its best match is. */
const MATCHES = `
  s_hits AS MATERIALIZED (
    SELECT rowid AS rid, ${SITUATION_WEIGHTS} AS score FROM situations_fts WHERE situations_fts MATCH @fts
  ),
  c_raw AS MATERIALIZED (
    SELECT rowid AS rid, bm25(contributions_fts) AS score FROM contributions_fts WHERE contributions_fts MATCH @fts
  ),
  c_hits AS MATERIALIZED (
    SELECT c.situation_id AS sid, min(r.score) AS score, r.rid AS best
    FROM c_raw r JOIN contributions c ON c.rid = r.rid WHERE c.deleted_at IS NULL
    GROUP BY c.situation_id
  ),
  k_raw AS MATERIALIZED (
    SELECT rowid AS rid, bm25(commitments_fts) AS score FROM commitments_fts WHERE commitments_fts MATCH @fts
  ),
  k_hits AS MATERIALIZED (
    SELECT k.situation_id AS sid, min(r.score) AS score, r.rid AS best
    FROM k_raw r JOIN commitments k ON k.rid = r.rid WHERE k.deleted_at IS NULL
    GROUP BY k.situation_id
  ),
  candidates AS (
    SELECT rid FROM s_hits
    UNION SELECT s.rid FROM c_hits JOIN situations s ON s.id = c_hits.sid
    UNION SELECT s.rid FROM k_hits JOIN situations s ON s.id = k_hits.sid
  ),
  matched AS (
    SELECT c.rid AS rid,
      coalesce(sh.score, 0) + ${ELSEWHERE} * (coalesce(ch.score, 0) + coalesce(kh.score, 0)) AS score,
      sh.rid IS NOT NULL AS inSituation, ch.best AS contributionRid, kh.best AS commitmentRid
    FROM candidates c
      JOIN situations s ON s.rid = c.rid
      LEFT JOIN s_hits sh ON sh.rid = c.rid
      LEFT JOIN c_hits ch ON ch.sid = s.id
      LEFT JOIN k_hits kh ON kh.sid = s.id
  )`;

interface HitRecord extends SummaryRecord {
  rid: number;
  inSituation: 0 | 1 | null;
  contributionRid: number | null;
  commitmentRid: number | null;
  total: number;
}

export function archiveQueries(db: Db) {
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  /** Statements differ only by which filters are present, so there are few of them; keep each one. */
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const snippetOf = {
    situation: db.prepare<{ fts: string; rid: number; start: string; end: string }, { text: string }>(
      `SELECT snippet(situations_fts, -1, @start, @end, '…', 14) AS text
       FROM situations_fts WHERE situations_fts MATCH @fts AND rowid = @rid`,
    ),
    contribution: db.prepare<{ fts: string; rid: number; start: string; end: string }, { text: string }>(
      `SELECT snippet(contributions_fts, 0, @start, @end, '…', 14) AS text
       FROM contributions_fts WHERE contributions_fts MATCH @fts AND rowid = @rid`,
    ),
    commitment: db.prepare<{ fts: string; rid: number; start: string; end: string }, { text: string }>(
      `SELECT snippet(commitments_fts, -1, @start, @end, '…', 14) AS text
       FROM commitments_fts WHERE commitments_fts MATCH @fts AND rowid = @rid`,
    ),
  };
  const marks = { start: SNIPPET_MARK_START, end: SNIPPET_MARK_END };

  function snippet(source: SnippetSource, fts: string, rid: number): string | null {
    return snippetOf[source].get({ fts, rid, ...marks })?.text ?? null;
  }

  function toHit(record: HitRecord, fts: string | null): ArchiveHit {
    const { tagsJson, rid, inSituation, contributionRid, commitmentRid, total: _total, ...summary } = record;
    let source: SnippetSource | null = null;
    let text: string | null = null;
    if (fts !== null) {
      if (inSituation === 1) [source, text] = ['situation', snippet('situation', fts, rid)];
      else if (contributionRid !== null)
        [source, text] = ['contribution', snippet('contribution', fts, contributionRid)];
      else if (commitmentRid !== null)
        [source, text] = ['commitment', snippet('commitment', fts, commitmentRid)];
    }
    return {
      ...summary,
      confidential: summary.confidential === 1,
      tags: JSON.parse(tagsJson) as string[],
      snippet: text,
      snippetSource: text === null ? null : source,
    };
  }

  /** The SQL a search runs: exposed so the bench can time the same query straight on the database. */
  function searchSql(request: SearchRequest): { sql: string; params: Params } {
    const { where, params } = filterSql(request);
    const page = { ...params, offset: request.offset, limit: request.limit };
    if (request.fts === null) {
      return {
        sql: `SELECT ${SUMMARY_COLUMNS}, s.rid, NULL AS inSituation, NULL AS contributionRid, NULL AS commitmentRid,
                (SELECT count(*) FROM situations s WHERE ${where}) AS total
              FROM situations s ${SUMMARY_JOINS}
              WHERE ${where}
              ORDER BY s.created_at DESC, s.rid DESC LIMIT @limit OFFSET @offset`,
        params: page,
      };
    }
    const order = request.sort === 'date' ? 's.created_at DESC, s.rid DESC' : 'x.score, s.created_at DESC';
    return {
      sql: `WITH ${MATCHES}
            SELECT ${SUMMARY_COLUMNS}, s.rid, x.inSituation, x.contributionRid, x.commitmentRid,
              count(*) OVER () AS total
            FROM matched x JOIN situations s ON s.rid = x.rid ${SUMMARY_JOINS}
            WHERE ${where}
            ORDER BY ${order} LIMIT @limit OFFSET @offset`,
      params: { ...page, fts: request.fts },
    };
  }

  const relatedStatement = db.prepare<{ fts: string; rid: number }, SummaryRecord>(
    `SELECT ${SUMMARY_COLUMNS}
     FROM situations_fts JOIN situations s ON s.rid = situations_fts.rowid ${SUMMARY_JOINS}
     WHERE situations_fts MATCH @fts AND situations_fts.rowid != @rid AND s.deleted_at IS NULL
     ORDER BY ${SITUATION_WEIGHTS} LIMIT 5`,
  );

  return {
    searchSql,

    search(request: SearchRequest): { total: number; hits: ArchiveHit[] } {
      const { sql, params } = searchSql(request);
      const records = prepared(sql).all(params) as HitRecord[];
      return { total: records[0]?.total ?? 0, hits: records.map((r) => toHit(r, request.fts)) };
    },

    related(fts: string, rid: number): SituationSummary[] {
      return relatedStatement.all({ fts, rid }).map(toSummary);
    },

    explain(request: SearchRequest): string[] {
      const { sql, params } = searchSql(request);
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map(
        (r) => r.detail,
      );
    },
  };
}
