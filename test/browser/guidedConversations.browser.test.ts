/**
 * Guided conversations and the safety check through the real chat page in Chromium: a person taps
 * and types their way to the tailored summary, as they would on a phone.
 */
import { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestBot, TestBot } from '../support/startTestBot';
import { guardNetwork, GuardedNetwork, launchChromium } from './support/browser';
import { botMessage, openChat, say, transcript } from './support/chatPage';

const SUMMARY = /Based on what you.ve told me, here is what I suggest/;

let bot: TestBot;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let network: GuardedNetwork;

beforeAll(async () => {
  bot = await startTestBot();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  network = await guardNetwork(context, bot.url, []);
  page = await context.newPage();
});

afterEach(async () => {
  await context.close();
  expect(network.foreign).toEqual([]);
});

/** Taps a quick-reply button under the last message, then waits for what should follow. */
async function tap(title: string, expectedReply: string | RegExp): Promise<void> {
  await page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name: title, exact: true }).click();
  await botMessage(page, expectedReply).waitFor();
}

test('a parent with a conference coming up taps and types their way to next steps', async () => {
  await openChat(page, bot.url);

  await tap('Child protection plan or conference', 'Is a child protection conference coming up, or is there already a plan?');
  await tap('A conference is coming up', 'When is the conference?');
  // Web Chat's Markdown turns straight apostrophes into curly ones, so texts with one are matched loosely.
  await say(page, '3/12', /Have you seen the social worker.s report for the conference\?/);
  await tap('No', /Do you agree with what children.s services are worried about\?/);
  await say(page, 'some of it', SUMMARY);

  await botMessage(page, /3 December/).waitFor();
  await botMessage(page, /Ask the social worker for their report now/).waitFor();
  await transcript(page).locator('.ac-pushButton', { hasText: 'What happens at a child protection conference, and can I bring someone?' }).waitFor();
  await page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name: 'Talk to a person' }).waitFor();
});

test('a parent who is not safe gets 999 at once, and the questions carry on to the summary', async () => {
  await openChat(page, bot.url);

  await tap('Domestic abuse and social workers', 'Are you safe right now?');
  await tap('No', /call 999/);
  await botMessage(page, /0808 2000 247/).waitFor();
  await botMessage(page, /press Quick Exit/).waitFor();
  await botMessage(page, 'Who is harming you?').waitFor();

  await tap('My partner', /children.s services involved/i);
  await tap('No', SUMMARY);
  await page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name: 'Urgent help numbers' }).waitFor();
});

test('danger typed part-way through a conversation is answered first, then the question is asked again', async () => {
  await openChat(page, bot.url);

  await tap('Section 20 (voluntary care)', /Is your child already in section 20 care/);
  await say(page, 'my partner is hitting me right now', /call 999/);
  await botMessage(page, /carry on where we left off/).waitFor();
  await tap('Urgent help numbers', /0808 2000 247/);
});
