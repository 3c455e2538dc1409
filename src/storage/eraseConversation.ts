import type pg from 'pg';
import type { SqliteDatabase } from './sqliteDatabase';

export interface Erased {
  readonly analyticsEvents: number;
  readonly handoffs: number;
  readonly botState: number;
}

/** Erases one conversation (see eraseConversation) from the database the bot uses. */
export type ConversationEraser = (conversationId: string) => Promise<Erased>;

// botbuilder stores conversation state under "<channel>/conversations/<id>/" (with the slash); the
// id is escaped so a "%" or "_" in it matches only itself, never other conversations' state.
const BOT_STATE_KEY_MATCH = "key LIKE '%/conversations/' || {id} || '/' ESCAPE '\\'";
const likeEscaped = (conversationId: string) => conversationId.replace(/[\\%_]/g, '\\$&');

/**
 * Everything kept about one conversation, gone in one transaction (a subject access or erasure
 * request): analytics events, hand-offs with their relayed messages (the foreign key cascades), and
 * the bot's state for it. Callback requests are not linked to a conversation id, so they are not erased here.
 */
export function eraseConversation(db: SqliteDatabase, conversationId: string): Erased {
  return db.transaction(() => ({
    analyticsEvents: db.prepare('DELETE FROM analytics_events WHERE conversation_id = ?').run(conversationId).changes,
    handoffs: db.prepare('DELETE FROM handoffs WHERE conversation_id = ?').run(conversationId).changes,
    botState: db.prepare(`DELETE FROM bot_state WHERE ${BOT_STATE_KEY_MATCH.replace('{id}', '?')}`).run(likeEscaped(conversationId)).changes,
  }))();
}

/**
 * The same in PostgreSQL, in one transaction, so every instance stops seeing the conversation at
 * once. Events an instance has queued but not yet written are not seen here: callers in the bot flush
 * their event store first.
 */
export async function eraseConversationInPostgres(pool: pg.Pool, conversationId: string): Promise<Erased> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const analytics = await client.query('DELETE FROM analytics_events WHERE conversation_id = $1', [conversationId]);
    const handoffs = await client.query('DELETE FROM handoffs WHERE conversation_id = $1', [conversationId]);
    const botState = await client.query(`DELETE FROM bot_state WHERE ${BOT_STATE_KEY_MATCH.replace('{id}', '$1')}`, [likeEscaped(conversationId)]);
    await client.query('COMMIT');
    return { analyticsEvents: analytics.rowCount ?? 0, handoffs: handoffs.rowCount ?? 0, botState: botState.rowCount ?? 0 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** PostgreSQL when there is a (migrated) pool, otherwise the SQLite file: wherever the bot keeps its data. */
export function conversationEraser(database: SqliteDatabase, pool?: pg.Pool): ConversationEraser {
  if (pool) return (conversationId) => eraseConversationInPostgres(pool, conversationId);
  return async (conversationId) => eraseConversation(database, conversationId);
}
