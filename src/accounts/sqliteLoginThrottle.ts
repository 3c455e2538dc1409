import type { SqliteDatabase } from '../storage/sqliteDatabase';
import {
  accountKey,
  DEFAULT_LOGIN_THROTTLE,
  throttleKeys,
  verdictFrom,
  windowStart,
  type FailureCount,
  type LoginThrottle,
  type LoginThrottleSettings,
  type ThrottleVerdict,
} from './loginThrottle';

/** Sign-in failures in the bot's SQLite file (kept across a restart, like everything else there). */
export class SqliteLoginThrottle implements LoginThrottle {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly settings: LoginThrottleSettings = DEFAULT_LOGIN_THROTTLE,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async check(username: string, address: string): Promise<ThrottleVerdict> {
    const now = this.now();
    const keys = throttleKeys(username, address);
    const counts = this.db
      .prepare(
        `SELECT key_hash, COUNT(*) AS failures, MAX(failed_at) AS latest FROM login_failures
         WHERE key_hash IN (?, ?) AND failed_at > ? GROUP BY key_hash`,
      )
      .all(keys.account, keys.address, windowStart(this.settings, now)) as FailureCount[];
    return verdictFrom(this.settings, now, keys, counts);
  }

  async failed(username: string, address: string): Promise<void> {
    const now = this.now();
    const keys = throttleKeys(username, address);
    const at = new Date(now).toISOString();
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM login_failures WHERE failed_at <= ?').run(windowStart(this.settings, now));
      this.db.prepare('INSERT INTO login_failures (key_hash, failed_at) VALUES (?, ?), (?, ?)').run(keys.account, at, keys.address, at);
    })();
  }

  async succeeded(username: string): Promise<void> {
    this.db.prepare('DELETE FROM login_failures WHERE key_hash = ?').run(accountKey(username));
  }
}
