import type { SqliteDatabase } from '../storage/sqliteDatabase';
import { AnalyticsEvent, AnalyticsEventData, AnalyticsSink } from './analyticsEvent';
import { redact } from './redact';

export interface StoredEvent {
  readonly id: number;
  readonly at: string;
  readonly conversationId: string;
  readonly channel: string;
  readonly data: AnalyticsEventData;
}

interface Row {
  id: number;
  at: string;
  conversation_id: string;
  channel: string;
  type: string;
  data: string;
}

/**
 * Analytics events in SQLite. Every `text` field is redacted here, on the way in, so no caller can
 * store a raw message by mistake. Events older than the retention period are deleted by
 * `deleteOlderThan`; `eraseConversation` removes one conversation's events for a subject request.
 */
export class EventStore implements AnalyticsSink {
  constructor(private readonly db: SqliteDatabase) {}

  record(event: AnalyticsEvent): void {
    const data = 'text' in event.data ? { ...event.data, text: redact(event.data.text).text } : event.data;
    this.db
      .prepare('INSERT INTO analytics_events (at, conversation_id, channel, type, data) VALUES (?, ?, ?, ?, ?)')
      .run(event.at.toISOString(), event.conversationId, event.channel, data.type, JSON.stringify(data));
  }

  /** Events from `from` (inclusive) to `to` (exclusive), oldest first; optionally of some types only. */
  between(from: Date, to: Date, types?: readonly string[]): StoredEvent[] {
    const rows =
      types && types.length > 0
        ? this.db
            .prepare<unknown[], Row>(`SELECT * FROM analytics_events WHERE at >= ? AND at < ? AND type IN (${types.map(() => '?').join(',')}) ORDER BY id`)
            .all(from.toISOString(), to.toISOString(), ...types)
        : this.db.prepare<[string, string], Row>('SELECT * FROM analytics_events WHERE at >= ? AND at < ? ORDER BY id').all(from.toISOString(), to.toISOString());
    return rows.map(toStored);
  }

  forConversation(conversationId: string): StoredEvent[] {
    return this.db.prepare<[string], Row>('SELECT * FROM analytics_events WHERE conversation_id = ? ORDER BY id').all(conversationId).map(toStored);
  }

  /** Deletes events older than `days` days before `now`; returns how many. */
  deleteOlderThan(days: number, now: Date): number {
    const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
    return this.db.prepare('DELETE FROM analytics_events WHERE at < ?').run(cutoff).changes;
  }

  eraseConversation(conversationId: string): number {
    return this.db.prepare('DELETE FROM analytics_events WHERE conversation_id = ?').run(conversationId).changes;
  }
}

function toStored(row: Row): StoredEvent {
  return { id: row.id, at: row.at, conversationId: row.conversation_id, channel: row.channel, data: JSON.parse(row.data) as AnalyticsEventData };
}
