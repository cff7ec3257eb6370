// toFtsQuery: what members type becomes a safe FTS5 query, and never an error.
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typedSearch } from './typed-searches';
import { toFtsQuery } from '../../electron/services/search-query';

describe('toFtsQuery', () => {
  it.each([
    ['empow', '"empow"*'],
    ['sales team', '"sales"* AND "team"*'],
    ['"account management" culture', '"account management" AND "culture"*'],
    ['“succession plan”', '"succession plan"'],
    ['pricing OR margins', '("pricing"* OR "margins"*)'],
    ['hire AND fire', '"hire"* AND "fire"*'],
    ['NOT NEAR', '"NOT"* AND "NEAR"*'],
    ['title:board', '"title"* AND "board"*'],
    ['(cash) flow*', '"cash"* AND "flow"*'],
    ['a', '"a"'],
    ['e-mail', '"e" AND "mail"*'],
    ['"empow"', '"empow"'],
  ])('turns %j into %s', (input, expected) => {
    expect(toFtsQuery(input)).toBe(expected);
  });

  it.each(['', '   ', '"', '""', '***', ':-)', 'OR', 'AND', '😀🙏', '()', '^'])(
    'has nothing to search for in %j',
    (input) => {
      expect(toFtsQuery(input)).toBeNull();
    },
  );

  it('keeps at most 16 terms of very long input', () => {
    const query = toFtsQuery('word '.repeat(10_000)) ?? '';
    expect(query.split(' AND ')).toHaveLength(16);
  });

  it('never produces a query that FTS5 rejects, whatever the input', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');
             INSERT INTO t (body) VALUES ('How do you build teamwork across account teams?');`);
    const search = db.prepare(`SELECT rowid FROM t WHERE t MATCH ? ORDER BY rank LIMIT 5`);
    fc.assert(
      fc.property(typedSearch, (input) => {
        const query = toFtsQuery(input);
        if (query !== null) search.all(query);
      }),
      { numRuns: 2000 },
    );
    db.close();
  });
});
