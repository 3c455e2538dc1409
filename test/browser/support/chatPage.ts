import { resolve } from 'node:path';
import { FrameLocator, Page } from 'playwright-core';

/** What POST /api/directline/token answered: what a person's browser holds about the conversation. */
export interface ChatSession {
  readonly token: string;
  readonly conversationId: string;
  readonly userId: string;
  readonly domain: string;
}

export const GREETING_TEXT = '0808 801 0366';

/** Opens the chat page and waits for the bot's greeting; returns the session the page was given. */
export async function openChat(page: Page, botUrl: string): Promise<ChatSession> {
  const tokenResponse = page.waitForResponse((response) => response.url().endsWith('/api/directline/token'));
  await page.goto(`${botUrl}/`);
  const session = (await (await tokenResponse).json()) as ChatSession;
  await waitForGreeting(page);
  return session;
}

export async function waitForGreeting(scope: Page | FrameLocator): Promise<void> {
  await botMessage(scope, GREETING_TEXT).waitFor();
  // The greeting ends with the topic buttons: once they show, the whole greeting has arrived.
  await scope.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name: 'Talk to a person' }).waitFor();
}

export function transcript(scope: Page | FrameLocator) {
  return scope.locator('#webchat .webchat__basic-transcript');
}

/** A message bubble as drawn on screen (Web Chat also keeps screen-reader copies of each message). */
export function botMessage(scope: Page | FrameLocator, text: string | RegExp) {
  return transcript(scope).locator('.webchat__bubble:not(.webchat__bubble--from-user)').filter({ hasText: text }).first();
}

export function userMessage(scope: Page | FrameLocator, text: string) {
  return transcript(scope).locator('.webchat__bubble--from-user').filter({ hasText: text }).first();
}

export async function say(page: Page, text: string, expectedReply: string | RegExp): Promise<void> {
  await sendBox(page).fill(text);
  await sendBox(page).press('Enter');
  await botMessage(page, expectedReply).waitFor();
}

export function sendBox(scope: Page | FrameLocator) {
  return scope.locator('#webchat [data-id="webchat-sendbox-input"]');
}

export function quickExitButton(page: Page) {
  return page.getByRole('button', { name: /Quick Exit/ });
}

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: { readonly target: unknown[] }[];
}

/**
 * Runs axe-core in the page; returns only the serious and critical problems, in a readable form.
 * axe is served as if from the page's own site: the pages' Content-Security-Policy refuses the
 * inline script that page.addScriptTag({ path }) would add.
 */
export async function seriousAccessibilityProblems(page: Page): Promise<string[]> {
  const axePath = resolve(__dirname, '..', '..', '..', 'node_modules', 'axe-core', 'axe.min.js');
  const axeUrl = `${new URL(page.url()).origin}/__test/axe.min.js`;
  await page.route(axeUrl, (route) => route.fulfill({ path: axePath, contentType: 'text/javascript' }));
  await page.addScriptTag({ url: axeUrl });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return (violations as AxeViolation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
}

/** Everything the page could have left on the device. */
export async function deviceStorage(page: Page) {
  return page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    cookie: document.cookie,
    indexedDB: (await indexedDB.databases()).map((db) => db.name),
  }));
}
