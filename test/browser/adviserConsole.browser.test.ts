/**
 * The adviser console in Chromium against the real bot: an adviser signs in, a person asks for a
 * person on the chat page in another browser, and the two talk. Nothing may leave for another host.
 */
import { Socket } from 'node:net';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { SqliteCallbackRequests } from '../../src/handoff/sqliteCallbackRequests';
import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';
import { addAccount, signIn as signInOverApi, TEST_PASSWORD } from '../support/adviserClient';
import { startTestBot, TestBot } from '../support/startTestBot';
import { guardNetwork, GuardedNetwork, launchChromium } from './support/browser';
import { botMessage, ChatSession, openChat, say, sendBox, seriousAccessibilityProblems } from './support/chatPage';

const CONSOLE = '/console/adviser';
const LOGIN_FROM_CONSOLE = '/console/login?next=/console/adviser';
const XSS = '<img src=x onerror=window.__xss=1>hello';
const CALLBACK_MESSAGE = '<b>Please</b> call me about the meeting';

let bot: TestBot;
let browser: Browser;
const contexts: { context: BrowserContext; network: GuardedNetwork }[] = [];

beforeAll(async () => {
  // The helpline is open whatever the day and hour (bank holidays and evenings included), through
  // the same seam the HTTP hand-off tests use, so this test never has to be skipped.
  bot = await startTestBot({}, undefined, {}, { isHelplineOpen: () => true });
  const sqlite = join(bot.dataDir, 'bot.sqlite');
  await addAccount(sqlite, 'sam', 'Sam');
  await addAccount(sqlite, 'priya', 'Priya');
  await addAccount(sqlite, 'stella', 'Stella', 'staff');
  const db = openSqliteDatabase(sqlite);
  try {
    await new SqliteCallbackRequests(db).add(
      {
        phone: '07700 900123',
        email: null,
        bestTime: 'Morning (9:30am to 12pm)',
        message: CALLBACK_MESSAGE,
        voicemailOk: false,
        sayOrganisationOk: true,
        avoidTimes: 'not after 2pm',
        topic: 'Section 20 (voluntary care)',
      },
      new Date(),
    );
  } finally {
    db.close();
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

afterEach(async () => {
  for (const { context } of contexts) await context.close();
  const foreign = contexts.flatMap(({ network }) => network.foreign);
  contexts.length = 0;
  expect(foreign).toEqual([]);
});

async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const network = await guardNetwork(context, bot.url);
  contexts.push({ context, network });
  return context.newPage();
}

/** Opens the console signed out, signs in on the page it is sent to, and waits until the console is live. */
async function signInToConsole(page: Page, username = 'sam'): Promise<void> {
  await page.goto(`${bot.url}${CONSOLE}`);
  await page.waitForURL(`${bot.url}${LOGIN_FROM_CONSOLE}`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${bot.url}${CONSOLE}`);
}

async function waitUntilLive(page: Page, name = 'Sam'): Promise<void> {
  await page.getByText(`Signed in as ${name}`).waitFor();
  // Connected means the event stream is open: only then does the bot count the adviser as online.
  await page.locator('#connection-status', { hasText: 'Connected' }).waitFor();
}

/** A person on the chat page asks for a person and agrees to share the conversation. */
async function joinQueue(person: Page): Promise<ChatSession> {
  const session = await openChat(person, bot.url);
  await say(person, 'talk to a person', /Can I show them what we.ve talked about so far\?/);
  await person.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name: 'Yes, share it', exact: true }).click();
  await botMessage(person, /You.re number 1 in the queue/).waitFor();
  return session;
}

/**
 * What Web Chat sends while someone types, if it is set to send typing (the chat page does not set
 * sendTypingIndicator, so it never does): sent here over Direct Line with the page's own token.
 */
async function sendTyping(session: ChatSession): Promise<void> {
  const response = await fetch(`${session.domain}/conversations/${encodeURIComponent(session.conversationId)}/activities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'typing', from: { id: session.userId } }),
  });
  expect(response.ok).toBe(true);
}

function queueItems(page: Page) {
  return page.locator('#queue > li');
}

function chatPanel(page: Page) {
  return page.locator('#chat-list > section.chat').first();
}

/**
 * Breaks the console's event stream from the server's end, as a dropped network connection would.
 * The bot runs in this process, so its sockets are here; the one serving /api/adviser/events is cut.
 */
function dropEventStreams(): number {
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  let dropped = 0;
  for (const handle of handles) {
    const response = (handle as { _httpMessage?: { req?: { url?: string } } })._httpMessage;
    if (handle instanceof Socket && response?.req?.url?.startsWith('/api/adviser/events')) {
      handle.destroy();
      dropped += 1;
    }
  }
  return dropped;
}

async function statusOf(page: Page, path: string): Promise<number> {
  return page.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).status, path);
}

test('an adviser signs in, accepts a person from the queue, chats and ends with an outcome', async () => {
  const adviser = await newPage();
  await signInToConsole(adviser);
  await waitUntilLive(adviser);
  await expect(adviser.locator('#helpline-status').textContent()).resolves.toBe('Helpline open');
  await expect(adviser.getByLabel('Available for new chats').isChecked()).resolves.toBe(true);
  await expect(adviser.getByText('Nobody is waiting.').isVisible()).resolves.toBe(true);

  const person = await newPage({ width: 390, height: 844 });
  await joinQueue(person);

  // The new arrival appears without a reload, with what they agreed to share.
  const entry = queueItems(adviser).first();
  await entry.waitFor();
  await expect(queueItems(adviser).count()).resolves.toBe(1);
  await expect(entry.locator('time').textContent()).resolves.toBe('less than 1 min');
  await entry.getByText(/^Conversation with the bot \(\d+ messages\)$/).click();
  await entry.locator('.transcript__line--user', { hasText: 'talk to a person' }).waitFor();
  await expect(entry.locator('.transcript__line--user', { hasText: 'talk to a person' }).isVisible()).resolves.toBe(true);
  await expect(adviser.locator('#announcer').textContent()).resolves.toMatch(/New person waiting to chat/);
  await expect(adviser.title()).resolves.toBe('(1 waiting) Adviser console');
  await expect(seriousAccessibilityProblems(adviser)).resolves.toEqual([]);

  await entry.getByRole('button', { name: 'Accept' }).click();
  await botMessage(person, /Sam, an adviser, has joined the chat/).waitFor();
  const chat = chatPanel(adviser);
  await chat.waitFor();
  await expect(queueItems(adviser).count()).resolves.toBe(0);
  await expect(chat.getByLabel('Your message').evaluate((box) => box === document.activeElement)).resolves.toBe(true);

  // Whatever the person types is shown as text, never run as HTML.
  await sendBox(person).fill(XSS);
  await sendBox(person).press('Enter');
  const fromPerson = chat.locator('.message--user .message__text').filter({ hasText: 'hello' });
  await fromPerson.waitFor();
  await expect(fromPerson.textContent()).resolves.toBe(XSS);
  await expect(chat.locator('.message--user .message__from').first().textContent()).resolves.toMatch(/^The person /);
  await expect(adviser.locator('#chat-list img').count()).resolves.toBe(0);
  await expect(adviser.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).resolves.toBeUndefined();

  // A ready-made reply fills the box and sends nothing.
  const box = chat.getByLabel('Your message');
  await chat.getByRole('button', { name: 'Take your time' }).click();
  await expect(box.inputValue()).resolves.toBe("Take your time. I'm here, and I'll wait while you type.");
  await expect(chat.locator('.message--adviser').count()).resolves.toBe(0);

  // Shift+Enter is a new line; Enter sends.
  await box.fill('Hello from');
  await box.press('Shift+Enter');
  await expect(box.inputValue()).resolves.toBe('Hello from\n');
  await box.fill('Hello from the adviser');
  await box.press('Enter');
  await botMessage(person, 'Hello from the adviser').waitFor();
  await chat.locator('.message--adviser .message__text', { hasText: 'Hello from the adviser' }).waitFor();
  await expect(box.inputValue()).resolves.toBe('');
  // The message came back both as the send's answer and on the event stream: it shows once.
  await expect(chat.locator('.message--adviser').count()).resolves.toBe(1);

  await expect(seriousAccessibilityProblems(adviser)).resolves.toEqual([]);
  await adviser.setViewportSize({ width: 375, height: 800 });
  await expect(adviser.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
  await expect(seriousAccessibilityProblems(adviser)).resolves.toEqual([]);
  await adviser.setViewportSize({ width: 1280, height: 900 });

  // An outcome is required.
  await chat.getByRole('button', { name: 'End chat' }).click();
  await chat.getByText('Error: Choose an outcome before you end the chat.').waitFor();
  await chat.getByLabel('Outcome of the chat').selectOption('Advice given');
  await chat.getByRole('button', { name: 'End chat' }).click();

  await botMessage(person, 'Was talking to an adviser helpful?').waitFor();
  await adviser.locator('#notice', { hasText: 'Chat ended. Outcome recorded: Advice given.' }).waitFor();
  await expect(adviser.locator('#chat-list > section').count()).resolves.toBe(0);
});

test('a chat another adviser took first is explained, and a person who leaves can still be given an outcome', async () => {
  const adviser = await newPage();
  await signInToConsole(adviser);
  await waitUntilLive(adviser);
  const priya = await signInOverApi(bot.url, 'priya');

  const first = await newPage({ width: 390, height: 844 });
  await joinQueue(first);
  await queueItems(adviser).first().waitFor();
  // Priya accepts in the moment between Sam's click and Sam's request reaching the server.
  await adviser.route('**/api/adviser/handoffs/*/accept', async (route) => {
    const id = decodeURIComponent(new URL(route.request().url()).pathname.split('/')[4]);
    expect((await priya.api('POST', `/handoffs/${encodeURIComponent(id)}/accept`)).status).toBe(200);
    await route.continue();
  });
  await queueItems(adviser).first().getByRole('button', { name: 'Accept' }).click();
  await adviser.locator('#notice', { hasText: 'Another adviser has already taken this conversation.' }).waitFor();
  await expect(adviser.locator('#notice').getAttribute('aria-live')).resolves.toBe('polite');
  await expect(queueItems(adviser).count()).resolves.toBe(0);
  await expect(adviser.locator('#chat-list > section').count()).resolves.toBe(0);
  await botMessage(first, /Priya, an adviser, has joined the chat/).waitFor();
  await adviser.unroute('**/api/adviser/handoffs/*/accept');

  const second = await newPage({ width: 390, height: 844 });
  const secondSession = await joinQueue(second);
  await queueItems(adviser).first().getByRole('button', { name: 'Accept' }).click();
  await botMessage(second, /Sam, an adviser, has joined the chat/).waitFor();
  const chat = chatPanel(adviser);
  await chat.waitFor();

  // The person typing shows for a few seconds.
  await sendTyping(secondSession);
  await chat.getByText('The person is typing…').waitFor();
  await chat.getByText('The person is typing…').waitFor({ state: 'detached', timeout: 6000 });
  await sendBox(second).fill('end chat');
  await sendBox(second).press('Enter');

  await chat.getByText('The person has left the chat.').waitFor();
  await expect(chat.getByLabel('Your message').isVisible()).resolves.toBe(false);
  await chat.getByLabel('Outcome of the chat').selectOption('Person left');
  await chat.getByRole('button', { name: 'Record outcome' }).click();
  await adviser.locator('#notice', { hasText: 'Outcome recorded: Person left.' }).waitFor();
  await expect(adviser.locator('#chat-list > section').count()).resolves.toBe(0);

  const handoffs = (await priya.api('GET', '/state')).body.chats as { id: string }[];
  for (const { id } of handoffs) await priya.api('POST', `/handoffs/${encodeURIComponent(id)}/end`, { outcome: 'Other' });
});

test('after the event stream drops, the console catches up: nothing missed, nothing twice', async () => {
  const adviser = await newPage();
  await signInToConsole(adviser);
  await waitUntilLive(adviser);
  const person = await newPage({ width: 390, height: 844 });
  await joinQueue(person);
  await queueItems(adviser).first().getByRole('button', { name: 'Accept' }).click();
  await botMessage(person, /Sam, an adviser, has joined the chat/).waitFor();
  const chat = chatPanel(adviser);
  await sendBox(person).fill('before the drop');
  await sendBox(person).press('Enter');
  await chat.locator('.message--user', { hasText: 'before the drop' }).waitFor();

  // The connection breaks, and the server stays unreachable until the test lets it back.
  await adviser.route('**/api/adviser/events', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{}' }));
  expect(dropEventStreams()).toBeGreaterThan(0);
  await adviser.locator('#connection-status', { hasText: 'Reconnecting…' }).waitFor();
  await sendBox(person).fill('while the console was away');
  await sendBox(person).press('Enter');
  await person.locator('#webchat .webchat__bubble--from-user', { hasText: 'while the console was away' }).waitFor();
  await new Promise((done) => setTimeout(done, 500));
  expect(await chat.locator('.message--user', { hasText: 'while the console was away' }).count()).toBe(0);

  await adviser.unroute('**/api/adviser/events');
  await adviser.locator('#connection-status', { hasText: 'Connected' }).waitFor();
  await chat.locator('.message--user', { hasText: 'while the console was away' }).waitFor();
  await sendBox(person).fill('after the return');
  await sendBox(person).press('Enter');
  await chat.locator('.message--user', { hasText: 'after the return' }).waitFor();
  await expect(chat.locator('.message--user .message__text').allTextContents()).resolves.toEqual([
    'before the drop',
    'while the console was away',
    'after the return',
  ]);

  await chat.getByLabel('Outcome of the chat').selectOption('Other');
  await chat.getByRole('button', { name: 'End chat' }).click();
  await botMessage(person, 'Was talking to an adviser helpful?').waitFor();
});

test('callback requests: shown as text, status changed with who and when, filtered by status', async () => {
  const adviser = await newPage({ width: 375, height: 800 });
  await signInToConsole(adviser);
  await waitUntilLive(adviser);

  await adviser.getByRole('link', { name: 'Callback requests' }).click();
  await adviser.waitForURL(/#callback-requests$/);
  const row = adviser.locator('#callbacks-body tr').filter({ hasText: '07700 900123' });
  await row.waitFor();
  await expect(row.getByText(CALLBACK_MESSAGE, { exact: true }).count()).resolves.toBe(1);
  await expect(row.locator('b').count()).resolves.toBe(0);
  await expect(row.locator('td').nth(3).textContent()).resolves.toBe('No');
  await expect(row.locator('td').nth(4).textContent()).resolves.toBe('Yes');
  await expect(row.locator('td').nth(5).textContent()).resolves.toBe('not after 2pm');
  await expect(row.locator('td').last().textContent()).resolves.toBe('Not changed yet');
  await expect(seriousAccessibilityProblems(adviser)).resolves.toEqual([]);
  // The wide table scrolls inside its own box; the page itself does not scroll sideways.
  await expect(adviser.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);

  await row.getByRole('combobox').selectOption('contacted');
  await row.locator('td').last().filter({ hasText: /^Sam, / }).waitFor();

  await adviser.getByLabel('Show').selectOption('new');
  await adviser.getByText('There are no callback requests to show.').waitFor();
  await adviser.getByLabel('Show').selectOption('contacted');
  await row.waitFor();
  await expect(row.getByRole('combobox').inputValue()).resolves.toBe('contacted');

  await adviser.getByRole('link', { name: /Live chat/ }).click();
  await adviser.getByRole('heading', { name: /Waiting to chat/ }).waitFor();
});

test('works under a Content-Security-Policy with no inline scripts or styles', async () => {
  const adviser = await newPage();
  const policy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
  await adviser.route(`${bot.url}/console/**`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
  await adviser.context().grantPermissions(['local-network-access'], { origin: bot.url });
  const violations: string[] = [];
  adviser.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });

  await signInToConsole(adviser);
  await waitUntilLive(adviser);
  await adviser.getByRole('link', { name: 'Callback requests' }).click();
  await adviser.locator('#callbacks-updated', { hasText: 'Updated at' }).waitFor();

  expect(violations).toEqual([]);
});

test('signing out returns to the sign-in page and ends the session', async () => {
  const adviser = await newPage();
  await signInToConsole(adviser);
  await waitUntilLive(adviser);

  await adviser.getByRole('button', { name: 'Sign out' }).click();
  await adviser.waitForURL(`${bot.url}/console/login`);
  await adviser.getByRole('heading', { name: 'Sign in to the staff console' }).waitFor();
  await expect(statusOf(adviser, '/api/adviser/state')).resolves.toBe(401);

  await adviser.goto(`${bot.url}${CONSOLE}`);
  await adviser.waitForURL(`${bot.url}${LOGIN_FROM_CONSOLE}`);
});

test('an account that is not an adviser is told so plainly', async () => {
  const staff = await newPage();
  await signInToConsole(staff, 'stella');

  await staff.getByRole('heading', { name: 'You cannot use the adviser console' }).waitFor();
  await expect(staff.locator('#problem-message').textContent()).resolves.toMatch(/cannot use this part of the console/);
  await expect(staff.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);
  await expect(staff.locator('#live-chat').isVisible()).resolves.toBe(false);
  await expect(seriousAccessibilityProblems(staff)).resolves.toEqual([]);
});
