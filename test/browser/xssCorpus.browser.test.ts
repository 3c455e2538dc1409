/**
 * Issue 8: a corpus of XSS payloads (test/fixtures/security/xssPayloads.json) sent as messages
 * stays inert on every page that shows them: the chat page (the person's own messages, and an
 * adviser's), the adviser console (the queue's shared transcript, the live chat, callback requests)
 * and the staff dashboard (unanswered questions, accepted phrasings). Each payload, if it ever ran,
 * would report its id to a sink that support/xssProbe.ts watches. The pages keep their real
 * Content-Security-Policy; any violation counts, and the DOM is searched for markup a payload made
 * live, so an injection is caught even where the policy stops it from running.
 *
 * The tests run in order and build on each other: the corpus goes to the bot (and so into
 * analytics), then through a live chat both ways, then onto the dashboard.
 */
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { SqliteCallbackRequests } from '../../src/handoff/sqliteCallbackRequests';
import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';
import { addAccount, signIn as signInOverApi, TEST_PASSWORD } from '../support/adviserClient';
import { startTestBot, TestBot } from '../support/startTestBot';
import { guardNetwork, GuardedNetwork, launchChromium } from './support/browser';
import { botMessage, ChatSession, openChat, sendBox, transcript } from './support/chatPage';
import { added, evidenceOf, installXssProbe, liveMarkup, loadXssPayloads, NO_EVIDENCE, normaliseSpace, XssEvidence, XssPayload } from './support/xssProbe';

const PAYLOADS = loadXssPayloads();
/** Typed into the chat page's real text box (one line each, spread over the kinds); the rest go over Direct Line. */
const TYPED_IDS = new Set([1, 2, 15, 23, 30, 36, 48, 56, 60, 65, 73, 79]);
/** Typed into the adviser console's real message box; the rest go through the console's API. */
const ADVISER_TYPED_IDS = new Set([2, 16, 24, 36, 49, 77]);
const END_OF_CORPUS = 'That was the last test message.';
/** Each test sends the whole corpus through a real page; on a busy machine that takes a while. */
const CORPUS_TIMEOUT_MS = 150_000;

/** The text of each chat message (cards and buttons the bot sends are drawn beside it, not in it). */
const CHAT_MESSAGES = '#webchat .webchat__text-content';
/**
 * What Web Chat itself draws inside a message: Markdown formatting, links, the "opens in a new
 * window" icon after a link, the inert button it makes of a link it will not follow, and its list
 * of a message's link references (whose links the page-wide check still looks at).
 */
const CHAT_FORMATTING = [
  'p', 'div', 'span', 'em', 'strong', 'b', 'i', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'br', 'del', 's',
  'table', 'thead', 'tbody', 'tr', 'th', 'td',
  'a[href^="http:"]', 'a[href^="https:"]', 'a[href^="mailto:"]', 'a[href^="tel:"]',
  'img.webchat__render-markdown__external-link-icon',
  'button.webchat__render-markdown__citation',
  '.webchat__link-definitions', '.webchat__link-definitions *',
];
/** Where the console and the dashboard put text people typed: text only, so no element may appear inside. */
const CONSOLE_TEXT = '.message__text, .transcript__text, .summary-list__value, #callbacks-body td .table__line';
const DASHBOARD_TEXT = '.unanswered__label q, .unanswered__example, #accepted-table tbody th, .phrasing__status';

let bot: TestBot;
let browser: Browser;
let sqlitePath: string;

interface Probed {
  readonly name: string;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly network: GuardedNetwork;
  readonly evidence: XssEvidence;
}
const opened: Probed[] = [];
/** What each step saw, printed when the file ends. */
const report: string[] = [];

beforeAll(async () => {
  // The helpline is open whatever the day and hour, so a live chat can always happen.
  bot = await startTestBot({}, undefined, {}, { isHelplineOpen: () => true });
  sqlitePath = join(bot.dataDir, 'bot.sqlite');
  await addAccount(sqlitePath, 'sam', 'Sam');
  await addAccount(sqlitePath, 'stella', 'Stella', 'staff');
  browser = await launchChromium();
});

afterAll(async () => {
  for (const { context } of opened) await context.close().catch(() => undefined);
  await browser?.close();
  await bot?.stop();
  console.log(`XSS corpus: ${PAYLOADS.length} payloads\n${report.join('\n')}`);
});

async function probedPage(name: string, viewport = { width: 1280, height: 900 }): Promise<Probed> {
  const context = await browser.newContext({ viewport });
  const network = await guardNetwork(context, bot.url);
  const probe = await installXssProbe(context);
  await context.grantPermissions(['local-network-access'], { origin: bot.url });
  const page = await context.newPage();
  probe.watchPage(page, name);
  const probed = { name, context, page, network, evidence: probe };
  opened.push(probed);
  return probed;
}

/** Nothing ran, nothing was fetched, no CSP refusal, no new live markup: all shown in one assertion. */
function expectInert(probed: Probed, markup: readonly string[]): void {
  const found = evidenceOf(probed.evidence, probed.network.foreign, markup);
  const counts = Object.entries(found).map(([kind, items]) => `${items.length} ${kind}`).join(', ');
  report.push(`${probed.name}: ${counts}`);
  for (const [kind, items] of Object.entries(found)) for (const item of items) report.push(`  ${kind}: ${item}`);
  expect(found).toEqual(NO_EVIDENCE);
}

async function waitForCount(read: () => Promise<number>, atLeast: number, what: string, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let count = await read();
  while (count < atLeast && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 100));
    count = await read();
  }
  if (count < atLeast) throw new Error(`only ${count} of ${atLeast} ${what} within ${timeoutMs} ms`);
}

// ---- The chat page -------------------------------------------------------------------------

/** Posts a message exactly as Web Chat does (plain text), with the page's own token. */
async function postAsPerson(session: ChatSession, text: string): Promise<void> {
  const response = await fetch(`${session.domain}/conversations/${encodeURIComponent(session.conversationId)}/activities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', from: { id: session.userId }, text, textFormat: 'plain', locale: 'en-GB' }),
  });
  expect(response.status).toBe(200);
}

/**
 * Sends one payload as the person: typed into the box, or over Direct Line. Returns once the
 * gateway has answered the post, which is after the bot's turn, so payloads arrive in corpus order.
 */
async function sendAsPerson(page: Page, session: ChatSession, payload: XssPayload): Promise<void> {
  if (!TYPED_IDS.has(payload.id)) return postAsPerson(session, payload.payload);
  const posted = page.waitForResponse(
    (r) => r.request().method() === 'POST' && /\/activities$/.test(new URL(r.url()).pathname) && r.request().postDataJSON()?.type === 'message',
  );
  await sendBox(page).fill(payload.payload);
  await sendBox(page).press('Enter');
  expect((await posted).status()).toBe(200);
}

function userBubbles(page: Page) {
  return transcript(page).locator('.webchat__bubble--from-user .webchat__bubble__content');
}

function otherBubbles(page: Page) {
  return transcript(page).locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');
}

/** Each bubble's text as drawn (innerText: a line break drawn as <br> still separates words). */
async function bubbleTexts(page: Page, which: 'user' | 'other'): Promise<string[]> {
  const bubbles = which === 'user' ? userBubbles(page) : otherBubbles(page);
  return (await bubbles.evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).innerText))).map(normaliseSpace);
}

let person: Probed;
let session: ChatSession;
let chatBaseline: string[];

test('chat page: each payload is shown back to the person as text, the bot never quotes it, nothing runs', async () => {
  person = await probedPage('chat page', { width: 390, height: 844 });
  session = await openChat(person.page, bot.url);
  chatBaseline = await liveMarkup(person.page, CHAT_MESSAGES, CHAT_FORMATTING);

  const started = Date.now();
  for (const payload of PAYLOADS) await sendAsPerson(person.page, session, payload);
  await waitForCount(() => userBubbles(person.page).count(), PAYLOADS.length, 'payloads shown');
  report.push(`chat page: ${PAYLOADS.length} payloads sent to the bot (${TYPED_IDS.size} typed in the text box) in ${Date.now() - started} ms`);

  // Each payload shows exactly as typed, in its own bubble, in order.
  await expect(bubbleTexts(person.page, 'user')).resolves.toEqual(PAYLOADS.map((p) => normaliseSpace(p.payload)));

  // The bot never quotes what the person typed ("did you mean" offers entry titles, not their words).
  const quoting = (await bubbleTexts(person.page, 'other')).filter((text) => /__xss|xss-sentinel|XSS-\d/.test(text));
  report.push(`chat page: ${quoting.length} bot replies quote a payload`);
  expect(quoting).toEqual([]);

  expectInert(person, added(chatBaseline, await liveMarkup(person.page, CHAT_MESSAGES, CHAT_FORMATTING)));
}, CORPUS_TIMEOUT_MS);

// ---- The adviser console -------------------------------------------------------------------

let adviser: Probed;
let consoleBaseline: string[];
let handoffId: string;

async function signInToConsole(page: Page): Promise<void> {
  await page.goto(`${bot.url}/console/adviser`);
  await page.waitForURL(/\/console\/login/);
  await page.getByLabel('Username').fill('sam');
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${bot.url}/console/adviser`);
  await page.getByText('Signed in as Sam').waitFor();
  // Only with the event stream open does the bot count the adviser as available.
  await page.locator('#connection-status', { hasText: 'Connected' }).waitFor();
}

/** Callback requests whose message and "times to avoid" are payloads, as the callback dialog would store them. */
async function seedCallbacks(): Promise<void> {
  const db = openSqliteDatabase(sqlitePath);
  try {
    const requests = new SqliteCallbackRequests(db);
    for (const payload of PAYLOADS) {
      await requests.add(
        { phone: '07700 900123', email: null, bestTime: 'Any time', message: payload.payload, voicemailOk: null, sayOrganisationOk: null, avoidTimes: payload.payload, topic: null },
        new Date(),
      );
    }
  } finally {
    db.close();
  }
}

function liveChat(page: Page) {
  return page.locator('#chat-list > section.chat').first();
}

test('adviser console: the shared transcript, the live chat and callback requests show payloads as text, nothing runs', async () => {
  expect(session).toBeDefined();
  await seedCallbacks();
  adviser = await probedPage('adviser console');
  await signInToConsole(adviser.page);
  consoleBaseline = await liveMarkup(adviser.page, CONSOLE_TEXT, []);
  const chatPage = person.page;

  // The person asks for an adviser and shares the conversation: its last lines are payloads.
  await sendBox(chatPage).fill('talk to a person');
  await sendBox(chatPage).press('Enter');
  await botMessage(chatPage, /Can I show them what we.ve talked about so far\?/).waitFor();
  await chatPage.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name: 'Yes, share it', exact: true }).click();
  await botMessage(chatPage, /You.re number 1 in the queue/).waitFor();

  const entry = adviser.page.locator('#queue > li').first();
  await entry.waitFor();
  await entry.getByText(/^Conversation with the bot \(\d+ messages\)$/).click();
  const fromPersonInTranscript = (await entry.locator('.transcript__line--user .transcript__text').allTextContents())
    .map(normaliseSpace)
    .filter((line) => line !== 'talk to a person' && line !== 'Yes, share it');
  // The transcript keeps the last 40 lines, the bot's included.
  const inTranscript = PAYLOADS.slice(-fromPersonInTranscript.length).map((p) => normaliseSpace(p.payload));
  expect(fromPersonInTranscript).toEqual(inTranscript);
  expect(inTranscript.length).toBeGreaterThanOrEqual(5);
  report.push(`adviser console: ${inTranscript.length} payloads in the queue entry's shared transcript`);

  await entry.getByRole('button', { name: 'Accept' }).click();
  await botMessage(chatPage, /Sam, an adviser, has joined the chat/).waitFor();
  const chat = liveChat(adviser.page);
  await chat.waitFor();

  // The person sends the whole corpus again, now to the adviser.
  const shownBefore = await userBubbles(chatPage).count();
  for (const payload of PAYLOADS) await sendAsPerson(chatPage, session, payload);
  await waitForCount(() => userBubbles(chatPage).count(), shownBefore + PAYLOADS.length, 'live-chat messages on the chat page');
  const fromPerson = chat.locator('.message--user .message__text');
  await waitForCount(() => fromPerson.count(), PAYLOADS.length, 'messages in the console');
  await expect(fromPerson.allTextContents()).resolves.toEqual(PAYLOADS.map((p) => p.payload));
  report.push(`adviser console: ${PAYLOADS.length} payloads in the live chat, each shown exactly as sent`);

  // Callback requests: every message and "times to avoid" shown as text.
  await adviser.page.getByRole('link', { name: 'Callback requests' }).click();
  await adviser.page.locator('#callbacks-body tr').nth(PAYLOADS.length - 1).waitFor();
  const lines = new Set((await adviser.page.locator('#callbacks-body td .table__line, #callbacks-body td').allTextContents()));
  const inCallbacks = PAYLOADS.filter((p) => lines.has(p.payload));
  expect(inCallbacks.length).toBe(PAYLOADS.length);
  report.push(`adviser console: ${inCallbacks.length} payloads in callback requests (message and times to avoid)`);
  await adviser.page.getByRole('link', { name: /Live chat/ }).click();

  const state = await adviser.page.evaluate(async () => (await fetch('/api/adviser/state', { credentials: 'same-origin' })).json());
  handoffId = (state as { chats: { id: string }[] }).chats[0].id;
  expectInert(adviser, added(consoleBaseline, await liveMarkup(adviser.page, CONSOLE_TEXT, [])));
  expectInert(person, added(chatBaseline, await liveMarkup(chatPage, CHAT_MESSAGES, CHAT_FORMATTING)));
}, CORPUS_TIMEOUT_MS);

/**
 * Web Chat draws the bot's messages, an adviser's included, as Markdown, and by default lets HTML
 * inside it through its sanitiser: this is where an adviser's payload could become live markup.
 */
test("chat page: an adviser's payloads reach the person as inert text", async () => {
  expect(handoffId).toBeDefined();
  const chatPage = person.page;
  const chat = liveChat(adviser.page);
  const box = chat.getByLabel('Your message');
  const api = await signInOverApi(bot.url, 'sam');
  const repliesBefore = await otherBubbles(chatPage).count();
  try {
    for (const payload of PAYLOADS) {
      if (ADVISER_TYPED_IDS.has(payload.id)) {
        const sent = await chat.locator('.message--adviser').count();
        await box.fill(payload.payload);
        await box.press('Enter');
        await waitForCount(() => chat.locator('.message--adviser').count(), sent + 1, 'adviser messages');
      } else {
        expect((await api.api('POST', `/handoffs/${encodeURIComponent(handoffId)}/messages`, { text: payload.payload })).status).toBe(201);
      }
    }
    // Messages reach the person in the order sent, so once this shows, all of them have.
    expect((await api.api('POST', `/handoffs/${encodeURIComponent(handoffId)}/messages`, { text: END_OF_CORPUS })).status).toBe(201);
  } finally {
    api.close();
  }
  await botMessage(chatPage, END_OF_CORPUS).waitFor({ timeout: 30000 });
  await expect(chat.locator('.message--adviser .message__text').allTextContents()).resolves.toEqual([...PAYLOADS.map((p) => p.payload), END_OF_CORPUS]);

  // One bubble each. Web Chat draws an adviser's message as Markdown, so only some read exactly as typed.
  const fromAdviser = (await bubbleTexts(chatPage, 'other')).slice(repliesBefore);
  expect(fromAdviser.length).toBe(PAYLOADS.length + 1);
  const verbatim = PAYLOADS.filter((p, index) => fromAdviser[index] === normaliseSpace(p.payload));
  const blank = PAYLOADS.filter((_, index) => fromAdviser[index] === '');
  report.push(
    `chat page: ${PAYLOADS.length} adviser payloads shown, ${verbatim.length} exactly as typed, ` +
      `${blank.length} as an empty bubble (ids ${blank.map((p) => p.id).join(', ')})`,
  );
  expect(verbatim.length).toBeGreaterThanOrEqual(10);

  // Click every link and button drawn inside an adviser's message that is not an ordinary web link.
  let clicked = 0;
  for (let index = repliesBefore; index < repliesBefore + PAYLOADS.length; index += 1) {
    const clickable = otherBubbles(chatPage).nth(index).locator('a:not([href^="http:"]):not([href^="https:"]), button');
    for (let n = 0; n < (await clickable.count()); n += 1) {
      await clickable.nth(n).click({ timeout: 2000 }).catch(() => undefined);
      clicked += 1;
    }
  }
  await chatPage.waitForTimeout(500);
  report.push(`chat page: clicked ${clicked} links and buttons drawn inside adviser messages`);

  expectInert(adviser, added(consoleBaseline, await liveMarkup(adviser.page, CONSOLE_TEXT, [])));
  expectInert(person, added(chatBaseline, await liveMarkup(chatPage, CHAT_MESSAGES, CHAT_FORMATTING)));
}, CORPUS_TIMEOUT_MS);

// ---- The staff dashboard -------------------------------------------------------------------

interface UnansweredGroup {
  readonly label: string;
  readonly examples: string[];
}

test('staff dashboard: unanswered questions and accepted phrasings show payloads as text, nothing runs', async () => {
  const staff = await probedPage('staff dashboard');
  const page = staff.page;
  await page.goto(`${bot.url}/console/staff`);
  await page.waitForURL(/\/console\/login/);
  await page.getByLabel('Username').fill('stella');
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${bot.url}/console/staff`);
  await page.locator('#unanswered > li').first().waitFor();
  const baseline = await liveMarkup(page, DASHBOARD_TEXT, []);

  // The unanswered questions as the server sent them (redacted), shown word for word as text.
  const groups = await page.evaluate(async () => {
    const response = await fetch('/api/staff/unanswered', { credentials: 'same-origin' });
    return ((await response.json()) as { groups: UnansweredGroup[] }).groups;
  });
  await expect(page.locator('#unanswered .unanswered__label').allTextContents()).resolves.toEqual(groups.map((g) => g.label));
  await expect(page.locator('#unanswered .unanswered__example').allTextContents()).resolves.toEqual(groups.flatMap((g) => g.examples));
  const shown = new Set(groups.flatMap((g) => [g.label, ...g.examples]));
  const unchanged = PAYLOADS.filter((p) => shown.has(p.payload));
  report.push(`staff dashboard: ${groups.length} unanswered-question groups show ${shown.size} texts; ${unchanged.length} are payloads untouched by redaction`);
  expect(unchanged.length).toBeGreaterThanOrEqual(20);

  // Staff accept payloads as phrasings: a few through the form, the rest through the same API.
  const typed = PAYLOADS.slice(0, 3);
  const form = page.locator('#unanswered > li').first();
  for (const payload of typed) {
    await form.getByLabel('Entry', { exact: true }).selectOption({ index: 1 });
    await form.getByLabel('Phrasing', { exact: true }).fill(payload.payload);
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await form.locator('.phrasing__status', { hasText: normaliseSpace(payload.payload) }).waitFor();
  }
  const refused = await page.evaluate(async (phrasings) => {
    const entries = ((await (await fetch('/api/staff/entries', { credentials: 'same-origin' })).json()) as { entries: { id: string }[] }).entries;
    const notAdded: string[] = [];
    for (const phrasing of phrasings) {
      const response = await fetch('/api/staff/suggestions', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-console-request': '1' },
        body: JSON.stringify({ entryId: entries[0].id, phrasing }),
      });
      if (response.status !== 201) notAdded.push(phrasing);
    }
    return notAdded;
  }, PAYLOADS.slice(typed.length).map((p) => p.payload));
  expect(refused).toEqual([]);
  await page.reload();
  await page.locator('#unanswered > li').first().waitFor();
  await waitForCount(() => page.locator('#accepted-table tbody tr').count(), PAYLOADS.length, 'accepted phrasings');
  const accepted = await page.locator('#accepted-table tbody th').allTextContents();
  expect([...accepted].sort()).toEqual(PAYLOADS.map((p) => normaliseSpace(p.payload)).sort());
  report.push(`staff dashboard: ${accepted.length} payloads in accepted phrasings (${typed.length} typed into the form)`);

  expectInert(staff, added(baseline, await liveMarkup(page, DASHBOARD_TEXT, [])));
}, CORPUS_TIMEOUT_MS);
