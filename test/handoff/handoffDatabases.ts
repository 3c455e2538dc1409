import type { CallbackRequests } from '../../src/handoff/callbackRequests';
import type { HandoffStore } from '../../src/handoff/handoffStore';
import { PostgresCallbackRequests } from '../../src/handoff/postgresCallbackRequests';
import { PostgresHandoffStore } from '../../src/handoff/postgresHandoffStore';
import { SqliteCallbackRequests } from '../../src/handoff/sqliteCallbackRequests';
import { SqliteHandoffStore } from '../../src/handoff/sqliteHandoffStore';
import { openSqliteDatabase, type SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { describePostgres, useInstancePools, type Instance } from '../storage/postgresTestDatabase';

export type { Instance };

/** The hand-off stores of one database, as the contract tests see them. */
export interface HandoffDatabase {
  handoffs(instance?: Instance): HandoffStore;
  callbacks(instance?: Instance): CallbackRequests;
  /** Adds an adviser account (hand-offs refer to the adviser who accepted them). */
  addAdviser(id: number, name: string): Promise<void>;
}

/**
 * Runs `contract` twice: against a fresh in-memory SQLite database per test, and against PostgreSQL
 * (a migrated schema of this file's own, emptied before each test). The same expectations must hold
 * for both, so both give identical answers.
 */
export function describeOnEachDatabase(title: string, contract: (database: () => HandoffDatabase) => void): void {
  describe(`${title}, in SQLite`, () => {
    let db: SqliteDatabase;
    beforeEach(() => {
      db = openSqliteDatabase(':memory:');
    });
    afterEach(() => db.close());
    contract(() => ({
      handoffs: () => new SqliteHandoffStore(db),
      callbacks: () => new SqliteCallbackRequests(db),
      addAdviser: async (id, name) => void db.prepare(addAdviserSql('?', '?', '?')).run(id, name.toLowerCase(), name),
    }));
  });

  describePostgres(`${title}, in PostgreSQL`, () => {
    const { schema, pools } = useInstancePools(['handoff_messages', 'handoffs', 'callback_status_changes', 'callback_requests', 'console_accounts']);
    contract(() => ({
      handoffs: (instance = 'a') => new PostgresHandoffStore(pools[instance]),
      callbacks: (instance = 'a') => new PostgresCallbackRequests(pools[instance]),
      addAdviser: async (id, name) => void (await schema.query(addAdviserSql('$1', '$2', '$3'), [id, name.toLowerCase(), name])),
    }));
  });
}

function addAdviserSql(id: string, username: string, displayName: string): string {
  return `INSERT INTO console_accounts (id, username, display_name, role, password_hash, created_at)
          VALUES (${id}, ${username}, ${displayName}, 'adviser', 'x', '2026-01-01T00:00:00.000Z')`;
}
