import type pg from 'pg';
import { createLogger, type Logger } from '../logger';
import type { SqliteDatabase } from '../storage/sqliteDatabase';
import type { AnalyticsWriteFailure, EventStore } from './eventStore';
import type { PhrasingSuggestions } from './phrasingSuggestions';
import { PostgresEventStore } from './postgresEventStore';
import { PostgresPhrasingSuggestions } from './postgresPhrasingSuggestions';
import { SqliteEventStore } from './sqliteEventStore';
import { SqlitePhrasingSuggestions } from './sqlitePhrasingSuggestions';

/** The (redacted) analytics events, and the phrasings staff accepted from them. */
export interface AnalyticsStores {
  readonly events: EventStore;
  readonly suggestions: PhrasingSuggestions;
}

/**
 * In PostgreSQL when there is a (migrated) pool, so every instance's events are in one report and
 * an erasure reaches all of them; otherwise in the SQLite file. Events the database could not take are
 * logged to `log` as a count and an error code, never with their content.
 */
export function openAnalyticsStores(database: SqliteDatabase, pool?: pg.Pool, log: Logger = createLogger()): AnalyticsStores {
  if (pool) return { events: new PostgresEventStore(pool, { onError: logWriteFailures(log) }), suggestions: new PostgresPhrasingSuggestions(pool) };
  return { events: new SqliteEventStore(database, { onError: logWriteFailures(log) }), suggestions: new SqlitePhrasingSuggestions(database) };
}

/** Logs lost analytics events by number, error class and SQLSTATE only: a driver's message could quote a value. */
export function logWriteFailures(log: Logger): AnalyticsWriteFailure {
  return (error, lost) => {
    const code = (error as { code?: unknown } | null)?.code;
    log.error('analytics_write_failed', {
      lost,
      errorName: error instanceof Error ? error.name : typeof error,
      errorCode: typeof code === 'string' ? code : undefined,
    });
  };
}
