import { startTestBot, TestBot } from '../support/startTestBot';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.stop();
});

const headersOf = async (path: string, init: RequestInit = {}) => (await fetch(`${bot.url}${path}`, init)).headers;

describe('security headers', () => {
  it.each(['/', '/console/login', '/console/adviser', '/console/staff', '/api/adviser/state', '/api/staff/report'])(
    '%s runs scripts from this site only, never inline',
    async (path) => {
      const csp = (await headersOf(path)).get('content-security-policy') ?? '';
      const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc.trim()).toBe("'self'");
      expect(csp).toMatch(/default-src 'none'/);
      expect(csp).toMatch(/object-src 'none'/);
    },
  );

  it('keeps the consoles out of frames, but lets the chat page be embedded on the charity site', async () => {
    expect((await headersOf('/console/adviser')).get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect((await headersOf('/')).get('content-security-policy')).not.toMatch(/frame-ancestors/);
  });

  it('never lets a page or API that can show a conversation be cached', async () => {
    for (const path of ['/', '/console/adviser', '/console/staff', '/api/adviser/state']) {
      expect((await headersOf(path)).get('cache-control')).toBe('no-store');
    }
    const token = await (await fetch(`${bot.url}/api/directline/token`, { method: 'POST' })).json();
    const activities = await headersOf(`/api/directline/conversations/${token.conversationId}/activities`, { headers: { authorization: `Bearer ${token.token}` } });
    expect(activities.get('cache-control')).toBe('no-store');
  });

  it('asks browsers to keep to HTTPS when the request came over HTTPS, and not otherwise', async () => {
    expect((await headersOf('/', { headers: { 'x-forwarded-proto': 'https' } })).get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect((await headersOf('/')).get('strict-transport-security')).toBeNull();
  });

  it('sends no referrer and no sniffing on every page', async () => {
    const headers = await headersOf('/console/login');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });
});
