import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../storage/sqliteDatabase';
import { AnalyticsEvent, AnalyticsEventData } from './analyticsEvent';
import { EventStore, redactedEventData, retentionCutoff, StoredEvent } from './eventStore';

interface Row {
  id: number;
  at: string;
  conversation_id: string;
  channel: string;
  type: string;
  data: string;
}

/** Analytics events in the SQLite file. Writes are synchronous, so `record` has stored the event when it returns. */
export class SqliteEventStore implements EventStore {
  // Prepared once: several events are recorded every turn.
  private readonly insert: Statement<[string, string, string, string, string]>;

  constructor(private readonly db: SqliteDatabase) {
    this.insert = db.prepare('INSERT INTO analytics_events (at, conversation_id, channel, type, data) VALUES (?, ?, ?, ?, ?)');
  }

  record(event: AnalyticsEvent): void {
    const data = redactedEventData(event);
    this.insert.run(event.at.toISOString(), event.conversationId, event.channel, data.type, JSON.stringify(data));
  }

  async between(from: Date, to: Date, types?: readonly string[]): Promise<StoredEvent[]> {
    const rows =
      types && types.length > 0
        ? this.db
            .prepare<unknown[], Row>(`SELECT * FROM analytics_events WHERE at >= ? AND at < ? AND type IN (${types.map(() => '?').join(',')}) ORDER BY at, id`)
            .all(from.toISOString(), to.toISOString(), ...types)
        : this.db.prepare<[string, string], Row>('SELECT * FROM analytics_events WHERE at >= ? AND at < ? ORDER BY at, id').all(from.toISOString(), to.toISOString());
    return rows.map(toStored);
  }

  async forConversation(conversationId: string): Promise<StoredEvent[]> {
    return this.db.prepare<[string], Row>('SELECT * FROM analytics_events WHERE conversation_id = ? ORDER BY at, id').all(conversationId).map(toStored);
  }

  async deleteOlderThan(days: number, now: Date): Promise<number> {
    return this.db.prepare('DELETE FROM analytics_events WHERE at < ?').run(retentionCutoff(days, now)).changes;
  }

  async eraseConversation(conversationId: string): Promise<number> {
    return this.db.prepare('DELETE FROM analytics_events WHERE conversation_id = ?').run(conversationId).changes;
  }

  async flush(): Promise<void> {
    // Nothing is ever pending: record writes before it returns.
  }
}

function toStored(row: Row): StoredEvent {
  return { id: row.id, at: row.at, conversationId: row.conversation_id, channel: row.channel, data: JSON.parse(row.data) as AnalyticsEventData };
}
