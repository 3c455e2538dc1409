import { join } from 'node:path';
import { addAccount, TEST_PASSWORD } from '../support/adviserClient';
import { FAKE_CLIENT, FAKE_SECRET, FAKE_TENANT, FakeUser, startFakeEntra } from '../support/fakeEntra';
import { ageSignIns } from '../support/ageSignIns';
import { startTestBot, TestBot } from '../support/startTestBot';

let entra: Awaited<ReturnType<typeof startFakeEntra>>;
let bot: TestBot;
let sqlitePath = '';

beforeAll(async () => {
  entra = await startFakeEntra();
  bot = await startTestBot({
    ENTRA_TENANT_ID: FAKE_TENANT,
    ENTRA_CLIENT_ID: FAKE_CLIENT,
    ENTRA_CLIENT_SECRET: FAKE_SECRET,
    ENTRA_AUTHORITY: entra.authority,
    PUBLIC_BASE_URL: 'http://127.0.0.1:3978',
  });
  sqlitePath = join(bot.dataDir, 'bot.sqlite');
  await addAccount(sqlitePath, 'stella.jones@charity.example', 'Stella', 'staff');
  await addAccount(sqlitePath, 'sam.lee@charity.example', 'Sam', 'adviser');
});
afterAll(async () => {
  await bot?.stop();
  await entra?.stop();
});

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(';')[0]).filter((pair) => !pair.endsWith('='));
}

/** The whole round trip a browser makes: start at the bot, sign in at "Microsoft", come back. */
async function signInWithMicrosoft(user: FakeUser, options: { cookie?: string; start?: string } = {}) {
  const start = await fetch(`${bot.url}/api/console/entra/start${options.start ?? ''}`, { redirect: 'manual', headers: options.cookie ? { cookie: options.cookie } : {} });
  expect(start.status).toBe(302);
  const pending = cookiesOf(start);
  const back = entra.authorize(start.headers.get('location') ?? '', user);
  const callback = await fetch(`${bot.url}/api/console/entra/callback?${back}`, {
    redirect: 'manual',
    headers: { cookie: [...pending, ...(options.cookie ? [options.cookie] : [])].join('; ') },
  });
  return { status: callback.status, location: callback.headers.get('location') ?? '', cookies: cookiesOf(callback), authorizeUrl: start.headers.get('location') ?? '' };
}

const me = (cookie: string) => fetch(`${bot.url}/api/console/me`, { headers: { cookie } });

describe('signing in to the consoles with Microsoft Entra ID', () => {
  it('tells the sign-in page that Microsoft sign-in is available', async () => {
    expect(await (await fetch(`${bot.url}/api/console/sign-in-options`)).json()).toEqual({ password: true, microsoft: true });
  });

  it('sends the person to Microsoft with PKCE, a state and a nonce, and back to the registered address', async () => {
    const start = await fetch(`${bot.url}/api/console/entra/start`, { redirect: 'manual' });
    const url = new URL(start.headers.get('location') ?? '');
    expect(url.searchParams.get('redirect_uri')).toBe('http://127.0.0.1:3978/api/console/entra/callback');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toMatch(/.{20,}/);
    expect(url.searchParams.get('nonce')).toMatch(/.{20,}/);
    expect(url.searchParams.get('scope')).toBe('openid profile email');
    expect(start.headers.get('set-cookie')).toMatch(/HttpOnly/i);
  });

  it('signs in someone whose work email is a console account, with that account’s role', async () => {
    const result = await signInWithMicrosoft({ preferredUsername: 'Stella.Jones@charity.example' });
    expect(result.status).toBe(302);
    expect(result.location).toBe('/console/staff');
    const session = result.cookies.find((c) => c.startsWith('console_session='));
    expect(session).toBeDefined();
    expect(await (await me(session ?? '')).json()).toEqual(expect.objectContaining({ role: 'staff', displayName: 'Stella' }));
  });

  it('sends advisers to the adviser console', async () => {
    expect((await signInWithMicrosoft({ preferredUsername: 'sam.lee@charity.example' })).location).toBe('/console/adviser');
  });

  it('turns away someone in the directory who has no console account', async () => {
    const result = await signInWithMicrosoft({ preferredUsername: 'someone.else@charity.example' });
    expect(result.location).toBe('/console/login?signin=no-account');
    expect(result.cookies.some((c) => c.startsWith('console_session='))).toBe(false);
  });

  it('turns away a token from another organisation’s directory', async () => {
    const result = await signInWithMicrosoft({ preferredUsername: 'stella.jones@charity.example', tenantId: '99999999-9999-9999-9999-999999999999' });
    expect(result.location).toBe('/console/login?signin=no-account');
  });

  it('refuses a token whose nonce does not match (a replayed or injected token)', async () => {
    const result = await signInWithMicrosoft({ preferredUsername: 'stella.jones@charity.example', wrongNonce: true });
    expect(result.location).toBe('/console/login?signin=failed');
    expect(result.cookies.some((c) => c.startsWith('console_session='))).toBe(false);
  });

  it('refuses a callback without the browser’s own sign-in state (login CSRF), or with a changed state', async () => {
    const start = await fetch(`${bot.url}/api/console/entra/start`, { redirect: 'manual' });
    const back = entra.authorize(start.headers.get('location') ?? '', { preferredUsername: 'stella.jones@charity.example' });
    const noCookie = await fetch(`${bot.url}/api/console/entra/callback?${back}`, { redirect: 'manual' });
    expect(noCookie.headers.get('location')).toBe('/console/login?signin=expired');

    const start2 = await fetch(`${bot.url}/api/console/entra/start`, { redirect: 'manual' });
    const back2 = entra.authorize(start2.headers.get('location') ?? '', { preferredUsername: 'stella.jones@charity.example' });
    back2.set('state', 'someone-elses-state');
    const changed = await fetch(`${bot.url}/api/console/entra/callback?${back2}`, { redirect: 'manual', headers: { cookie: cookiesOf(start2).join('; ') } });
    expect(changed.headers.get('location')).toBe('/console/login?signin=failed');
  });

  it('says the person cancelled when Microsoft sends back an error', async () => {
    const start = await fetch(`${bot.url}/api/console/entra/start`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const callback = await fetch(`${bot.url}/api/console/entra/callback?error=access_denied&state=${state}`, { redirect: 'manual', headers: { cookie: cookiesOf(start).join('; ') } });
    expect(callback.headers.get('location')).toBe('/console/login?signin=cancelled');
  });

  it('confirms who someone is again with Microsoft before a sensitive action', async () => {
    const first = await signInWithMicrosoft({ preferredUsername: 'stella.jones@charity.example' });
    const session = first.cookies.find((c) => c.startsWith('console_session=')) ?? '';
    ageSignIns(sqlitePath, 10);
    const erase = () => fetch(`${bot.url}/api/staff/erase`, {
      method: 'POST',
      headers: { cookie: session, 'content-type': 'application/json', 'x-console-request': '1' },
      body: JSON.stringify({ conversationId: 'conversation-to-erase' }),
    });
    expect((await erase()).status).toBe(401);

    const again = await signInWithMicrosoft({ preferredUsername: 'stella.jones@charity.example' }, { cookie: session, start: '?reauthenticate=1&return=/console/staff' });
    expect(new URL(again.authorizeUrl).searchParams.get('prompt')).toBe('login');
    expect(again.location).toBe('/console/staff');
    expect((await erase()).status).toBe(200);
  });

  it('does not let a re-confirmation by a different person count for this session', async () => {
    const first = await signInWithMicrosoft({ preferredUsername: 'stella.jones@charity.example' });
    const session = first.cookies.find((c) => c.startsWith('console_session=')) ?? '';
    const other = await signInWithMicrosoft({ preferredUsername: 'sam.lee@charity.example' }, { cookie: session, start: '?reauthenticate=1&return=https://evil.example' });
    expect(other.location).toBe('/console/login?signin=different-account');
  });

  it('keeps password sign-in working alongside it', async () => {
    const login = await fetch(`${bot.url}/api/console/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-console-request': '1' },
      body: JSON.stringify({ username: 'sam.lee@charity.example', password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
  });

  it('never logs the client secret, a token or an email address', () => {
    const lines = bot.logLines.join('\n');
    expect(lines).toMatch(/"method":"entra"/);
    expect(lines).not.toContain(FAKE_SECRET);
    expect(lines).not.toMatch(/@charity\.example/i);
    expect(lines).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });
});

