import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '../storage/sqliteDatabase';
import { statementCache } from '../storage/statementCache';
import { HANDOFF_COLUMNS, HandoffRow, MESSAGE_COLUMNS, MessageRow, toHandoff, toMessage } from './handoffRows';
import type { HandoffStore } from './handoffStore';
import { EndedBy, Handoff, HandoffMessage, MessageSender, NewHandoff } from './handoffTypes';
import { storableText } from './storableText';

const OPEN = "status IN ('queued', 'connected')";

/** Hand-offs in the bot's SQLite file, for a single instance. SQLite's rowid breaks ties between equal times. */
export class SqliteHandoffStore implements HandoffStore {
  private readonly prepare;

  constructor(db: SqliteDatabase) {
    this.prepare = statementCache(db);
  }

  async create(request: NewHandoff, now: Date): Promise<Handoff> {
    const id = randomUUID();
    const at = now.toISOString();
    const { changes } = this
      .prepare(
        `INSERT INTO handoffs (id, conversation_id, conversation_ref, status, topic, summary, transcript, requested_at, last_user_activity_at)
         VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?)
         ON CONFLICT (conversation_id) WHERE ${OPEN} DO NOTHING`,
      )
      .run(
        id,
        request.conversationId,
        JSON.stringify(request.conversationRef),
        request.topic,
        JSON.stringify(request.learned),
        request.transcript ? JSON.stringify(request.transcript) : null,
        at,
        at,
      );
    return (changes === 1 ? this.row(id) : this.openRow(request.conversationId)) as Handoff;
  }

  async get(id: string): Promise<Handoff | undefined> {
    return this.row(id);
  }

  async openFor(conversationId: string): Promise<Handoff | undefined> {
    return this.openRow(conversationId);
  }

  async latestFor(conversationId: string): Promise<Handoff | undefined> {
    const row = this
      .prepare<[string], HandoffRow>(`SELECT ${HANDOFF_COLUMNS} FROM handoffs WHERE conversation_id = ? ORDER BY requested_at DESC, rowid DESC LIMIT 1`)
      .get(conversationId);
    return row && toHandoff(row);
  }

  async queue(): Promise<Handoff[]> {
    return this.prepare<[], HandoffRow>(`SELECT ${HANDOFF_COLUMNS} FROM handoffs WHERE status = 'queued' ORDER BY requested_at, rowid`).all().map(toHandoff);
  }

  async connected(): Promise<Handoff[]> {
    return this.prepare<[], HandoffRow>(`SELECT ${HANDOFF_COLUMNS} FROM handoffs WHERE status = 'connected' ORDER BY accepted_at, rowid`).all().map(toHandoff);
  }

  async accept(id: string, adviserId: number, adviserName: string, now: Date): Promise<boolean> {
    const { changes } = this
      .prepare("UPDATE handoffs SET status = 'connected', adviser_id = ?, adviser_name = ?, accepted_at = ? WHERE id = ? AND status = 'queued'")
      .run(adviserId, adviserName, now.toISOString(), id);
    return changes === 1;
  }

  async end(id: string, endedBy: EndedBy, outcome: string | null, now: Date): Promise<boolean> {
    const { changes } = this
      .prepare("UPDATE handoffs SET status = 'ended', ended_by = ?, outcome = ?, ended_at = ? WHERE id = ? AND status <> 'ended'")
      .run(endedBy, outcome === null ? null : storableText(outcome), now.toISOString(), id);
    return changes === 1;
  }

  async setOutcome(id: string, outcome: string): Promise<void> {
    this.prepare('UPDATE handoffs SET outcome = ? WHERE id = ?').run(storableText(outcome), id);
  }

  async setFeedback(id: string, feedback: 'helpful' | 'notHelpful'): Promise<void> {
    this.prepare('UPDATE handoffs SET feedback = ? WHERE id = ? AND feedback IS NULL').run(feedback, id);
  }

  async touchUser(id: string, now: Date): Promise<void> {
    this.prepare('UPDATE handoffs SET last_user_activity_at = ?, still_there_asked_at = NULL WHERE id = ?').run(now.toISOString(), id);
  }

  async endQueued(id: string, endedBy: 'timeout' | 'noAdvisers', now: Date, askedBefore?: Date): Promise<boolean> {
    const asked = askedBefore ? ' AND still_there_asked_at <= ?' : '';
    const { changes } = this
      .prepare(`UPDATE handoffs SET status = 'ended', ended_by = ?, ended_at = ? WHERE id = ? AND status = 'queued'${asked}`)
      .run(endedBy, now.toISOString(), id, ...(askedBefore ? [askedBefore.toISOString()] : []));
    return changes === 1;
  }

  async markStillThereAsked(id: string, quietSince: Date, now: Date): Promise<boolean> {
    const { changes } = this
      .prepare(
        "UPDATE handoffs SET still_there_asked_at = ? WHERE id = ? AND status = 'queued' AND still_there_asked_at IS NULL AND last_user_activity_at <= ?",
      )
      .run(now.toISOString(), id, quietSince.toISOString());
    return changes === 1;
  }

  async addMessage(handoffId: string, sender: MessageSender, text: string, now: Date): Promise<HandoffMessage> {
    const { lastInsertRowid } = this
      .prepare('INSERT INTO handoff_messages (handoff_id, sender, text, sent_at) VALUES (?, ?, ?, ?)')
      .run(handoffId, sender, storableText(text), now.toISOString());
    return (await this.message(Number(lastInsertRowid))) as HandoffMessage;
  }

  async addAdviserMessage(handoffId: string, adviserId: number, text: string, now: Date): Promise<HandoffMessage | undefined> {
    const { changes, lastInsertRowid } = this
      .prepare(
        `INSERT INTO handoff_messages (handoff_id, sender, text, sent_at)
         SELECT id, 'adviser', ?, ? FROM handoffs WHERE id = ? AND status = 'connected' AND adviser_id = ?`,
      )
      .run(storableText(text), now.toISOString(), handoffId, adviserId);
    return changes === 1 ? this.message(Number(lastInsertRowid)) : undefined;
  }

  async message(id: number): Promise<HandoffMessage | undefined> {
    const row = this.prepare<[number], MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM handoff_messages WHERE id = ?`).get(id);
    return row && toMessage(row);
  }

  async messages(handoffId: string, afterId = 0): Promise<HandoffMessage[]> {
    return this
      .prepare<[string, number], MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM handoff_messages WHERE handoff_id = ? AND id > ? ORDER BY id`)
      .all(handoffId, afterId)
      .map(toMessage);
  }

  async markDelivered(messageId: number, now: Date): Promise<void> {
    this.prepare('UPDATE handoff_messages SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL').run(now.toISOString(), messageId);
  }

  async undelivered(): Promise<HandoffMessage[]> {
    return this
      .prepare<[], MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM handoff_messages WHERE sender = 'adviser' AND delivered_at IS NULL ORDER BY id`)
      .all()
      .map(toMessage);
  }

  async recentChatMinutes(limit = 20): Promise<number[]> {
    return this
      .prepare<[number], { minutes: number }>(
        `SELECT (julianday(ended_at) - julianday(accepted_at)) * 1440 AS minutes FROM handoffs
         WHERE accepted_at IS NOT NULL AND ended_at IS NOT NULL ORDER BY ended_at DESC, rowid DESC LIMIT ?`,
      )
      .all(limit)
      .map((row) => row.minutes);
  }

  private row(id: string): Handoff | undefined {
    const row = this.prepare<[string], HandoffRow>(`SELECT ${HANDOFF_COLUMNS} FROM handoffs WHERE id = ?`).get(id);
    return row && toHandoff(row);
  }

  private openRow(conversationId: string): Handoff | undefined {
    const row = this.prepare<[string], HandoffRow>(`SELECT ${HANDOFF_COLUMNS} FROM handoffs WHERE conversation_id = ? AND ${OPEN}`).get(conversationId);
    return row && toHandoff(row);
  }
}
