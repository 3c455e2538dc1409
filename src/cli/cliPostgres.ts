import type pg from 'pg';
import { createLogger } from '../logger';
import { runPostgresMigrations } from '../storage/postgresMigrate';
import { connectPostgres } from '../storage/postgresPool';

/**
 * A small pool on the bot's PostgreSQL database for a command, with the schema brought up to date
 * first: the command may run before the bot ever has, and the migrations wait for each other if a
 * bot starts meanwhile. Logs go to standard error, so standard output stays the command's answer.
 */
export async function connectMigratedPostgres(url: string, applicationName: string): Promise<pg.Pool> {
  const log = createLogger((line) => process.stderr.write(`${line}\n`));
  const pool = await connectPostgres(url, { log, applicationName, max: 2 });
  try {
    await runPostgresMigrations(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}
