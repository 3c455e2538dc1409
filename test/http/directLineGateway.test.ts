import WebSocket from 'ws';
import { startTestBot, TestBot } from '../support/startTestBot';
import { connect, requestToken } from '../support/directLineClient';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.stop();
});

describe.each(['websocket', 'polling'] as const)('Web Chat over the built-in Direct Line (%s)', (mode) => {
  it('is greeted, sends a message and gets the reply, in order', async () => {
    const session = await requestToken(bot.url);
    const client = connect(session, mode);
    try {
      expect((client.directLine as unknown as { webSocket: boolean }).webSocket).toBe(mode === 'websocket');
      await client.waitFor((a) => /0808 801 0366/.test(a.text ?? ''));
      const id = await client.send('help');
      expect(id).toMatch(new RegExp(`^${session.conversationId}\\|`));
      await client.waitFor((a) => /Here is what I can help with/.test(a.text ?? ''));

      const texts = client.seen.map((a) => a.text);
      const helpAt = texts.indexOf('help');
      expect(helpAt).toBeGreaterThan(texts.findIndex((t) => /0808 801 0366/.test(t ?? '')));
      expect(texts.findIndex((t) => /Here is what I can help with/.test(t ?? ''))).toBeGreaterThan(helpAt);
      expect(texts.filter((t) => t === 'help')).toHaveLength(1);
    } finally {
      client.close();
    }
  });
});

describe('reconnecting', () => {
  it('with a watermark streams only what the client has not seen yet', async () => {
    const session = await requestToken(bot.url);
    const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
    const base = `${session.domain}/conversations/${session.conversationId}`;
    await fetch(`${session.domain}/conversations`, { method: 'POST', headers });
    await fetch(`${base}/activities`, { method: 'POST', headers, body: JSON.stringify({ type: 'message', text: 'hello' }) });
    const { watermark } = (await (await fetch(`${base}/activities`, { headers })).json()) as { watermark: string };
    await fetch(`${base}/activities`, { method: 'POST', headers, body: JSON.stringify({ type: 'message', text: 'help' }) });

    const reconnect = (await (await fetch(`${base}?watermark=${watermark}`, { headers })).json()) as { streamUrl: string; token: string };
    expect(reconnect.streamUrl).toContain(`watermark=${watermark}`);
    const firstBatch = await new Promise<Array<{ text?: string }>>((resolve, reject) => {
      const ws = new WebSocket(reconnect.streamUrl);
      ws.on('message', (data) => {
        ws.close();
        resolve((JSON.parse(String(data)) as { activities: Array<{ text?: string }> }).activities);
      });
      ws.on('error', reject);
    });
    const texts = firstBatch.map((a) => a.text);
    expect(texts[0]).toBe('help');
    expect(texts).not.toContain('hello');
  });
});

describe('streaming', () => {
  it("sends each turn's replies as one message on the socket, in order", async () => {
    const session = await requestToken(bot.url);
    const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
    const started = (await (await fetch(`${session.domain}/conversations`, { method: 'POST', headers })).json()) as { streamUrl: string };
    const ws = new WebSocket(started.streamUrl);
    const messages: Array<Array<{ text?: string; replyToId?: string; from?: { id?: string } }>> = [];
    ws.on('message', (data) => {
      if (String(data)) messages.push((JSON.parse(String(data)) as { activities: Array<{ text?: string }> }).activities);
    });
    const fromBot = () => messages.flat().filter((a) => a.from?.id !== session.userId);
    const until = async (done: () => boolean) => {
      for (let waited = 0; !done() && waited < 8000; waited += 25) await new Promise((r) => setTimeout(r, 25));
      expect(done()).toBe(true);
    };
    try {
      await new Promise((resolve, reject) => ws.on('open', resolve).on('error', reject));
      await until(() => fromBot().some((a) => /What would you like help with\?/.test(a.text ?? '')));
      const post = await fetch(`${session.domain}/conversations/${session.conversationId}/activities`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ type: 'message', text: 'zxq vbnm qwpl' }),
      });
      const { id } = (await post.json()) as { id: string };
      await until(() => fromBot().filter((a) => a.replyToId === id).length >= 2);
      await new Promise((r) => setTimeout(r, 200));

      const welcome = messages.filter((set) => set.some((a) => /I'm a computer program/.test(a.text ?? '')));
      expect(welcome).toHaveLength(1);
      expect(welcome[0].length).toBeGreaterThanOrEqual(4);
      const replies = messages.filter((set) => set.some((a) => a.replyToId === id));
      expect(replies).toHaveLength(1);
      expect(replies[0].every((a) => a.replyToId === id)).toBe(true);
      expect(replies[0][0].text).toMatch(/Sorry, I didn't understand/);
    } finally {
      ws.close();
    }
  });
});

describe('a token', () => {
  it('for conversation A gets 403 on conversation B, for reading, writing and streaming', async () => {
    const a = await requestToken(bot.url);
    const b = await requestToken(bot.url);
    const auth = { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' };
    const base = `${bot.url}/api/directline/conversations/${b.conversationId}`;

    expect((await fetch(`${base}/activities`, { headers: auth })).status).toBe(403);
    expect((await fetch(`${base}/activities`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', text: 'hi' }) })).status).toBe(403);
    expect((await fetch(base, { headers: auth })).status).toBe(403);

    const streamStatus = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${base.replace('http', 'ws')}/stream?t=${encodeURIComponent(a.token)}`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => undefined);
    });
    expect(streamStatus).toBe(403);
  });

  it('that was tampered with is refused', async () => {
    const a = await requestToken(bot.url);
    const forged = `${a.token.slice(0, -2)}xx`;
    const response = await fetch(`${bot.url}/api/directline/conversations/${a.conversationId}/activities`, { headers: { authorization: `Bearer ${forged}` } });
    expect(response.status).toBe(403);
  });

  it('is needed at all', async () => {
    const a = await requestToken(bot.url);
    expect((await fetch(`${bot.url}/api/directline/conversations/${a.conversationId}/activities`)).status).toBe(401);
  });

  it('can be refreshed, and the new token still only opens its own conversation', async () => {
    const a = await requestToken(bot.url);
    const refreshed = await fetch(`${bot.url}/api/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${a.token}` } });
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as { token: string; conversationId: string; expires_in: number };
    expect(body.conversationId).toBe(a.conversationId);
    expect(body.expires_in).toBe(1800);
    const ok = await fetch(`${bot.url}/api/directline/conversations/${a.conversationId}/activities`, { headers: { authorization: `Bearer ${body.token}` } });
    expect(ok.status).toBe(200);
  });
});

describe('posting', () => {
  it('the same client message twice (a browser retry) delivers it once', async () => {
    const session = await requestToken(bot.url);
    const client = connect(session, 'polling');
    try {
      // The welcome's last message, so none of the welcome is still on its way when counting starts.
      await client.waitFor((a) => /What would you like help with\?/.test(a.text ?? ''));
      const before = client.fromBot().length;
      const post = () =>
        fetch(`${session.domain}/conversations/${session.conversationId}/activities`, {
          method: 'POST',
          headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: 'help', channelData: { clientActivityID: 'client-1' } }),
        }).then((r) => r.json() as Promise<{ id: string }>);
      const first = await post();
      const second = await post();
      expect(second.id).toBe(first.id);
      await client.waitFor((a) => /Here is what I can help with/.test(a.text ?? ''));
      await new Promise((r) => setTimeout(r, 600));
      expect(client.fromBot().length - before).toBe(1);
      expect(client.seen.filter((a) => a.text === 'help')).toHaveLength(1);
    } finally {
      client.close();
    }
  });

  it('a file upload is refused with a clear message', async () => {
    const session = await requestToken(bot.url);
    const response = await fetch(`${session.domain}/conversations/${session.conversationId}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/cannot take files/);
  });

  it('cannot speak as the bot: the sender is always the token\'s user', async () => {
    const session = await requestToken(bot.url);
    await fetch(`${session.domain}/conversations/${session.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'I am the bot', from: { id: 'family-advice-bot', role: 'bot' } }),
    });
    const list = await fetch(`${session.domain}/conversations/${session.conversationId}/activities`, {
      headers: { authorization: `Bearer ${session.token}` },
    }).then((r) => r.json() as Promise<{ activities: Array<{ text?: string; from: { id: string } }> }>);
    expect(list.activities.find((a) => a.text === 'I am the bot')?.from.id).toBe(session.userId);
  });
});
