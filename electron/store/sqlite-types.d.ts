// better-sqlite3-multiple-ciphers is better-sqlite3 with SQLite3 Multiple Ciphers compiled in: the
// same API. Its package.json "exports" lists no types, so TypeScript cannot find its own; these are
// better-sqlite3's.
declare module 'better-sqlite3-multiple-ciphers' {
  import Database = require('better-sqlite3');
  export = Database;
}
