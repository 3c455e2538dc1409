import type { Storage } from 'botbuilder';
import type pg from 'pg';
import type { EventStore } from '../../src/analytics/eventStore';
import type { PhrasingSuggestions } from '../../src/analytics/phrasingSuggestions';
import { PostgresEventStore } from '../../src/analytics/postgresEventStore';
import { PostgresPhrasingSuggestions } from '../../src/analytics/postgresPhrasingSuggestions';
import { SqliteEventStore } from '../../src/analytics/sqliteEventStore';
import { SqlitePhrasingSuggestions } from '../../src/analytics/sqlitePhrasingSuggestions';
import type { HandoffStore } from '../../src/handoff/handoffStore';
import { PostgresHandoffStore } from '../../src/handoff/postgresHandoffStore';
import { SqliteHandoffStore } from '../../src/handoff/sqliteHandoffStore';
import { conversationEraser, eraseConversationInPostgres, type ConversationEraser } from '../../src/storage/eraseConversation';
import { PostgresStorage } from '../../src/storage/postgresStorage';
import { openSqliteDatabase, type SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { describePostgres, useInstancePools, type Instance } from '../storage/postgresTestDatabase';

export type { Instance };

/** The analytics stores of one database, and what an erasure reaches, as the contract tests see them. */
export interface AnalyticsDatabase {
  /** The same store object for an instance throughout one test. */
  events(instance?: Instance): EventStore;
  suggestions(instance?: Instance): PhrasingSuggestions;
  handoffs(): HandoffStore;
  botState(): Storage;
  erase: ConversationEraser;
  /** Runs SQL that reads the same in SQLite and PostgreSQL (no parameters), for looking at what was stored. */
  rows<R = Record<string, unknown>>(sql: string): Promise<R[]>;
  /** For a test that makes its own store: the PostgreSQL pool of instance a, or undefined on SQLite. */
  readonly pool?: pg.Pool;
}

/**
 * Runs `contract` twice: against a fresh in-memory SQLite database per test, and against PostgreSQL
 * (a migrated schema of this file's own, emptied before each test). The same expectations must hold
 * for both, so both give identical answers.
 */
export function describeOnEachDatabase(title: string, contract: (database: () => AnalyticsDatabase) => void): void {
  describe(`${title}, in SQLite`, () => {
    let db: SqliteDatabase;
    let stores: Record<Instance, EventStore>;
    beforeEach(() => {
      db = openSqliteDatabase(':memory:');
      stores = { a: new SqliteEventStore(db), b: new SqliteEventStore(db) };
    });
    afterEach(() => db.close());
    contract(() => ({
      events: (instance = 'a') => stores[instance],
      suggestions: () => new SqlitePhrasingSuggestions(db),
      handoffs: () => new SqliteHandoffStore(db),
      botState: () => new SqliteStorage(db),
      erase: conversationEraser(db),
      rows: async <R>(sql: string) => db.prepare(sql).all() as R[],
    }));
  });

  describePostgres(`${title}, in PostgreSQL`, () => {
    const { schema, pools } = useInstancePools(['analytics_events', 'phrasing_suggestions', 'handoff_messages', 'handoffs', 'bot_state']);
    let stores: Record<Instance, EventStore>;
    let failures: string[] = [];
    beforeEach(() => {
      failures = [];
      const onError = (error: unknown, lost: number) => void failures.push(`${lost} lost: ${String(error)}`);
      stores = { a: new PostgresEventStore(pools.a, { onError }), b: new PostgresEventStore(pools.b, { onError }) };
    });
    // Nothing a test queued may land in the next test's tables.
    afterEach(async () => {
      await Promise.all([stores.a.flush(), stores.b.flush()]);
      expect(failures).toEqual([]);
    });
    contract(() => ({
      events: (instance = 'a') => stores[instance],
      suggestions: (instance = 'a') => new PostgresPhrasingSuggestions(pools[instance]),
      handoffs: () => new PostgresHandoffStore(pools.a),
      botState: () => new PostgresStorage(pools.a),
      erase: (conversationId) => eraseConversationInPostgres(pools.a, conversationId),
      rows: <R>(sql: string) => schema.query(sql) as Promise<R[]>,
      pool: pools.a,
    }));
  });
}
