import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { createBotServer } from '../../src/server/createBotServer';
import { createMemoryLogger } from '../../src/logger';
import { startFakeConnector } from '../support/fakeConnector';
import { startTestBot } from '../support/startTestBot';

function slowBot(delayMs: number): ActivityHandler {
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await new Promise((r) => setTimeout(r, delayMs));
    await context.sendActivity('finished after all');
    await next();
  });
  return bot;
}

function serverWith(options: { checkStorage?: () => Promise<void>; bot?: ActivityHandler }) {
  return createBotServer({
    adapter: new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
    bot: options.bot ?? new ActivityHandler(),
    log: createMemoryLogger(),
    localMode: true,
    checkStorage: options.checkStorage ?? (async () => undefined),
    addRoutes: () => undefined,
  });
}

describe('health checks', () => {
  it('/healthz and /readyz answer 200 on a running bot', async () => {
    const bot = await startTestBot();
    try {
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${bot.url}/readyz`)).json()).toEqual({ status: 'ready', storage: 'ok' });
    } finally {
      await bot.stop();
    }
  });

  it('/readyz answers 503 when storage does not, while /healthz stays 200', async () => {
    const server = serverWith({ checkStorage: async () => Promise.reject(new Error('database is locked')) });
    const { port } = await server.listen(0, '127.0.0.1');
    try {
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('shutting down', () => {
  it('lets a turn that is still running finish and deliver its reply', async () => {
    const connector = await startFakeConnector();
    const server = serverWith({ bot: slowBot(400) });
    const { port } = await server.listen(0, '127.0.0.1');
    const turn = fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id: 'm1', text: 'hi', channelId: 'emulator', serviceUrl: connector.serviceUrl,
        conversation: { id: 'c1' }, from: { id: 'u1' }, recipient: { id: 'bot' },
      }),
    });
    await new Promise((r) => setTimeout(r, 100));
    await server.close();
    expect((await turn).status).toBe(200);
    expect(connector.received.map((a) => a.text)).toEqual(['finished after all']);
    await connector.stop();
  });
});
