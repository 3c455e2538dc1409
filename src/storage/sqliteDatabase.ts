import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { sqliteMigrations, type SqliteMigration } from './sqliteMigrations';

export type SqliteDatabase = Database.Database;

/**
 * Opens (creating if needed) the SQLite file at `path` and brings its schema up to date.
 * `':memory:'` gives a private in-memory database, for tests.
 *
 * Throws an Error naming the path and SQLITE_PATH when the file cannot be created, opened or written.
 */
export function openSqliteDatabase(path: string): SqliteDatabase {
  let db: SqliteDatabase | undefined;
  try {
    if (path !== ':memory:' && path !== '') {
      mkdirSync(dirname(resolve(path)), { recursive: true });
    }
    db = new Database(path);
    // WAL lets /readyz and reports read while a turn is writing.
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    // In WAL mode NORMAL syncs at checkpoints, not on every commit: a crash of the bot loses nothing
    // committed, and only a power cut can lose the last moments. Syncing each of a turn's writes cost
    // about a tenth of a millisecond apiece on the turn's thread.
    db.pragma('synchronous = NORMAL');
    // 16 MB of pages (the default is 2 MB): every turn reads and rewrites its conversation's state,
    // several kilobytes spread over overflow pages, and a busy bot has hundreds of conversations.
    db.pragma('cache_size = -16000');
    db.pragma('foreign_keys = ON');
  } catch (err) {
    db?.close();
    throw unusablePathError(path, err);
  }

  try {
    runMigrations(db);
  } catch (err) {
    db.close();
    throw isFileProblem(err) ? unusablePathError(path, err) : err;
  }
  return db;
}

/**
 * Runs each migration not yet recorded in `schema_migrations`, in version order, each in its own
 * transaction: a step that fails leaves no half-made tables and is tried again on the next start.
 */
export function runMigrations(
  db: SqliteDatabase,
  migrations: readonly SqliteMigration[] = sqliteMigrations,
): void {
  checkNumbering(migrations);
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)');
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');

  for (const migration of migrations) {
    const apply = db.transaction(() => {
      if (isApplied.get(migration.version) !== undefined) return;
      db.exec(migration.sql);
      record.run(migration.version, new Date().toISOString());
    });
    try {
      // IMMEDIATE takes the write lock before the check, so two bot processes starting on the
      // same file cannot both run a step.
      apply.immediate();
    } catch (err) {
      throw new Error(
        `SQLite migration ${migration.version} (${migration.description}) failed: ${messageOf(err)}`,
        { cause: err },
      );
    }
  }
}

function checkNumbering(migrations: readonly SqliteMigration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `sqliteMigrations[${index}] has version ${migration.version}; versions must run 1, 2, 3… in order. ` +
          'Append new migrations with the next number instead of editing or reordering old ones.',
      );
    }
  });
}

// SQLite result codes that mean "this file or folder cannot be used", as opposed to a bad migration.
const FILE_PROBLEM_CODES = /^SQLITE_(CANTOPEN|READONLY|PERM|IOERR|NOTADB|CORRUPT|FULL|AUTH)/;

function isFileProblem(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && FILE_PROBLEM_CODES.test(code)) return true;
  }
  return false;
}

function unusablePathError(path: string, cause: unknown): Error {
  const absolute = resolve(path);
  const where = absolute === path ? `"${path}"` : `"${path}" (${absolute})`;
  return new Error(
    `Cannot use ${where} as the SQLite database: ${messageOf(cause)}. ` +
      'Fix SQLITE_PATH so it names a file in a folder the bot can write to, or remove it to use ./data/bot.sqlite.',
    { cause },
  );
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
