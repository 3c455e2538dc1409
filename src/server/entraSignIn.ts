import { parseCookie, stringifySetCookie } from 'cookie';
import { BaseClient, generators, Issuer } from 'openid-client';
import type { Request, Response, Server } from 'restify';
import type { ConsoleAccounts } from '../accounts/consoleAccounts';
import type { ConsoleSessions } from '../accounts/consoleSessions';
import type { EntraSignInSettings } from '../config';
import type { Logger } from '../logger';
import { sessionCookieHeader, sessionTokenOf } from './consoleAuth';
import { SignedCookieValue } from './signedCookieValue';

const ENTRA_API = '/api/console/entra';
const CALLBACK_PATH = `${ENTRA_API}/callback`;
/** How long someone has to finish signing in at Microsoft before starting again. */
const SIGN_IN_WINDOW_MS = 10 * 60 * 1000;
/** A re-confirmation with Microsoft counts only if the person actually signed in this recently. */
const FRESH_SIGN_IN_SECONDS = 5 * 60;

interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  /** Set when a signed-in person is confirming who they are before a sensitive action. */
  readonly reauthenticate: boolean;
  readonly returnTo: string;
}

export interface EntraSignInOptions {
  readonly settings: EntraSignInSettings;
  readonly accounts: ConsoleAccounts;
  readonly sessions: ConsoleSessions;
  readonly secureCookies: boolean;
  readonly log: Logger;
}

/**
 * "Sign in with Microsoft" for the consoles (OpenID Connect authorisation code flow with PKCE,
 * through openid-client, which checks the ID token's signature, issuer, audience, nonce and expiry).
 * Microsoft proves who the person is; their console account (username = work email) decides what they
 * may do. Someone with no console account is turned away, so adding people to the organisation's
 * directory never gives them access by itself.
 */
export function registerEntraSignInRoutes(server: Server, options: EntraSignInOptions): void {
  const { settings, accounts, sessions, secureCookies, log } = options;
  const redirectUri = `${settings.publicBaseUrl}${CALLBACK_PATH}`;
  const pending = new SignedCookieValue<PendingSignIn>(settings.clientSecret, 'console entra sign-in state');
  const cookieName = secureCookies ? '__Host-console_entra' : 'console_entra';
  let client: Promise<BaseClient> | undefined;
  const getClient = (): Promise<BaseClient> => {
    client ??= Issuer.discover(`${settings.authority}/${settings.tenantId}/v2.0`).then(
      (issuer) => new issuer.Client({ client_id: settings.clientId, client_secret: settings.clientSecret, redirect_uris: [redirectUri], response_types: ['code'] }),
      (error: unknown) => {
        client = undefined; // try discovery again next time
        throw error;
      },
    );
    return client;
  };

  server.get(`${ENTRA_API}/start`, async (req: Request, res: Response) => {
    res.header('cache-control', 'no-store');
    const query = new URL(req.url ?? '/', 'http://console.invalid').searchParams;
    const reauthenticate = query.get('reauthenticate') === '1';
    const flow: PendingSignIn = {
      state: generators.state(),
      nonce: generators.nonce(),
      verifier: generators.codeVerifier(),
      reauthenticate,
      returnTo: safeReturnPath(query.get('return')),
    };
    let url: string;
    try {
      url = (await getClient()).authorizationUrl({
        scope: 'openid profile email',
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: generators.codeChallenge(flow.verifier),
        code_challenge_method: 'S256',
        ...(reauthenticate ? { prompt: 'login', max_age: FRESH_SIGN_IN_SECONDS } : {}),
      });
    } catch (error) {
      log.error('console_entra_unavailable', { errorMessage: error instanceof Error ? error.message : String(error) });
      return redirect(res, '/console/login?signin=unavailable');
    }
    // Lax, not Strict: the browser must send it when Microsoft sends the person back here.
    res.setHeader('set-cookie', stringifySetCookie(cookieName, pending.seal(flow, new Date(Date.now() + SIGN_IN_WINDOW_MS)), {
      httpOnly: true, secure: secureCookies, sameSite: 'lax', path: '/', maxAge: SIGN_IN_WINDOW_MS / 1000,
    }));
    redirect(res, url);
  });

  server.get(CALLBACK_PATH, async (req: Request, res: Response) => {
    res.header('cache-control', 'no-store');
    const flow = pending.open(parseCookie(req.headers.cookie ?? '')[cookieName]);
    // The sign-in state is used once, whatever happens next.
    const clearPending = stringifySetCookie(cookieName, '', { httpOnly: true, secure: secureCookies, sameSite: 'lax', path: '/', maxAge: 0 });
    res.setHeader('set-cookie', clearPending);
    if (!flow) return redirect(res, '/console/login?signin=expired');

    let claims: Record<string, unknown>;
    try {
      const oidc = await getClient();
      const params = oidc.callbackParams(req);
      if (params.error) {
        log.warn('console_entra_refused', { reason: String(params.error).slice(0, 40) });
        return redirect(res, '/console/login?signin=cancelled');
      }
      const tokens = await oidc.callback(redirectUri, params, {
        state: flow.state,
        nonce: flow.nonce,
        code_verifier: flow.verifier,
        ...(flow.reauthenticate ? { max_age: FRESH_SIGN_IN_SECONDS } : {}),
      });
      claims = tokens.claims() as Record<string, unknown>;
    } catch (error) {
      log.warn('console_entra_failed', { errorMessage: error instanceof Error ? error.message : String(error) });
      return redirect(res, '/console/login?signin=failed');
    }

    if (claims.tid !== settings.tenantId) {
      log.warn('console_entra_wrong_tenant');
      return redirect(res, '/console/login?signin=no-account');
    }
    const username = [claims.preferred_username, claims.email, claims.upn].find((value): value is string => typeof value === 'string' && value !== '');
    const account = username ? await accounts.findByUsername(username) : undefined;
    if (!account) {
      log.warn('console_entra_no_account');
      return redirect(res, '/console/login?signin=no-account');
    }

    if (flow.reauthenticate) {
      const token = sessionTokenOf(req);
      const current = token ? await sessions.resume(token) : undefined;
      if (!token || current?.id !== account.id) return redirect(res, '/console/login?signin=different-account');
      await sessions.confirmIdentity(token);
      log.info('console_reauthenticated', { accountId: account.id, method: 'entra' });
      return redirect(res, flow.returnTo);
    }

    const previous = sessionTokenOf(req);
    if (previous) await sessions.end(previous);
    res.setHeader('set-cookie', [clearPending, sessionCookieHeader(await sessions.start(account.id), secureCookies)]);
    log.info('console_signed_in', { accountId: account.id, role: account.role, method: 'entra' });
    redirect(res, account.role === 'adviser' ? '/console/adviser' : '/console/staff');
  });
}

/** Only console pages on this site: never an address elsewhere (an open redirect). */
function safeReturnPath(value: string | null): string {
  return value && /^\/console\/[a-z]+$/.test(value) ? value : '/console/staff';
}

function redirect(res: Response, location: string): void {
  res.header('location', location);
  res.send(302);
}
