import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../storage/sqliteDatabase';
import { AnalyticsEvent, AnalyticsEventData } from './analyticsEvent';
import { AnalyticsWriteFailure, EventStore, redactedEventData, retentionCutoff, StoredEvent } from './eventStore';

/** at, conversation_id, channel, type, data (redacted JSON). */
type QueuedRow = [string, string, string, string, string];

interface Row {
  id: number;
  at: string;
  conversation_id: string;
  channel: string;
  type: string;
  data: string;
}

export interface SqliteEventStoreOptions {
  /** Told about events that could not be written (the database is closed or full), with how many. */
  readonly onError?: AnalyticsWriteFailure;
}

/**
 * Analytics events in the SQLite file. `record` redacts the event and queues it; the queue is written
 * in one transaction once the current turns yield (one commit for all the events of a burst of turns,
 * rather than one each), and before anything reads or deletes events here, so this store's reads
 * always see what it was given. A failed write is reported to `onError` as a count, never to the turn.
 */
export class SqliteEventStore implements EventStore {
  // Prepared once: several events are recorded every turn.
  private readonly insert: Statement<[string, string, string, string, string]>;
  private readonly insertAll: (rows: readonly QueuedRow[]) => void;
  private readonly onError: AnalyticsWriteFailure;
  private queue: QueuedRow[] = [];
  private scheduled = false;

  constructor(private readonly db: SqliteDatabase, options: SqliteEventStoreOptions = {}) {
    this.insert = db.prepare('INSERT INTO analytics_events (at, conversation_id, channel, type, data) VALUES (?, ?, ?, ?, ?)');
    this.insertAll = db.transaction((rows: readonly QueuedRow[]) => {
      for (const row of rows) this.insert.run(...row);
    });
    this.onError = options.onError ?? (() => undefined);
  }

  record(event: AnalyticsEvent): void {
    const data = redactedEventData(event);
    this.queue.push([event.at.toISOString(), event.conversationId, event.channel, data.type, JSON.stringify(data)]);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.writeQueued());
    }
  }

  async between(from: Date, to: Date, types?: readonly string[]): Promise<StoredEvent[]> {
    this.writeQueued();
    const rows =
      types && types.length > 0
        ? this.db
            .prepare<unknown[], Row>(`SELECT * FROM analytics_events WHERE at >= ? AND at < ? AND type IN (${types.map(() => '?').join(',')}) ORDER BY at, id`)
            .all(from.toISOString(), to.toISOString(), ...types)
        : this.db.prepare<[string, string], Row>('SELECT * FROM analytics_events WHERE at >= ? AND at < ? ORDER BY at, id').all(from.toISOString(), to.toISOString());
    return rows.map(toStored);
  }

  async forConversation(conversationId: string): Promise<StoredEvent[]> {
    this.writeQueued();
    return this.db.prepare<[string], Row>('SELECT * FROM analytics_events WHERE conversation_id = ? ORDER BY at, id').all(conversationId).map(toStored);
  }

  async deleteOlderThan(days: number, now: Date): Promise<number> {
    this.writeQueued();
    return this.db.prepare('DELETE FROM analytics_events WHERE at < ?').run(retentionCutoff(days, now)).changes;
  }

  async eraseConversation(conversationId: string): Promise<number> {
    this.writeQueued();
    return this.db.prepare('DELETE FROM analytics_events WHERE conversation_id = ?').run(conversationId).changes;
  }

  async flush(): Promise<void> {
    this.writeQueued();
  }

  private writeQueued(): void {
    this.scheduled = false;
    if (this.queue.length === 0) return;
    const rows = this.queue;
    this.queue = [];
    try {
      this.insertAll(rows);
    } catch (error) {
      this.onError(error, rows.length);
    }
  }
}

function toStored(row: Row): StoredEvent {
  return { id: row.id, at: row.at, conversationId: row.conversation_id, channel: row.channel, data: JSON.parse(row.data) as AnalyticsEventData };
}
