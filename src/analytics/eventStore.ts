import { AnalyticsEvent, AnalyticsEventData, AnalyticsSink } from './analyticsEvent';
import { redactedData } from './redactedData';

export interface StoredEvent {
  readonly id: number;
  readonly at: string;
  readonly conversationId: string;
  readonly channel: string;
  readonly data: AnalyticsEventData;
}

/**
 * Analytics events, in SQLite or PostgreSQL (see openAnalyticsStores). Every `text` field is
 * redacted in `record`, on the way in, so no caller can store a raw message by mistake. Events older
 * than the retention period are deleted by `deleteOlderThan`; `eraseConversation` removes one
 * conversation's events for a subject request.
 *
 * `record` is the bot's analytics sink, called in the middle of a turn, so it never waits for the
 * database: both stores queue the (redacted) event and write the queue in the background, in the
 * order recorded (SQLite as soon as the turn yields, in one transaction), and report a failed write
 * to their `onError` instead of to the turn. Everything else first waits for the events this store
 * was given before the call, so a report or an erasure never misses (or leaves behind) an event
 * still on its way.
 */
export interface EventStore extends AnalyticsSink {
  record(event: AnalyticsEvent): void;
  /**
   * Events from `from` (inclusive) to `to` (exclusive), oldest first (by time, then in the order
   * recorded, so several instances' events interleave as they happened); optionally of some types only.
   */
  between(from: Date, to: Date, types?: readonly string[]): Promise<StoredEvent[]>;
  /** One conversation's events, oldest first, as `between` orders them. */
  forConversation(conversationId: string): Promise<StoredEvent[]>;
  /** Deletes events older than `days` days before `now`; returns how many. */
  deleteOlderThan(days: number, now: Date): Promise<number>;
  /** Deletes one conversation's events; returns how many. */
  eraseConversation(conversationId: string): Promise<number>;
  /** Resolves once every event recorded before the call is written (or its failure reported). */
  flush(): Promise<void>;
}

/** Called when events could not be written; `lost` is how many. Log ids and counts only, never the events. */
export type AnalyticsWriteFailure = (error: unknown, lost: number) => void;

/** The event's data with its `text`, if it has one, redacted (once, however many sinks it passes). */
export function redactedEventData(event: AnalyticsEvent): AnalyticsEventData {
  return redactedData(event.data, event.conversationId);
}

/** The time from which `deleteOlderThan(days, now)` keeps events. */
export function retentionCutoff(days: number, now: Date): string {
  return new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
}
