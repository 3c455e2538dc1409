import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '../storage/sqliteDatabase';
import { EndedBy, Handoff, HandoffMessage, MessageSender, NewHandoff } from './handoffTypes';

interface HandoffRow {
  id: string;
  conversation_id: string;
  conversation_ref: string;
  status: Handoff['status'];
  topic: string | null;
  summary: string;
  transcript: string | null;
  requested_at: string;
  last_user_activity_at: string;
  still_there_asked_at: string | null;
  accepted_at: string | null;
  adviser_id: number | null;
  adviser_name: string | null;
  ended_at: string | null;
  ended_by: EndedBy | null;
  outcome: string | null;
  feedback: Handoff['feedback'];
}

interface MessageRow {
  id: number;
  handoff_id: string;
  sender: MessageSender;
  text: string;
  sent_at: string;
  delivered_at: string | null;
}

/**
 * Hand-offs and their messages in SQLite, so a queue, a live chat and every relayed message
 * survive a restart. Every state change is one conditional UPDATE: "accept" only succeeds on a
 * row that is still queued, which is what makes two advisers pressing Accept at once safe.
 */
export class HandoffStore {
  constructor(private readonly db: SqliteDatabase) {}

  create(request: NewHandoff, now: Date): Handoff {
    const id = randomUUID();
    const at = now.toISOString();
    this.db
      .prepare(
        `INSERT INTO handoffs (id, conversation_id, conversation_ref, status, topic, summary, transcript, requested_at, last_user_activity_at)
         VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?)`,
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
    return this.get(id) as Handoff;
  }

  get(id: string): Handoff | undefined {
    const row = this.db.prepare<[string], HandoffRow>('SELECT * FROM handoffs WHERE id = ?').get(id);
    return row && toHandoff(row);
  }

  /** The queued or live hand-off of a conversation, if any (at most one, by a unique index). */
  openFor(conversationId: string): Handoff | undefined {
    const row = this.db
      .prepare<[string], HandoffRow>("SELECT * FROM handoffs WHERE conversation_id = ? AND status IN ('queued', 'connected')")
      .get(conversationId);
    return row && toHandoff(row);
  }

  /** The most recent hand-off of a conversation, whatever its state. */
  latestFor(conversationId: string): Handoff | undefined {
    const row = this.db
      .prepare<[string], HandoffRow>('SELECT * FROM handoffs WHERE conversation_id = ? ORDER BY requested_at DESC, rowid DESC LIMIT 1')
      .get(conversationId);
    return row && toHandoff(row);
  }

  /** Waiting people, first come first served. */
  queue(): Handoff[] {
    return this.db
      .prepare<[], HandoffRow>("SELECT * FROM handoffs WHERE status = 'queued' ORDER BY requested_at, rowid")
      .all()
      .map(toHandoff);
  }

  connected(): Handoff[] {
    return this.db.prepare<[], HandoffRow>("SELECT * FROM handoffs WHERE status = 'connected' ORDER BY accepted_at").all().map(toHandoff);
  }

  /** True only for the one adviser whose UPDATE found the row still queued. */
  accept(id: string, adviserId: number, adviserName: string, now: Date): boolean {
    const result = this.db
      .prepare("UPDATE handoffs SET status = 'connected', adviser_id = ?, adviser_name = ?, accepted_at = ? WHERE id = ? AND status = 'queued'")
      .run(adviserId, adviserName, now.toISOString(), id);
    return result.changes === 1;
  }

  /** True if this call ended it (false when it had already ended). */
  end(id: string, endedBy: EndedBy, outcome: string | null, now: Date): boolean {
    const result = this.db
      .prepare("UPDATE handoffs SET status = 'ended', ended_by = ?, outcome = ?, ended_at = ? WHERE id = ? AND status <> 'ended'")
      .run(endedBy, outcome, now.toISOString(), id);
    return result.changes === 1;
  }

  /** The adviser's outcome can be recorded after the person ended the chat. */
  setOutcome(id: string, outcome: string): void {
    this.db.prepare('UPDATE handoffs SET outcome = ? WHERE id = ?').run(outcome, id);
  }

  setFeedback(id: string, feedback: 'helpful' | 'notHelpful'): void {
    this.db.prepare('UPDATE handoffs SET feedback = ? WHERE id = ? AND feedback IS NULL').run(feedback, id);
  }

  touchUser(id: string, now: Date): void {
    this.db.prepare('UPDATE handoffs SET last_user_activity_at = ?, still_there_asked_at = NULL WHERE id = ?').run(now.toISOString(), id);
  }

  markStillThereAsked(id: string, now: Date): void {
    this.db.prepare('UPDATE handoffs SET still_there_asked_at = ? WHERE id = ?').run(now.toISOString(), id);
  }

  addMessage(handoffId: string, sender: MessageSender, text: string, now: Date): HandoffMessage {
    const result = this.db
      .prepare('INSERT INTO handoff_messages (handoff_id, sender, text, sent_at) VALUES (?, ?, ?, ?)')
      .run(handoffId, sender, text, now.toISOString());
    return this.message(Number(result.lastInsertRowid)) as HandoffMessage;
  }

  message(id: number): HandoffMessage | undefined {
    const row = this.db.prepare<[number], MessageRow>('SELECT * FROM handoff_messages WHERE id = ?').get(id);
    return row && toMessage(row);
  }

  /** Messages of a hand-off after a given id, in order: what a reconnecting console missed. */
  messages(handoffId: string, afterId = 0): HandoffMessage[] {
    return this.db
      .prepare<[string, number], MessageRow>('SELECT * FROM handoff_messages WHERE handoff_id = ? AND id > ? ORDER BY id')
      .all(handoffId, afterId)
      .map(toMessage);
  }

  markDelivered(messageId: number, now: Date): void {
    this.db.prepare('UPDATE handoff_messages SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL').run(now.toISOString(), messageId);
  }

  /** Adviser messages not yet handed to the person's channel (a restart or a send failure). */
  undelivered(): HandoffMessage[] {
    return this.db
      .prepare<[], MessageRow>("SELECT * FROM handoff_messages WHERE sender = 'adviser' AND delivered_at IS NULL ORDER BY id")
      .all()
      .map(toMessage);
  }

  /** Median minutes from accept to end over recent live chats, for wait estimates. */
  recentChatMinutes(limit = 20): number[] {
    return this.db
      .prepare<[number], { minutes: number }>(
        `SELECT (julianday(ended_at) - julianday(accepted_at)) * 1440 AS minutes FROM handoffs
         WHERE accepted_at IS NOT NULL AND ended_at IS NOT NULL ORDER BY ended_at DESC LIMIT ?`,
      )
      .all(limit)
      .map((row) => row.minutes);
  }
}

function toHandoff(row: HandoffRow): Handoff {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    conversationRef: JSON.parse(row.conversation_ref) as unknown,
    status: row.status,
    topic: row.topic,
    learned: JSON.parse(row.summary) as Handoff['learned'],
    transcript: row.transcript ? (JSON.parse(row.transcript) as Handoff['transcript']) : null,
    requestedAt: row.requested_at,
    lastUserActivityAt: row.last_user_activity_at,
    stillThereAskedAt: row.still_there_asked_at,
    acceptedAt: row.accepted_at,
    adviserId: row.adviser_id,
    adviserName: row.adviser_name,
    endedAt: row.ended_at,
    endedBy: row.ended_by,
    outcome: row.outcome,
    feedback: row.feedback,
  };
}

function toMessage(row: MessageRow): HandoffMessage {
  return { id: row.id, handoffId: row.handoff_id, sender: row.sender, text: row.text, sentAt: row.sent_at, deliveredAt: row.delivered_at };
}
