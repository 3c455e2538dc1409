import { DateTime } from 'luxon';
import { AnalyticsEventData } from './analyticsEvent';
import { StoredEvent } from './eventStore';

const UK = 'Europe/London';

export interface Totals {
  readonly conversations: number;
  readonly messages: number;
  /** Of messages the bot routed (answer, "did you mean", fallback), the share of each, 0 to 1. */
  readonly answeredRate: number;
  readonly clarifiedRate: number;
  readonly fallbackRate: number;
  readonly crisisSignposts: number;
  readonly handoffsRequested: number;
  readonly handoffsConnected: number;
  readonly callbackRequests: number;
  /** Median seconds from joining the queue to an adviser accepting; null when nobody was connected. */
  readonly medianQueueWaitSeconds: number | null;
  /** Share of "Was this helpful?" answers that were yes; null when nobody answered. */
  readonly helpfulRate: number | null;
  readonly quickExits: number;
}

export interface Report {
  readonly from: string;
  readonly to: string;
  readonly totals: Totals;
  readonly conversationsPerDay: ReadonlyArray<{ readonly day: string; readonly conversations: number }>;
  /** Messages by UK weekday (1 = Monday) and hour, with whether the helpline is normally open then. */
  readonly demandByHour: ReadonlyArray<{ readonly weekday: number; readonly hour: number; readonly messages: number; readonly helplineOpen: boolean }>;
  readonly topEntries: ReadonlyArray<{ readonly entryId: string; readonly topic: string; readonly answers: number }>;
  readonly topTopics: ReadonlyArray<{ readonly topic: string; readonly answers: number }>;
  readonly helpfulByEntry: ReadonlyArray<{ readonly entryId: string; readonly yes: number; readonly no: number; readonly helpfulRate: number }>;
  readonly dialogFunnels: ReadonlyArray<DialogFunnel>;
}

export interface DialogFunnel {
  readonly dialog: string;
  readonly started: number;
  /** For each question, in order, how many conversations reached it. */
  readonly steps: ReadonlyArray<{ readonly step: string; readonly reached: number }>;
  readonly completed: number;
}

/** Whether the helpline is normally open at a UK weekday and hour, for shading the demand chart. */
export type OpenAtHour = (weekday: number, hour: number) => boolean;

/** Everything the staff dashboard shows for a period, from stored (already redacted) events. */
export function buildReport(events: readonly StoredEvent[], from: Date, to: Date, openAtHour: OpenAtHour): Report {
  const of = <T extends AnalyticsEventData['type']>(type: T) =>
    events.filter((e) => e.data.type === type) as Array<StoredEvent & { data: Extract<AnalyticsEventData, { type: T }> }>;

  const messages = of('messageReceived');
  const answered = of('answerGiven');
  const clarified = of('clarifyShown');
  const fallbacks = of('fallback');
  const routed = answered.length + clarified.length + fallbacks.length;
  const feedback = of('feedback');
  const accepted = of('handoffAccepted');

  const totals: Totals = {
    conversations: new Set(events.map((e) => e.conversationId)).size,
    messages: messages.length,
    answeredRate: share(answered.length, routed),
    clarifiedRate: share(clarified.length, routed),
    fallbackRate: share(fallbacks.length, routed),
    crisisSignposts: of('crisisSignposted').length,
    handoffsRequested: of('handoffRequested').length,
    handoffsConnected: accepted.length,
    callbackRequests: of('callbackRequested').length,
    medianQueueWaitSeconds: median(accepted.map((e) => e.data.waitSeconds)),
    helpfulRate: feedback.length === 0 ? null : share(feedback.filter((e) => e.data.helpful).length, feedback.length),
    quickExits: of('quickExit').length,
  };

  return {
    from: from.toISOString(),
    to: to.toISOString(),
    totals,
    conversationsPerDay: conversationsPerDay(events, from, to),
    demandByHour: demandByHour(messages, openAtHour),
    topEntries: countBy(answered, (e) => e.data.entryId)
      .map(([entryId, answers]) => ({ entryId, topic: answered.find((e) => e.data.entryId === entryId)?.data.topic ?? '', answers }))
      .slice(0, 15),
    topTopics: countBy(answered, (e) => e.data.topic).map(([topic, answers]) => ({ topic, answers })),
    helpfulByEntry: helpfulByEntry(feedback),
    dialogFunnels: dialogFunnels(events),
  };
}

function conversationsPerDay(events: readonly StoredEvent[], from: Date, to: Date) {
  const perDay = new Map<string, Set<string>>();
  for (let day = DateTime.fromJSDate(from, { zone: UK }).startOf('day'); day.toMillis() < to.getTime(); day = day.plus({ days: 1 })) {
    perDay.set(day.toISODate() ?? '', new Set());
  }
  for (const event of events) {
    const day = DateTime.fromISO(event.at, { zone: UK }).toISODate() ?? '';
    perDay.get(day)?.add(event.conversationId);
  }
  return [...perDay.entries()].map(([day, conversations]) => ({ day, conversations: conversations.size }));
}

function demandByHour(messages: readonly StoredEvent[], openAtHour: OpenAtHour) {
  const counts = new Map<string, number>();
  for (const message of messages) {
    const at = DateTime.fromISO(message.at, { zone: UK });
    const key = `${at.weekday}:${at.hour}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const cells = [];
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    for (let hour = 0; hour < 24; hour += 1) {
      cells.push({ weekday, hour, messages: counts.get(`${weekday}:${hour}`) ?? 0, helplineOpen: openAtHour(weekday, hour) });
    }
  }
  return cells;
}

function helpfulByEntry(feedback: ReadonlyArray<StoredEvent & { data: Extract<AnalyticsEventData, { type: 'feedback' }> }>) {
  const byEntry = new Map<string, { yes: number; no: number }>();
  for (const event of feedback) {
    if (event.data.about !== 'answer' || !event.data.entryId) continue;
    const counts = byEntry.get(event.data.entryId) ?? { yes: 0, no: 0 };
    if (event.data.helpful) counts.yes += 1;
    else counts.no += 1;
    byEntry.set(event.data.entryId, counts);
  }
  return [...byEntry.entries()]
    .map(([entryId, { yes, no }]) => ({ entryId, yes, no, helpfulRate: share(yes, yes + no) }))
    .sort((a, b) => b.yes + b.no - (a.yes + a.no) || a.entryId.localeCompare(b.entryId));
}

/** Per guided conversation: how many started, reached each question, and finished (each conversation once). */
function dialogFunnels(events: readonly StoredEvent[]): DialogFunnel[] {
  const funnels = new Map<string, { started: Set<string>; steps: Map<string, { index: number; reached: Set<string> }>; completed: Set<string> }>();
  const funnel = (dialog: string) => {
    let f = funnels.get(dialog);
    if (!f) {
      f = { started: new Set(), steps: new Map(), completed: new Set() };
      funnels.set(dialog, f);
    }
    return f;
  };
  for (const event of events) {
    const data = event.data;
    if (data.type === 'dialogStarted') funnel(data.dialog).started.add(event.conversationId);
    if (data.type === 'dialogCompleted') funnel(data.dialog).completed.add(event.conversationId);
    if (data.type === 'dialogStep') {
      const steps = funnel(data.dialog).steps;
      const step = steps.get(data.step) ?? { index: data.stepIndex, reached: new Set<string>() };
      step.reached.add(event.conversationId);
      steps.set(data.step, step);
    }
  }
  return [...funnels.entries()]
    .map(([dialog, f]) => ({
      dialog,
      started: f.started.size,
      steps: [...f.steps.entries()].sort((a, b) => a[1].index - b[1].index).map(([step, s]) => ({ step, reached: s.reached.size })),
      completed: f.completed.size,
    }))
    .sort((a, b) => b.started - a.started || a.dialog.localeCompare(b.dialog));
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
