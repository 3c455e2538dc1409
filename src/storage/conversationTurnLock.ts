import { createHash } from 'node:crypto';
import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type pg from 'pg';
import { createLogger, describeError, type Logger } from '../logger';
import { codeOf } from './postgresPool';

/**
 * Lets only one turn of a conversation run at a time.
 *
 * Why: botbuilder's BotState loads conversation state at the start of a turn and saves all of it at
 * the end with eTag '*'. Two turns of one conversation running at once (a person sending twice
 * quickly, a channel retry, an adviser message arriving mid-turn), on one instance or two, would
 * each save their own copy and the later save would silently undo the earlier turn. Holding this
 * lock from before state is loaded until after it is saved makes such turns take their turn.
 */
export interface ConversationTurnLock {
  /**
   * Runs `turn` once no other turn holding `conversationKey` is running, and returns its result.
   * Rejects with ConversationBusyError, without running `turn`, if the wait is longer than the
   * lock's wait timeout. Not re-entrant: a turn that awaits another turn of its own conversation
   * waits for itself until the wait timeout.
   */
  run<T>(conversationKey: string, turn: () => Promise<T>): Promise<T>;
}

export interface TurnLockOptions {
  /** Longest a turn waits for the conversation before giving up with ConversationBusyError. Default 30 s. */
  readonly waitTimeoutMs?: number;
  /**
   * Longest a turn holds the conversation. A turn still running then is left to finish, but the
   * next turn is let in (and a warning logged): one stuck turn must not silence a conversation.
   * Default 30 s.
   */
  readonly holdTimeoutMs?: number;
  readonly log?: Logger;
}

const DEFAULT_WAIT_MS = 30_000;
const DEFAULT_HOLD_MS = 30_000;

/** The turn waited longer than the wait timeout for an earlier turn of the same conversation. */
export class ConversationBusyError extends Error {
  constructor(readonly conversationKey: string, readonly waitedMs: number) {
    super(`Conversation "${conversationKey}" is still busy with an earlier turn after ${waitedMs} ms; this turn was not run.`);
    this.name = 'ConversationBusyError';
  }
}

/**
 * The key to lock a turn on, "<channelId>/conversations/<conversationId>": the same parts that
 * botbuilder's ConversationState keys its storage by (its key adds "/<namespace>"), so one lock covers
 * exactly the turns that share that state. Undefined when the activity names no conversation.
 */
export function conversationLockKey(activity: Partial<Activity>): string | undefined {
  const channelId = activity.channelId;
  const conversationId = activity.conversation?.id;
  return channelId && conversationId ? `${channelId}/conversations/${conversationId}` : undefined;
}

/**
 * Middleware that runs the rest of the turn (later middleware, the bot, its saveChanges) under
 * `lock`, keyed by conversationLockKey. Register it before any middleware that reads state.
 * Proactive turns (continueConversationAsync) run middleware too, so they queue in the same way.
 */
export function turnLockMiddleware(lock: ConversationTurnLock): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const key = conversationLockKey(context.activity);
      if (key === undefined) return next();
      await lock.run(key, next);
    },
  };
}

/**
 * Turns of one conversation, one at a time, in arrival order, within this process. Enough for a
 * single bot process (the SQLite set-up); with several instances use PostgresTurnLock.
 */
export class InProcessTurnLock implements ConversationTurnLock {
  private readonly queue = new KeyedQueue();
  private readonly waitMs: number;
  private readonly holdMs: number;
  private readonly log: Logger;

  constructor(options: TurnLockOptions = {}) {
    this.waitMs = milliseconds(options.waitTimeoutMs, DEFAULT_WAIT_MS, 'waitTimeoutMs');
    this.holdMs = milliseconds(options.holdTimeoutMs, DEFAULT_HOLD_MS, 'holdTimeoutMs');
    this.log = options.log ?? createLogger();
  }

  async run<T>(conversationKey: string, turn: () => Promise<T>): Promise<T> {
    const leave = await this.queue.enter(conversationKey, this.waitMs);
    return holdWhile(conversationKey, turn, async () => leave(), this.holdMs, this.log);
  }
}

/**
 * Turns of one conversation, one at a time across every instance sharing the database.
 *
 * Within an instance, turns of a conversation queue in memory first (so a burst of messages takes
 * one database connection, not one each). The turn at the head of the queue then opens a
 * transaction and takes `pg_advisory_xact_lock` on a 64-bit key hashed from the conversation key,
 * waiting (in PostgreSQL's own first-come queue) while another instance holds it. The transaction
 * is rolled back when the turn ends, which frees the lock; if the instance dies, its connection
 * closes and PostgreSQL frees the lock at once. If the instance hangs, the server ends the
 * transaction when it has been idle longer than the hold timeout (plus a margin).
 *
 * The transaction writes nothing: state is read and written through PostgresStorage on other
 * connections. Each turn in progress keeps one connection from `pool` until it ends, so give the lock
 * a pool of its own (openPostgresPool(url, { max: 10 })), not the storage pool: with a shared pool,
 * turns holding every connection could wait for ever for one to save their state.
 */
export class PostgresTurnLock implements ConversationTurnLock {
  private readonly queue = new KeyedQueue();
  private readonly waitMs: number;
  private readonly holdMs: number;
  private readonly log: Logger;

  constructor(
    private readonly pool: pg.Pool,
    options: TurnLockOptions = {},
  ) {
    this.waitMs = milliseconds(options.waitTimeoutMs, DEFAULT_WAIT_MS, 'waitTimeoutMs');
    this.holdMs = milliseconds(options.holdTimeoutMs, DEFAULT_HOLD_MS, 'holdTimeoutMs');
    this.log = options.log ?? createLogger();
  }

  async run<T>(conversationKey: string, turn: () => Promise<T>): Promise<T> {
    const started = Date.now();
    const leave = await this.queue.enter(conversationKey, this.waitMs);
    let unlock: () => Promise<void>;
    try {
      unlock = await this.lockInDatabase(conversationKey, this.waitMs - (Date.now() - started));
    } catch (error) {
      leave();
      throw error;
    }
    const release = async () => {
      try {
        await unlock();
      } finally {
        leave();
      }
    };
    return holdWhile(conversationKey, turn, release, this.holdMs, this.log);
  }

  /** Takes the advisory lock on a connection of its own; resolves to a function that frees it. */
  private async lockInDatabase(conversationKey: string, remainingMs: number): Promise<() => Promise<void>> {
    const waitMs = Math.floor(remainingMs);
    if (waitMs <= 0) throw new ConversationBusyError(conversationKey, this.waitMs);

    const client = await connectWithin(this.pool, waitMs, conversationKey, this.waitMs);
    let lost: Error | undefined;
    const onError = (error: Error) => {
      // The server ended the session (or the network dropped): the lock went with it.
      lost = error;
      this.log.warn('conversation_lock_connection_lost', { ...describeError(error), code: codeOf(error) });
    };
    client.on('error', onError);
    const finish = (error?: Error) => {
      client.off('error', onError);
      client.release(error ?? lost);
    };

    // All values are numbers made here, so they are written into the SQL; one round trip.
    const lockId = advisoryLockId(conversationKey);
    const idleLimitMs = this.holdMs + 5_000;
    try {
      await client.query({
        text:
          `BEGIN; SET LOCAL lock_timeout = ${waitMs}; SET LOCAL statement_timeout = ${waitMs + 1_000}; ` +
          `SET LOCAL idle_in_transaction_session_timeout = ${idleLimitMs}; SELECT pg_advisory_xact_lock(${lockId})`,
        query_timeout: waitMs + 5_000,
      } as pg.QueryConfig);
    } catch (error) {
      const busy = codeOf(error) === '55P03';
      try {
        await client.query('ROLLBACK');
        finish();
      } catch (rollbackError) {
        finish(rollbackError as Error);
      }
      if (busy) throw new ConversationBusyError(conversationKey, this.waitMs);
      throw error;
    }

    return async () => {
      if (lost) return finish();
      try {
        // Ends the transaction, which releases the transaction-scoped advisory lock.
        await client.query('ROLLBACK');
        finish();
      } catch (error) {
        // A connection that failed to roll back is closed, and closing frees the lock too.
        finish(error as Error);
        throw error;
      }
    };
  }
}

function milliseconds(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 1) throw new Error(`${name} must be a number of milliseconds, 1 or more (found ${value}).`);
  return Math.round(value);
}

/** A signed 64-bit advisory lock key for a conversation, as decimal text. */
export function advisoryLockId(conversationKey: string): string {
  return createHash('sha256').update(`conversation-turn\n${conversationKey}`).digest().readBigInt64BE(0).toString();
}

/**
 * Runs `turn`, then `release`. If the turn outlives `holdMs`, releases early (the turn keeps running)
 * and logs it. A failing release is logged, not thrown: the turn's own outcome is what the caller gets.
 */
async function holdWhile<T>(key: string, turn: () => Promise<T>, release: () => Promise<void>, holdMs: number, log: Logger): Promise<T> {
  let released: Promise<void> | undefined;
  const releaseOnce = () =>
    (released ??= release().catch((error: unknown) => {
      log.warn('conversation_lock_release_failed', { conversationKey: key, ...describeError(error) });
    }));
  const timer = setTimeout(() => {
    log.warn('conversation_lock_hold_timeout', { conversationKey: key, holdMs });
    void releaseOnce();
  }, holdMs);
  try {
    return await turn();
  } finally {
    clearTimeout(timer);
    await releaseOnce();
  }
}

/** pool.connect(), given up after `ms`; a connection that arrives later goes straight back. */
async function connectWithin(pool: pg.Pool, ms: number, key: string, waitMs: number): Promise<pg.PoolClient> {
  const connecting = pool.connect();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConversationBusyError(key, waitMs)), ms);
  });
  try {
    return await Promise.race([connecting, timedOut]);
  } catch (error) {
    connecting.then((client) => client.release(), () => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * In-memory first-come queues, one per key. `enter` resolves (to a `leave` function) when every
 * earlier entrant for the key has left; entries for idle keys are dropped, so memory stays small.
 */
class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  async enter(key: string, waitMs: number): Promise<() => void> {
    const before = this.tails.get(key) ?? Promise.resolve();
    let open!: () => void;
    const mine = new Promise<void>((resolve) => {
      open = resolve;
    });
    // The next entrant waits for everyone before this one and then for this one to leave.
    const tail = before.then(() => mine);
    this.tails.set(key, tail);
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      open();
      void tail.then(() => {
        if (this.tails.get(key) === tail) this.tails.delete(key);
      });
    };

    let timer: NodeJS.Timeout | undefined;
    const gotIn = await Promise.race([
      before.then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), waitMs);
      }),
    ]);
    clearTimeout(timer);
    if (!gotIn) {
      // Give up this place; those behind still wait for the ones in front.
      leave();
      throw new ConversationBusyError(key, waitMs);
    }
    return leave;
  }
}
