import type { SqliteDatabase } from '../storage/sqliteDatabase';
import {
  expiryCutoffs,
  newSessionToken,
  sessionAccountFrom,
  sessionStateAt,
  storedHashOf,
  type ConsoleSessions,
  type SessionAccount,
  type SessionRow,
} from './consoleSessions';

/** Console sessions in the bot's SQLite file. */
export class SqliteConsoleSessions implements ConsoleSessions {
  constructor(private readonly db: SqliteDatabase) {}

  async start(accountId: number, now: Date = new Date()): Promise<string> {
    const { idle, age } = expiryCutoffs(now);
    this.db.prepare('DELETE FROM console_sessions WHERE last_seen_at <= ? OR created_at <= ?').run(idle, age);
    const token = newSessionToken();
    const at = now.toISOString();
    this.db
      .prepare('INSERT INTO console_sessions (token_hash, account_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)')
      .run(storedHashOf(token), accountId, at, at);
    return token;
  }

  async resume(token: string, now: Date = new Date()): Promise<SessionAccount | undefined> {
    const tokenHash = storedHashOf(token);
    if (!tokenHash) return undefined;
    const row = this.db
      .prepare(
        `SELECT s.created_at, s.last_seen_at, s.authenticated_at, a.id, a.username, a.display_name, a.role
         FROM console_sessions s JOIN console_accounts a ON a.id = s.account_id
         WHERE s.token_hash = ? AND a.disabled_at IS NULL`,
      )
      .get(tokenHash) as SessionRow | undefined;
    if (!row) return undefined;
    const state = sessionStateAt(row, now);
    if (state === 'expired') {
      this.db.prepare('DELETE FROM console_sessions WHERE token_hash = ?').run(tokenHash);
      return undefined;
    }
    if (state === 'touch') this.db.prepare('UPDATE console_sessions SET last_seen_at = ? WHERE token_hash = ?').run(now.toISOString(), tokenHash);
    return sessionAccountFrom(row);
  }

  async confirmIdentity(token: string, now: Date = new Date()): Promise<boolean> {
    const tokenHash = storedHashOf(token);
    if (!tokenHash) return false;
    const at = now.toISOString();
    return this.db.prepare('UPDATE console_sessions SET authenticated_at = ?, last_seen_at = ? WHERE token_hash = ?').run(at, at, tokenHash).changes > 0;
  }

  async end(token: string): Promise<boolean> {
    const tokenHash = storedHashOf(token);
    if (!tokenHash) return false;
    return this.db.prepare('DELETE FROM console_sessions WHERE token_hash = ?').run(tokenHash).changes > 0;
  }

  async endAllFor(accountId: number): Promise<number> {
    return this.db.prepare('DELETE FROM console_sessions WHERE account_id = ?').run(accountId).changes;
  }
}
