import type pg from 'pg';
import type { SqliteDatabase } from '../storage/sqliteDatabase';
import type { ConsoleAccounts } from './consoleAccounts';
import type { ConsoleSessions } from './consoleSessions';
import type { LoginThrottle } from './loginThrottle';
import { PostgresConsoleAccounts } from './postgresConsoleAccounts';
import { PostgresConsoleSessions } from './postgresConsoleSessions';
import { PostgresLoginThrottle } from './postgresLoginThrottle';
import { SqliteConsoleAccounts } from './sqliteConsoleAccounts';
import { SqliteConsoleSessions } from './sqliteConsoleSessions';
import { SqliteLoginThrottle } from './sqliteLoginThrottle';

/** Who may sign in to the consoles, who is signed in, and how many wrong passwords were tried lately. */
export interface ConsoleAccess {
  readonly accounts: ConsoleAccounts;
  readonly sessions: ConsoleSessions;
  readonly throttle: LoginThrottle;
}

/**
 * In PostgreSQL when there is a (migrated) pool, so every instance sees the same accounts, sessions
 * and sign-in failures; otherwise in the SQLite file.
 */
export function openConsoleAccess(database: SqliteDatabase, pool?: pg.Pool): ConsoleAccess {
  if (pool) return { accounts: new PostgresConsoleAccounts(pool), sessions: new PostgresConsoleSessions(pool), throttle: new PostgresLoginThrottle(pool) };
  return { accounts: new SqliteConsoleAccounts(database), sessions: new SqliteConsoleSessions(database), throttle: new SqliteLoginThrottle(database) };
}
