import type { Storage } from 'botbuilder';
import type pg from 'pg';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { ConversationTurnLock, InProcessTurnLock, PostgresTurnLock } from './conversationTurnLock';
import { runPostgresMigrations } from './postgresMigrate';
import { connectPostgres, describeDatabaseUrl, openPostgresPool } from './postgresPool';
import { PostgresStorage } from './postgresStorage';
import type { SqliteDatabase } from './sqliteDatabase';
import { SqliteStorage } from './sqliteStorage';

/** Where botbuilder keeps conversation and user state, and what keeps one conversation's turns in order. */
export interface BotStateStore {
  readonly storage: Storage & { ping(): Promise<void> };
  readonly turnLock: ConversationTurnLock;
  /** The migrated PostgreSQL pool when DATABASE_URL is set; the other stores share it. */
  readonly pool?: pg.Pool;
  close(): Promise<void>;
}

/**
 * PostgreSQL when DATABASE_URL is set (schema brought up to date first, turns serialised across
 * instances with advisory locks), otherwise the SQLite file with an in-process lock.
 */
export async function openBotState(config: Config, database: SqliteDatabase, log: Logger): Promise<BotStateStore> {
  if (!config.databaseUrl) {
    return { storage: new SqliteStorage(database), turnLock: new InProcessTurnLock({ log }), close: async () => undefined };
  }
  const pool = await connectPostgres(config.databaseUrl, { log, applicationName: 'family-advice-bot/state' });
  try {
    await runPostgresMigrations(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  // A pool of its own: every turn in progress holds one of these connections until it ends.
  const lockPool = openPostgresPool(config.databaseUrl, { log, applicationName: 'family-advice-bot/turn-locks', connectionTimeoutMs: 30_000 });
  log.info('bot_state_on_postgres', { database: describeDatabaseUrl(config.databaseUrl) });
  return {
    storage: new PostgresStorage(pool),
    pool,
    turnLock: new PostgresTurnLock(lockPool, { log }),
    close: async () => {
      await Promise.allSettled([pool.end(), lockPool.end()]);
    },
  };
}
