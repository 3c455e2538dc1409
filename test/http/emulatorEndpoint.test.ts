import { startFakeConnector } from '../support/fakeConnector';
import { startTestBot, TestBot } from '../support/startTestBot';

let bot: TestBot;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
beforeAll(async () => {
  bot = await startTestBot();
  connector = await startFakeConnector();
});
afterAll(async () => {
  await bot.stop();
  await connector.stop();
});
beforeEach(() => {
  connector.received.length = 0;
});

let sequence = 0;
async function emulatorSends(overrides: Record<string, unknown>): Promise<number> {
  sequence += 1;
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `emu-${sequence}`,
      channelId: 'emulator',
      serviceUrl: connector.serviceUrl,
      conversation: { id: 'emulator-conversation' },
      from: { id: 'developer', name: 'User' },
      recipient: { id: 'bot', name: 'Bot' },
      ...overrides,
    }),
  });
  return response.status;
}

describe('the Bot Framework Emulator pointed at /api/messages', () => {
  it('is greeted when it joins', async () => {
    expect(await emulatorSends({ type: 'conversationUpdate', membersAdded: [{ id: 'bot' }, { id: 'developer' }], conversation: { id: 'emu-join' } })).toBe(200);
    expect(connector.received.map((a) => a.text).join('\n')).toContain('0808 801 0366');
  });

  it('chats: "hello" gets an answer in reply to that message', async () => {
    expect(await emulatorSends({ text: 'hello', id: 'emu-hello' })).toBe(200);
    expect(connector.received[0]).toMatchObject({ type: 'message', text: expect.stringMatching(/What would you like help with/), replyToId: 'emu-hello' });
  });

  it('a resent activity (same id) gets no second reply', async () => {
    await emulatorSends({ text: 'help', id: 'emu-resent' });
    const firstCount = connector.received.length;
    expect(await emulatorSends({ text: 'help', id: 'emu-resent' })).toBe(200);
    expect(firstCount).toBeGreaterThan(0);
    expect(connector.received).toHaveLength(firstCount);
  });

  it('an unknown activity type gets a kind explanation', async () => {
    expect(await emulatorSends({ type: 'somethingNew' })).toBeLessThan(300);
    expect(connector.received.map((a) => a.text).join('\n')).toMatch(/can only read typed messages/);
  });

  it('typing indicators get no reply', async () => {
    await emulatorSends({ type: 'typing' });
    expect(connector.received).toHaveLength(0);
  });
});
