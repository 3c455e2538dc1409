import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Activity, ConversationAccount } from 'botbuilder';
import { deliverToBot } from '../../src/channels/directline/botClient';

type Handler = (request: http.IncomingMessage, body: string, response: http.ServerResponse) => void;

/** A stand-in for the bot's messaging endpoint on a free loopback port. */
async function botEndpoint(handler: Handler): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handler(request, Buffer.concat(chunks).toString('utf8'), response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const message: Partial<Activity> = { type: 'message', text: 'hello', conversation: { id: 'c1' } as ConversationAccount };

describe('delivering a web chat turn to the bot', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it('asks for the replies in the response and returns them', async () => {
    let received: Record<string, unknown> = {};
    const bot = await botEndpoint((_request, body, response) => {
      received = JSON.parse(body) as Record<string, unknown>;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ activities: [{ type: 'message', text: 'hi there' }, { type: 'typing' }, 'not an activity'] }));
    });
    stop = bot.stop;
    const result = await deliverToBot(bot.url, message);
    expect(received).toMatchObject({ text: 'hello', deliveryMode: 'expectReplies' });
    expect(result).toEqual({ ok: true, replies: [{ type: 'message', text: 'hi there' }, { type: 'typing' }] });
  });

  it('reports a refused turn with the status the bot gave', async () => {
    const bot = await botEndpoint((_request, _body, response) => {
      response.statusCode = 401;
      response.end();
    });
    stop = bot.stop;
    expect(await deliverToBot(bot.url, message)).toEqual({ ok: false, reason: 'rejected', status: 401 });
  });

  it('reports a bot that is not running as unreachable', async () => {
    const bot = await botEndpoint(() => undefined);
    const url = bot.url;
    await bot.stop();
    expect(await deliverToBot(url, message)).toEqual({ ok: false, reason: 'unreachable' });
  });

  it('gives up at the limit, and the limit includes waiting for a free connection', async () => {
    const held: http.ServerResponse[] = [];
    const bot = await botEndpoint((_request, _body, response) => held.push(response));
    stop = bot.stop;
    const started = Date.now();
    // More turns than the client opens connections for: the later ones wait in its queue.
    const results = await Promise.all(Array.from({ length: 40 }, () => deliverToBot(bot.url, message, 400)));
    const elapsed = Date.now() - started;
    expect(results.every((result) => !result.ok && result.reason === 'timeout')).toBe(true);
    expect(elapsed).toBeLessThan(1500);
  });

  it('sends a turn once more when a kept-alive connection was closed under it, and only once', async () => {
    const requestsPerSocket = new Map<unknown, number>();
    let answered = 0;
    const bot = await botEndpoint((request, _body, response) => {
      const seen = (requestsPerSocket.get(request.socket) ?? 0) + 1;
      requestsPerSocket.set(request.socket, seen);
      // The second request on a connection finds it closed, as when the bot's idle timeout races the client.
      if (seen > 1) {
        request.socket.destroy();
        return;
      }
      answered += 1;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ activities: [{ type: 'message', text: `reply ${answered}` }] }));
    });
    stop = bot.stop;
    expect(await deliverToBot(bot.url, message)).toEqual({ ok: true, replies: [{ type: 'message', text: 'reply 1' }] });
    expect(await deliverToBot(bot.url, message)).toEqual({ ok: true, replies: [{ type: 'message', text: 'reply 2' }] });
    expect(answered).toBe(2);
  });

  it('does not send a turn again when a fresh connection fails', async () => {
    let attempts = 0;
    const bot = await botEndpoint((request) => {
      attempts += 1;
      request.socket.destroy();
    });
    stop = bot.stop;
    expect(await deliverToBot(bot.url, message)).toEqual({ ok: false, reason: 'unreachable' });
    expect(attempts).toBe(1);
  });
});
