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
import { SITUATION_SHIFT } from './row-ids';
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

// Ranking: situations whose own words match come first, by bm25 with the title weighted most; then
// the situations where the words came up only in what was said (questions, advice, commitments),
// newest first. Columns: title, background, tried, help_wanted.
const SITUATION_WEIGHTS = 'bm25(situations_fts, 10.0, 3.0, 2.0, 2.0)';

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

interface HitRecord extends SummaryRecord {
  rid: number;
  total: number;
  inSituation: 0 | 1;
}

/**
 * Snippets for a page of hits, keyed by the situation's rid (a JSON array in @rids): one statement per
 * index. `+rowid` keeps each list a filter over one pass of the matches: as an index constraint FTS5
 * would rebuild a prefix term's whole doclist once per rowid. For contributions and commitments the
 * snippet is the situation's first matching row's.
 */
function snippetsSql(table: 'situations_fts' | 'contributions_fts' | 'commitments_fts'): string {
  if (table === 'situations_fts') {
    return `SELECT rowid AS rid, highlight(situations_fts, 0, @start, @end) AS title,
        snippet(situations_fts, -1, @start, @end, '…', 14) AS snippet
      FROM situations_fts WHERE situations_fts MATCH @fts AND +rowid IN (SELECT value FROM json_each(@rids))`;
  }
  return `WITH firsts AS MATERIALIZED (
      SELECT min(rowid) AS first FROM ${table}
      WHERE ${table} MATCH @fts AND +(rowid >> ${SITUATION_SHIFT}) IN (SELECT value FROM json_each(@rids))
      GROUP BY rowid >> ${SITUATION_SHIFT}
    )
    SELECT rowid >> ${SITUATION_SHIFT} AS rid, NULL AS title, snippet(${table}, -1, @start, @end, '…', 14) AS snippet
    FROM ${table} WHERE ${table} MATCH @fts AND +rowid IN (SELECT first FROM firsts)`;
}

export const SNIPPET_SQL = {
  situation: snippetsSql('situations_fts'),
  contribution: snippetsSql('contributions_fts'),
  commitment: snippetsSql('commitments_fts'),
};

/**
 * Every situation whose own words, contributions or commitments match. One pass per index; a
 * contribution's situation is its rowid >> 20, read from the index without touching the table.
 */
const MATCHES = `
  s_hits AS MATERIALIZED (
    SELECT rowid AS rid, ${SITUATION_WEIGHTS} AS score FROM situations_fts WHERE situations_fts MATCH @fts
  ),
  c_hits AS MATERIALIZED (
    SELECT DISTINCT rowid >> ${SITUATION_SHIFT} AS rid FROM contributions_fts WHERE contributions_fts MATCH @fts
  ),
  k_hits AS MATERIALIZED (
    SELECT DISTINCT rowid >> ${SITUATION_SHIFT} AS rid FROM commitments_fts WHERE commitments_fts MATCH @fts
  ),
  matched AS (
    SELECT rid, score, 1 AS inSituation FROM s_hits
    UNION ALL
    SELECT rid, 0, 0 FROM c_hits WHERE rid NOT IN (SELECT rid FROM s_hits)
    UNION ALL
    SELECT rid, 0, 0 FROM k_hits WHERE rid NOT IN (SELECT rid FROM s_hits) AND rid NOT IN (SELECT rid FROM c_hits)
  )`;

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

  type SnippetRow = { rid: number; title: string | null; snippet: string };
  type SnippetParams = { fts: string; rids: string; start: string; end: string };
  const snippetStatements = {
    situation: db.prepare<SnippetParams, SnippetRow>(SNIPPET_SQL.situation),
    contribution: db.prepare<SnippetParams, SnippetRow>(SNIPPET_SQL.contribution),
    commitment: db.prepare<SnippetParams, SnippetRow>(SNIPPET_SQL.commitment),
  };

  function snippets(source: SnippetSource, fts: string, rids: number[]): Map<number, SnippetRow> {
    if (rids.length === 0) return new Map();
    const rows = snippetStatements[source].all({
      fts,
      rids: JSON.stringify(rids),
      start: SNIPPET_MARK_START,
      end: SNIPPET_MARK_END,
    });
    return new Map(rows.map((row) => [row.rid, row]));
  }

  const hasMark = (text: string | null | undefined): text is string =>
    text?.includes(SNIPPET_MARK_START) === true;

  /**
   * Marks the page's titles and picks each hit's snippet: from the situation's own words when more
   * than its title matched, else from the first matching contribution, else from a commitment.
   */
  function toHits(records: HitRecord[], fts: string | null): ArchiveHit[] {
    const summary = (record: HitRecord) => ({
      ...toSummary(record),
      tags: JSON.parse(record.tagsJson) as string[],
    });
    if (fts === null) {
      return records.map((r) => ({ ...summary(r), titleMarked: null, snippet: null, snippetSource: null }));
    }
    const own = snippets(
      'situation',
      fts,
      records.filter((r) => r.inSituation === 1).map((r) => r.rid),
    );
    const ownText = (r: HitRecord) => {
      const row = own.get(r.rid);
      return hasMark(row?.snippet) && row.snippet !== row.title ? row.snippet : null;
    };
    const elsewhere = records.filter((r) => ownText(r) === null).map((r) => r.rid);
    const said = snippets('contribution', fts, elsewhere);
    const promised = snippets(
      'commitment',
      fts,
      elsewhere.filter((rid) => !said.has(rid)),
    );

    return records.map((record) => {
      const title = own.get(record.rid)?.title;
      const candidates: [string | null | undefined, SnippetSource][] = [
        [ownText(record), 'situation'],
        [said.get(record.rid)?.snippet, 'contribution'],
        [promised.get(record.rid)?.snippet, 'commitment'],
      ];
      const [text, source] = candidates.find(([candidate]) => hasMark(candidate)) ?? [null, null];
      return {
        ...summary(record),
        titleMarked: hasMark(title) ? title : null,
        snippet: text ?? null,
        snippetSource: source,
      };
    });
  }

  /** The SQL a search runs: exposed so the bench can time the same query straight on the database. */
  function searchSql(request: SearchRequest): { sql: string; params: Params } {
    const { where, params } = filterSql(request);
    const page = { ...params, offset: request.offset, limit: request.limit };
    if (request.fts === null) {
      return {
        sql: `SELECT ${SUMMARY_COLUMNS}, s.rid, 0 AS inSituation,
                (SELECT count(*) FROM situations s WHERE ${where}) AS total
              FROM situations s ${SUMMARY_JOINS}
              WHERE ${where}
              ORDER BY s.created_at DESC, s.rid DESC LIMIT @limit OFFSET @offset`,
        params: page,
      };
    }
    const order =
      request.sort === 'date'
        ? 's.created_at DESC, s.rid DESC'
        : 'x.inSituation DESC, x.score, s.created_at DESC, s.rid DESC';
    // The page is chosen first, on keys and scores only; the summary columns (with their subqueries)
    // are then computed for the rows on the page, not for every match. bm25() is computed in
    // materialized steps: SQLite refuses it inside window and join contexts.
    return {
      sql: `WITH ${MATCHES},
            page AS (
              SELECT x.rid, x.score, x.inSituation,
                count(*) OVER () AS total
              FROM matched x JOIN situations s ON s.rid = x.rid
              WHERE ${where}
              ORDER BY ${order} LIMIT @limit OFFSET @offset
            )
            SELECT ${SUMMARY_COLUMNS}, s.rid, x.inSituation, x.total
            FROM page x JOIN situations s ON s.rid = x.rid ${SUMMARY_JOINS}
            ORDER BY ${order}`,
      params: { ...page, fts: request.fts },
    };
  }

  const relatedStatement = db.prepare<{ fts: string; rid: number }, SummaryRecord>(
    `WITH hits AS MATERIALIZED (
       SELECT rowid AS rid, ${SITUATION_WEIGHTS} AS score FROM situations_fts
       WHERE situations_fts MATCH @fts AND rowid != @rid
       ORDER BY score LIMIT 5
     )
     SELECT ${SUMMARY_COLUMNS} FROM hits h JOIN situations s ON s.rid = h.rid ${SUMMARY_JOINS}
     WHERE s.deleted_at IS NULL ORDER BY h.score`,
  );

  return {
    searchSql,

    search(request: SearchRequest): { total: number; hits: ArchiveHit[] } {
      const { sql, params } = searchSql(request);
      const records = prepared(sql).all(params) as HitRecord[];
      return { total: records[0]?.total ?? 0, hits: toHits(records, request.fts) };
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
