/**
 * The SQLite schema, as a list of numbered steps. `openSqliteDatabase` runs each step whose
 * version is not yet in `schema_migrations`, once, in its own transaction.
 *
 * To change the schema, append a step with the next version number. Never edit or reorder a step
 * that has shipped: databases in the field have already run it and will not run it again.
 */
export interface SqliteMigration {
  /** 1, 2, 3…: must follow on from the previous step with no gaps. */
  readonly version: number;
  /** What the step is for, shown if it fails. */
  readonly description: string;
  /** One or more SQL statements. */
  readonly sql: string;
}

export const sqliteMigrations: readonly SqliteMigration[] = [
  {
    version: 1,
    description: 'bot state (conversation and user state behind the botbuilder Storage interface)',
    sql: `
      CREATE TABLE bot_state (
        key TEXT PRIMARY KEY,
        etag TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
];
