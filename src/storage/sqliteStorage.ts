import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { storeItemJson } from './storeItemJson';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './sqliteDatabase';

interface StateRow {
  etag: string;
  value: string;
}

/**
 * Bot state in the `bot_state` table, with the same eTag rules as botbuilder's MemoryStorage:
 * - an item with no eTag, or eTag '*', overwrites (or creates);
 * - an item with an eTag must match the stored one, or the whole write is refused;
 * - an item with an eTag whose key is not stored yet is created (as MemoryStorage does).
 * Every successful write gives the item a new eTag. The eTag lives in its own column, not in the JSON.
 *
 * Open the database with `openSqliteDatabase` so the table exists.
 */
export class SqliteStorage implements Storage {
  private readonly selectRow: Statement<[string], StateRow>;
  private readonly upsertRow: Statement<[string, string, string, string]>;
  private readonly deleteRow: Statement<[string]>;
  private readonly selectOne: Statement<[]>;
  private readonly writeAll: (pending: ReadonlyArray<{ key: string; eTag: string | undefined; json: string }>, now: string) => void;
  private readonly deleteAll: (keys: readonly string[]) => void;

  constructor(private readonly db: SqliteDatabase) {
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bot_state'").get()) {
      throw new Error('SqliteStorage: the database has no bot_state table. Open it with openSqliteDatabase().');
    }
    this.selectRow = db.prepare<[string], StateRow>('SELECT etag, value FROM bot_state WHERE key = ?');
    this.upsertRow = db.prepare<[string, string, string, string]>(
      `INSERT INTO bot_state (key, etag, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at`,
    );
    this.deleteRow = db.prepare<[string]>('DELETE FROM bot_state WHERE key = ?');
    this.selectOne = db.prepare('SELECT 1').pluck();
    // One transaction per call: a conflict on any key leaves every key in the batch as it was.
    this.writeAll = db.transaction((pending: ReadonlyArray<{ key: string; eTag: string | undefined; json: string }>, now: string) => {
      for (const { key, eTag, json } of pending) {
        if (eTag !== undefined && eTag !== '' && eTag !== '*') {
          const stored = this.selectRow.get(key);
          if (stored && stored.etag !== eTag) {
            throw new Error(`SqliteStorage: not saved, "${key}" was changed by another turn (eTag conflict).`);
          }
        }
        this.upsertRow.run(key, randomUUID(), json, now);
      }
    });
    this.deleteAll = db.transaction((keys: readonly string[]) => {
      for (const key of keys) this.deleteRow.run(key);
    });
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.selectRow.get(key);
      // Parsing each time hands the caller a fresh copy, so mutating it cannot change the store.
      if (row) items[key] = { ...(JSON.parse(row.value) as StoreItem), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    // Serialise everything before touching the table, so a bad value stops the write up front.
    const pending = Object.entries(changes).map(([key, item]) => ({
      key,
      eTag: (item as StoreItem | undefined)?.eTag,
      json: storeItemJson('SqliteStorage', key, item),
    }));
    if (pending.length === 0) return;
    this.writeAll(pending, new Date().toISOString());
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) this.deleteAll(keys);
  }

  /** Resolves when the database answers a trivial query; used by /readyz. */
  async ping(): Promise<void> {
    this.selectOne.get();
  }

  close(): void {
    this.db.close();
  }
}
