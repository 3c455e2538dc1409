import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { DirectLineGateway } from '../../src/channels/directline/directLineGateway';
import { createMemoryLogger } from '../../src/logger';
import { RateLimiter } from '../../src/server/rateLimiter';
import { registerWebChatTokenRoute } from '../../src/server/webChatTokenRoute';

describe('new chats from one network', () => {
  it('are limited, with Retry-After and a kind message, and other networks are not affected', async () => {
    const server = restify.createServer();
    const gateway = { createSession: () => ({ token: 't', conversationId: 'c', userId: 'dl_u', expiresIn: 1800 }) } as unknown as DirectLineGateway;
    registerWebChatTokenRoute(server, { gateway, log: createMemoryLogger(), limiter: new RateLimiter(2, 60000), behindProxy: true });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/directline/token`;
    const from = (address: string) => fetch(url, { method: 'POST', headers: { 'x-forwarded-for': `${address}:5000` } });
    try {
      expect((await from('203.0.113.7')).status).toBe(200);
      expect((await from('203.0.113.7')).status).toBe(200);
      const limited = await from('203.0.113.7');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(50);
      expect((await limited.json()).error.message).toMatch(/Too many new chats from this network/);
      expect((await from('198.51.100.1')).status).toBe(200);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('free up again as the window moves on', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 1000, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 1]);
    now = 1001;
    expect(limiter.take('a')).toBe(0);
  });
});
