import type pg from 'pg';
import { jsonbText, storableText } from '../handoff/storableText';
import { AnalyticsEvent, AnalyticsEventData } from './analyticsEvent';
import { AnalyticsWriteFailure, EventStore, redactedEventData, retentionCutoff, StoredEvent } from './eventStore';

interface Row {
  id: number;
  at: string;
  conversation_id: string;
  channel: string;
  data: AnalyticsEventData;
}

interface QueuedEvent {
  readonly at: string;
  readonly conversationId: string;
  readonly channel: string;
  readonly type: string;
  /** Already redacted, as jsonb text. */
  readonly data: string;
}

export interface PostgresEventStoreOptions {
  /** Told about every write that failed (the events are then lost), with how many. */
  readonly onError: AnalyticsWriteFailure;
  /** Events waiting beyond this (the database is down or slow) are dropped and reported. Default 10,000. */
  readonly maxQueued?: number;
  /** Most events written by one INSERT. Default 200. */
  readonly batchSize?: number;
}

const COLUMNS = 'id, at, conversation_id, channel, data';
/** What the iso_instant domain accepts: checked here so one odd date cannot sink a whole batch. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Analytics events in PostgreSQL, shared by every instance. `record` only queues the (redacted)
 * event: one writer per store inserts the queue in batches, oldest first, so a turn never waits for
 * the database, at most one pooled connection is busy with analytics, and the events of a
 * conversation keep their order. If PostgreSQL is down the queue is capped, so memory cannot grow
 * without end; what is dropped or fails is reported to `onError` as a count.
 */
export class PostgresEventStore implements EventStore {
  private readonly queue: QueuedEvent[] = [];
  private readonly waiters: Array<{ readonly upTo: number; readonly resolve: () => void }> = [];
  private readonly onError: AnalyticsWriteFailure;
  private readonly maxQueued: number;
  private readonly batchSize: number;
  private writing = false;
  /** Events queued so far, and of those, how many are written or given up. */
  private queued = 0;
  private settled = 0;
  private dropped = 0;

  constructor(private readonly pool: pg.Pool, options: PostgresEventStoreOptions) {
    this.onError = options.onError;
    this.maxQueued = options.maxQueued ?? 10_000;
    this.batchSize = options.batchSize ?? 200;
  }

  record(event: AnalyticsEvent): void {
    let queued: QueuedEvent;
    try {
      const data = redactedEventData(event);
      const at = event.at.toISOString();
      if (!ISO_INSTANT.test(at)) throw new RangeError('The event time is outside the years 0000 to 9999.');
      queued = { at, conversationId: storableText(event.conversationId), channel: storableText(event.channel), type: data.type, data: jsonbText(data) };
    } catch (error) {
      this.report(error, 1);
      return;
    }
    if (this.queue.length >= this.maxQueued) {
      this.dropped += 1;
      return;
    }
    this.queue.push(queued);
    this.queued += 1;
    if (!this.writing) {
      this.writing = true;
      void this.writeQueue();
    }
  }

  async between(from: Date, to: Date, types?: readonly string[]): Promise<StoredEvent[]> {
    await this.flush();
    const { rows } =
      types && types.length > 0
        ? await this.pool.query<Row>(`SELECT ${COLUMNS} FROM analytics_events WHERE at >= $1 AND at < $2 AND type = ANY($3::text[]) ORDER BY at, id`, [
            from.toISOString(),
            to.toISOString(),
            [...types],
          ])
        : await this.pool.query<Row>(`SELECT ${COLUMNS} FROM analytics_events WHERE at >= $1 AND at < $2 ORDER BY at, id`, [from.toISOString(), to.toISOString()]);
    return rows.map(toStored);
  }

  async forConversation(conversationId: string): Promise<StoredEvent[]> {
    await this.flush();
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM analytics_events WHERE conversation_id = $1 ORDER BY at, id`, [conversationId]);
    return rows.map(toStored);
  }

  async deleteOlderThan(days: number, now: Date): Promise<number> {
    await this.flush();
    const { rowCount } = await this.pool.query('DELETE FROM analytics_events WHERE at < $1', [retentionCutoff(days, now)]);
    return rowCount ?? 0;
  }

  async eraseConversation(conversationId: string): Promise<number> {
    // Waiting first: an event still queued would otherwise be written after the erasure.
    await this.flush();
    const { rowCount } = await this.pool.query('DELETE FROM analytics_events WHERE conversation_id = $1', [conversationId]);
    return rowCount ?? 0;
  }

  flush(): Promise<void> {
    const upTo = this.queued;
    if (this.settled >= upTo) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ upTo, resolve }));
  }

  /** Runs until the queue is empty; never throws. `writing` is cleared in the same step that sees it empty. */
  private async writeQueue(): Promise<void> {
    for (;;) {
      const batch = this.queue.splice(0, this.batchSize);
      if (batch.length === 0) {
        this.writing = false;
        return;
      }
      try {
        await this.insert(batch);
      } catch (error) {
        this.report(error, batch.length);
      }
      this.settled += batch.length;
      if (this.dropped > 0) {
        const dropped = this.dropped;
        this.dropped = 0;
        this.report(new Error(`More than ${this.maxQueued} analytics events were waiting to be written, so newer ones were dropped.`), dropped);
      }
      this.wakeWaiters();
    }
  }

  private async insert(batch: readonly QueuedEvent[]): Promise<void> {
    const values: string[] = [];
    const tuples = batch.map((event, index) => {
      values.push(event.at, event.conversationId, event.channel, event.type, event.data);
      const n = index * 5;
      return `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5})`;
    });
    // Identity values follow the order of the VALUES list, so ids keep the order events were recorded in.
    await this.pool.query(`INSERT INTO analytics_events (at, conversation_id, channel, type, data) VALUES ${tuples.join(', ')}`, values);
  }

  private wakeWaiters(): void {
    for (let i = this.waiters.length - 1; i >= 0; i -= 1) {
      if (this.waiters[i].upTo <= this.settled) this.waiters.splice(i, 1)[0].resolve();
    }
  }

  private report(error: unknown, lost: number): void {
    try {
      this.onError(error, lost);
    } catch {
      // A failing reporter must not stop the writer: the next batch still has to go.
    }
  }
}

function toStored(row: Row): StoredEvent {
  return { id: row.id, at: row.at, conversationId: row.conversation_id, channel: row.channel, data: row.data };
}
