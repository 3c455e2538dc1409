import type { IncomingHttpHeaders } from 'node:http';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { Request, RequestHandler, Response, Server } from 'restify';
import { ROLES, type ConsoleAccount, type ConsoleAccounts, type Role } from '../accounts/consoleAccounts';
import type { ConsoleSessions, SessionAccount } from '../accounts/consoleSessions';
import type { LoginThrottle } from '../accounts/loginThrottle';
import { clientAddress } from './clientAddress';
import type { Logger } from '../logger';

export const CONSOLE_SESSION_COOKIE = 'console_session';
/**
 * Over HTTPS the cookie is `__Host-console_session`: browsers then insist it is Secure, has Path=/
 * and no Domain, so no other subdomain can set or overwrite it (OWASP ASVS 3.4.4). Plain-http
 * development cannot use the prefix, so it keeps the bare name.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? `__Host-${CONSOLE_SESSION_COOKIE}` : CONSOLE_SESSION_COOKIE;
}
/** Every console request that is not a GET must carry this header with the value "1". */
export const CONSOLE_REQUEST_HEADER = 'x-console-request';

const CONSOLE_API = '/api/console';
// One message for both mistakes, so nobody can learn from it which usernames exist.
const NO_MATCH = "That username and password don't match.";
const NOT_FROM_CONSOLE = 'This request did not come from the console page. Reload the page and try again.';
const NOT_SIGNED_IN = 'You are not signed in, or you were signed out after a period without activity. Please sign in again.';
const WRONG_ROLE = 'Your account cannot use this part of the console. Ask an admin if you need it.';
const CONFIRM_IDENTITY = 'For your security, enter your password again before doing this.';

/** Erasing data and managing accounts need a password entered this recently (OWASP ASVS 3.7.1). */
export const RECENT_SIGN_IN_MS = 5 * 60 * 1000;
/** The error code that tells a console page to ask for the password again and retry. */
export const REAUTHENTICATION_REQUIRED = 'ReauthenticationRequired';

export interface ConsoleAuthOptions {
  readonly accounts: ConsoleAccounts;
  readonly sessions: ConsoleSessions;
  /** Adds Secure to the session cookie; true whenever the site is served over https. */
  readonly secureCookies: boolean;
  readonly log: Logger;
  /** Limits wrong passwords per username and per address (shared by every instance on PostgreSQL). */
  readonly throttle: LoginThrottle;
  /** Behind App Service: take the client's address from X-Forwarded-For (see clientAddress). */
  readonly behindProxy?: boolean;
  /** Microsoft Entra ID sign-in is set up, so the sign-in page offers it. */
  readonly microsoftSignIn?: boolean;
}

/** What the guard reads from a request; a WebSocket upgrade request has these too. */
export interface ConsoleRequest {
  readonly method?: string;
  readonly headers: IncomingHttpHeaders;
}

export type ConsoleGuardResult =
  | { readonly ok: true; readonly account: SessionAccount }
  | { readonly ok: false; readonly status: 401 | 403; readonly message: string };

export type ConsoleHandler = (req: Request, res: Response, account: ConsoleAccount) => unknown;

/**
 * POST /api/console/login, POST /api/console/logout and GET /api/console/me. The routes expect
 * the server's JSON body parser to have run.
 */
export function registerConsoleAuthRoutes(server: Server, options: ConsoleAuthOptions): void {
  const { accounts, sessions, secureCookies, log, throttle } = options;

  server.post(`${CONSOLE_API}/login`, async (req: Request, res: Response) => {
    res.header('cache-control', 'no-store');
    if (!cameFromConsolePage(req)) return sendError(res, 403, NOT_FROM_CONSOLE);
    const body: unknown = req.body;
    const { username, password } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (typeof username !== 'string' || typeof password !== 'string' || username === '' || password === '') {
      return sendError(res, 400, 'Enter your username and password.');
    }

    const address = clientAddress(req, options.behindProxy ?? false);
    const verdict = await throttle.check(username, address);
    if (!verdict.allowed) {
      log.warn('console_sign_in_throttled', { retryAfterSeconds: verdict.retryAfterSeconds });
      res.header('retry-after', String(verdict.retryAfterSeconds));
      return sendError(res, 429, `Too many wrong passwords. For your security, wait ${Math.ceil(verdict.retryAfterSeconds / 60)} minutes and try again, or ask an admin to reset your password.`);
    }
    const account = await accounts.authenticate(username, password);
    if (!account) {
      await throttle.failed(username, address);
      // No username here: people sometimes type their password into the username box.
      log.warn('console_sign_in_refused');
      return sendError(res, 401, NO_MATCH);
    }
    await throttle.succeeded(username);
    const previous = sessionTokenOf(req);
    if (previous) await sessions.end(previous);
    res.setHeader('set-cookie', sessionCookieHeader(await sessions.start(account.id), secureCookies));
    log.info('console_signed_in', { accountId: account.id, role: account.role, method: 'password' });
    res.send(200, { displayName: account.displayName, role: account.role });
  });

  server.post(`${CONSOLE_API}/logout`, async (req: Request, res: Response) => {
    res.header('cache-control', 'no-store');
    if (!cameFromConsolePage(req)) return sendError(res, 403, NOT_FROM_CONSOLE);
    const token = sessionTokenOf(req);
    const account = token ? await sessions.resume(token) : undefined;
    if (token) await sessions.end(token);
    if (account) log.info('console_signed_out', { accountId: account.id });
    res.setHeader('set-cookie', stringifySetCookie(sessionCookieName(secureCookies), '', { ...cookieOptions(secureCookies), expires: new Date(0), maxAge: 0 }));
    res.send(204);
  });

  // Proves it is still the same person before a sensitive action; wrong passwords count towards lockout.
  server.post(`${CONSOLE_API}/reauthenticate`, async (req: Request, res: Response) => {
    res.header('cache-control', 'no-store');
    const verdict = await consoleGuard(sessions, ROLES)(req);
    if (!verdict.ok) return sendError(res, verdict.status, verdict.message);
    const { password } = bodyOf(req);
    if (typeof password !== 'string' || password === '') return sendError(res, 400, 'Enter your password.');
    const address = clientAddress(req, options.behindProxy ?? false);
    const allowed = await throttle.check(verdict.account.username, address);
    if (!allowed.allowed) {
      res.header('retry-after', String(allowed.retryAfterSeconds));
      return sendError(res, 429, `Too many wrong passwords. Wait ${Math.ceil(allowed.retryAfterSeconds / 60)} minutes and try again.`);
    }
    if (!(await accounts.authenticate(verdict.account.username, password))) {
      await throttle.failed(verdict.account.username, address);
      log.warn('console_reauthentication_refused', { accountId: verdict.account.id });
      return sendError(res, 401, "That password isn't right. Try again.");
    }
    await throttle.succeeded(verdict.account.username);
    await sessions.confirmIdentity(sessionTokenOf(req) ?? '');
    res.send(204);
  });

  server.get(`${CONSOLE_API}/sign-in-options`, async (_req: Request, res: Response) => {
    res.header('cache-control', 'no-store');
    res.send(200, { password: true, microsoft: options.microsoftSignIn ?? false });
  });

  server.get(
    `${CONSOLE_API}/me`,
    requireConsoleRole(sessions, ROLES, (_req, res, account) => {
      res.send(200, { displayName: account.displayName, role: account.role, username: account.username });
    }),
  );
}

/** Checks a console request: from the console page, signed in, and with one of `roles` (admin always passes). */
export function consoleGuard(sessions: ConsoleSessions, roles: readonly Role[]): (req: ConsoleRequest) => Promise<ConsoleGuardResult> {
  return async (req) => {
    if (!cameFromConsolePage(req)) return { ok: false, status: 403, message: NOT_FROM_CONSOLE };
    const token = sessionTokenOf(req);
    const account = token ? await sessions.resume(token, new Date()) : undefined;
    if (!account) return { ok: false, status: 401, message: NOT_SIGNED_IN };
    if (account.role !== 'admin' && !roles.includes(account.role)) return { ok: false, status: 403, message: WRONG_ROLE };
    return { ok: true, account };
  };
}

/** A restify handler that runs `handler` only for a signed-in account with one of `roles`; answers are never cached. */
export function requireConsoleRole(sessions: ConsoleSessions, roles: readonly Role[], handler: ConsoleHandler): RequestHandler {
  const guard = consoleGuard(sessions, roles);
  return async (req: Request, res: Response) => {
    res.header('cache-control', 'no-store');
    const verdict = await guard(req);
    if (!verdict.ok) return sendError(res, verdict.status, verdict.message);
    await handler(req, res, verdict.account);
  };
}

/**
 * Like requireConsoleRole, for actions that cannot be undone or that change who may do what: the
 * password must have been entered in the last few minutes. Otherwise the answer is 401 with the
 * code ReauthenticationRequired, and the page asks for the password and tries again.
 */
export function requireRecentSignIn(sessions: ConsoleSessions, roles: readonly Role[], handler: ConsoleHandler, now: () => Date = () => new Date()): RequestHandler {
  const guard = consoleGuard(sessions, roles);
  return async (req: Request, res: Response) => {
    res.header('cache-control', 'no-store');
    const verdict = await guard(req);
    if (!verdict.ok) return sendError(res, verdict.status, verdict.message);
    if (now().getTime() - verdict.account.authenticatedAt.getTime() > RECENT_SIGN_IN_MS) {
      res.send(401, { error: { code: REAUTHENTICATION_REQUIRED, message: CONFIRM_IDENTITY } });
      return;
    }
    await handler(req, res, verdict.account);
  };
}

/**
 * CSRF defence. Another site can make a browser send a form or a plain fetch here, but not one with a
 * custom header, unless this server allows it in a CORS preflight, which it never does. SameSite=Strict
 * already keeps the cookie off cross-site requests; the header also blocks forged sign-ins, which need no cookie.
 */
function cameFromConsolePage(req: ConsoleRequest): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  return req.headers[CONSOLE_REQUEST_HEADER] === '1';
}

/** The Set-Cookie value that gives the browser a session's token (sent with every console request). */
export function sessionCookieHeader(token: string, secure: boolean): string {
  return stringifySetCookie(sessionCookieName(secure), token, cookieOptions(secure));
}

export function sessionTokenOf(req: ConsoleRequest): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const cookies = parseCookie(header);
  return cookies[sessionCookieName(true)] || cookies[CONSOLE_SESSION_COOKIE] || undefined;
}

function cookieOptions(secure: boolean) {
  // No Max-Age: the cookie goes when the browser closes; the server enforces the idle and absolute limits.
  return { httpOnly: true, sameSite: 'strict', path: '/', secure } as const;
}

function bodyOf(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

function sendError(res: Response, status: 400 | 401 | 403 | 429, message: string): void {
  const code = { 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 429: 'TooManyRequests' }[status];
  res.send(status, { error: { code, message } });
}
