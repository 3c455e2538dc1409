import { join } from 'node:path';
import { addAccount, TEST_PASSWORD } from '../support/adviserClient';
import { startTestBot, TestBot } from '../support/startTestBot';

let bot: TestBot;
let cookie = '';
beforeAll(async () => {
  bot = await startTestBot();
  await addAccount(join(bot.dataDir, 'bot.sqlite'), 'stella', 'Stella', 'staff');
  await addAccount(join(bot.dataDir, 'bot.sqlite'), 'sam', 'Sam', 'adviser');
  const login = await fetch(`${bot.url}/api/console/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-console-request': '1' },
    body: JSON.stringify({ username: 'stella', password: TEST_PASSWORD }),
  });
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
});
afterAll(async () => {
  await bot.stop();
});

const get = (path: string, headers: Record<string, string> = { cookie }) => fetch(`${bot.url}/api/staff${path}`, { headers });

describe('the staff API', () => {
  it('is for signed-in staff only', async () => {
    expect((await get('/report', {})).status).toBe(401);
    const login = await fetch(`${bot.url}/api/console/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-console-request': '1' },
      body: JSON.stringify({ username: 'sam', password: TEST_PASSWORD }),
    });
    const adviser = (login.headers.get('set-cookie') ?? '').split(';')[0];
    expect((await get('/report', { cookie: adviser })).status).toBe(403);
    expect((await get('/report')).status).toBe(200);
  });

  it('answers an unknown export, even one named like a built-in, with 404 and keeps running', async () => {
    for (const table of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'nonsense']) {
      expect((await get(`/export/${table}.csv`)).status).toBe(404);
    }
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('sends a CSV for each table, as a download that is never cached', async () => {
    const response = await get('/export/totals.csv?from=2026-11-01&to=2026-11-30');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="totals-2026-11-01-to-2026-11-30.csv"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await response.text()).split('\n')[0]).toBe('measure,value');
  });

  it('refuses date ranges it cannot read', async () => {
    expect((await get('/report?from=yesterday')).status).toBe(400);
    expect((await get('/report?from=2026-12-05&to=2026-12-01')).status).toBe(400);
  });

  it('erases by a Teams-style conversation id too', async () => {
    const response = await fetch(`${bot.url}/api/staff/erase`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-console-request': '1' },
      body: JSON.stringify({ conversationId: '19:abc123@thread.v2;messageid=1' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ analyticsEvents: 0, handoffs: 0, botState: 0 });
  });
});
