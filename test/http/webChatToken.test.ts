import { createServer } from 'node:http';
import { startTestBot, TestBot } from '../support/startTestBot';
import { staticFileTable } from '../../src/server/staticFiles';
import { join } from 'node:path';

describe('the page token in built-in mode', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.stop());

  it('tells the page to use this server\'s gateway, with a dl_ user id, and is never cached', async () => {
    const response = await fetch(`${bot.url}/api/directline/token`, { method: 'POST' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ mode: 'built-in', domain: `${bot.url}/api/directline`, userId: expect.stringMatching(/^dl_/), expiresIn: 1800 });
  });
});

describe('the page token with an Azure Direct Line secret', () => {
  const secret = 'AzureDirectLineSecret.abcdefghijklmnopqrstuvwxyz0123456789';
  let bot: TestBot;
  let azureCalls: Array<{ authorization?: string; body: string }>;
  let azure: ReturnType<typeof createServer>;

  beforeAll(async () => {
    azureCalls = [];
    // Azure's tokens/generate, faked on loopback; the bot is pointed at it below.
    azure = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += String(c)));
      req.on('end', () => {
        azureCalls.push({ authorization: req.headers.authorization, body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ conversationId: 'AzureConv123', token: 'azure-token-for-AzureConv123', expires_in: 3600 }));
      });
    });
    await new Promise<void>((r) => azure.listen(0, '127.0.0.1', () => r()));
    const { port } = azure.address() as { port: number };
    // The endpoint must be https in real settings; the test swaps in the fake after loading.
    bot = await startTestBot({ DIRECT_LINE_SECRET: secret, DIRECT_LINE_ENDPOINT: 'https://directline.example/v3/directline' }, undefined, {
      directLineEndpoint: `http://127.0.0.1:${port}/v3/directline`,
    });
  });
  afterAll(async () => {
    await bot.stop();
    await new Promise((r) => azure.close(r));
  });

  it('exchanges the secret server-side for a token bound to a dl_ user', async () => {
    const body = (await (await fetch(`${bot.url}/api/directline/token`, { method: 'POST' })).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ mode: 'azure', token: 'azure-token-for-AzureConv123', conversationId: 'AzureConv123', userId: expect.stringMatching(/^dl_/) });
    expect(azureCalls.at(-1)?.authorization).toBe(`Bearer ${secret}`);
    expect(JSON.parse(azureCalls.at(-1)?.body ?? '{}')).toEqual({ user: { id: body.userId } });
  });

  it('never sends the secret to a browser: no served file or response contains it', async () => {
    const paths = [...Object.keys(staticFileTable(join(__dirname, '..', '..'))), '/api/widget-config', '/healthz', '/readyz'];
    for (const path of paths) {
      const text = await (await fetch(`${bot.url}${path}`)).text();
      expect(text).not.toContain(secret);
    }
    expect(await (await fetch(`${bot.url}/api/directline/token`, { method: 'POST' })).text()).not.toContain(secret);
    expect(bot.logLines.join('\n')).not.toContain(secret);
  });

  it('does not offer the built-in gateway at the same time', async () => {
    expect((await fetch(`${bot.url}/api/directline/tokens/generate`, { method: 'POST' })).status).toBe(404);
  });

  it('says kindly that chat is unavailable when Azure refuses', async () => {
    azure.removeAllListeners('request');
    azure.on('request', (_req, res) => {
      res.writeHead(403);
      res.end();
    });
    const response = await fetch(`${bot.url}/api/directline/token`, { method: 'POST' });
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/not available right now/);
  });
});
