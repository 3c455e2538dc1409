/**
 * The SQLite schema, as a list of numbered steps. `openSqliteDatabase` runs each step whose
 * version is not yet in `schema_migrations`, once, in its own transaction.
 *
 * To change the schema, append a step with the next version number. Never edit or reorder a step
 * that has shipped: databases in the field have already run it and will not run it again.
 */
export interface SqliteMigration {
  /** 1, 2, 3…: must follow on from the previous step with no gaps. */
  readonly version: number;
  /** What the step is for, shown if it fails. */
  readonly description: string;
  /** One or more SQL statements. */
  readonly sql: string;
}

export const sqliteMigrations: readonly SqliteMigration[] = [
  {
    version: 1,
    description: 'bot state (conversation and user state behind the botbuilder Storage interface)',
    sql: `
      CREATE TABLE bot_state (
        key TEXT PRIMARY KEY,
        etag TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: 'console accounts and sessions, hand-off queue and relayed messages, callback requests',
    sql: `
      CREATE TABLE console_accounts (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('adviser', 'staff', 'admin')),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        disabled_at TEXT
      );
      CREATE TABLE console_sessions (
        token_hash TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES console_accounts(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL
      );
      CREATE TABLE handoffs (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        conversation_ref TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'connected', 'ended')),
        topic TEXT,
        summary TEXT NOT NULL,
        transcript TEXT,
        requested_at TEXT NOT NULL,
        last_user_activity_at TEXT NOT NULL,
        still_there_asked_at TEXT,
        accepted_at TEXT,
        adviser_id INTEGER REFERENCES console_accounts(id),
        adviser_name TEXT,
        ended_at TEXT,
        ended_by TEXT,
        outcome TEXT,
        feedback TEXT
      );
      CREATE INDEX handoffs_by_status ON handoffs (status, requested_at);
      CREATE UNIQUE INDEX handoffs_one_open_per_conversation ON handoffs (conversation_id)
        WHERE status IN ('queued', 'connected');
      CREATE TABLE handoff_messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        handoff_id TEXT NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
        sender TEXT NOT NULL CHECK (sender IN ('user', 'adviser', 'system')),
        text TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        delivered_at TEXT
      );
      CREATE INDEX handoff_messages_by_handoff ON handoff_messages (handoff_id, id);
      CREATE TABLE callback_requests (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        phone TEXT,
        email TEXT,
        best_time TEXT NOT NULL,
        message TEXT,
        voicemail_ok INTEGER,
        say_organisation_ok INTEGER,
        avoid_times TEXT,
        topic TEXT,
        status TEXT NOT NULL CHECK (status IN ('new', 'contacted', 'closed')),
        status_changed_by TEXT,
        status_changed_at TEXT
      );
      CREATE TABLE callback_status_changes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        callback_id TEXT NOT NULL REFERENCES callback_requests(id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        changed_by TEXT NOT NULL,
        changed_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    description: 'analytics events (redacted) and accepted phrasing suggestions',
    sql: `
      CREATE TABLE analytics_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        channel TEXT NOT NULL,
        type TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX analytics_events_by_time ON analytics_events (at);
      CREATE INDEX analytics_events_by_type ON analytics_events (type, at);
      CREATE INDEX analytics_events_by_conversation ON analytics_events (conversation_id);
      CREATE TABLE phrasing_suggestions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        entry_id TEXT NOT NULL,
        phrasing TEXT NOT NULL,
        accepted_by TEXT NOT NULL,
        accepted_at TEXT NOT NULL,
        applied_at TEXT,
        UNIQUE (entry_id, phrasing)
      );
    `,
  },
  {
    version: 4,
    description: 'when each console session last proved its password (re-sign-in before sensitive actions)',
    sql: `
      ALTER TABLE console_sessions ADD COLUMN authenticated_at TEXT;
    `,
  },
  {
    version: 5,
    description: 'console sign-in failures, counted across instances (only hashes of usernames and addresses)',
    sql: `
      CREATE TABLE login_failures (
        key_hash TEXT NOT NULL,
        failed_at TEXT NOT NULL
      );
      CREATE INDEX login_failures_by_key ON login_failures (key_hash, failed_at);
      CREATE INDEX login_failures_by_time ON login_failures (failed_at);
    `,
  },
];
