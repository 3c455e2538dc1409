import { createHash, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_TENANT = '11111111-2222-3333-4444-555555555555';
export const FAKE_CLIENT = '66666666-7777-8888-9999-000000000000';
export const FAKE_SECRET = 'fake-entra-client-secret-for-tests';

/** Who signs in at the fake Microsoft page next, and anything odd the test wants in the token. */
export interface FakeUser {
  readonly preferredUsername: string;
  readonly tenantId?: string;
  readonly wrongNonce?: boolean;
  /** Seconds ago the person typed their password at Microsoft (auth_time). */
  readonly signedInSecondsAgo?: number;
}

interface PendingCode {
  readonly user: FakeUser;
  readonly nonce: string;
  readonly challenge: string;
  readonly redirectUri: string;
}

/**
 * A stand-in for the Microsoft identity platform on 127.0.0.1: discovery, keys, an authorise step the
 * test drives directly (no browser), and a token endpoint that checks the client secret and PKCE and
 * returns an RS256-signed ID token shaped like Entra's.
 */
export async function startFakeEntra() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'fake-key-1';
  const codes = new Map<string, PendingCode>();
  let base = '';
  const issuer = () => `${base}/${FAKE_TENANT}/v2.0`;

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', base);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === `/${FAKE_TENANT}/v2.0/.well-known/openid-configuration`) {
      return json(200, {
        issuer: issuer(),
        authorization_endpoint: `${base}/${FAKE_TENANT}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/${FAKE_TENANT}/oauth2/v2.0/token`,
        jwks_uri: `${base}/${FAKE_TENANT}/discovery/v2.0/keys`,
        response_types_supported: ['code'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === `/${FAKE_TENANT}/discovery/v2.0/keys`) {
      return json(200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] });
    }
    if (url.pathname === `/${FAKE_TENANT}/oauth2/v2.0/token` && req.method === 'POST') {
      const form = new URLSearchParams(await bodyOf(req));
      const basic = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
      const secret = form.get('client_secret') ?? decodeURIComponent(basic.split(':')[1] ?? '');
      const pending = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      if (secret !== FAKE_SECRET || !pending || pending.redirectUri !== form.get('redirect_uri') || s256(verifier) !== pending.challenge) {
        return json(400, { error: 'invalid_grant' });
      }
      const now = Math.floor(Date.now() / 1000);
      const idToken = sign({
        iss: issuer(),
        aud: FAKE_CLIENT,
        sub: `sub-${pending.user.preferredUsername}`,
        tid: pending.user.tenantId ?? FAKE_TENANT,
        preferred_username: pending.user.preferredUsername,
        name: 'Test Person',
        nonce: pending.user.wrongNonce ? 'not-the-nonce' : pending.nonce,
        iat: now,
        nbf: now,
        exp: now + 3600,
        auth_time: now - (pending.user.signedInSecondsAgo ?? 0),
      });
      return json(200, { token_type: 'Bearer', id_token: idToken, access_token: 'unused', expires_in: 3600 });
    }
    json(404, { error: 'not_found' });
  });

  function sign(payload: Record<string, unknown>): string {
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid })).toString('base64url');
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    const signature = createSign('RSA-SHA256').update(`${header}.${body}`).sign(privateKey).toString('base64url');
    return `${header}.${body}.${signature}`;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    authority: base,
    /**
     * What Microsoft's page does when `user` signs in: checks the request the bot redirected to, and
     * gives back the query the browser brings to the bot's callback.
     */
    authorize(authorizeUrl: string, user: FakeUser): URLSearchParams {
      const request = new URL(authorizeUrl);
      if (!request.href.startsWith(`${base}/${FAKE_TENANT}/oauth2/v2.0/authorize`)) throw new Error(`unexpected authorize URL ${request.origin}${request.pathname}`);
      const p = request.searchParams;
      if (p.get('client_id') !== FAKE_CLIENT || p.get('response_type') !== 'code' || p.get('code_challenge_method') !== 'S256') throw new Error('bad authorize request');
      const code = randomBytes(16).toString('hex');
      codes.set(code, { user, nonce: p.get('nonce') ?? '', challenge: p.get('code_challenge') ?? '', redirectUri: p.get('redirect_uri') ?? '' });
      return new URLSearchParams({ code, state: p.get('state') ?? '' });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
