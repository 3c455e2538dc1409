import type pg from 'pg';
import { postgresMigrations, type PostgresMigration } from './postgresMigrations';
import { rollback, withPoolClient } from './postgresPool';

/**
 * Key of the advisory lock that migrations run under, the same for every instance of the bot.
 * (Advisory lock keys are per database; the turn locks in conversationTurnLock.ts use keys hashed
 * from conversation ids, which will not meet this one.)
 */
export const MIGRATION_LOCK_KEY = '7301946285017364481';

export interface MigrationResult {
  /** Versions this run applied; empty when the schema was already up to date. */
  readonly applied: number[];
}

export interface MigrateOptions {
  /** Longest wait for another instance's migration plus this run's own steps. Default 5 minutes. */
  readonly timeoutMs?: number;
}

/**
 * Applies each step not yet recorded in `schema_migrations`, in the schema the pool's search_path
 * names first, and returns what it applied.
 *
 * The whole run is one transaction holding `pg_advisory_xact_lock(MIGRATION_LOCK_KEY)`. When several
 * instances start together, one applies the steps while the others wait for its commit, then find
 * nothing left to do: each step runs exactly once. PostgreSQL runs DDL inside transactions, so a step
 * that fails undoes everything this run did (no half-made tables, nothing recorded) and the Error names it.
 */
export async function runPostgresMigrations(
  pool: pg.Pool,
  migrations: readonly PostgresMigration[] = postgresMigrations,
  options: MigrateOptions = {},
): Promise<MigrationResult> {
  checkNumbering(migrations);
  const timeoutMs = Math.max(1, Math.round(options.timeoutMs ?? 300_000));

  return withPoolClient(pool, async (client) => {
    await client.query('BEGIN');
    const applied: number[] = [];
    let current: PostgresMigration | undefined;
    try {
      // The pool's usual statement timeout is too short for waiting on another instance's migration.
      await client.query(`SET LOCAL statement_timeout = ${timeoutMs}`);
      await client.query(`SET LOCAL lock_timeout = ${timeoutMs}`);
      await client.query({ text: `SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`, query_timeout: timeoutMs + 5_000 } as pg.QueryConfig);
      // Made under the lock: two "CREATE TABLE IF NOT EXISTS" racing can still collide in PostgreSQL.
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version integer PRIMARY KEY,
           description text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const done = new Set(
        (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version),
      );
      for (const migration of migrations) {
        if (done.has(migration.version)) continue;
        current = migration;
        await client.query({ text: migration.sql, query_timeout: timeoutMs + 5_000 } as pg.QueryConfig);
        await client.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [
          migration.version,
          migration.description,
        ]);
        applied.push(migration.version);
      }
      current = undefined;
      await client.query('COMMIT');
      return { applied };
    } catch (error) {
      await rollback(client);
      if (current) {
        throw new Error(
          `PostgreSQL migration ${current.version} (${current.description}) failed: ${messageOf(error)}` +
            (applied.length > 0 ? ` (steps ${applied.join(', ')} of the same run were undone too; they run again next start)` : ''),
          { cause: error },
        );
      }
      throw new Error(`PostgreSQL migrations could not start: ${messageOf(error)}`, { cause: error });
    }
  });
}

function checkNumbering(migrations: readonly PostgresMigration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `postgresMigrations[${index}] has version ${migration.version}; versions must run 1, 2, 3… in order. ` +
          'Append new migrations with the next number instead of editing or reordering old ones.',
      );
    }
  });
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
