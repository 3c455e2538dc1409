import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { HANDOFF_COLUMNS, HandoffRow, MESSAGE_COLUMNS, MessageRow, toHandoff, toMessage } from './handoffRows';
import type { HandoffStore } from './handoffStore';
import { EndedBy, Handoff, HandoffMessage, MessageSender, NewHandoff } from './handoffTypes';
import { jsonbText, storableText } from './storableText';

const OPEN = "status IN ('queued', 'connected')";

/**
 * Hand-offs in PostgreSQL, shared by every instance of the bot. The `seq` column breaks ties between
 * equal times, as SQLite's rowid does. Times are ISO text (the iso_instant domain), compared as text.
 */
export class PostgresHandoffStore implements HandoffStore {
  constructor(private readonly pool: pg.Pool) {}

  async create(request: NewHandoff, now: Date): Promise<Handoff> {
    const at = now.toISOString();
    // Two instances queueing one conversation at once: the unique index lets one in, the other gets its row.
    const { rows } = await this.pool.query<HandoffRow>(
      `INSERT INTO handoffs (id, conversation_id, conversation_ref, status, topic, summary, transcript, requested_at, last_user_activity_at)
       VALUES ($1, $2, $3, 'queued', $4, $5, $6, $7, $7)
       ON CONFLICT (conversation_id) WHERE ${OPEN} DO NOTHING
       RETURNING ${HANDOFF_COLUMNS}`,
      [
        randomUUID(),
        request.conversationId,
        jsonbText(request.conversationRef),
        request.topic,
        JSON.stringify(request.learned),
        request.transcript ? JSON.stringify(request.transcript) : null,
        at,
      ],
    );
    if (rows[0]) return toHandoff(rows[0]);
    // The open one may have ended between the two statements; then queue again.
    return (await this.openFor(request.conversationId)) ?? this.create(request, now);
  }

  async get(id: string): Promise<Handoff | undefined> {
    return this.one(`SELECT ${HANDOFF_COLUMNS} FROM handoffs WHERE id = $1`, [id]);
  }

  async openFor(conversationId: string): Promise<Handoff | undefined> {
    return this.one(`SELECT ${HANDOFF_COLUMNS} FROM handoffs WHERE conversation_id = $1 AND ${OPEN}`, [conversationId]);
  }

  async latestFor(conversationId: string): Promise<Handoff | undefined> {
    return this.one(`SELECT ${HANDOFF_COLUMNS} FROM handoffs WHERE conversation_id = $1 ORDER BY requested_at DESC, seq DESC LIMIT 1`, [conversationId]);
  }

  async queue(): Promise<Handoff[]> {
    return this.all(`SELECT ${HANDOFF_COLUMNS} FROM handoffs WHERE status = 'queued' ORDER BY requested_at, seq`);
  }

  async connected(): Promise<Handoff[]> {
    return this.all(`SELECT ${HANDOFF_COLUMNS} FROM handoffs WHERE status = 'connected' ORDER BY accepted_at, seq`);
  }

  async accept(id: string, adviserId: number, adviserName: string, now: Date): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      "UPDATE handoffs SET status = 'connected', adviser_id = $1, adviser_name = $2, accepted_at = $3 WHERE id = $4 AND status = 'queued'",
      [adviserId, adviserName, now.toISOString(), id],
    );
    return rowCount === 1;
  }

  async end(id: string, endedBy: EndedBy, outcome: string | null, now: Date): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      "UPDATE handoffs SET status = 'ended', ended_by = $1, outcome = $2, ended_at = $3 WHERE id = $4 AND status <> 'ended'",
      [endedBy, outcome === null ? null : storableText(outcome), now.toISOString(), id],
    );
    return rowCount === 1;
  }

  async setOutcome(id: string, outcome: string): Promise<void> {
    await this.pool.query('UPDATE handoffs SET outcome = $1 WHERE id = $2', [storableText(outcome), id]);
  }

  async setFeedback(id: string, feedback: 'helpful' | 'notHelpful'): Promise<void> {
    await this.pool.query('UPDATE handoffs SET feedback = $1 WHERE id = $2 AND feedback IS NULL', [feedback, id]);
  }

  async touchUser(id: string, now: Date): Promise<void> {
    await this.pool.query('UPDATE handoffs SET last_user_activity_at = $1, still_there_asked_at = NULL WHERE id = $2', [now.toISOString(), id]);
  }

  async endQueued(id: string, endedBy: 'timeout' | 'noAdvisers', now: Date, askedBefore?: Date): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE handoffs SET status = 'ended', ended_by = $1, ended_at = $2
       WHERE id = $3 AND status = 'queued' AND ($4::text IS NULL OR still_there_asked_at <= $4)`,
      [endedBy, now.toISOString(), id, askedBefore ? askedBefore.toISOString() : null],
    );
    return rowCount === 1;
  }

  async markStillThereAsked(id: string, quietSince: Date, now: Date): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      "UPDATE handoffs SET still_there_asked_at = $1 WHERE id = $2 AND status = 'queued' AND still_there_asked_at IS NULL AND last_user_activity_at <= $3",
      [now.toISOString(), id, quietSince.toISOString()],
    );
    return rowCount === 1;
  }

  async addMessage(handoffId: string, sender: MessageSender, text: string, now: Date): Promise<HandoffMessage> {
    const { rows } = await this.pool.query<MessageRow>(
      `INSERT INTO handoff_messages (handoff_id, sender, text, sent_at) VALUES ($1, $2, $3, $4) RETURNING ${MESSAGE_COLUMNS}`,
      [handoffId, sender, storableText(text), now.toISOString()],
    );
    return toMessage(rows[0]);
  }

  async addAdviserMessage(handoffId: string, adviserId: number, text: string, now: Date): Promise<HandoffMessage | undefined> {
    // FOR SHARE: an end committing at the same moment is waited for, and then the chat is seen as ended.
    const { rows } = await this.pool.query<MessageRow>(
      `INSERT INTO handoff_messages (handoff_id, sender, text, sent_at)
       SELECT id, 'adviser', $1, $2 FROM handoffs WHERE id = $3 AND status = 'connected' AND adviser_id = $4 FOR SHARE
       RETURNING ${MESSAGE_COLUMNS}`,
      [storableText(text), now.toISOString(), handoffId, adviserId],
    );
    return rows[0] && toMessage(rows[0]);
  }

  async message(id: number): Promise<HandoffMessage | undefined> {
    if (!Number.isSafeInteger(id)) return undefined;
    const { rows } = await this.pool.query<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM handoff_messages WHERE id = $1`, [id]);
    return rows[0] && toMessage(rows[0]);
  }

  async messages(handoffId: string, afterId = 0): Promise<HandoffMessage[]> {
    const { rows } = await this.pool.query<MessageRow>(
      `SELECT ${MESSAGE_COLUMNS} FROM handoff_messages WHERE handoff_id = $1 AND id > $2 ORDER BY id`,
      [handoffId, Number.isSafeInteger(afterId) ? afterId : 0],
    );
    return rows.map(toMessage);
  }

  async markDelivered(messageId: number, now: Date): Promise<void> {
    await this.pool.query('UPDATE handoff_messages SET delivered_at = $1 WHERE id = $2 AND delivered_at IS NULL', [now.toISOString(), messageId]);
  }

  async undelivered(): Promise<HandoffMessage[]> {
    const { rows } = await this.pool.query<MessageRow>(
      `SELECT ${MESSAGE_COLUMNS} FROM handoff_messages WHERE sender = 'adviser' AND delivered_at IS NULL ORDER BY id`,
    );
    return rows.map(toMessage);
  }

  async recentChatMinutes(limit = 20): Promise<number[]> {
    // float8, not numeric: pg hands numeric back as a string.
    const { rows } = await this.pool.query<{ minutes: number }>(
      `SELECT (EXTRACT(EPOCH FROM ended_at::timestamptz - accepted_at::timestamptz) / 60)::float8 AS minutes FROM handoffs
       WHERE accepted_at IS NOT NULL AND ended_at IS NOT NULL ORDER BY ended_at DESC, seq DESC LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.minutes);
  }

  private async one(sql: string, values: unknown[]): Promise<Handoff | undefined> {
    const { rows } = await this.pool.query<HandoffRow>(sql, values);
    return rows[0] && toHandoff(rows[0]);
  }

  private async all(sql: string): Promise<Handoff[]> {
    const { rows } = await this.pool.query<HandoffRow>(sql);
    return rows.map(toHandoff);
  }
}
