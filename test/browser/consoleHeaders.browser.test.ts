import { Browser } from 'playwright-core';
import { join } from 'node:path';
import { addAccount, TEST_PASSWORD } from '../support/adviserClient';
import { startTestBot, TestBot } from '../support/startTestBot';
import { guardNetwork, launchChromium } from './support/browser';

let bot: TestBot;
let browser: Browser;

beforeAll(async () => {
  bot = await startTestBot();
  await addAccount(join(bot.dataDir, 'bot.sqlite'), 'ada', 'Ada', 'admin');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

describe('the console pages as the browser receives them', () => {
  it.each(['/console/login', '/console/adviser', '/console/staff', '/console/admin'])('%s carries the security headers and the browser enforces them', async (path) => {
    const context = await browser.newContext();
    await guardNetwork(context, bot.url);
    // Signed in as an admin, so each page stays put instead of sending the browser to sign in.
    const login = await context.request.post(`${bot.url}/api/console/login`, { headers: { 'x-console-request': '1' }, data: { username: 'ada', password: TEST_PASSWORD } });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    const response = await page.goto(`${bot.url}${path}`);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(headers['content-security-policy']).not.toMatch(/unsafe-inline'[^;]*;?\s*$|script-src[^;]*unsafe-inline/);
    expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cache-control']).toMatch(/no-store/);

    // An injected inline script is refused by the policy the page arrived with.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.appendChild(script);
    });
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected === true)).toBe(false);
    await context.close();
  });

  it('sends HSTS when the request came through an HTTPS front end', async () => {
    const response = await fetch(`${bot.url}/console/login`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
  });
});
