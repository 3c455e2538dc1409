import { createHash, randomBytes } from 'node:crypto';
import type { ConsoleAccount, Role } from './consoleAccounts';

// Both limits are OWASP ASVS level 2 (V3.3.2): re-authenticate after 30 minutes idle and 12 hours in all.
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, to spare writes; idle time may so start up to a minute early. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

/** A signed-in account, and when its password (or Microsoft sign-in) was last proved in this session. */
export interface SessionAccount extends ConsoleAccount {
  readonly authenticatedAt: Date;
}

/**
 * Signed-in console sessions, in `console_sessions` (SQLite or PostgreSQL, so with PostgreSQL a
 * session started at one instance works at every other). The browser holds a random token; only its
 * SHA-256 is stored, so a copy of the database cannot be used to sign in.
 */
export interface ConsoleSessions {
  /** Opens a session for an enabled account and returns its token (43 characters, base64url). */
  start(accountId: number, now?: Date): Promise<string>;
  /** The account behind a live session, or undefined when the token is unknown, expired or its account disabled. */
  resume(token: string, now?: Date): Promise<SessionAccount | undefined>;
  /** Records that the person just proved who they are again (re-entered their password). */
  confirmIdentity(token: string, now?: Date): Promise<boolean>;
  /** Ends one session (signing out). True when there was one to end. */
  end(token: string): Promise<boolean>;
  /** Ends every session of an account, for example after its password changes. Returns how many ended. */
  endAllFor(accountId: number): Promise<number>;
}

/** A session joined with its account, as both databases return it. */
export interface SessionRow {
  readonly created_at: string;
  readonly last_seen_at: string;
  readonly authenticated_at: string | null;
  readonly id: number;
  readonly username: string;
  readonly display_name: string;
  readonly role: Role;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a token, or undefined for something that was never one of ours. */
export function storedHashOf(token: string): string | undefined {
  return TOKEN.test(token) ? createHash('sha256').update(token).digest('hex') : undefined;
}

/** What to do with a session found at `now`: drop it, note the activity, or leave it be. */
export function sessionStateAt(row: SessionRow, now: Date): 'expired' | 'touch' | 'fresh' {
  const idleMs = now.getTime() - Date.parse(row.last_seen_at);
  const ageMs = now.getTime() - Date.parse(row.created_at);
  if (idleMs >= SESSION_IDLE_TIMEOUT_MS || ageMs >= SESSION_ABSOLUTE_TIMEOUT_MS) return 'expired';
  return idleMs >= SESSION_TOUCH_INTERVAL_MS ? 'touch' : 'fresh';
}

export function sessionAccountFrom(row: SessionRow): SessionAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    authenticatedAt: new Date(row.authenticated_at ?? row.created_at),
  };
}

/**
 * Sessions last seen or started on or before these times have expired. Timestamps are all
 * toISOString() (same length, UTC), so they compare correctly as text.
 */
export function expiryCutoffs(now: Date): { idle: string; age: string } {
  return {
    idle: new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS).toISOString(),
    age: new Date(now.getTime() - SESSION_ABSOLUTE_TIMEOUT_MS).toISOString(),
  };
}
