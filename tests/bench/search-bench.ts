// Archive budgets: search through the router against the same SQL straight on the database and a
// LIKE scan, and related situations.
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '../../shared/domain';
import { createRouter } from '../../electron/ipc/router';
import { createHandlers } from '../../electron/services';
import { toFtsQuery } from '../../electron/services/search-query';
import { createStore } from '../../electron/store';
import { SNIPPET_SQL } from '../../electron/store/archive';
import { openDatabase } from '../../electron/store/database';
import { TEST_KEY } from '../harness/test-key';
import { summarize, time, timeAsync, type Measure } from './measure';

/** What members type: single topics, two-word searches, phrases, prefixes and a filter or two. */
export const QUERIES = [
  'empowering',
  'succession',
  'pricing',
  'teamwork account',
  '"private equity"',
  'burnout',
  'cash flow',
  'hiring COO',
  'culture',
  'board governance',
  'exclus',
  'remote work',
  'underperforming sales leader',
  'family business',
  'market',
];

export async function benchSearch(file: string, log: (line: string) => void): Promise<Measure[]> {
  const db = await openDatabase(file, { key: TEST_KEY, quickCheck: false });
  const store = createStore(db);
  const route = createRouter(createHandlers({ store, emit: () => undefined }));
  const runs = 300;

  // How much each query matches, so the figures can be read against the work they stand for.
  const matches = QUERIES.map((query) => {
    const result = store.archive.search({ fts: toFtsQuery(query), sort: 'relevance', offset: 0, limit: 1 });
    return `${query} (${result.total})`;
  });
  log(`Search queries, with the situations each matches: ${matches.join(', ')}`);

  const viaRouter = await timeAsync(async (i) => {
    const result = await route('archive.search', { query: QUERIES[i % QUERIES.length] ?? '', limit: 50 });
    if (!result.ok) throw new Error(result.error.message);
  }, runs);

  // The same statements the store runs (the search, then the snippets of each hit) straight on the database.
  const requests = QUERIES.map((query) => ({
    fts: toFtsQuery(query),
    sort: 'relevance' as const,
    offset: 0,
    limit: 50,
  }));
  const statements = requests
    .map((r) => store.archive.searchSql(r))
    .map(({ sql, params }) => ({
      statement: db.prepare(sql),
      params,
    }));
  const snippets = {
    situation: db.prepare(SNIPPET_SQL.situation),
    contribution: db.prepare(SNIPPET_SQL.contribution),
    commitment: db.prepare(SNIPPET_SQL.commitment),
  };
  type Row = { rid: number; inSituation: number };
  type Snippet = { rid: number; title: string | null; snippet: string };
  // As the store does: the situations' own snippets, then a contribution's only where the situation's
  // own words gave none, then a commitment's where neither did.
  const raw = time((i) => {
    const { statement, params } = statements[i % statements.length] ?? {};
    if (!statement || !params) return;
    const rows = statement.all(params) as Row[];
    const marks = { fts: params.fts, start: SNIPPET_MARK_START, end: SNIPPET_MARK_END };
    const withOwn = rows.filter((r) => r.inSituation).map((r) => r.rid);
    const own =
      withOwn.length === 0
        ? []
        : (snippets.situation.all({ ...marks, rids: JSON.stringify(withOwn) }) as Snippet[]);
    const covered = new Set(
      own.filter((o) => o.snippet.includes(SNIPPET_MARK_START) && o.snippet !== o.title).map((o) => o.rid),
    );
    const elsewhere = rows.filter((r) => !covered.has(r.rid)).map((r) => r.rid);
    if (elsewhere.length === 0) return;
    const said = new Set(
      (snippets.contribution.all({ ...marks, rids: JSON.stringify(elsewhere) }) as Snippet[]).map(
        (c) => c.rid,
      ),
    );
    const rest = elsewhere.filter((rid) => !said.has(rid));
    if (rest.length > 0) snippets.commitment.all({ ...marks, rids: JSON.stringify(rest) });
  }, runs);

  // What a search without an index would cost: LIKE over the situations and every contribution.
  const like = db.prepare(
    `SELECT s.id FROM situations s WHERE s.title LIKE @p OR s.background LIKE @p
       OR s.id IN (SELECT situation_id FROM contributions WHERE body LIKE @p) LIMIT 50`,
  );
  const likeSamples = time(
    (i) => like.all({ p: `%${(QUERIES[i % QUERIES.length] ?? '').split(' ')[0]}%` }),
    15,
    2,
  );

  const situationIds = db
    .prepare<[], { id: string }>(`SELECT id FROM situations ORDER BY rid`)
    .all()
    .map((r) => r.id);
  const related = await timeAsync(async (i) => {
    const id = situationIds[(i * 7919) % situationIds.length] ?? '';
    const result = await route('archive.related', { situationId: id });
    if (!result.ok) throw new Error(result.error.message);
  }, 200);
  db.close();

  const search = summarize(viaRouter);
  const baseline = summarize(raw);
  const scan = summarize(likeSamples);
  return [
    {
      name: 'archive search through the router, top 50 with snippets',
      ...search,
      unit: 'ms',
      budget: 'p95 ≤ 30 ms, ≤ 1.5× raw',
      ratio: search.median / baseline.median,
      baseline: `same FTS5 SQL straight on the db (median ${baseline.median.toFixed(2)} ms, p95 ${baseline.p95.toFixed(2)} ms)`,
    },
    {
      name: 'LIKE scan for the same words (comparison)',
      ...scan,
      unit: 'ms',
      budget: '—',
      ratio: scan.median / search.median,
      baseline: 'vs search through the router',
    },
    {
      name: 'related past situations through the router',
      ...summarize(related),
      unit: 'ms',
      budget: 'p95 ≤ 50 ms',
    },
  ];
}
