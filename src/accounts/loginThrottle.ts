/**
 * Slows down password guessing at the console sign-in (OWASP ASVS 2.2.1): after
 * `maxFailuresPerAccount` wrong passwords for one username within the window, that username is
 * locked for the window (even the right password is refused, with a message saying so); after
 * `maxFailuresPerAddress` failures from one network address, that address must wait too. A
 * successful sign-in clears the username's count. Kept in memory: a restart forgets it, which only
 * ever makes the bot more lenient, never locks anyone out for longer.
 */
export interface LoginThrottleSettings {
  readonly maxFailuresPerAccount: number;
  readonly maxFailuresPerAddress: number;
  readonly windowMs: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleSettings = { maxFailuresPerAccount: 5, maxFailuresPerAddress: 20, windowMs: 15 * 60 * 1000 };

export type ThrottleVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly settings: LoginThrottleSettings = DEFAULT_LOGIN_THROTTLE,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Whether a sign-in for this username from this address may be tried now. */
  check(username: string, address: string): ThrottleVerdict {
    const account = this.recent(accountKey(username));
    const fromAddress = this.recent(addressKey(address));
    const blockedBy = [
      account.length >= this.settings.maxFailuresPerAccount ? account : undefined,
      fromAddress.length >= this.settings.maxFailuresPerAddress ? fromAddress : undefined,
    ].filter((times): times is number[] => times !== undefined);
    if (blockedBy.length === 0) return { allowed: true };
    const until = Math.max(...blockedBy.map((times) => times[times.length - 1] + this.settings.windowMs));
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - this.now()) / 1000)) };
  }

  failed(username: string, address: string): void {
    for (const key of [accountKey(username), addressKey(address)]) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  succeeded(username: string): void {
    this.failures.delete(accountKey(username));
  }

  private recent(key: string): number[] {
    const since = this.now() - this.settings.windowMs;
    const times = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }
}

const accountKey = (username: string) => `account:${username.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;
