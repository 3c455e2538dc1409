import { DateTime } from 'luxon';
import type { Request, Response, Server } from 'restify';
import type { ConsoleSessions } from '../accounts/consoleSessions';
import { toCsv } from '../analytics/csv';
import type { EventStore } from '../analytics/eventStore';
import type { PhrasingSuggestions } from '../analytics/phrasingSuggestions';
import { buildReport, OpenAtHour, Report } from '../analytics/reports';
import { groupUnanswered, UnansweredGroup } from '../analytics/unansweredQuestions';
import { KnowledgeIndex } from '../knowledge/knowledgeIndex';
import { Logger } from '../logger';
import type { ConversationEraser } from '../storage/eraseConversation';
import { requireConsoleRole, requireRecentSignIn } from './consoleAuth';

export const STAFF_API = '/api/staff';
const UK = 'Europe/London';
const DEFAULT_DAYS = 30;
const MAX_DAYS = 400;

export interface StaffRouteOptions {
  /** Erases one conversation from the database the bot uses (SQLite or PostgreSQL). */
  readonly eraseConversation: ConversationEraser;
  readonly events: EventStore;
  readonly suggestions: PhrasingSuggestions;
  readonly knowledge: KnowledgeIndex;
  readonly sessions: ConsoleSessions;
  readonly openAtHour: OpenAtHour;
  readonly log: Logger;
}

/** The tables the dashboard shows, each also downloadable as CSV. */
const EXPORTS: Readonly<Record<string, (report: Report, unanswered: readonly UnansweredGroup[]) => string>> = {
  totals: (r) => toCsv(['measure', 'value'], Object.entries(r.totals).map(([k, v]) => [k, v])),
  'conversations-per-day': (r) => toCsv(['day', 'conversations'], r.conversationsPerDay.map((d) => [d.day, d.conversations])),
  'demand-by-hour': (r) => toCsv(['weekday', 'hour', 'messages', 'helpline_open'], r.demandByHour.map((d) => [d.weekday, d.hour, d.messages, d.helplineOpen])),
  'top-entries': (r) => toCsv(['entry', 'topic', 'answers'], r.topEntries.map((e) => [e.entryId, e.topic, e.answers])),
  'top-topics': (r) => toCsv(['topic', 'answers'], r.topTopics.map((t) => [t.topic, t.answers])),
  'helpful-by-entry': (r) => toCsv(['entry', 'helpful', 'not_helpful', 'helpful_rate'], r.helpfulByEntry.map((e) => [e.entryId, e.yes, e.no, e.helpfulRate])),
  'dialog-funnels': (r) =>
    toCsv(['dialog', 'stage', 'conversations'], r.dialogFunnels.flatMap((f) => [[f.dialog, 'started', f.started], ...f.steps.map((s) => [f.dialog, s.step, s.reached]), [f.dialog, 'completed', f.completed]])),
  unanswered: (_r, u) => toCsv(['question', 'times_asked', 'examples', 'suggested_entries'], u.map((g) => [g.label, g.count, g.examples.join(' | '), g.suggestedEntries.join(' ')])),
};

/**
 * The staff dashboard's API (role `staff`; admins too): the report for a date range, unanswered
 * questions grouped, accepting a question as a phrasing of an entry, CSV exports, and erasing
 * one conversation's data. Everything here reads redacted analytics only.
 */
export function registerStaffRoutes(server: Server, options: StaffRouteOptions): void {
  const staffOnly = (handler: (req: Request, res: Response, who: { displayName: string; id: number }) => unknown) =>
    requireConsoleRole(options.sessions, ['staff'], handler);

  server.get(`${STAFF_API}/report`, staffOnly(async (req, res) => {
    const range = rangeOf(req);
    if (typeof range === 'string') return res.send(400, { error: { message: range } });
    res.send(200, buildReport(await options.events.between(range.from, range.to), range.from, range.to, options.openAtHour));
  }));

  server.get(`${STAFF_API}/unanswered`, staffOnly(async (req, res) => {
    const range = rangeOf(req);
    if (typeof range === 'string') return res.send(400, { error: { message: range } });
    res.send(200, { groups: groupUnanswered(await options.events.between(range.from, range.to, ['fallback', 'clarifyShown'])) });
  }));

  server.get(`${STAFF_API}/entries`, staffOnly((_req, res) => {
    res.send(200, { entries: options.knowledge.entries.map((e) => ({ id: e.id, title: e.title, topic: e.topic })) });
  }));

  server.get(`${STAFF_API}/suggestions`, staffOnly(async (_req, res) => {
    res.send(200, { suggestions: await options.suggestions.list() });
  }));

  server.post(`${STAFF_API}/suggestions`, staffOnly(async (req, res, who) => {
    const { entryId, phrasing } = bodyOf(req);
    if (typeof entryId !== 'string' || !options.knowledge.entry(entryId)) return res.send(400, { error: { message: 'Choose the entry this question belongs to.' } });
    if (typeof phrasing !== 'string') return res.send(400, { error: { message: 'Type the phrasing to add.' } });
    const result = await options.suggestions.accept(entryId, phrasing, who.displayName, new Date());
    if (typeof result === 'string') return res.send(400, { error: { message: result } });
    res.send(201, result);
  }));

  server.get(`${STAFF_API}/export/:table`, staffOnly(async (req, res) => {
    const table = String(req.params.table).replace(/\.csv$/, '');
    // Own keys only: "constructor.csv" must be a 404, not Object's constructor.
    const build = Object.hasOwn(EXPORTS, table) ? EXPORTS[table] : undefined;
    if (!build) return res.send(404, { error: { message: `No such table. Tables: ${Object.keys(EXPORTS).join(', ')}.` } });
    const range = rangeOf(req);
    if (typeof range === 'string') return res.send(400, { error: { message: range } });
    const events = await options.events.between(range.from, range.to);
    const body = build(buildReport(events, range.from, range.to, options.openAtHour), groupUnanswered(events));
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${table}-${range.fromDay}-to-${range.toDay}.csv"`,
      'cache-control': 'no-store',
    });
    res.end(body);
  }));

  // Erasing cannot be undone: the password must have been entered in the last few minutes.
  server.post(`${STAFF_API}/erase`, requireRecentSignIn(options.sessions, ['staff'], async (req, res, who) => {
    const { conversationId } = bodyOf(req);
    // Any printable id a channel uses (Teams ids hold ":", "@" and ";"); it only ever reaches SQL as a parameter.
    if (typeof conversationId !== 'string' || !/^[\x21-\x7e]{4,200}$/.test(conversationId.trim())) {
      return res.send(400, { error: { message: 'Paste the conversation id exactly as it was given to you.' } });
    }
    // Events this instance has queued but not yet written would otherwise arrive after the erasure.
    await options.events.flush();
    const erased = await options.eraseConversation(conversationId.trim());
    options.log.info('conversation_erased', { byAccount: who.id, analyticsEvents: erased.analyticsEvents, handoffs: erased.handoffs, botState: erased.botState });
    res.send(200, erased);
  }));
}

/** `from` and `to` are UK days (YYYY-MM-DD), both included; the default is the last 30 days. */
function rangeOf(req: Request): { from: Date; to: Date; fromDay: string; toDay: string } | string {
  const query = (req.query ?? {}) as Record<string, unknown>;
  const today = DateTime.now().setZone(UK).startOf('day');
  const parse = (value: unknown, fallback: DateTime) => {
    if (value === undefined || value === '') return fallback;
    const day = typeof value === 'string' ? DateTime.fromISO(value, { zone: UK }) : DateTime.invalid('not text');
    return day.isValid && /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? day.startOf('day') : undefined;
  };
  const to = parse(query.to, today);
  const from = parse(query.from, (to ?? today).minus({ days: DEFAULT_DAYS - 1 }));
  if (!from || !to) return 'Dates must look like 2026-12-04.';
  if (from > to) return 'The start date must be on or before the end date.';
  if (to.diff(from, 'days').days > MAX_DAYS) return `Choose a range of at most ${MAX_DAYS} days.`;
  return { from: from.toJSDate(), to: to.plus({ days: 1 }).toJSDate(), fromDay: from.toISODate() ?? '', toDay: to.toISODate() ?? '' };
}

function bodyOf(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}
