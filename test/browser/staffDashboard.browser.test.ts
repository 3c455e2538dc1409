/**
 * The staff dashboard in Chromium against the real bot, with analytics written straight into the
 * bot's SQLite file: the figures, charts and their tables, CSV downloads, unanswered questions
 * (shown as text, never run), adding phrasings, erasing a conversation, and who may see it.
 * The page runs under a strict Content-Security-Policy throughout; nothing may leave for another host.
 */
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { AnalyticsEventData } from '../../src/analytics/analyticsEvent';
import { SqliteEventStore } from '../../src/analytics/sqliteEventStore';
import { SqliteHandoffStore } from '../../src/handoff/sqliteHandoffStore';
import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { addAccount, TEST_PASSWORD } from '../support/adviserClient';
import { startTestBot, TestBot } from '../support/startTestBot';
import { guardNetwork, GuardedNetwork, launchChromium } from './support/browser';
import { seriousAccessibilityProblems } from './support/chatPage';

const DASHBOARD = '/console/staff';
const LOGIN_FROM_DASHBOARD = '/console/login?next=/console/staff';
const UK = 'Europe/London';
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const SCRIPT_TEXT = '<script>window.__xss=1</script> can they take my kids away';
const IMG_TEXT = '<img src=x onerror="window.__xss=2"> my name is Jane Smith, please call me on 07700 900456 about contact with my son';
/** IMG_TEXT as the event store keeps it: the name and number redacted on the way in. */
const IMG_TEXT_REDACTED = '<img src=x onerror="window.__xss=2"> my name is [NAME], please call me on [PHONE] about contact with my son';
const SECTION_20_SHORT = 'what is a section 20 agreement';
const SECTION_20_LONG = "what's a section 20 agreement form";

/** UK days before today, so every seeded event is inside the dashboard's default 30 days. */
const ALPHA_DAY = 4;
const BRAVO_DAY = 4;
const CHARLIE_DAY = 3;
const DELTA_DAY = 2;
const ECHO_DAY = 1;
const FOXTROT_DAY = 1;

interface Seeded {
  readonly conversationId: string;
  readonly daysAgo: number;
  /** UK hour of the first event; each further event is a minute later. */
  readonly hour: number;
  readonly events: AnalyticsEventData[];
}

const message = (text = 'a question'): AnalyticsEventData => ({ type: 'messageReceived', text, length: text.length, duringHandoff: false });
const answer = (entryId: string, topic: string): AnalyticsEventData => ({ type: 'answerGiven', entryId, topic, confidence: 0.9 });
const step = (dialog: string, name: string, stepIndex: number): AnalyticsEventData => ({ type: 'dialogStep', dialog, step: name, stepIndex });

/**
 * Six conversations over four days. What the dashboard must show, worked out by hand:
 * conversations 6; messages 2+2+3+2+2+1 = 12; routed 11 (6 answers, 2 "did you mean", 3 fallbacks,
 * one of them out of scope) so 54.5% / 18.2% / 27.3%; 1 crisis signpost; 3 hand-offs asked for,
 * 2 connected after 90 s and 150 s (median 2 min); 2 callback requests; feedback 3 yes of 4 = 75%;
 * 2 Quick Exits. Entries: section-20-overview 3, section-20-should-i-sign 2, adoption-overview 1.
 * The section-20 guided conversation: 4 started, 4 / 3 / 2 / 1 reached its questions, 1 finished.
 */
const SEEDED: Seeded[] = [
  {
    conversationId: 'seed-conv-alpha',
    daysAgo: ALPHA_DAY,
    hour: 10,
    events: [
      { type: 'conversationStarted' },
      message('what does section 20 mean'),
      answer('section-20-overview', 'section-20'),
      { type: 'feedback', about: 'answer', helpful: true, entryId: 'section-20-overview' },
      message('should I sign it'),
      answer('section-20-should-i-sign', 'section-20'),
      { type: 'dialogStarted', dialog: 'section-20' },
      step('section-20', 'situation', 0),
      step('section-20', 'want-home', 1),
      step('section-20', 'court', 2),
      step('section-20', 'child-age', 3),
      { type: 'dialogCompleted', dialog: 'section-20' },
      { type: 'quickExit' },
    ],
  },
  {
    conversationId: 'seed-conv-bravo',
    daysAgo: BRAVO_DAY,
    hour: 20,
    events: [
      { type: 'conversationStarted' },
      message(SCRIPT_TEXT),
      { type: 'fallback', text: SCRIPT_TEXT, outOfScope: false, confidence: 0.1 },
      message('what is section 20'),
      answer('section-20-overview', 'section-20'),
      { type: 'feedback', about: 'answer', helpful: false, entryId: 'section-20-overview' },
      { type: 'dialogStarted', dialog: 'section-20' },
      step('section-20', 'situation', 0),
      step('section-20', 'want-home', 1),
      { type: 'dialogAbandoned', dialog: 'section-20', step: 'want-home' },
    ],
  },
  {
    conversationId: 'seed-conv-charlie',
    daysAgo: CHARLIE_DAY,
    hour: 11,
    events: [
      { type: 'conversationStarted' },
      message(SECTION_20_SHORT),
      { type: 'clarifyShown', text: SECTION_20_SHORT, candidates: ['section-20-should-i-sign', 'section-20-overview'], topic: 'section-20', confidence: 0.5 },
      message('adoption'),
      answer('adoption-overview', 'adoption'),
      { type: 'feedback', about: 'answer', helpful: true, entryId: 'adoption-overview' },
      message(IMG_TEXT),
      { type: 'fallback', text: IMG_TEXT, outOfScope: false, confidence: 0.2 },
      { type: 'dialogStarted', dialog: 'section-20' },
      step('section-20', 'situation', 0),
      { type: 'dialogAbandoned', dialog: 'section-20', step: 'situation' },
      { type: 'crisisSignposted', categories: ['self-harm'] },
    ],
  },
  {
    conversationId: 'seed-conv-delta',
    daysAgo: DELTA_DAY,
    hour: 13,
    events: [
      { type: 'conversationStarted' },
      message(SECTION_20_LONG),
      { type: 'clarifyShown', text: SECTION_20_LONG, candidates: ['section-20-should-i-sign'], topic: 'section-20', confidence: 0.5 },
      message('overview please'),
      answer('section-20-overview', 'section-20'),
      { type: 'handoffRequested', open: true, advisersAvailable: true, result: 'queued' },
      { type: 'handoffAccepted', waitSeconds: 90 },
      { type: 'handoffEnded', durationSeconds: 300, outcome: 'Advice given', endedBy: 'adviser' },
      { type: 'feedback', about: 'handoff', helpful: true, entryId: null },
    ],
  },
  {
    conversationId: 'seed-conv-echo',
    daysAgo: ECHO_DAY,
    hour: 14,
    events: [
      { type: 'conversationStarted' },
      message("what's the weather"),
      { type: 'fallback', text: "what's the weather", outOfScope: true, confidence: 0.1 },
      { type: 'handoffRequested', open: true, advisersAvailable: true, result: 'queued' },
      { type: 'handoffAccepted', waitSeconds: 150 },
      { type: 'callbackRequested', topic: 'section-20' },
      message('can I say no'),
      answer('section-20-should-i-sign', 'section-20'),
      { type: 'dialogStarted', dialog: 'section-20' },
      step('section-20', 'situation', 0),
      step('section-20', 'want-home', 1),
      step('section-20', 'court', 2),
      { type: 'dialogAbandoned', dialog: 'section-20', step: 'court' },
    ],
  },
  {
    conversationId: 'seed-conv-foxtrot',
    daysAgo: FOXTROT_DAY,
    hour: 16,
    events: [
      { type: 'conversationStarted' },
      message('talk to a person'),
      { type: 'handoffRequested', open: false, advisersAvailable: false, result: 'closed' },
      { type: 'callbackRequested', topic: null },
      { type: 'dialogStarted', dialog: 'care-proceedings' },
      step('care-proceedings', 'stage', 0),
      { type: 'dialogAbandoned', dialog: 'care-proceedings', step: 'stage' },
      { type: 'quickExit' },
    ],
  },
];

const ERASED = 'seed-conv-delta';

function ukDay(daysAgo: number): DateTime {
  return DateTime.now().setZone(UK).startOf('day').minus({ days: daysAgo });
}

function isoDay(daysAgo: number): string {
  return ukDay(daysAgo).toISODate() as string;
}

/** The default opening hours (Mon-Fri 09:30-15:00): open during hours 9 to 14 on weekdays. */
function helplineOpen(weekday: number, hour: number): boolean {
  return weekday <= 5 && hour >= 9 && hour <= 14;
}

async function seed(sqlitePath: string): Promise<void> {
  const db = openSqliteDatabase(sqlitePath);
  try {
    const events = new SqliteEventStore(db);
    for (const conversation of SEEDED) {
      const start = ukDay(conversation.daysAgo).set({ hour: conversation.hour, minute: 5 });
      conversation.events.forEach((data, index) => {
        events.record({ conversationId: conversation.conversationId, channel: 'directline', at: start.plus({ minutes: index }).toJSDate(), data });
      });
    }
    await events.flush();
    // The erased conversation also had a hand-off with a message, and the bot kept state for it.
    const handoffs = new SqliteHandoffStore(db);
    const at = ukDay(DELTA_DAY).set({ hour: 13, minute: 10 }).toJSDate();
    const handoff = await handoffs.create({ conversationId: ERASED, conversationRef: { conversation: { id: ERASED } }, topic: 'section-20', learned: [], transcript: null }, at);
    await handoffs.addMessage(handoff.id, 'user', 'hello', at);
    await handoffs.end(handoff.id, 'user', 'Advice given', at);
    db.prepare('INSERT INTO bot_state (key, etag, value, updated_at) VALUES (?, ?, ?, ?)').run(`directline/conversations/${ERASED}/`, '1', '{}', at.toISOString());
  } finally {
    db.close();
  }
}

let bot: TestBot;
let browser: Browser;
const contexts: { context: BrowserContext; network: GuardedNetwork; violations: string[] }[] = [];

beforeAll(async () => {
  bot = await startTestBot();
  const sqlite = join(bot.dataDir, 'bot.sqlite');
  await addAccount(sqlite, 'stella', 'Stella', 'staff');
  await addAccount(sqlite, 'sam', 'Sam', 'adviser');
  await seed(sqlite);
  // Checks the seeding itself: SqliteStorage is the bot's own store, so the state row is one it would read.
  const db = openSqliteDatabase(sqlite);
  try {
    await expect(new SqliteStorage(db).read([`directline/conversations/${ERASED}/`])).resolves.toHaveProperty([`directline/conversations/${ERASED}/`]);
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
  const violations = contexts.flatMap((c) => c.violations);
  contexts.length = 0;
  expect(foreign).toEqual([]);
  expect(violations).toEqual([]);
});

/** A page in its own browser context, with the site's strict CSP added to every console page. */
async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const network = await guardNetwork(context, bot.url);
  const violations: string[] = [];
  contexts.push({ context, network, violations });
  const page = await context.newPage();
  await page.route(`${bot.url}/console/**`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
  });
  await context.grantPermissions(['local-network-access'], { origin: bot.url });
  page.on('console', (entry) => {
    if (entry.text().includes('Content Security Policy')) violations.push(entry.text());
  });
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  return page;
}

/** Opens the dashboard signed out, signs in on the page it is sent to, and comes back. */
async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${bot.url}${DASHBOARD}`);
  await page.waitForURL(`${bot.url}${LOGIN_FROM_DASHBOARD}`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${bot.url}${DASHBOARD}`);
}

async function openDashboard(): Promise<Page> {
  const page = await newPage();
  await signIn(page, 'stella');
  await page.getByText('Signed in as Stella').waitFor();
  await page.locator('#unanswered > li').first().waitFor();
  await page.locator('#accepted-empty:not([hidden]), #accepted-wrap:not([hidden])').first().waitFor();
  return page;
}


/** The label → value pairs of the totals. */
function totals(page: Page): Promise<Record<string, string>> {
  return page.locator('#totals .figure').evaluateAll((figures) =>
    Object.fromEntries(figures.map((f) => [f.querySelector('dt')?.textContent ?? '', f.querySelector('dd')?.textContent ?? ''])),
  );
}

/** Each body row of a table as its cells' text (an entry cell gives its id only). */
function rowsOf(page: Page, selector: string): Promise<string[][]> {
  return page.locator(`${selector} tbody tr`).evaluateAll((rows) =>
    rows.map((row) =>
      Array.from(row.children).map((cell) => (cell.querySelector('.table__id')?.textContent ?? cell.textContent ?? '').trim()),
    ),
  );
}

/** What chart.js drew on a canvas: its type, labels and each dataset's numbers. */
function chartOn(page: Page, selector: string) {
  return page.locator(selector).evaluate((canvas) => {
    const Chart = (window as unknown as { Chart: { getChart(c: Element): { config: { type: string }; data: { labels: string[]; datasets: { label: string; data: number[] }[] } } | undefined } }).Chart;
    const chart = Chart.getChart(canvas);
    return chart
      ? {
          type: chart.config.type,
          labels: chart.data.labels,
          datasets: chart.data.datasets.map((d) => ({ label: d.label, data: d.data })),
          role: canvas.getAttribute('role'),
          label: canvas.getAttribute('aria-label') ?? '',
          width: (canvas as HTMLCanvasElement).width,
        }
      : null;
  });
}

const EXPECTED_TOTALS = {
  Conversations: '6',
  Messages: '12',
  Answered: '54.5%',
  'Clarified (“Did you mean…”)': '18.2%',
  'Fallback (not understood)': '27.3%',
  'Crisis signposts': '1',
  'Hand-offs requested': '3',
  'Hand-offs connected': '2',
  'Callback requests': '2',
  'Median queue wait': '2 min',
  'Helpful rate': '75%',
  'Quick Exits': '2',
};

test('a staff member sees the seeded figures, each chart with its table, and downloads CSV', async () => {
  const page = await openDashboard();

  // The default range: the last 30 UK days.
  await expect(page.getByLabel('From', { exact: true }).inputValue()).resolves.toBe(isoDay(29));
  await expect(page.getByLabel('To', { exact: true }).inputValue()).resolves.toBe(isoDay(0));
  await expect(page.locator('#range-shown').textContent()).resolves.toMatch(/^Showing .* \(30 days\)\.$/);

  await expect(totals(page)).resolves.toEqual(EXPECTED_TOTALS);

  // Conversations per day: a bar chart and a 30-row table, the same numbers in both.
  const perDay = await chartOn(page, '#per-day-chart');
  expect(perDay).toMatchObject({ type: 'bar', role: 'img' });
  expect(perDay?.width).toBeGreaterThan(0);
  expect(perDay?.label).toMatch(/^Bar chart of conversations per day, .*The busiest day was .* with 2 conversations\.$/);
  const perDayRows = await page.locator('#per-day-table tbody tr').evaluateAll((rows) =>
    rows.map((row) => [row.querySelector('time')?.getAttribute('datetime') ?? '', row.querySelector('td')?.textContent ?? '']),
  );
  expect(perDayRows).toHaveLength(30);
  const perDayCounts = Object.fromEntries(perDayRows);
  expect(perDayCounts[isoDay(ALPHA_DAY)]).toBe('2');
  expect(perDayCounts[isoDay(CHARLIE_DAY)]).toBe('1');
  expect(perDayCounts[isoDay(DELTA_DAY)]).toBe('1');
  expect(perDayCounts[isoDay(ECHO_DAY)]).toBe('2');
  expect(perDayRows.reduce((sum, [, n]) => sum + Number(n), 0)).toBe(6);
  expect(perDay?.datasets[0].data).toEqual(perDayRows.map(([, n]) => Number(n)));
  await expect(page.getByRole('table', { name: 'Conversations per day' }).count()).resolves.toBe(1);

  // Demand: messages per hour, open and closed hours as two stacked series, and the weekday × hour table.
  const demand = await chartOn(page, '#demand-chart');
  expect(demand?.type).toBe('bar');
  expect(demand?.labels).toHaveLength(24);
  expect(demand?.datasets.map((d) => d.label)).toEqual(['While the helpline is open', 'While the helpline is closed']);
  const byHour = new Map<number, { open: number; closed: number }>();
  for (const c of SEEDED) {
    const at = ukDay(c.daysAgo).set({ hour: c.hour });
    const messages = c.events.filter((e) => e.type === 'messageReceived').length;
    const counts = byHour.get(c.hour) ?? { open: 0, closed: 0 };
    if (helplineOpen(at.weekday, c.hour)) counts.open += messages;
    else counts.closed += messages;
    byHour.set(c.hour, counts);
  }
  for (let hour = 0; hour < 24; hour += 1) {
    const expected = byHour.get(hour) ?? { open: 0, closed: 0 };
    expect([demand?.datasets[0].data[hour], demand?.datasets[1].data[hour]]).toEqual([expected.open, expected.closed]);
  }
  expect(demand?.label).toMatch(/^Stacked bar chart of messages by hour of the day, UK time: 12 messages, /);
  const allDays = await page.locator('#demand-table tfoot tr').evaluate((row) => Array.from(row.children).map((cell) => cell.textContent));
  expect(allDays).toEqual(['All days', ...Array.from({ length: 24 }, (_, h) => String([2, 3, 2, 2, 1, 2][[10, 11, 13, 14, 16, 20].indexOf(h)] ?? 0)), '12']);
  const alphaDay = ukDay(ALPHA_DAY);
  const alphaRow = page.locator('#demand-table tbody tr').nth(alphaDay.weekday - 1);
  await expect(alphaRow.locator('th').textContent()).resolves.toBe(alphaDay.toFormat('cccc'));
  const cell10 = alphaRow.locator('td').nth(10);
  // Alpha's two messages at 10:00 and Bravo's two at 20:00 fall on the same weekday.
  await expect(cell10.textContent()).resolves.toBe(helplineOpen(alphaDay.weekday, 10) ? '2 (helpline open)' : '2');
  await expect(alphaRow.locator('td').nth(20).textContent()).resolves.toBe('2');
  await expect(alphaRow.locator('td').last().textContent()).resolves.toBe('4');

  // Top entries and top topics: horizontal bars, and tables.
  const entries = await chartOn(page, '#entries-chart');
  expect(entries).toMatchObject({ type: 'bar', labels: ['section-20-overview', 'section-20-should-i-sign', 'adoption-overview'] });
  expect(entries?.datasets[0].data).toEqual([3, 2, 1]);
  await expect(page.locator('#entries-chart').evaluate((c) => (window as any).Chart.getChart(c).options.indexAxis)).resolves.toBe('y');
  expect(entries?.label).toMatch(/most used was What does it mean if my child goes into section 20\?, with 3 answers\.$/);
  await expect(rowsOf(page, '#entries-table')).resolves.toEqual([
    ['section-20-overview', 'section-20', '3'],
    ['section-20-should-i-sign', 'section-20', '2'],
    ['adoption-overview', 'adoption', '1'],
  ]);
  await expect(page.locator('#entries-table tbody th').first().textContent()).resolves.toBe('What does it mean if my child goes into section 20?section-20-overview');

  const topics = await chartOn(page, '#topics-chart');
  expect(topics).toMatchObject({ type: 'bar', labels: ['section-20', 'adoption'] });
  expect(topics?.datasets[0].data).toEqual([5, 1]);
  await expect(rowsOf(page, '#topics-table')).resolves.toEqual([
    ['section-20', '5'],
    ['adoption', '1'],
  ]);

  // Helpful rate per entry.
  const helpful = await chartOn(page, '#helpful-chart');
  expect(helpful).toMatchObject({ type: 'bar', labels: ['section-20-overview', 'adoption-overview'] });
  expect(helpful?.datasets[0].data).toEqual([50, 100]);
  await expect(rowsOf(page, '#helpful-table')).resolves.toEqual([
    ['section-20-overview', '1', '1', '50%'],
    ['adoption-overview', '1', '0', '100%'],
  ]);

  // Guided conversations: where people stopped, with the share kept at each stage.
  await expect(page.locator('#funnels h3').allTextContents()).resolves.toEqual(['section-20', 'care-proceedings']);
  const funnel = await chartOn(page, '#funnel-chart-0');
  expect(funnel).toMatchObject({ type: 'bar', labels: ['Started', 'Question: situation', 'Question: want-home', 'Question: court', 'Question: child-age', 'Completed'] });
  expect(funnel?.datasets[0].data).toEqual([4, 4, 3, 2, 1, 1]);
  expect(funnel?.label).toBe(
    'Bar chart of the section-20 guided conversation: 4 people started and 1 completed. Most people stopped between Question: situation and Question: want-home (1 person).',
  );
  await expect(rowsOf(page, '#funnels section:nth-of-type(1) table')).resolves.toEqual([
    ['Started', '4', '100%', '—', '—'],
    ['Question: situation', '4', '100%', '100%', '0'],
    ['Question: want-home', '3', '75%', '75%', '1'],
    ['Question: court', '2', '50%', '66.7%', '1'],
    ['Question: child-age', '1', '25%', '50%', '1'],
    ['Completed', '1', '25%', '100%', '0'],
  ]);
  await expect(rowsOf(page, '#funnels section:nth-of-type(2) table')).resolves.toEqual([
    ['Started', '1', '100%', '—', '—'],
    ['Question: stage', '1', '100%', '100%', '0'],
    ['Completed', '0', '0%', '0%', '1'],
  ]);
  await expect((await chartOn(page, '#funnel-chart-1'))?.datasets[0].data).toEqual([1, 1, 0]);

  // Every canvas is an image with a summary, and every table has a caption and column headers.
  const canvases = await page.locator('canvas').evaluateAll((all) => all.map((c) => ({ role: c.getAttribute('role'), label: c.getAttribute('aria-label') ?? '' })));
  expect(canvases).toHaveLength(7);
  for (const canvas of canvases) expect(canvas).toEqual({ role: 'img', label: expect.stringMatching(/chart .{20,}/) });
  const tables = await page.locator('table').evaluateAll((all) =>
    all.filter((t) => !t.closest('[hidden]')).map((t) => ({ caption: (t as HTMLTableElement).caption?.textContent ?? '', headers: t.querySelectorAll('thead th[scope="col"]').length })),
  );
  // Per day, demand, entries, topics, helpful, and one per guided conversation (accepted phrasings: none yet).
  expect(tables).toHaveLength(7);
  for (const table of tables) {
    expect(table.caption).not.toBe('');
    expect(table.headers).toBeGreaterThan(1);
  }

  // Every table downloads as CSV for the chosen dates; top entries holds the seeded rows.
  const links = await page.locator('a.js-csv').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
  const query = `?from=${isoDay(29)}&to=${isoDay(0)}`;
  expect(links).toEqual(
    ['totals', 'conversations-per-day', 'demand-by-hour', 'top-entries', 'top-topics', 'helpful-by-entry', 'dialog-funnels', 'unanswered'].map(
      (table) => `/api/staff/export/${table}.csv${query}`,
    ),
  );
  const download = page.getByRole('link', { name: 'Download CSV of top entries' });
  const csv = await page.evaluate(async (href) => {
    const response = await fetch(href, { credentials: 'same-origin' });
    return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), body: await response.text() };
  }, (await download.getAttribute('href')) as string);
  expect(csv).toEqual({
    status: 200,
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="top-entries-${isoDay(29)}-to-${isoDay(0)}.csv"`,
    body: 'entry,topic,answers\nsection-20-overview,section-20,3\nsection-20-should-i-sign,section-20,2\nadoption-overview,adoption,1\n',
  });
  // The link itself downloads a file.
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(file.suggestedFilename()).toBe(`top-entries-${isoDay(29)}-to-${isoDay(0)}.csv`);

  await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);
  await page.setViewportSize({ width: 375, height: 800 });
  // chart.js redraws its canvases to the new width a frame or two after the resize.
  await page.waitForFunction(() => document.documentElement.scrollWidth <= 375, undefined, { timeout: 5000 });
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
  await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);
});

test('a narrower date range reloads the figures; a backwards one is refused', async () => {
  const page = await openDashboard();
  // Only the last two days: Echo and Foxtrot.
  await page.getByLabel('From', { exact: true }).fill(isoDay(ECHO_DAY));
  await page.getByLabel('To', { exact: true }).fill(isoDay(0));
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.locator('#range-shown', { hasText: '(2 days)' }).waitFor();
  await page.locator('#notice', { hasText: 'Dashboard updated.' }).waitFor();
  const narrowed = await totals(page);
  expect(narrowed).toMatchObject({ Conversations: '2', Messages: '3', 'Hand-offs requested': '2', 'Median queue wait': '2 min 30 sec', 'Helpful rate': '—', 'Quick Exits': '1' });
  await expect(page.locator('#per-day-table tbody tr').count()).resolves.toBe(2);
  await expect(page.getByText('Nobody answered “Was this helpful?” in this period.').isVisible()).resolves.toBe(true);
  await expect(page.getByText('There are no unanswered questions in this period.').isVisible()).resolves.toBe(true);
  await expect(page.getByRole('link', { name: 'Download CSV of top entries' }).getAttribute('href')).resolves.toBe(
    `/api/staff/export/top-entries.csv?from=${isoDay(ECHO_DAY)}&to=${isoDay(0)}`,
  );

  await page.getByLabel('From', { exact: true }).fill(isoDay(0));
  await page.getByLabel('To', { exact: true }).fill(isoDay(3));
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByText('Error: The start date must be on or before the end date.').waitFor();
  await expect(page.getByLabel('From', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(totals(page)).resolves.toEqual(narrowed);
});

test('unanswered questions are shown as text, never run, with personal details redacted', async () => {
  const page = await openDashboard();
  const groups = page.locator('#unanswered > li');
  await expect(groups.locator('h3').allTextContents()).resolves.toEqual([SECTION_20_SHORT, IMG_TEXT_REDACTED, SCRIPT_TEXT]);
  await expect(groups.locator('.unanswered__count').allTextContents()).resolves.toEqual(['Asked 2 times', 'Asked once', 'Asked once']);

  // The script and the image are literal text: nothing ran and no element was made from them.
  await expect(page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).resolves.toBeUndefined();
  await expect(page.locator('#main img, #main script').count()).resolves.toBe(0);
  // Once as the question, once as its example.
  await expect(groups.nth(2).getByText(SCRIPT_TEXT, { exact: true }).count()).resolves.toBe(2);

  // The name and the phone number never reach the page.
  const text = await page.locator('body').textContent();
  expect(text).toContain('[PHONE]');
  expect(text).not.toContain('07700 900456');
  expect(text).not.toContain('Jane');

  // Examples are collapsed until asked for; the newest first.
  const first = groups.first();
  await expect(first.locator('.unanswered__example').first().isVisible()).resolves.toBe(false);
  await first.getByText('Examples (2)').click();
  await expect(first.locator('.unanswered__example').allTextContents()).resolves.toEqual([SECTION_20_LONG, SECTION_20_SHORT]);
  await expect(first.locator('.unanswered__example').first().isVisible()).resolves.toBe(true);

  // The bot's suggestions come first in the entry list, marked as such.
  const select = first.getByLabel('Entry', { exact: true });
  await expect(select.inputValue()).resolves.toBe('section-20-should-i-sign');
  await expect(first.locator('optgroup').first().locator('option').allTextContents()).resolves.toEqual([
    'Do I have to sign the section 20 form, and should I? (suggested)',
    'What does it mean if my child goes into section 20? (suggested)',
  ]);
  await expect(first.getByLabel('Phrasing', { exact: true }).inputValue()).resolves.toBe(SECTION_20_SHORT);
  // Groups with no suggestion start on "Choose an entry".
  await expect(groups.nth(1).getByLabel('Entry', { exact: true }).inputValue()).resolves.toBe('');

  await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);
});

test('a question is added as a phrasing of an entry; one with a placeholder is refused', async () => {
  const page = await openDashboard();
  await expect(page.getByText('No phrasings have been accepted yet.').isVisible()).resolves.toBe(true);
  const first = page.locator('#unanswered > li').first();
  await first.getByLabel('Phrasing', { exact: true }).fill('what is a section 20 agreement form');
  await first.getByRole('button', { name: 'Add', exact: true }).click();
  await first.getByText('Added “what is a section 20 agreement form” as a phrasing of “Do I have to sign the section 20 form, and should I?”.', { exact: false }).waitFor();

  const accepted = page.locator('#accepted-table tbody tr');
  await accepted.first().waitFor();
  await expect(rowsOf(page, '#accepted-table')).resolves.toEqual([
    ['what is a section 20 agreement form', 'section-20-should-i-sign', 'Stella', expect.stringMatching(/\d{4}, \d{2}:\d{2}$/), 'Not yet'],
  ]);

  // The placeholder left by redaction would teach the bot "[NAME]": the server refuses it, and says why.
  const withName = page.locator('#unanswered > li').nth(1);
  await expect(withName.getByLabel('Phrasing', { exact: true }).inputValue()).resolves.toBe(IMG_TEXT_REDACTED);
  await withName.getByRole('button', { name: 'Add', exact: true }).click();
  await withName.getByText('Error: Choose the entry this question belongs to.').waitFor();
  await withName.getByLabel('Entry', { exact: true }).selectOption('contact-child-in-care-overview');
  await withName.getByLabel('Phrasing', { exact: true }).fill('can [NAME] see my son in care');
  await withName.getByRole('button', { name: 'Add', exact: true }).click();
  await withName.getByText('Error: Remove the placeholder (like [NAME]) first: write the question in general words.').waitFor();
  await expect(withName.getByLabel('Phrasing', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(accepted.count()).resolves.toBe(1);

  await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);
});

test('a conversation is erased after the id is typed again, and the counts are shown', async () => {
  const page = await openDashboard();
  const form = page.locator('#erase-form');
  await form.getByLabel('Conversation id').fill(ERASED);
  await form.getByRole('button', { name: 'Continue' }).click();
  const confirm = page.locator('#erase-confirm');
  await confirm.getByText(`This permanently deletes everything kept about conversation ${ERASED}. It cannot be undone.`).waitFor();
  await expect(page.getByRole('heading', { name: 'Are you sure?' }).evaluate((h) => h === document.activeElement)).resolves.toBe(true);

  await confirm.getByLabel('Type the conversation id again to confirm').fill('seed-conv-delt');
  await confirm.getByRole('button', { name: 'Erase permanently' }).click();
  await confirm.getByText('Error: The ids do not match. Type the conversation id again exactly.').waitFor();
  await expect(totals(page)).resolves.toEqual(EXPECTED_TOTALS);
  await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);

  await confirm.getByLabel('Type the conversation id again to confirm').fill(ERASED);
  await confirm.getByRole('button', { name: 'Erase permanently' }).click();
  const result = page.locator('#erase-result');
  await result.getByText(`Erased conversation ${ERASED}.`).waitFor();
  await expect(result.locator('li').allTextContents()).resolves.toEqual([
    '9 analytics events deleted',
    '1 hand-off to an adviser deleted, with their messages',
    '1 saved conversation state deleted',
  ]);
  await expect(confirm.isVisible()).resolves.toBe(false);

  // The figures are reloaded without it: one conversation, two messages, a hand-off and a "did you mean" fewer.
  await page.locator('#totals .figure[data-measure="conversations"] dd', { hasText: /^5$/ }).waitFor();
  await expect(totals(page)).resolves.toMatchObject({ Conversations: '5', Messages: '10', 'Hand-offs requested': '2', 'Median queue wait': '2 min 30 sec' });
  await expect(page.locator('#unanswered .unanswered__count').first().textContent()).resolves.toBe('Asked once');

  // Erasing it again finds nothing, and says so.
  await form.getByLabel('Conversation id').fill(ERASED);
  await form.getByRole('button', { name: 'Continue' }).click();
  await confirm.getByLabel('Type the conversation id again to confirm').fill(ERASED);
  await confirm.getByRole('button', { name: 'Erase permanently' }).click();
  await result.getByText(`Nothing was kept about conversation ${ERASED}.`).waitFor();

  // An id the server cannot accept comes back with its message.
  await form.getByLabel('Conversation id').fill('a b');
  await form.getByRole('button', { name: 'Continue' }).click();
  await confirm.getByLabel('Type the conversation id again to confirm').fill('a b');
  await confirm.getByRole('button', { name: 'Erase permanently' }).click();
  await form.getByText('Error: Paste the conversation id exactly as it was given to you.').waitFor();
  await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);
});

test('an adviser account is told plainly that the dashboard is not for them', async () => {
  const page = await newPage();
  await signIn(page, 'sam');
  await page.getByRole('heading', { name: 'You cannot use the staff dashboard' }).waitFor();
  await expect(page.locator('#problem-message').textContent()).resolves.toBe('Your account cannot use this part of the console. Ask an admin if you need it.');
  await expect(page.locator('#dashboard').isVisible()).resolves.toBe(false);
  await expect(page.locator('#loading').isVisible()).resolves.toBe(false);
  await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);
  await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);
});

test('signing out returns to the sign-in page and ends the session', async () => {
  const page = await openDashboard();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(`${bot.url}/console/login`);
  await expect(page.evaluate(async () => (await fetch('/api/staff/report', { credentials: 'same-origin' })).status)).resolves.toBe(401);
  await page.goto(`${bot.url}${DASHBOARD}`);
  await page.waitForURL(`${bot.url}${LOGIN_FROM_DASHBOARD}`);
});
