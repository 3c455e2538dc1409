import type pg from 'pg';
import type { SqliteDatabase } from '../storage/sqliteDatabase';
import type { CallbackRequests } from './callbackRequests';
import type { HandoffStore } from './handoffStore';
import { PostgresCallbackRequests } from './postgresCallbackRequests';
import { PostgresHandoffStore } from './postgresHandoffStore';
import { SqliteCallbackRequests } from './sqliteCallbackRequests';
import { SqliteHandoffStore } from './sqliteHandoffStore';

/** The live-chat queue with its messages, and the callback requests. */
export interface HandoffStores {
  readonly handoffs: HandoffStore;
  readonly callbacks: CallbackRequests;
}

/**
 * In PostgreSQL when there is a (migrated) pool, so every instance sees the same queue, chats and
 * callback requests, and two advisers on two instances cannot take the same person; otherwise in the SQLite file.
 */
export function openHandoffStores(database: SqliteDatabase, pool?: pg.Pool): HandoffStores {
  if (pool) return { handoffs: new PostgresHandoffStore(pool), callbacks: new PostgresCallbackRequests(pool) };
  return { handoffs: new SqliteHandoffStore(database), callbacks: new SqliteCallbackRequests(database) };
}
