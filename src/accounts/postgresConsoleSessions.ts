import type pg from 'pg';
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

/**
 * Console sessions in PostgreSQL: a session started at one instance works at every other, and
 * signing out (or an admin ending someone's sessions) takes effect everywhere at once.
 */
export class PostgresConsoleSessions implements ConsoleSessions {
  constructor(private readonly pool: pg.Pool) {}

  async start(accountId: number, now: Date = new Date()): Promise<string> {
    const { idle, age } = expiryCutoffs(now);
    await this.pool.query('DELETE FROM console_sessions WHERE last_seen_at <= $1 OR created_at <= $2', [idle, age]);
    const token = newSessionToken();
    const at = now.toISOString();
    await this.pool.query('INSERT INTO console_sessions (token_hash, account_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)', [
      storedHashOf(token),
      accountId,
      at,
    ]);
    return token;
  }

  async resume(token: string, now: Date = new Date()): Promise<SessionAccount | undefined> {
    const tokenHash = storedHashOf(token);
    if (!tokenHash) return undefined;
    const { rows } = await this.pool.query<SessionRow>(
      `SELECT s.created_at, s.last_seen_at, s.authenticated_at, a.id, a.username, a.display_name, a.role
       FROM console_sessions s JOIN console_accounts a ON a.id = s.account_id
       WHERE s.token_hash = $1 AND a.disabled_at IS NULL`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return undefined;
    const state = sessionStateAt(row, now);
    if (state === 'expired') {
      await this.pool.query('DELETE FROM console_sessions WHERE token_hash = $1', [tokenHash]);
      return undefined;
    }
    if (state === 'touch') await this.pool.query('UPDATE console_sessions SET last_seen_at = $1 WHERE token_hash = $2', [now.toISOString(), tokenHash]);
    return sessionAccountFrom(row);
  }

  async confirmIdentity(token: string, now: Date = new Date()): Promise<boolean> {
    const tokenHash = storedHashOf(token);
    if (!tokenHash) return false;
    const { rowCount } = await this.pool.query('UPDATE console_sessions SET authenticated_at = $1, last_seen_at = $1 WHERE token_hash = $2', [
      now.toISOString(),
      tokenHash,
    ]);
    return (rowCount ?? 0) > 0;
  }

  async end(token: string): Promise<boolean> {
    const tokenHash = storedHashOf(token);
    if (!tokenHash) return false;
    const { rowCount } = await this.pool.query('DELETE FROM console_sessions WHERE token_hash = $1', [tokenHash]);
    return (rowCount ?? 0) > 0;
  }

  async endAllFor(accountId: number): Promise<number> {
    if (!Number.isSafeInteger(accountId)) return 0;
    const { rowCount } = await this.pool.query('DELETE FROM console_sessions WHERE account_id = $1', [accountId]);
    return rowCount ?? 0;
  }
}
