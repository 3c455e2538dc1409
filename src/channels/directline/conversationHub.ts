import { Activity } from 'botbuilder';

/** An activity as it travels in JSON: timestamps are ISO strings, and every stored one has an id. */
export type WireActivity = Omit<Partial<Activity>, 'timestamp' | 'localTimestamp'> & { id: string; timestamp: string };

export interface ActivitySet {
  readonly activities: WireActivity[];
  readonly watermark: string;
}

/** An activity before the hub gives it an id and a timestamp. */
type NewActivity = Partial<Activity> | Omit<WireActivity, 'id' | 'timestamp'>;

/** Receives each new activity as the JSON text of an activity set, ready to send on a stream. */
type Listener = (setJson: string) => void;

export const DEFAULT_MAX_BYTES_PER_CONVERSATION = 1024 * 1024;
export const DEFAULT_MAX_BYTES_TOTAL = 16 * 1024 * 1024;

/**
 * Activities are kept as their JSON text: a stream sends that text as it is, and a string takes
 * a fraction of the memory of the object it came from, which matters for transcripts kept an hour.
 */
interface Entry {
  readonly watermark: number;
  readonly id: string;
  readonly json: string;
  readonly bytes: number;
}

interface ConversationLog {
  readonly entries: Entry[];
  /** Size of the entries as JSON. */
  bytes: number;
  readonly listeners: Set<Listener>;
  /** clientActivityID → id we gave it, so a client's resend of the same message is not delivered twice. */
  readonly clientIds: Map<string, string>;
  lastUsed: number;
  started: boolean;
}

export interface ConversationHubOptions {
  /** Activities kept per conversation for polling clients; older ones drop off. */
  readonly maxActivitiesPerConversation: number;
  /**
   * Bytes (as JSON) kept per conversation; older activities drop off first, the newest always stays.
   * Without it one token could park 500 messages of 250 KB each here for an hour. Default 1 MB.
   */
  readonly maxBytesPerConversation?: number;
  /**
   * Bytes kept across all conversations (default 16 MB, some hundreds of conversations). Past it,
   * conversations nobody is connected to go first, least recently used first; then the oldest
   * activities of the oldest conversations.
   */
  readonly maxBytesTotal?: number;
  /** A conversation with no traffic for this long is forgotten (its text leaves memory). */
  readonly idleMilliseconds: number;
  readonly now?: () => number;
}

/**
 * Holds each conversation's recent activities in memory only, like Direct Line's short-lived
 * transcript: long enough for a client to fetch them by watermark, never written to disk, because
 * it contains what people typed. Watermarks start from the clock, so after a restart they are
 * still larger than any a reconnecting client holds, and it receives every new activity.
 */
export class ConversationHub {
  private readonly conversations = new Map<string, ConversationLog>();
  private lastWatermark: number;
  private readonly now: () => number;
  private readonly maxBytesPerConversation: number;
  private readonly maxBytesTotal: number;
  private totalBytes = 0;

  constructor(private readonly options: ConversationHubOptions) {
    this.now = options.now ?? Date.now;
    this.lastWatermark = this.now() * 1000;
    this.maxBytesPerConversation = options.maxBytesPerConversation ?? DEFAULT_MAX_BYTES_PER_CONVERSATION;
    this.maxBytesTotal = options.maxBytesTotal ?? DEFAULT_MAX_BYTES_TOTAL;
  }

  /** Marks the conversation started; returns false if it already was (so conversationUpdate is sent once). */
  markStarted(conversationId: string): boolean {
    const log = this.logFor(conversationId);
    if (log.started) return false;
    log.started = true;
    return true;
  }

  /** Appends an activity, gives it an id (unless the bot chose one) and a timestamp, and pushes it to live streams. */
  append(conversationId: string, activity: NewActivity, chosenId?: string): WireActivity {
    return this.appendAll(conversationId, [{ activity, chosenId }])[0];
  }

  /**
   * Appends several activities in order (a turn's replies) and pushes them to live streams as one
   * activity set: one message on the socket, not one per reply.
   */
  appendAll(conversationId: string, items: ReadonlyArray<{ readonly activity: NewActivity; readonly chosenId?: string }>): WireActivity[] {
    const log = this.logFor(conversationId);
    const added = items.map(({ activity, chosenId }) => this.store(log, conversationId, activity, chosenId));
    if (added.length > 0 && log.listeners.size > 0) {
      const setJson = activitySetJson(
        added.map((entry) => entry.json),
        String(added[added.length - 1].watermark),
      );
      for (const listener of log.listeners) listener(setJson);
    }
    return added.map((entry) => entry.activity);
  }

  private store(log: ConversationLog, conversationId: string, activity: NewActivity, chosenId: string | undefined): { activity: WireActivity; json: string; watermark: number } {
    const watermark = this.nextWatermark();
    const stored: WireActivity = {
      ...(activity as Omit<WireActivity, 'id' | 'timestamp'>),
      id: chosenId ?? `${conversationId}|${String(watermark)}`,
      timestamp: new Date(this.now()).toISOString(),
      conversation: { id: conversationId } as WireActivity['conversation'],
      channelId: 'directline',
    };
    delete stored.serviceUrl;
    const json = JSON.stringify(stored);
    const bytes = Buffer.byteLength(json);
    log.entries.push({ watermark, id: stored.id, json, bytes });
    log.bytes += bytes;
    this.totalBytes += bytes;
    while (log.entries.length > 1 && (log.entries.length > this.options.maxActivitiesPerConversation || log.bytes > this.maxBytesPerConversation)) {
      this.dropOldest(log);
    }
    if (this.totalBytes > this.maxBytesTotal) this.trimAll(log);
    return { activity: stored, json, watermark };
  }

  /** Whether this gateway has the conversation (it was started or rejoined here and has not gone idle). */
  has(conversationId: string): boolean {
    return this.conversations.has(conversationId);
  }

  /** Whether an activity with this id is still in the conversation's transcript. */
  holds(conversationId: string, activityId: string): boolean {
    return this.conversations.get(conversationId)?.entries.some((entry) => entry.id === activityId) ?? false;
  }

  rememberClientActivity(conversationId: string, clientActivityId: string, activityId: string): void {
    const ids = this.logFor(conversationId).clientIds;
    ids.set(clientActivityId, activityId);
    if (ids.size > this.options.maxActivitiesPerConversation) ids.delete(ids.keys().next().value as string);
  }

  findClientActivity(conversationId: string, clientActivityId: string): string | undefined {
    return this.conversations.get(conversationId)?.clientIds.get(clientActivityId);
  }

  /** Activities after the watermark (all kept ones when none is given). */
  activitiesAfter(conversationId: string, watermark?: string): ActivitySet {
    const { entries, last } = this.entriesAfter(conversationId, watermark);
    return { activities: entries.map((entry) => JSON.parse(entry.json) as WireActivity), watermark: last };
  }

  /** The same as JSON text, or undefined when there are none to send. */
  activitySetJsonAfter(conversationId: string, watermark?: string): string | undefined {
    const { entries, last } = this.entriesAfter(conversationId, watermark);
    return entries.length > 0 ? activitySetJson(entries.map((entry) => entry.json), last) : undefined;
  }

  subscribe(conversationId: string, listener: Listener): () => void {
    const log = this.logFor(conversationId);
    log.listeners.add(listener);
    return () => log.listeners.delete(listener);
  }

  /** Quick Exit: drop everything held for this conversation at once. */
  forget(conversationId: string): void {
    this.totalBytes -= this.conversations.get(conversationId)?.bytes ?? 0;
    this.conversations.delete(conversationId);
  }

  /** Forgets idle conversations that nobody is listening to; returns how many went. */
  prune(): number {
    const cutoff = this.now() - this.options.idleMilliseconds;
    let removed = 0;
    for (const [id, log] of this.conversations) {
      if (log.lastUsed < cutoff && log.listeners.size === 0) {
        this.totalBytes -= log.bytes;
        this.conversations.delete(id);
        removed += 1;
      }
    }
    return removed;
  }

  get size(): number {
    return this.conversations.size;
  }

  /** What the kept activities take as JSON, across all conversations. */
  get bytes(): number {
    return this.totalBytes;
  }

  private dropOldest(log: ConversationLog): void {
    const dropped = log.entries.shift();
    if (!dropped) return;
    log.bytes -= dropped.bytes;
    this.totalBytes -= dropped.bytes;
  }

  /**
   * Over the hub-wide budget: first forget conversations with no stream open, least recently used
   * first, down to 90% of the budget so this does not run again on the next append; then the oldest
   * conversations (first created) lose their oldest activities; `keep`'s newest stays.
   */
  private trimAll(keep: ConversationLog): void {
    const unwatched = [...this.conversations].filter(([, log]) => log.listeners.size === 0 && log !== keep).sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
    for (const [id, log] of unwatched) {
      if (this.totalBytes <= this.maxBytesTotal * 0.9) return;
      this.totalBytes -= log.bytes;
      this.conversations.delete(id);
    }
    for (const log of this.conversations.values()) {
      while (this.totalBytes > this.maxBytesTotal && log.entries.length > (log === keep ? 1 : 0)) this.dropOldest(log);
      if (this.totalBytes <= this.maxBytesTotal) return;
    }
  }

  private logFor(conversationId: string): ConversationLog {
    let log = this.conversations.get(conversationId);
    if (!log) {
      log = { entries: [], bytes: 0, listeners: new Set(), clientIds: new Map(), lastUsed: 0, started: false };
      this.conversations.set(conversationId, log);
    }
    log.lastUsed = this.now();
    return log;
  }

  private entriesAfter(conversationId: string, watermark: string | undefined): { entries: Entry[]; last: string } {
    const log = this.logFor(conversationId);
    const after = parseWatermark(watermark);
    const entries = log.entries.filter((entry) => entry.watermark > after);
    const last = entries.at(-1)?.watermark ?? Math.max(after, log.entries.at(-1)?.watermark ?? 0);
    return { entries, last: last > 0 ? String(last) : '' };
  }

  private nextWatermark(): number {
    this.lastWatermark = Math.max(this.lastWatermark + 1, this.now() * 1000);
    return this.lastWatermark;
  }
}

/** `{"activities":[…],"watermark":"…"}` from activities already in JSON; the watermark is digits only. */
function activitySetJson(activityJsons: readonly string[], watermark: string): string {
  return `{"activities":[${activityJsons.join(',')}],"watermark":${JSON.stringify(watermark)}}`;
}

function parseWatermark(watermark: string | undefined): number {
  if (!watermark || !/^\d{1,20}$/.test(watermark)) return 0;
  return Number(watermark);
}
