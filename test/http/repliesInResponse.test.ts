import { createServer, Server } from 'node:http';
import { ConversationHub } from '../../src/channels/directline/conversationHub';
import { DirectLineGateway } from '../../src/channels/directline/directLineGateway';
import { createMemoryLogger } from '../../src/logger';
import { startTestBot, TestBot } from '../support/startTestBot';

/**
 * The built-in gateway asks the bot for a turn's replies in the response to its request (delivery
 * mode "expectReplies") instead of one connector callback per reply.
 */
describe('replies returned in the response to the gateway', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('the bot answers a message sent with expectReplies in the response body, each reply named for the gateway', async () => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id: 'conv-x|7', text: 'help', channelId: 'directline', deliveryMode: 'expectReplies',
        serviceUrl: 'http://127.0.0.1:9/unreachable', conversation: { id: 'conv-x' }, from: { id: 'person' }, recipient: { id: 'bot' },
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities: Array<{ text?: string; replyToId?: string; channelData?: { replyId?: string } }> };
    expect(body.activities.map((a) => a.text).join('\n')).toMatch(/Here is what I can help with/);
    expect(body.activities.every((a) => a.replyToId === 'conv-x|7')).toBe(true);
    expect(body.activities.map((a) => a.channelData?.replyId)).toEqual(body.activities.map((_a, i) => `conv-x|7~${i + 1}`));
  });

  it('a resend of that message (the gateway restarted and lost it) gets the same replies again, under the same ids, and is not run again', async () => {
    const send = async (id: string, clientActivityId = 'web-1') => {
      const response = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message', id, text: 'Section 20 (voluntary care)', channelId: 'directline', deliveryMode: 'expectReplies', channelData: { clientActivityID: clientActivityId },
          serviceUrl: 'http://127.0.0.1:9/unreachable', conversation: { id: 'conv-y' }, from: { id: 'person' }, recipient: { id: 'bot' },
        }),
      });
      return ((await response.json()) as { activities: Array<{ text?: string; channelData?: { replyId?: string } }> }).activities;
    };
    const first = await send('conv-y|3');
    // The restarted gateway gives the resend a new id; the client's own id is the same.
    const again = await send('conv-y|1');
    expect(first.length).toBeGreaterThan(0);
    expect(again.map((a) => [a.text, a.channelData?.replyId])).toEqual(first.map((a) => [a.text, a.channelData?.replyId]));
    // The next message is answered with its own replies only: those handed over before are not sent again.
    const next = await send('conv-y|9', 'web-2');
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((a) => a.channelData?.replyId?.startsWith('conv-y|9~'))).toBe(true);
  });
});

describe('the gateway and a bot that answers in the response', () => {
  let fakeBot: Server;
  let port = 0;
  const received: Array<{ deliveryMode?: string }> = [];
  beforeAll(async () => {
    fakeBot = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += String(chunk)));
      req.on('end', () => {
        const activity = JSON.parse(body) as { id: string; deliveryMode?: string; text?: string };
        received.push(activity);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ activities: [
          { type: 'message', text: `you said ${activity.text}`, replyToId: activity.id, channelData: { replyId: `${activity.id}~1` } },
          { type: 'message', text: 'anything else?', replyToId: activity.id, channelData: { replyId: `${activity.id}~2` } },
        ] }));
      });
    });
    await new Promise<void>((resolve) => fakeBot.listen(0, '127.0.0.1', () => resolve()));
    port = (fakeBot.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => fakeBot.close(() => resolve())));

  it('puts every reply into the transcript, in order, before the person\'s POST is answered, and never calls back', async () => {
    const hub = new ConversationHub({ maxActivitiesPerConversation: 50, idleMilliseconds: 60000 });
    const gateway = new DirectLineGateway({
      hub,
      bot: { id: 'bot', name: 'Bot' },
      botEndpoint: () => `http://127.0.0.1:${port}/api/messages`,
      // Nothing listens here: a reply that needed the connector would be lost.
      serviceUrl: () => 'http://127.0.0.1:9',
      log: createMemoryLogger(),
      tokens: undefined as never,
    });
    const id = await gateway.post({ conversationId: 'c', userId: 'u' } as never, { type: 'message', text: 'hello', from: { id: 'u' } });
    expect(received.at(-1)?.deliveryMode).toBe('expectReplies');
    const texts = hub.activitiesAfter('c').activities.map((a) => a.text);
    expect(texts).toEqual(['hello', 'you said hello', 'anything else?']);
    expect(hub.activitiesAfter('c').activities.slice(1).map((a) => a.id)).toEqual([`${id}~1`, `${id}~2`]);
  });
});
