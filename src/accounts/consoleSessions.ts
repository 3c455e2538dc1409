import { createHash, randomBytes } from 'node:crypto';
import type { SqliteDatabase } from '../storage/sqliteDatabase';
import type { ConsoleAccount, Role } from './consoleAccounts';

// Both limits are OWASP ASVS level 2 (V3.3.2): re-authenticate after 30 minutes idle and 12 hours in all.
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, to spare writes; idle time may so start up to a minute early. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A signed-in account, and when its password (or Microsoft sign-in) was last proved in this session. */
export interface SessionAccount extends ConsoleAccount {
  readonly authenticatedAt: Date;
}

interface SessionRow {
  readonly created_at: string;
  readonly last_seen_at: string;
  readonly authenticated_at: string | null;
  readonly id: number;
  readonly username: string;
  readonly display_name: string;
  readonly role: Role;
}

/**
 * Signed-in console sessions, in `console_sessions`. The browser holds a random token; only its
 * SHA-256 is stored, so a copy of the database cannot be used to sign in.
 */
export class ConsoleSessions {
  constructor(private readonly db: SqliteDatabase) {}

  /** Opens a session for an enabled account and returns its token (43 characters, base64url). */
  start(accountId: number, now: Date = new Date()): string {
    this.deleteExpired(now);
    const token = randomBytes(32).toString('base64url');
    const at = now.toISOString();
    this.db
      .prepare('INSERT INTO console_sessions (token_hash, account_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)')
      .run(hashOf(token), accountId, at, at);
    return token;
  }

  /** The account behind a live session, or undefined when the token is unknown, expired or its account disabled. */
  resume(token: string, now: Date = new Date()): SessionAccount | undefined {
    if (!TOKEN.test(token)) return undefined;
    const tokenHash = hashOf(token);
    const row = this.db
      .prepare(
        `SELECT s.created_at, s.last_seen_at, s.authenticated_at, a.id, a.username, a.display_name, a.role
         FROM console_sessions s JOIN console_accounts a ON a.id = s.account_id
         WHERE s.token_hash = ? AND a.disabled_at IS NULL`,
      )
      .get(tokenHash) as SessionRow | undefined;
    if (!row) return undefined;

    const idleMs = now.getTime() - Date.parse(row.last_seen_at);
    const ageMs = now.getTime() - Date.parse(row.created_at);
    if (idleMs >= SESSION_IDLE_TIMEOUT_MS || ageMs >= SESSION_ABSOLUTE_TIMEOUT_MS) {
      this.db.prepare('DELETE FROM console_sessions WHERE token_hash = ?').run(tokenHash);
      return undefined;
    }
    if (idleMs >= SESSION_TOUCH_INTERVAL_MS) {
      this.db.prepare('UPDATE console_sessions SET last_seen_at = ? WHERE token_hash = ?').run(now.toISOString(), tokenHash);
    }
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      authenticatedAt: new Date(row.authenticated_at ?? row.created_at),
    };
  }

  /** Records that the person just proved who they are again (re-entered their password). */
  confirmIdentity(token: string, now: Date = new Date()): boolean {
    if (!TOKEN.test(token)) return false;
    const at = now.toISOString();
    return this.db.prepare('UPDATE console_sessions SET authenticated_at = ?, last_seen_at = ? WHERE token_hash = ?').run(at, at, hashOf(token)).changes > 0;
  }

  /** Ends one session (signing out). True when there was one to end. */
  end(token: string): boolean {
    if (!TOKEN.test(token)) return false;
    return this.db.prepare('DELETE FROM console_sessions WHERE token_hash = ?').run(hashOf(token)).changes > 0;
  }

  /** Ends every session of an account, for example after its password changes. Returns how many ended. */
  endAllFor(accountId: number): number {
    return this.db.prepare('DELETE FROM console_sessions WHERE account_id = ?').run(accountId).changes;
  }

  private deleteExpired(now: Date): void {
    // Timestamps are all toISOString() (same length, UTC), so they compare correctly as text.
    const idleCutoff = new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS).toISOString();
    const ageCutoff = new Date(now.getTime() - SESSION_ABSOLUTE_TIMEOUT_MS).toISOString();
    this.db.prepare('DELETE FROM console_sessions WHERE last_seen_at <= ? OR created_at <= ?').run(idleCutoff, ageCutoff);
  }
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
