import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteDatabase, runMigrations, type SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { sqliteMigrations } from '../../src/storage/sqliteMigrations';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { describeStorageConformance } from './storageConformance';

function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'bot-sqlite-'));
}

describeStorageConformance('SQLite file', async () => {
  const dir = makeTempDir();
  const path = join(dir, 'data', 'bot.sqlite');
  let current = new SqliteStorage(openSqliteDatabase(path));
  return {
    storage: current,
    reopen: async () => {
      current.close();
      current = new SqliteStorage(openSqliteDatabase(path));
      return current;
    },
    cleanup: async () => {
      current.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeStorageConformance(
  'SQLite in memory',
  async () => {
    const storage = new SqliteStorage(openSqliteDatabase(':memory:'));
    return { storage, cleanup: async () => storage.close() };
  },
  { survivesReopen: false },
);

describe('the SQLite database file', () => {
  let dir: string;
  const opened: SqliteDatabase[] = [];
  function open(path: string): SqliteDatabase {
    const db = openSqliteDatabase(path);
    opened.push(db);
    return db;
  }

  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is created, with its folder, on first start', () => {
    const path = join(dir, 'not', 'yet', 'there', 'bot.sqlite');

    open(path);

    expect(existsSync(path)).toBe(true);
  });

  it('is opened in WAL mode, waits up to 5 s for a lock and enforces foreign keys', () => {
    const db = open(join(dir, 'bot.sqlite'));

    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('runs each migration once when opened twice', () => {
    const path = join(dir, 'bot.sqlite');
    const firstRun = open(path).prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all();
    opened[0].close();

    const secondRun = open(path).prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all();

    expect(firstRun.map((row) => (row as { version: number }).version)).toEqual(sqliteMigrations.map((m) => m.version));
    expect(secondRun).toEqual(firstRun);
  });

  it('does not repeat a migration whose effect is not idempotent', () => {
    const db = open(':memory:');
    const migrations = [
      ...sqliteMigrations,
      {
        version: sqliteMigrations.length + 1,
        description: 'seed',
        sql: "INSERT INTO bot_state VALUES ('seed', 'e', '{}', 'now')",
      },
    ];

    runMigrations(db, migrations);
    runMigrations(db, migrations);

    expect(db.prepare('SELECT count(*) FROM bot_state').pluck().get()).toBe(1);
  });

  it('leaves nothing half-made when a migration fails, and names the migration', () => {
    const db = open(':memory:');
    const broken = {
      version: sqliteMigrations.length + 1,
      description: 'broken step',
      sql: 'CREATE TABLE half_made (x TEXT); INSERT INTO no_such_table VALUES (1);',
    };

    expect(() => runMigrations(db, [...sqliteMigrations, broken])).toThrow(
      `SQLite migration ${broken.version} (broken step) failed`,
    );
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_made'").get()).toBeUndefined();
    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(sqliteMigrations.length);
  });

  it('refuses migrations that are not numbered 1, 2, 3… in order', () => {
    const db = open(':memory:');
    const skipped = [...sqliteMigrations, { version: sqliteMigrations.length + 2, description: 'gap', sql: '' }];

    expect(() => runMigrations(db, skipped)).toThrow('versions must run 1, 2, 3');
  });

  it('stops with an error naming the path and SQLITE_PATH when the folder cannot be made', () => {
    const aFile = join(dir, 'plain-file');
    writeFileSync(aFile, 'not a folder');
    const path = join(aFile, 'bot.sqlite');

    expect(() => open(path)).toThrow(path);
    expect(() => open(path)).toThrow('Fix SQLITE_PATH');
  });

  it('stops with an error naming SQLITE_PATH when it points at something that is not a database', () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'These are my notes, not a database. '.repeat(200));

    expect(() => open(path)).toThrow(/notes\.txt.*Fix SQLITE_PATH/s);
  });

  it('keeps the eTag in its own column, not inside the saved JSON', async () => {
    const db = open(':memory:');
    const storage = new SqliteStorage(db);

    await storage.write({ k: { n: 1, eTag: '*' } });
    const row = db
      .prepare<[string], { etag: string; value: string }>('SELECT etag, value FROM bot_state WHERE key = ?')
      .get('k');

    expect(JSON.parse(row?.value ?? 'null')).toEqual({ n: 1 });
    expect((await storage.read(['k'])).k.eTag).toBe(row?.etag);
  });

  it('is shared by two bot processes on the same file, eTags included', async () => {
    const path = join(dir, 'bot.sqlite');
    const first = new SqliteStorage(open(path));
    const second = new SqliteStorage(open(path));

    await first.write({ 'conv|1': { step: 1 } });
    const seen = (await second.read(['conv|1']))['conv|1'];
    await first.write({ 'conv|1': { step: 2, eTag: seen.eTag } });

    await expect(second.write({ 'conv|1': { step: 3, eTag: seen.eTag } })).rejects.toThrow('conv|1');
    expect((await second.read(['conv|1']))['conv|1'].step).toBe(2);
  });

  it('answers a readiness ping while open, and fails it once closed', async () => {
    const storage = new SqliteStorage(open(':memory:'));

    await expect(storage.ping()).resolves.toBeUndefined();
    storage.close();
    await expect(storage.ping()).rejects.toThrow();
  });

  it('refuses a database that was not opened with openSqliteDatabase', () => {
    const raw = new Database(':memory:');
    try {
      expect(() => new SqliteStorage(raw)).toThrow('openSqliteDatabase');
    } finally {
      raw.close();
    }
  });
});
