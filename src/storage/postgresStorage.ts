import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { storeItemJson } from './storeItemJson';
import type pg from 'pg';
import { codeOf, inTransaction } from './postgresPool';

interface StateRow {
  key: string;
  etag: string;
  value: string;
}

interface PendingWrite {
  readonly key: string;
  /** The eTag the caller read, or null for an unconditional write ('*' or none). */
  readonly expected: string | null;
  readonly json: string;
}

/**
 * Longest /readyz waits for the database. Without a limit a network that silently drops packets held
 * each probe until the query timeout (20 s): load balancers give up on a probe long before that, and
 * every hung probe kept one of the pool's connections.
 */
export const PING_TIMEOUT_MS = 3_000;

// One statement does the check and the write, so it holds across instances: PostgreSQL locks the
// existing row and re-checks the eTag against its latest version before updating. A row that does
// not exist yet is created whatever eTag was given (as botbuilder's MemoryStorage does).
const UPSERT = `
  INSERT INTO bot_state AS stored (key, etag, value, updated_at) VALUES ($1, $2, $3, $4)
  ON CONFLICT (key) DO UPDATE
    SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at
    WHERE $5::text IS NULL OR stored.etag = $5::text
  RETURNING key`;

/**
 * Bot state in PostgreSQL's `bot_state` table, with the same eTag rules as SqliteStorage and
 * botbuilder's MemoryStorage:
 * - an item with no eTag, or eTag '*', overwrites (or creates);
 * - an item with an eTag must match the stored one, or the whole write is refused;
 * - an item with an eTag whose key is not stored yet is created.
 * Every successful write gives the item a new eTag, kept in its own column.
 *
 * Several bot instances can share one database. Note that botbuilder's BotState.saveChanges writes
 * with eTag '*', so eTags alone do not stop two simultaneous turns of one conversation overwriting
 * each other: run turns under a ConversationTurnLock (conversationTurnLock.ts) for that.
 *
 * Run `runPostgresMigrations` on the pool first. The pool is the caller's to close.
 */
export class PostgresStorage implements Storage {
  constructor(private readonly pool: pg.Pool) {}

  async read(keys: string[]): Promise<StoreItems> {
    // PostgreSQL text cannot hold NUL, so no stored key contains one.
    const wanted = keys.filter((key) => !key.includes('\0'));
    if (wanted.length === 0) return {};
    const { rows } = await this.query<StateRow>('SELECT key, etag, value FROM bot_state WHERE key = ANY($1::text[])', [wanted]);
    const found = new Map(rows.map((row) => [row.key, row]));
    const items: StoreItems = {};
    for (const key of wanted) {
      const row = found.get(key);
      // Parsing each time hands the caller a fresh copy, so changing it cannot change the store.
      if (row) items[key] = { ...(JSON.parse(row.value) as StoreItem), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    // Serialise everything before touching the table, so a bad value stops the write up front.
    const pending: PendingWrite[] = Object.entries(changes).map(([key, item]) => {
      const eTag = (item as StoreItem | undefined)?.eTag;
      return {
        key: checkedKey(key),
        expected: eTag === undefined || eTag === null || eTag === '' || eTag === '*' ? null : String(eTag),
        json: storeItemJson('PostgresStorage', key, item),
      };
    });
    if (pending.length === 0) return;
    const now = new Date().toISOString();

    if (pending.length === 1) {
      // The usual case (a BotState saves one key): one statement, its own transaction.
      const [one] = pending;
      const { rowCount } = await this.query(UPSERT, [one.key, randomUUID(), one.json, now, one.expected]);
      if (rowCount === 0) throw conflict(one.key);
      return;
    }

    // Several keys: one transaction, so a conflict on any leaves them all as they were. Keys go in
    // a fixed order so two batches sharing keys cannot deadlock on each other's rows.
    pending.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    await this.run(() =>
      inTransaction(this.pool, async (client) => {
        for (const { key, expected, json } of pending) {
          const { rowCount } = await client.query(UPSERT, [key, randomUUID(), json, now, expected]);
          if (rowCount === 0) throw conflict(key);
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    const wanted = keys.filter((key) => !key.includes('\0'));
    if (wanted.length === 0) return;
    await this.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [wanted]);
  }

  /**
   * Resolves when the database answers a trivial query within `timeoutMs`; used by /readyz. A
   * connection that does not answer in time is closed rather than handed to a turn.
   */
  async ping(timeoutMs: number = PING_TIMEOUT_MS): Promise<void> {
    const started = Date.now();
    const client = await connectWithin(this.pool, timeoutMs);
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken = error;
    };
    client.on('error', onError);
    try {
      const remaining = Math.max(1, timeoutMs - (Date.now() - started));
      await client.query({ text: 'SELECT 1', query_timeout: remaining } as pg.QueryConfig);
    } catch (error) {
      broken ??= error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  private query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
    return this.run(() => this.pool.query<R>(text, values));
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (codeOf(error) === '42P01') {
        throw new Error('PostgresStorage: the database has no bot_state table. Run runPostgresMigrations() on the pool first.', {
          cause: error,
        });
      }
      throw error;
    }
  }
}

/** pool.connect(), given up after `ms`; a connection that arrives later goes straight back to the pool. */
async function connectWithin(pool: pg.Pool, ms: number): Promise<pg.PoolClient> {
  const connecting = pool.connect();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`PostgreSQL did not give a connection within ${ms} ms.`)), ms);
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

function conflict(key: string): Error {
  return new Error(`PostgresStorage: not saved, "${key}" was changed by another turn (eTag conflict).`);
}

function checkedKey(key: string): string {
  if (key.includes('\0')) {
    throw new Error(`PostgresStorage: not saved, the key ${JSON.stringify(key)} contains a NUL character, which PostgreSQL cannot store.`);
  }
  return key;
}
