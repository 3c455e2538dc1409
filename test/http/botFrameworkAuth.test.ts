import { startTestBot, TestBot } from '../support/startTestBot';

const activity = {
  type: 'message',
  id: 'a1',
  text: 'hello',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  from: { id: 'user-1' },
  recipient: { id: 'bot' },
  conversation: { id: 'c1' },
};

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret', DIRECT_LINE_SECRET: 'unused-in-this-test' });
});
afterAll(async () => {
  await bot.stop();
});

describe('/api/messages when the bot has an Azure identity', () => {
  it('refuses a request with no Bot Framework token with 401', async () => {
    const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(response.status).toBe(401);
  });

  it('refuses a made-up token with 401', async () => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.token' },
      body: JSON.stringify(activity),
    });
    expect(response.status).toBe(401);
  });
});
