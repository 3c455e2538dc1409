import type { ConsoleAccounts } from '../../src/accounts/consoleAccounts';
import type { ConsoleSessions } from '../../src/accounts/consoleSessions';
import type { LoginThrottle, LoginThrottleSettings } from '../../src/accounts/loginThrottle';
import { PostgresConsoleAccounts } from '../../src/accounts/postgresConsoleAccounts';
import { PostgresConsoleSessions } from '../../src/accounts/postgresConsoleSessions';
import { PostgresLoginThrottle } from '../../src/accounts/postgresLoginThrottle';
import { SqliteConsoleAccounts } from '../../src/accounts/sqliteConsoleAccounts';
import { SqliteConsoleSessions } from '../../src/accounts/sqliteConsoleSessions';
import { SqliteLoginThrottle } from '../../src/accounts/sqliteLoginThrottle';
import { openSqliteDatabase, type SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { describePostgres, useInstancePools, type Instance } from '../storage/postgresTestDatabase';

export type { Instance };

/** The account stores of one database, as the contract tests see them. */
export interface AccountsDatabase {
  accounts(now?: () => Date, instance?: Instance): ConsoleAccounts;
  sessions(instance?: Instance): ConsoleSessions;
  throttle(settings: LoginThrottleSettings, now: () => number, instance?: Instance): LoginThrottle;
  /** Runs SQL that reads the same in SQLite and PostgreSQL (no parameters), for looking at what was stored. */
  rows<R = Record<string, unknown>>(sql: string): Promise<R[]>;
}

/**
 * Runs `contract` twice: against a fresh in-memory SQLite database per test, and against PostgreSQL
 * (a migrated schema of this file's own, emptied before each test). The same expectations must hold
 * for both, so both give identical answers.
 */
export function describeOnEachDatabase(title: string, contract: (database: () => AccountsDatabase) => void): void {
  describe(`${title}, in SQLite`, () => {
    let db: SqliteDatabase;
    beforeEach(() => {
      db = openSqliteDatabase(':memory:');
    });
    afterEach(() => db.close());
    contract(() => ({
      accounts: (now) => new SqliteConsoleAccounts(db, now),
      sessions: () => new SqliteConsoleSessions(db),
      throttle: (settings, now) => new SqliteLoginThrottle(db, settings, now),
      rows: async <R>(sql: string) => db.prepare(sql).all() as R[],
    }));
  });

  describePostgres(`${title}, in PostgreSQL`, () => {
    const { schema, pools } = useInstancePools(['console_sessions', 'console_accounts', 'login_failures']);
    contract(() => ({
      accounts: (now, instance = 'a') => new PostgresConsoleAccounts(pools[instance], now),
      sessions: (instance = 'a') => new PostgresConsoleSessions(pools[instance]),
      throttle: (settings, now, instance = 'a') => new PostgresLoginThrottle(pools[instance], settings, now),
      rows: <R>(sql: string) => schema.query(sql) as Promise<R[]>,
    }));
  });
}
