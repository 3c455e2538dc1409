import { createHash } from 'node:crypto';

/**
 * Slows down password guessing at the console sign-in (OWASP ASVS 2.2.1): after
 * `maxFailuresPerAccount` wrong passwords for one username within the window, that username is
 * locked for the window (even the right password is refused, with a message saying so); after
 * `maxFailuresPerAddress` failures from one network address, that address must wait too. A
 * successful sign-in clears the username's count.
 *
 * Failures are kept in the `login_failures` table, so with PostgreSQL every instance counts the same
 * failures and a guesser gains nothing by landing on another instance. Only a SHA-256 of the
 * username or address is stored, and rows older than the window are deleted.
 */
export interface LoginThrottle {
  /** Whether a sign-in for this username from this address may be tried now. */
  check(username: string, address: string): Promise<ThrottleVerdict>;
  failed(username: string, address: string): Promise<void>;
  succeeded(username: string): Promise<void>;
}

export interface LoginThrottleSettings {
  readonly maxFailuresPerAccount: number;
  readonly maxFailuresPerAddress: number;
  readonly windowMs: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleSettings = { maxFailuresPerAccount: 5, maxFailuresPerAddress: 20, windowMs: 15 * 60 * 1000 };

export type ThrottleVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Recent failures under one key: how many, and when the latest was (ISO). */
export interface FailureCount {
  readonly key_hash: string;
  readonly failures: number;
  readonly latest: string;
}

/** The stored keys for a username (ignoring case and surrounding spaces) and for an address. */
export function throttleKeys(username: string, address: string): { account: string; address: string } {
  return { account: accountKey(username), address: hashOf(`address:${address}`) };
}

export function accountKey(username: string): string {
  return hashOf(`account:${username.trim().toLowerCase()}`);
}

/** Failures at or before this time no longer count. */
export function windowStart(settings: LoginThrottleSettings, now: number): string {
  return new Date(now - settings.windowMs).toISOString();
}

/** The verdict from the recent failure counts of a username's key and an address's key. */
export function verdictFrom(settings: LoginThrottleSettings, now: number, keys: { account: string; address: string }, counts: readonly FailureCount[]): ThrottleVerdict {
  const countOf = (key: string) => counts.find((count) => count.key_hash === key);
  const account = countOf(keys.account);
  const fromAddress = countOf(keys.address);
  const blockedBy = [
    account && account.failures >= settings.maxFailuresPerAccount ? account : undefined,
    fromAddress && fromAddress.failures >= settings.maxFailuresPerAddress ? fromAddress : undefined,
  ].filter((count): count is FailureCount => count !== undefined);
  if (blockedBy.length === 0) return { allowed: true };
  const until = Math.max(...blockedBy.map((count) => Date.parse(count.latest) + settings.windowMs));
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
}

function hashOf(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
