import { join } from 'node:path';
import { PostgresConsoleAccounts } from '../../src/accounts/postgresConsoleAccounts';
import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';
import { TEST_PASSWORD } from '../support/adviserClient';
import { startFakeConnector } from '../support/fakeConnector';
import { startTestBot, TestBot } from '../support/startTestBot';
import { describePostgres, TestSchema } from '../storage/postgresTestDatabase';

describePostgres('the staff dashboard with two bot instances on PostgreSQL', () => {
  const schema = new TestSchema();
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let a: TestBot;
  let b: TestBot;
  let cookie = '';

  beforeAll(async () => {
    await schema.create();
    connector = await startFakeConnector();
    const env = { DATABASE_URL: schema.url() };
    a = await startTestBot(env);
    b = await startTestBot(env);
    await new PostgresConsoleAccounts(schema.pool()).create({ username: 'stella', displayName: 'Stella', role: 'staff', password: TEST_PASSWORD });
    const login = await fetch(`${b.url}/api/console/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-console-request': '1' },
      body: JSON.stringify({ username: 'stella', password: TEST_PASSWORD }),
    });
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await connector?.stop();
    await schema.drop();
  });

  let sequence = 0;
  async function send(bot: TestBot, conversationId: string, text: string) {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id: `m-${(sequence += 1)}`, text, channelId: 'emulator', serviceUrl: connector.serviceUrl,
        conversation: { id: conversationId }, from: { id: `user-${conversationId}` }, recipient: { id: 'bot' },
      }),
    });
    expect(response.status).toBeLessThan(300);
  }

  /** Instance a writes its analytics in the background, a moment after the turn: ask b until they are there. */
  async function reportFromB(until: (report: { totals: { messages: number; conversations: number } }) => boolean) {
    for (let attempt = 0; ; attempt += 1) {
      const response = await fetch(`${b.url}/api/staff/report`, { headers: { cookie } });
      expect(response.status).toBe(200);
      const report = (await response.json()) as { totals: { messages: number; conversations: number } };
      if (until(report) || attempt === 40) return report;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('shows what people asked on either instance, with their details taken out, and erases it everywhere', async () => {
    await send(a, 'pg-conv-1', 'what is section 20, my number is 07700 900123');
    await send(b, 'pg-conv-2', 'can I get legal aid');

    const report = await reportFromB((r) => r.totals.messages >= 2);
    expect(report.totals).toMatchObject({ conversations: 2, messages: 2 });
    const stored = JSON.stringify(await schema.query("SELECT data FROM analytics_events WHERE conversation_id = 'pg-conv-1'"));
    expect(stored).toContain('[PHONE]');
    expect(stored).not.toContain('07700');
    // Nothing went to the SQLite file next to instance a.
    const sqlite = openSqliteDatabase(join(a.dataDir, 'bot.sqlite'));
    try {
      expect(sqlite.prepare('SELECT count(*) AS n FROM analytics_events').get()).toEqual({ n: 0 });
    } finally {
      sqlite.close();
    }

    const erase = await fetch(`${b.url}/api/staff/erase`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-console-request': '1' },
      body: JSON.stringify({ conversationId: 'pg-conv-1' }),
    });
    expect(erase.status).toBe(200);
    expect(await erase.json()).toMatchObject({ analyticsEvents: expect.any(Number), handoffs: 0, botState: 1 });
    expect(await schema.query("SELECT id FROM analytics_events WHERE conversation_id = 'pg-conv-1'")).toEqual([]);
    expect(await schema.query("SELECT key FROM bot_state WHERE key LIKE '%/conversations/pg-conv-1/'")).toEqual([]);
    expect((await reportFromB((r) => r.totals.conversations === 1)).totals).toMatchObject({ conversations: 1, messages: 1 });
  });

  it('accepts a phrasing on one instance that the other lists', async () => {
    const accepted = await fetch(`${b.url}/api/staff/suggestions`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-console-request': '1' },
      body: JSON.stringify({ entryId: 'section-20-overview', phrasing: 'what does s20 mean' }),
    });
    expect(accepted.status).toBe(201);
    const loginOnA = await fetch(`${a.url}/api/console/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-console-request': '1' },
      body: JSON.stringify({ username: 'stella', password: TEST_PASSWORD }),
    });
    const cookieOnA = (loginOnA.headers.get('set-cookie') ?? '').split(';')[0];
    const listed = (await (await fetch(`${a.url}/api/staff/suggestions`, { headers: { cookie: cookieOnA } })).json()) as { suggestions: Array<{ phrasing: string; acceptedBy: string }> };
    expect(listed.suggestions).toMatchObject([{ phrasing: 'what does s20 mean', acceptedBy: 'Stella' }]);
  });
});
