import type { SqliteDatabase } from './sqliteDatabase';

export interface Erased {
  readonly analyticsEvents: number;
  readonly handoffs: number;
  readonly botState: number;
}

/**
 * Everything kept about one conversation, gone in one transaction (a subject access or erasure
 * request): analytics events, hand-offs with their relayed messages, and the bot's state for it.
 * Callback requests are not linked to a conversation id, so they are not erased here.
 */
export function eraseConversation(db: SqliteDatabase, conversationId: string): Erased {
  return db.transaction(() => ({
    analyticsEvents: db.prepare('DELETE FROM analytics_events WHERE conversation_id = ?').run(conversationId).changes,
    handoffs: db.prepare('DELETE FROM handoffs WHERE conversation_id = ?').run(conversationId).changes,
    // botbuilder stores conversation state under "<channel>/conversations/<id>/" (with the slash).
    botState: db.prepare("DELETE FROM bot_state WHERE key LIKE '%/conversations/' || ? || '/' ESCAPE '\\'").run(conversationId.replace(/[\\%_]/g, '\\$&')).changes,
  }))();
}
