import { gzipSync } from 'node:zlib';
import { startTestBot, TestBot } from '../support/startTestBot';
import { rawRequest } from '../support/rawHttp';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.stop();
});

async function stillServing(): Promise<void> {
  const response = await fetch(`${bot.url}/healthz`);
  expect(response.status).toBe(200);
}

function activity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: 'a1',
    text: 'hello',
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: 'conv-1' },
    from: { id: 'user-1' },
    recipient: { id: 'bot' },
    ...overrides,
  };
}

const postMessages = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('requests that crash a plain restify bot are refused and the bot keeps serving', () => {
  it('an Upgrade header on an ordinary path is answered and closed', async () => {
    const reply = await rawRequest(bot.port, 'GET /api/messages HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n');
    expect(reply.status).toBe(400);
    await stillServing();
  });

  it('a gzip body that is not gzip', async () => {
    const body = 'definitely not gzip';
    const reply = await rawRequest(bot.port, `POST /api/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    expect(reply.status).toBe(415);
    await stillServing();
  });

  it('a gzip bomb', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    const head = `POST /api/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: ${bomb.length}\r\n\r\n`;
    const reply = await rawRequest(bot.port, Buffer.concat([Buffer.from(head), bomb]));
    expect(reply.status).toBe(415);
    await stillServing();
  });

  it('a request target that is not a path', async () => {
    expect((await rawRequest(bot.port, 'GET http://[ HTTP/1.1\r\nHost: localhost\r\n\r\n')).status).toBe(400);
    await stillServing();
  });

  it('a broken Host header', async () => {
    expect((await rawRequest(bot.port, 'GET /healthz HTTP/1.1\r\nHost: [\r\n\r\n')).status).toBe(400);
    await stillServing();
  });

  it('a body larger than allowed', async () => {
    const response = await postMessages(JSON.stringify(activity({ text: 'x'.repeat(400 * 1024) })));
    expect(response.status).toBe(413);
    await stillServing();
  });
});

describe('malformed activities get 400 with a reason, not 500', () => {
  it.each([
    ['malformed JSON', '{"type": "message",'],
    ['a JSON array', '[]'],
    ['no type', JSON.stringify(activity({ type: undefined }))],
    ['a numeric type', JSON.stringify(activity({ type: 7 }))],
    ['no conversation', JSON.stringify(activity({ conversation: undefined }))],
    ['a conversation id with a newline', JSON.stringify(activity({ conversation: { id: 'a\nb' } }))],
    ['an id that is a number', JSON.stringify(activity({ id: 12 }))],
    ['text that is an object', JSON.stringify(activity({ text: { a: 1 } }))],
    ['channelData nested 5,000 levels deep', JSON.stringify(activity({ channelData: 'DEEP' })).replace('"DEEP"', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`)],
  ])('%s', async (_name, body) => {
    const response = await postMessages(body);
    expect(response.status).toBe(400);
    await stillServing();
  });

  it('in local mode, a reply address off this machine (an open relay) is refused', async () => {
    const response = await postMessages(JSON.stringify(activity({ serviceUrl: 'http://198.51.100.7/' })));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/serviceUrl/);
  });
});

describe('Direct Line client requests', () => {
  it('a stream upgrade without a token is refused', async () => {
    const reply = await rawRequest(
      bot.port,
      'GET /api/directline/conversations/abcdefghijkl/stream HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    expect(reply.status).toBe(403);
    await stillServing();
  });

  it('an activity posted with a deeply nested body is refused', async () => {
    const session = (await (await fetch(`${bot.url}/api/directline/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    const response = await fetch(`${bot.url}/api/directline/conversations/${session.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
      body: `{"type":"message","value":${'['.repeat(3000)}${']'.repeat(3000)}}`,
    });
    expect(response.status).toBe(400);
    await stillServing();
  });

  it('nothing a person typed reaches the logs', async () => {
    const session = (await (await fetch(`${bot.url}/api/directline/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    await fetch(`${bot.url}/api/directline/conversations/${session.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'my daughter Keisha lives at 4 Privet Drive' }),
    });
    expect(bot.logLines.join('\n')).not.toMatch(/Keisha|Privet/);
  });
});
