import type pg from 'pg';
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

/** Sign-in failures in PostgreSQL, counted together by every instance of the bot. */
export class PostgresLoginThrottle implements LoginThrottle {
  constructor(
    private readonly pool: pg.Pool,
    private readonly settings: LoginThrottleSettings = DEFAULT_LOGIN_THROTTLE,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async check(username: string, address: string): Promise<ThrottleVerdict> {
    const now = this.now();
    const keys = throttleKeys(username, address);
    const { rows } = await this.pool.query<FailureCount>(
      `SELECT key_hash, COUNT(*)::int AS failures, MAX(failed_at) AS latest FROM login_failures
       WHERE key_hash IN ($1, $2) AND failed_at > $3 GROUP BY key_hash`,
      [keys.account, keys.address, windowStart(this.settings, now)],
    );
    return verdictFrom(this.settings, now, keys, rows);
  }

  async failed(username: string, address: string): Promise<void> {
    const now = this.now();
    const keys = throttleKeys(username, address);
    const at = new Date(now).toISOString();
    // Old rows go as new ones come, so the table holds one window's failures at most.
    await this.pool.query('DELETE FROM login_failures WHERE failed_at <= $1', [windowStart(this.settings, now)]);
    await this.pool.query('INSERT INTO login_failures (key_hash, failed_at) VALUES ($1, $3), ($2, $3)', [keys.account, keys.address, at]);
  }

  async succeeded(username: string): Promise<void> {
    await this.pool.query('DELETE FROM login_failures WHERE key_hash = $1', [accountKey(username)]);
  }
}
