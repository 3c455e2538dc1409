import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  /** The one conversation this token may read and write. */
  readonly conversationId: string;
  /** The server-chosen user id (dl_…); the client cannot pick another. */
  readonly userId: string;
  /** Expiry, seconds since the epoch. */
  readonly expiresAt: number;
}

export type TokenCheck = { readonly ok: true; readonly claims: TokenClaims } | { readonly ok: false; readonly reason: 'malformed' | 'expired' };

export interface TokenService {
  readonly ttlSeconds: number;
  issue(conversationId: string, userId: string): { token: string; expiresIn: number };
  verify(token: string): TokenCheck;
}

/**
 * Tokens are signed, not stored: they keep working across a restart (a person mid-conversation
 * is not cut off) and on every instance that shares the key. Format: base64url(JSON).base64url(HMAC).
 */
export function createTokenService(signingKey: string, ttlSeconds: number, now: () => number = Date.now): TokenService {
  const sign = (payload: string) => createHmac('sha256', signingKey).update(payload).digest('base64url');

  return {
    ttlSeconds,
    issue(conversationId, userId) {
      const expiresAt = Math.floor(now() / 1000) + ttlSeconds;
      const payload = Buffer.from(JSON.stringify({ c: conversationId, u: userId, e: expiresAt })).toString('base64url');
      return { token: `${payload}.${sign(payload)}`, expiresIn: ttlSeconds };
    },
    verify(token) {
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'malformed' };
      let parsed: { c?: unknown; u?: unknown; e?: unknown };
      try {
        parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      if (typeof parsed.c !== 'string' || typeof parsed.u !== 'string' || typeof parsed.e !== 'number') {
        return { ok: false, reason: 'malformed' };
      }
      if (parsed.e * 1000 <= now()) return { ok: false, reason: 'expired' };
      return { ok: true, claims: { conversationId: parsed.c, userId: parsed.u, expiresAt: parsed.e } };
    },
  };
}
