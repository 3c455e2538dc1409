/**
 * The chat page and the embed script, end to end in Chromium against the real bot. No request may
 * leave for another host: the Quick Exit destination and the embedding site are local stubs.
 */
import { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestBot, TestBot } from '../support/startTestBot';
import { guardNetwork, GuardedNetwork, launchChromium, NEUTRAL_URL } from './support/browser';
import {
  botMessage,
  ChatSession,
  deviceStorage,
  openChat,
  quickExitButton,
  say,
  sendBox,
  seriousAccessibilityProblems,
  userMessage,
  waitForGreeting,
} from './support/chatPage';

const START_URL = 'http://start.test/';
const MENU_REPLY = 'Here is what I can help with';
/**
 * The site that embeds the chat: a stub at localhost, another origin than the bot at 127.0.0.1.
 * Chromium lets only secure contexts (localhost is one) load from loopback addresses, with permission.
 */
let hostUrl: string;

let bot: TestBot;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let network: GuardedNetwork;

beforeAll(async () => {
  bot = await startTestBot();
  browser = await launchChromium();
  hostUrl = `http://localhost:${bot.port}/host-page`;
});

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  network = await guardNetwork(context, bot.url, [
    { url: START_URL, html: '<!DOCTYPE html><html lang="en-GB"><title>Search</title><h1>Search results</h1></html>' },
    {
      url: hostUrl,
      html: `<!DOCTYPE html><html lang="en-GB"><title>A local charity</title><main><h1>Welcome to our site</h1></main>
        <script src="${bot.url}/embed.js" defer></script></html>`,
    },
  ]);
  await context.grantPermissions(['local-network-access'], { origin: new URL(hostUrl).origin });
  page = await context.newPage();
});

afterEach(async () => {
  await context.close();
  expect(network.foreign).toEqual([]);
});

async function expectToLeaveForNeutralSite(target: Page): Promise<void> {
  await target.waitForURL(NEUTRAL_URL);
  // 'attached', not 'visible': after a navigation started from inside an iframe, headless Chromium
  // sometimes reports a zero-sized window for a moment.
  await target.getByRole('heading', { name: 'Weather' }).waitFor({ state: 'attached' });
}

/** Polls until passes() holds or the time is up: the server forgets once the exit request lands. */
async function eventually<T>(read: () => Promise<T>, passes: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!passes(value) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 50));
    value = await read();
  }
  return value;
}

async function serverTranscript(session: ChatSession): Promise<{ status: number; activities: unknown[] }> {
  const response = await fetch(`${session.domain}/conversations/${session.conversationId}/activities`, {
    headers: { Authorization: `Bearer ${session.token}` },
  });
  const body = (await response.json()) as { activities?: unknown[] };
  return { status: response.status, activities: body.activities ?? [] };
}

test('shows the greeting with the helpline number and Quick Exit advice', async () => {
  await openChat(page, bot.url);

  await expect(botMessage(page, '0808 801 0366').isVisible()).resolves.toBe(true);
  await expect(botMessage(page, /press Quick Exit/).isVisible()).resolves.toBe(true);
  await expect(quickExitButton(page).isVisible()).resolves.toBe(true);
  await expect(page.locator('header').getByRole('link', { name: '0808 801 0366' }).getAttribute('href')).resolves.toBe('tel:08088010366');
  await expect(page.locator('[data-id="webchat-upload-button"], input[type="file"]').count()).resolves.toBe(0);
});

test('answers a typed message', async () => {
  await openChat(page, bot.url);

  await sendBox(page).fill('help');
  await sendBox(page).press('Enter');

  await botMessage(page, MENU_REPLY).waitFor();
  await expect(userMessage(page, 'help').isVisible()).resolves.toBe(true);
  await expect(sendBox(page).inputValue()).resolves.toBe('');
});

test('Quick Exit button leaves for the neutral site and Back does not return to the chat', async () => {
  await page.goto(START_URL);
  await openChat(page, bot.url);

  await quickExitButton(page).click();
  await expectToLeaveForNeutralSite(page);

  await page.goBack();
  expect(page.url().startsWith(bot.url)).toBe(false);
  expect(page.url()).toBe(START_URL);
});

test('pressing Shift three times leaves the page', async () => {
  await openChat(page, bot.url);
  await sendBox(page).focus();

  for (let press = 0; press < 3; press += 1) await page.keyboard.press('Shift');

  await expectToLeaveForNeutralSite(page);
});

test('Quick Exit ends the conversation on the server', async () => {
  const session = await openChat(page, bot.url);
  await say(page, 'help', MENU_REPLY);
  const before = await serverTranscript(session);
  expect(before.activities.length).toBeGreaterThan(0);

  await quickExitButton(page).click();
  await expectToLeaveForNeutralSite(page);

  // The old token is still well-formed, so the server answers; it just has nothing left to give.
  const after = await eventually(() => serverTranscript(session), (result) => result.activities.length === 0);
  expect(after).toEqual({ status: 200, activities: [] });
});

test('keeps nothing on the device', async () => {
  await openChat(page, bot.url);
  await say(page, 'help', MENU_REPLY);

  await expect(deviceStorage(page)).resolves.toEqual({ localStorage: 0, sessionStorage: 0, cookie: '', indexedDB: [] });
  await expect(context.cookies()).resolves.toEqual([]);
});

test('has no serious or critical accessibility problems', async () => {
  await openChat(page, bot.url);
  await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);

  await page.setViewportSize({ width: 375, height: 700 });
  await page.reload();
  await waitForGreeting(page);
  await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);
});

test('when the chat cannot start, shows the helpline and a button to try again', async () => {
  await page.route('**/api/directline/token', (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { message: 'Unavailable' } }) }),
  );
  await page.goto(`${bot.url}/`);
  const retry = page.getByRole('button', { name: 'Try the chat again' });
  await retry.waitFor();
  await expect(page.locator('#chat-error').getByRole('link', { name: '0808 801 0366' }).isVisible()).resolves.toBe(true);
  await expect(page.locator('#chat-error').getByText(/call 999/).isVisible()).resolves.toBe(true);

  await page.unroute('**/api/directline/token');
  await retry.click();

  await waitForGreeting(page);
  await expect(retry.isVisible()).resolves.toBe(false);
});

test('works under a Content-Security-Policy that forbids inline scripts', async () => {
  const stream = bot.url.replace(/^http/, 'ws');
  // Web Chat injects <style> elements, so styles still need 'unsafe-inline' (or a nonce).
  const policy = `default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self' ${stream}; img-src 'self' data: blob:; base-uri 'none'; form-action 'none'`;
  await page.route(`${bot.url}/`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
  // A page answered by page.route has no known address, so Chromium asks before it reaches loopback.
  await context.grantPermissions(['local-network-access'], { origin: bot.url });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });

  await openChat(page, bot.url);
  await say(page, 'help', MENU_REPLY);

  expect(violations).toEqual([]);
});

test('Quick Exit comes early in the keyboard order', async () => {
  await openChat(page, bot.url);
  await page.locator('body').focus();

  await page.keyboard.press('Tab');

  await expect(quickExitButton(page).evaluate((element) => element === document.activeElement)).resolves.toBe(true);
});

test('the embed script opens the chat in a launcher', async () => {
  await page.goto(hostUrl);
  const launcher = page.getByRole('button', { name: /Chat with us|Close chat/ });
  await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('false');

  await launcher.focus();
  await page.keyboard.press('Enter');

  await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('true');
  const frame = page.frameLocator('iframe[title^="Chat"]');
  await waitForGreeting(frame);

  await launcher.click();
  await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(page.locator('iframe[title^="Chat"]').isVisible()).resolves.toBe(false);
});

test('Quick Exit inside the embedded chat takes the whole site away', async () => {
  await page.goto(hostUrl);
  await page.getByRole('button', { name: 'Chat with us' }).click();
  const frame = page.frameLocator('iframe[title^="Chat"]');
  await waitForGreeting(frame);

  await frame.getByRole('button', { name: /Quick Exit/ }).click();

  await expectToLeaveForNeutralSite(page);
});
