// The numbered .sql migrations, bundled as text so the worker needs no file access to find them.
// A migration never changes once it has landed: a fix is a new file.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const files = import.meta.glob<string>('./*.sql', { query: '?raw', import: 'default', eager: true });

export const MIGRATIONS: readonly Migration[] = Object.entries(files)
  .map(([path, sql]) => {
    const match = /^\.\/(\d{4})_([a-z0-9_]+)\.sql$/.exec(path);
    if (!match) throw new Error(`Migration file ${path} is not named NNNN_name.sql`);
    return { version: Number(match[1]), name: match[2] ?? '', sql };
  })
  .sort((a, b) => a.version - b.version);

MIGRATIONS.forEach((m, i) => {
  if (m.version !== i + 1)
    throw new Error(`Migrations must be numbered 1, 2, 3…; found ${m.version} at ${i + 1}`);
});

export const SCHEMA_VERSION = MIGRATIONS.length;
