import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * A small JSON value the browser carries between two requests and cannot change: base64url JSON
 * plus an HMAC-SHA256 of it, with an expiry inside. The key is derived from a server secret so the
 * secret itself is never used for two purposes.
 */
export class SignedCookieValue<T extends object> {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), purpose, 32));
  }

  seal(value: T, expiresAt: Date): string {
    const body = Buffer.from(JSON.stringify({ value, exp: expiresAt.getTime() })).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The value, or undefined when it was altered, is malformed or has expired. */
  open(sealed: string | undefined, now: Date = new Date()): T | undefined {
    if (!sealed) return undefined;
    const [body, mac, extra] = sealed.split('.');
    if (!body || !mac || extra !== undefined) return undefined;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const { value, exp } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { value: T; exp: number };
      return typeof exp === 'number' && exp > now.getTime() ? value : undefined;
    } catch {
      return undefined;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
