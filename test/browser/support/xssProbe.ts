/**
 * Watches a browser context for any sign that an XSS payload ran or became live markup: calls to
 * window.__xss(id), alert/confirm/prompt dialogs, requests to the same-origin sentinel path,
 * navigations to javascript: or data: URLs, a document title set by a payload, and
 * Content-Security-Policy violations. Requests to the other-origin sentinel
 * (https://xss-sentinel.invalid/<id>) are the network guard's to record.
 *
 * A CSP violation means payload markup was at least parsed in the page: Chromium also reports
 * handlers and <base> found while a script parses HTML into an inert DOMParser document (as Web
 * Chat does with its Markdown output before sanitising it). liveMarkup tells whether any of it
 * reached the live page.
 * Used by xssCorpus.browser.test.ts; the payloads are in test/fixtures/security/xssPayloads.json.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';

export interface XssPayload {
  readonly id: number;
  readonly kind: string;
  readonly sink: string;
  readonly payload: string;
}

export function loadXssPayloads(): XssPayload[] {
  const file = resolve(__dirname, '..', '..', 'fixtures', 'security', 'xssPayloads.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { payloads: XssPayload[] }).payloads;
}

/** The same-origin path a payload asks for when it manages to make a request. */
export const SENTINEL_PATH = '/__xss/';

export interface CspViolation {
  readonly page: string;
  readonly directive: string;
  readonly blockedURI: string;
  readonly sample: string;
}

export interface XssEvidence {
  /** window.__xss(id) calls, with the page they came from. */
  readonly calls: string[];
  readonly dialogs: string[];
  /** Requests for /__xss/… on the bot's own site. */
  readonly sentinelRequests: string[];
  /** Frame navigations to anything but http(s) and about: pages. */
  readonly navigations: string[];
  /** Titles set to XSS-<id>. */
  readonly titles: string[];
  readonly cspViolations: CspViolation[];
  readonly pageErrors: string[];
}

/**
 * All the evidence as one object, so a failing assertion shows every kind at once. `foreign` is the
 * network guard's list; `markup` is what liveMarkup found that the baseline did not have.
 */
export function evidenceOf(evidence: XssEvidence, foreign: readonly string[], markup: readonly string[]): Record<string, string[]> {
  return {
    __xssCalls: evidence.calls,
    dialogs: evidence.dialogs,
    sentinelRequests: evidence.sentinelRequests,
    foreignRequests: [...foreign],
    navigations: evidence.navigations,
    titles: evidence.titles,
    cspViolations: evidence.cspViolations.map((v) => `${v.page}: ${v.directive} blocked ${v.blockedURI} ${v.sample}`.trim()),
    pageErrors: evidence.pageErrors,
    liveMarkup: [...markup],
  };
}

/** What evidenceOf gives when nothing happened. */
export const NO_EVIDENCE = Object.freeze({
  __xssCalls: [],
  dialogs: [],
  sentinelRequests: [],
  foreignRequests: [],
  navigations: [],
  titles: [],
  cspViolations: [],
  pageErrors: [],
  liveMarkup: [],
});

/**
 * Installs the probe on a context before any of its pages open; watchPage then names a page (for
 * the evidence) and listens to it.
 */
export async function installXssProbe(context: BrowserContext): Promise<XssEvidence & { watchPage(page: Page, name: string): void }> {
  const evidence: XssEvidence = { calls: [], dialogs: [], sentinelRequests: [], navigations: [], titles: [], cspViolations: [], pageErrors: [] };
  const names = new WeakMap<Page, string>();
  const nameOf = (page: Page | undefined) => (page && names.get(page)) || page?.url() || 'unknown page';

  await context.exposeBinding('__xss', ({ page, frame }, id: unknown) => {
    evidence.calls.push(`${nameOf(page)}: __xss(${JSON.stringify(id)}) in frame ${frame.url()}`);
  });
  await context.exposeBinding('__xssProbeReport', ({ page }, kind: unknown, detail: unknown) => {
    const where = nameOf(page);
    if (kind === 'csp') {
      const d = (detail ?? {}) as Record<string, unknown>;
      evidence.cspViolations.push({ page: where, directive: String(d.directive), blockedURI: String(d.blockedURI), sample: String(d.sample) });
    } else if (kind === 'title') {
      evidence.titles.push(`${where}: ${String(detail)}`);
    }
  });
  await context.addInitScript(() => {
    const report = (window as unknown as { __xssProbeReport: (kind: string, detail: unknown) => void }).__xssProbeReport;
    document.addEventListener(
      'securitypolicyviolation',
      (event) => void report('csp', { directive: event.effectiveDirective, blockedURI: event.blockedURI, sample: event.sample }),
      true,
    );
    const checkTitle = () => {
      if (/XSS-/.test(document.title)) void report('title', document.title);
    };
    new MutationObserver(checkTitle).observe(document, { subtree: true, childList: true, characterData: true });
  });
  // Registered after the network guard, so it is asked first.
  await context.route(`**${SENTINEL_PATH}**`, async (route) => {
    evidence.sentinelRequests.push(route.request().url());
    await route.fulfill({ status: 204, body: '' });
  });

  const watchPage = (page: Page, name: string) => {
    names.set(page, name);
    page.on('dialog', (dialog) => {
      evidence.dialogs.push(`${name}: ${dialog.type()}(${dialog.message()})`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on('framenavigated', (frame) => {
      const url = frame.url();
      if (!/^(https?:|about:)/.test(url)) evidence.navigations.push(`${name}: ${url}`);
    });
    page.on('popup', (popup) => evidence.navigations.push(`${name}: popup ${popup.url()}`));
    page.on('pageerror', (error) => evidence.pageErrors.push(`${name}: ${error.message}`));
  };
  return Object.assign(evidence, { watchPage });
}

/**
 * Markup in the page that could run script or fetch something, described one line each: script-like
 * elements, any on… attribute, javascript:/data:/vbscript: URLs, and, inside the given message
 * containers, any element that matches none of `allowedInMessages` (CSS selectors: the formatting a
 * page draws itself). Compare with a baseline taken before the payloads were sent: anything new
 * came from a payload.
 */
export function liveMarkup(page: Page, messageSelector: string, allowedInMessages: readonly string[]): Promise<string[]> {
  return page.evaluate(
    ({ messageSelector, allowedInMessages }) => {
      const found: string[] = [];
      const describe = (element: Element) => element.outerHTML.slice(0, 200);
      const dangerousTags = new Set(['SCRIPT', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'APPLET', 'BASE', 'PORTAL']);
      const urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc', 'background', 'poster', 'codebase'];
      // What a browser ignores when it reads a URL's scheme: controls, spaces and invisible characters.
      const scheme = (value: string) => value.replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060\ufeff]/g, '').toLowerCase();
      for (const element of Array.from(document.querySelectorAll('*'))) {
        const tag = element.tagName.toUpperCase();
        if (dangerousTags.has(tag)) found.push(`element: ${describe(element)}`);
        if (tag === 'META' && element.hasAttribute('http-equiv')) found.push(`meta http-equiv: ${describe(element)}`);
        for (const attribute of Array.from(element.attributes)) {
          const name = attribute.name.toLowerCase();
          if (name.startsWith('on')) found.push(`handler ${name}: ${describe(element)}`);
          // An image cannot run script whatever its URL; a link, frame or form with such a URL can.
          if (urlAttributes.includes(name) && /^(javascript|vbscript|data):/.test(scheme(attribute.value)) && !(tag === 'IMG' && /^data:image\//.test(scheme(attribute.value)))) {
            found.push(`${scheme(attribute.value).split(':')[0]}: URL in ${name}: ${describe(element)}`);
          }
        }
      }
      const allowed = allowedInMessages.join(', ');
      for (const container of Array.from(document.querySelectorAll(messageSelector))) {
        for (const element of Array.from(container.querySelectorAll('*'))) {
          if (!allowed || !element.matches(allowed)) found.push(`element in a message: ${describe(element)}`);
          else if (element.hasAttribute('style')) found.push(`styled element in a message: ${describe(element)}`);
        }
      }
      return found;
    },
    { messageSelector, allowedInMessages: [...allowedInMessages] },
  );
}

/** What is in `after` and not in `before`, counting repeats. */
export function added(before: readonly string[], after: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const line of before) left.set(line, (left.get(line) ?? 0) + 1);
  return after.filter((line) => {
    const count = left.get(line) ?? 0;
    if (count === 0) return true;
    left.set(line, count - 1);
    return false;
  });
}

/** Collapses white space, as text on a page is compared. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
