import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { describeError, Logger } from '../logger';
import { DeskBroadcast, DeskSignal, readSignal, ReceivedSignal } from './deskBroadcast';

const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 10_000;

/** One channel per schema: instances of another deployment (or test) in the same database never hear these. */
function channelFor(schema: string): string {
  return `handoff_desk_${createHash('sha256').update(schema).digest('hex').slice(0, 16)}`;
}

type Handlers = Parameters<DeskBroadcast['listen']>[0];

/**
 * Desk signals over PostgreSQL LISTEN/NOTIFY. One connection of the pool is kept for it: signals
 * are sent on it one after another and PostgreSQL delivers notifications in commit order, so every
 * instance hears one instance's signals in the order they were sent. If the connection is lost it
 * is opened again; signals sent or due meanwhile are gone, so this instance reloads (`missed`) and
 * tells the others to reload too.
 */
export class PostgresDeskBroadcast implements DeskBroadcast {
  readonly instanceId = randomUUID();
  private client: pg.PoolClient | undefined;
  private channel = '';
  private sending: Promise<void> = Promise.resolve();
  private handlers: Handlers | undefined;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly log: Logger,
  ) {}

  /** Connects and starts listening; rejects if the database cannot be reached. */
  static async open(pool: pg.Pool, log: Logger): Promise<PostgresDeskBroadcast> {
    const broadcast = new PostgresDeskBroadcast(pool, log);
    await broadcast.connect();
    return broadcast;
  }

  listen(handlers: Handlers): void {
    this.handlers = handlers;
  }

  publish(signal: DeskSignal): void {
    const payload = JSON.stringify({ from: this.instanceId, signal });
    this.sending = this.sending
      .then(async () => {
        // While the link is down nothing can be sent; the others are told to reload once it is back.
        if (this.client) await this.client.query('SELECT pg_notify($1, $2)', [this.channel, payload]);
      })
      .catch((error: unknown) => this.log.warn('desk_signal_not_sent', { kind: signal.kind, ...describeError(error) }));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.sending;
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    await client.query(`UNLISTEN ${this.channel}`).catch(() => undefined);
    client.release();
  }

  private async connect(): Promise<void> {
    const client = await this.pool.connect();
    const onError = (error: Error) => this.lost(client, error);
    client.on('error', onError);
    try {
      const { rows } = await client.query<{ schema: string }>('SELECT current_schema() AS schema');
      this.channel = channelFor(rows[0].schema);
      client.on('notification', (message) => {
        if (message.channel === this.channel) this.receive(message.payload ?? '');
      });
      await client.query(`LISTEN ${this.channel}`);
      if (this.closed) {
        client.release();
        return;
      }
      this.client = client;
    } catch (error) {
      client.off('error', onError);
      client.release(error as Error);
      throw error;
    }
  }

  private receive(payload: string): void {
    const received: ReceivedSignal | undefined = readSignal(payload);
    if (!received || received.from === this.instanceId) return;
    this.handlers?.received(received);
  }

  private lost(client: pg.PoolClient, error: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.release(error);
    this.log.warn('desk_link_lost', describeError(error));
    this.reconnectLater();
  }

  private reconnectLater(): void {
    if (this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.connect().then(
        () => {
          this.retryMs = FIRST_RETRY_MS;
          this.log.info('desk_link_restored', {});
          this.handlers?.missed();
          this.publish({ kind: 'resync' });
        },
        () => {
          this.retryMs = Math.min(this.retryMs * 2, LONGEST_RETRY_MS);
          this.reconnectLater();
        },
      );
    }, this.retryMs);
    this.retryTimer.unref();
  }
}
