import { Activity, ActivityTypes } from 'botbuilder';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { MAIN_MENU } from '../../src/dialogs/messages';
import { createConversation, say } from '../support/conversationHarness';
import { NOW } from '../support/situationPaths';
import { startTestBot, TestBot } from '../support/startTestBot';
import { guardNetwork, GuardedNetwork, launchChromium } from './support/browser';

/**
 * Teams cannot run here, so this renders what the bot sends in a Teams personal chat with Bot
 * Framework's own renderer (Web Chat) fed by a stand-in connection: the cards and buttons the bot
 * chose for Teams must show, and tapping one must send its title back, as Teams does with imBack.
 */
/** A stand-in page on the bot's own address (answered by the test, not the bot). */
const PREVIEW_PATH = '/teams-preview';
const BOT_NAME = 'Family Rights Advice Bot';

async function teamsConversation(): Promise<Partial<Activity>[]> {
  const { adapter } = createConversation({ channelId: 'msteams', now: NOW });
  const install = await say(adapter, { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'bot', name: BOT_NAME }] });
  const question = await say(adapter, {
    type: ActivityTypes.Message,
    id: 'm1',
    text: `<at>${BOT_NAME}</at> what does section 20 mean`,
    entities: [{ type: 'mention', mentioned: { id: 'bot', name: BOT_NAME }, text: `<at>${BOT_NAME}</at>` }],
  });
  return [...install, ...question].map((activity, index) => ({
    ...activity,
    id: `bot-${index}`,
    from: { id: 'bot', name: BOT_NAME, role: 'bot' },
    timestamp: new Date(Date.UTC(2026, 10, 23, 12, 0, index)).toISOString() as never,
  }));
}

let bot: TestBot;
let browser: Browser;
let context: BrowserContext;
let network: GuardedNetwork;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  bot = await startTestBot();
  browser = await launchChromium();
  context = await browser.newContext();
  network = await guardNetwork(context, bot.url, [
    { url: `${bot.url}${PREVIEW_PATH}`, html: `<!DOCTYPE html><html lang="en-GB"><title>Teams preview</title><div id="chat" style="height:900px"></div><script src="/vendor/webchat.js"></script></html>` },
  ]);
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${bot.url}${PREVIEW_PATH}`);
  await page.waitForFunction(() => 'WebChat' in window);

  const activities = await teamsConversation();
  await page.evaluate((toShow: unknown[]) => {
    const posted: unknown[] = [];
    (window as unknown as { posted: unknown[] }).posted = posted;
    const observable = (emit: (next: (value: unknown) => void) => void) => ({
      subscribe(observer: { next?: (value: unknown) => void } | ((value: unknown) => void)) {
        const next = typeof observer === 'function' ? observer : (value: unknown) => observer.next?.(value);
        setTimeout(() => emit(next), 0);
        return { unsubscribe() {}, closed: false };
      },
    });
    const directLine = {
      connectionStatus$: observable((next) => [0, 1, 2].forEach((status) => next(status))),
      activity$: observable((next) => toShow.forEach((activity) => next(activity))),
      postActivity(activity: unknown) {
        posted.push(activity);
        return observable((next) => next(`posted-${posted.length}`));
      },
      end() {},
    };
    const webChat = (window as unknown as { WebChat: { renderWebChat: (props: object, element: Element | null) => void } }).WebChat;
    webChat.renderWebChat({ directLine, userID: 'teams-user', locale: 'en-GB' }, document.getElementById('chat'));
  }, activities as unknown[]);
});

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

describe('a Teams-shaped conversation, rendered', () => {
  it('shows the welcome without any Quick Exit wording, and with the Teams history caution', async () => {
    await page.getByText(/computer program, not a person or a lawyer/).first().waitFor();
    const text = (await page.locator('#chat').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('0808 801 0366');
    expect(text).toMatch(/stays in your Teams history/);
    expect(text).not.toMatch(/Quick Exit/i);
  });

  it('shows every menu topic as a card button, since Teams only shows three suggested actions', async () => {
    // Web Chat draws hero cards as Adaptive Cards; suggested actions would be outside them.
    const cards = page.locator('.ac-adaptiveCard');
    for (const choice of MAIN_MENU) {
      await cards.getByRole('button', { name: choice.title, exact: true }).first().waitFor({ timeout: 5000 });
    }
  });

  it('answers the question the person @mentioned the bot with', async () => {
    await page.getByText(/section 20/i).first().waitFor();
    expect(await page.locator('#chat').innerText()).not.toContain('<at>');
  });

  it('sends a tapped card button back as the message Teams would send', async () => {
    await page.locator('.ac-adaptiveCard').getByRole('button', { name: 'Making a complaint', exact: true }).first().click();
    await page.waitForFunction(() => ((window as unknown as { posted: unknown[] }).posted ?? []).length > 0);
    const posted = await page.evaluate(() => (window as unknown as { posted: Array<{ type: string; text?: string }> }).posted);
    expect(posted[0]).toEqual(expect.objectContaining({ type: 'message', text: 'Making a complaint' }));
  });

  it('renders without script errors or requests anywhere but the bot', () => {
    expect(pageErrors).toEqual([]);
    expect(network.foreign).toEqual([]);
  });
});
