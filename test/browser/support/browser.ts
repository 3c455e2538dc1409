import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's Chromium; `.ci/run` installs it. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The config default for QUICK_EXIT_URL. Tests never reach the real site: it is stubbed below. */
export const NEUTRAL_URL = 'https://www.bbc.co.uk/weather';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface StubPage {
  readonly url: string;
  readonly html: string;
}

export interface GuardedNetwork {
  /** Every request (HTTP or WebSocket) the page tried to make anywhere but the bot and the stubs. */
  readonly foreign: string[];
  /** Every request to a stubbed page, in order. */
  readonly stubbed: string[];
}

/**
 * Only the bot's own origin goes through. The stub pages (the Quick Exit destination, a host page
 * for the embed script) are answered locally; everything else is refused and recorded.
 */
export async function guardNetwork(context: BrowserContext, botUrl: string, extraStubs: StubPage[] = []): Promise<GuardedNetwork> {
  const botOrigin = new URL(botUrl).origin;
  const botHost = new URL(botUrl).host;
  const stubs: StubPage[] = [
    { url: NEUTRAL_URL, html: '<!DOCTYPE html><html lang="en-GB"><title>Weather</title><h1>Weather</h1></html>' },
    ...extraStubs,
  ];
  const network: GuardedNetwork = { foreign: [], stubbed: [] };

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const stub = stubs.find((candidate) => url === candidate.url || url === `${candidate.url}/`);
    if (stub) {
      network.stubbed.push(url);
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: stub.html });
    } else if (new URL(url).origin === botOrigin) {
      await route.continue();
    } else {
      network.foreign.push(url);
      await route.abort('blockedbyclient');
    }
  });
  context.on('page', (page) => watchWebSockets(page, botHost, network));
  return network;
}

function watchWebSockets(page: Page, botHost: string, network: GuardedNetwork): void {
  page.on('websocket', (socket) => {
    if (new URL(socket.url()).host !== botHost) network.foreign.push(socket.url());
  });
}
