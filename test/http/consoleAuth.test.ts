import type { AddressInfo } from 'node:net';
import { parseSetCookie } from 'cookie';
import restify, { Server } from 'restify';
import { SqliteConsoleAccounts } from '../../src/accounts/sqliteConsoleAccounts';
import { SqliteConsoleSessions } from '../../src/accounts/sqliteConsoleSessions';
import { SqliteLoginThrottle } from '../../src/accounts/sqliteLoginThrottle';
import { createMemoryLogger } from '../../src/logger';
import { registerConsoleAuthRoutes, requireConsoleRole } from '../../src/server/consoleAuth';
import { openSqliteDatabase, SqliteDatabase } from '../../src/storage/sqliteDatabase';

const PASSWORDS = { sam: 'sam-password-123', sid: 'sid-password-456', ada: 'ada-password-789' };
const NO_MATCH = "That username and password don't match.";

interface ConsoleServer {
  readonly url: string;
  readonly log: ReturnType<typeof createMemoryLogger>;
  close(): Promise<void>;
}

/** The console routes on a server of their own, with a page only advisers (and admins) may use. */
async function startConsoleServer(db: SqliteDatabase, secureCookies: boolean): Promise<ConsoleServer> {
  const accounts = new SqliteConsoleAccounts(db);
  const sessions = new SqliteConsoleSessions(db);
  const throttle = new SqliteLoginThrottle(db);
  const log = createMemoryLogger();
  const server: Server = restify.createServer();
  server.use(restify.plugins.jsonBodyParser({ mapParams: false }));
  registerConsoleAuthRoutes(server, { accounts, sessions, throttle, secureCookies, log });
  const advisersOnly = requireConsoleRole(sessions, ['adviser'], (_req, res, account) => {
    res.send(200, { hello: account.displayName });
  });
  server.get('/api/console/queue', advisersOnly);
  server.post('/api/console/queue', advisersOnly);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeAllConnections();
      await closed;
    },
  };
}

describe('the staff console sign-in', () => {
  let db: SqliteDatabase;
  let console_: ConsoleServer;
  const issuedTokens: string[] = [];

  beforeAll(async () => {
    db = openSqliteDatabase(':memory:');
    const accounts = new SqliteConsoleAccounts(db);
    await accounts.create({ username: 'sam', displayName: 'Sam', role: 'adviser', password: PASSWORDS.sam });
    await accounts.create({ username: 'sid', displayName: 'Sid', role: 'staff', password: PASSWORDS.sid });
    await accounts.create({ username: 'ada', displayName: 'Ada', role: 'admin', password: PASSWORDS.ada });
    console_ = await startConsoleServer(db, false);
  });
  afterAll(async () => {
    await console_.close();
    db.close();
  });

  const post = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${console_.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-console-request': '1', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const get = (path: string, cookie?: string) => fetch(`${console_.url}${path}`, { headers: cookie ? { cookie } : {} });

  /** Signs in and returns the Cookie header a browser would send afterwards. */
  async function signIn(username: keyof typeof PASSWORDS): Promise<string> {
    const response = await post('/api/console/login', { username, password: PASSWORDS[username] });
    expect(response.status).toBe(200);
    const cookie = parseSetCookie(response.headers.get('set-cookie') ?? '');
    issuedTokens.push(cookie.value ?? '');
    return `${cookie.name}=${cookie.value}`;
  }

  it('signs Sam in with a session cookie that scripts cannot read and other sites cannot send', async () => {
    const response = await post('/api/console/login', { username: 'sam', password: PASSWORDS.sam });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ displayName: 'Sam', role: 'adviser' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    const cookie = parseSetCookie(response.headers.get('set-cookie') ?? '');
    issuedTokens.push(cookie.value ?? '');
    expect(cookie).toEqual({ name: 'console_session', value: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), path: '/', httpOnly: true, sameSite: 'strict' });
  });

  it('says only that the username and password don\'t match when the password is wrong', async () => {
    const response = await post('/api/console/login', { username: 'sam', password: 'sams-old-password' });
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ error: { code: 'Unauthorized', message: NO_MATCH } });
  });

  it('gives exactly the same answer for a username that does not exist', async () => {
    const response = await post('/api/console/login', { username: 'nobody', password: PASSWORDS.sam });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'Unauthorized', message: NO_MATCH } });
  });

  it('asks for both fields when one is missing', async () => {
    const response = await post('/api/console/login', { username: 'sam' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Enter your username and password.');
  });

  it('refuses a sign-in that did not come from the console page (no X-Console-Request header)', async () => {
    const response = await post('/api/console/login', { username: 'sam', password: PASSWORDS.sam }, { 'x-console-request': '' });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toContain('did not come from the console page');
  });

  it('tells the console page who is signed in, and never lets it be cached', async () => {
    const cookie = await signIn('sam');
    const response = await get('/api/console/me', cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ displayName: 'Sam', role: 'adviser', username: 'sam' });
  });

  it('asks someone with no cookie, or a made-up one, to sign in', async () => {
    for (const cookie of [undefined, `console_session=${'A'.repeat(43)}`, 'console_session=']) {
      const response = await get('/api/console/me', cookie);
      expect(response.status).toBe(401);
      expect(await response.text()).toContain('Please sign in again.');
    }
  });

  it('signs out: the cookie is cleared and the old one no longer works', async () => {
    const cookie = await signIn('sam');
    const response = await post('/api/console/logout', undefined, { cookie });
    expect(response.status).toBe(204);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(parseSetCookie(response.headers.get('set-cookie') ?? '')).toMatchObject({ name: 'console_session', value: '', maxAge: 0, httpOnly: true });
    expect((await get('/api/console/me', cookie)).status).toBe(401);
  });

  it('does not sign out for a request from another site (no X-Console-Request header)', async () => {
    const cookie = await signIn('sam');
    expect((await post('/api/console/logout', undefined, { cookie, 'x-console-request': '' })).status).toBe(403);
    expect((await get('/api/console/me', cookie)).status).toBe(200);
  });

  it('keeps staff out of an advisers-only page, and lets advisers and admins in', async () => {
    const refused = await get('/api/console/queue', await signIn('sid'));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(await refused.text()).toContain('Your account cannot use this part of the console.');
    expect(await (await get('/api/console/queue', await signIn('sam'))).json()).toEqual({ hello: 'Sam' });
    expect(await (await get('/api/console/queue', await signIn('ada'))).json()).toEqual({ hello: 'Ada' });
  });

  it('refuses a protected change without the X-Console-Request header, even with a good cookie', async () => {
    const cookie = await signIn('sam');
    expect((await post('/api/console/queue', {}, { cookie, 'x-console-request': '' })).status).toBe(403);
    expect((await post('/api/console/queue', {}, { cookie })).status).toBe(200);
  });

  it('locks a username after five wrong passwords, even against the right one, and says when to try again', async () => {
    for (let i = 0; i < 5; i += 1) expect((await post('/api/console/login', { username: 'ada', password: `guess-number-${i}` })).status).toBe(401);
    const locked = await post('/api/console/login', { username: 'ada', password: PASSWORDS.ada });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await locked.json()).error.message).toMatch(/^Too many wrong passwords\. For your security, wait 15 minutes/);
    // Another account is not affected.
    expect((await post('/api/console/login', { username: 'sid', password: PASSWORDS.sid })).status).toBe(200);
  });

  it('never writes a password, a session token or a typed username to the log', async () => {
    await post('/api/console/login', { username: 'sam-password-typed-here', password: 'oops wrong box' });
    const log = console_.log.lines.join('\n');
    expect(console_.log.lines.length).toBeGreaterThan(0);
    expect(issuedTokens.length).toBeGreaterThan(5);
    for (const secret of [...Object.values(PASSWORDS), ...issuedTokens, 'sams-old-password', 'sam-password-typed-here', 'oops wrong box']) {
      expect(log).not.toContain(secret);
    }
    expect(log).toContain('console_signed_in');
    expect(log).toContain('console_sign_in_refused');
  });
});

describe('the staff console sign-in over https', () => {
  it('names the session cookie __Host- and marks it Secure, so no other subdomain can set it', async () => {
    const db = openSqliteDatabase(':memory:');
    await new SqliteConsoleAccounts(db).create({ username: 'sam', displayName: 'Sam', role: 'adviser', password: PASSWORDS.sam });
    const server = await startConsoleServer(db, true);
    try {
      const response = await fetch(`${server.url}/api/console/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-console-request': '1' },
        body: JSON.stringify({ username: 'sam', password: PASSWORDS.sam }),
      });
      expect(parseSetCookie(response.headers.get('set-cookie') ?? '')).toMatchObject({ name: '__Host-console_session', path: '/', secure: true, httpOnly: true, sameSite: 'strict' });
    } finally {
      await server.close();
      db.close();
    }
  });
});
