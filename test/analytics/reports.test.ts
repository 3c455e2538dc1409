import { AnalyticsEventData } from '../../src/analytics/analyticsEvent';
import { SqliteEventStore } from '../../src/analytics/sqliteEventStore';
import { buildReport } from '../../src/analytics/reports';
import { groupUnanswered } from '../../src/analytics/unansweredQuestions';
import { openDuringHour } from '../../src/handoff/openDuringHour';
import { DEFAULT_OPENING_HOURS } from '../../src/handoff/openingHoursSettings';
import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';

function seeded() {
  const db = openSqliteDatabase(':memory:');
  const store = new SqliteEventStore(db);
  const add = (conversationId: string, at: string, data: AnalyticsEventData) => store.record({ conversationId, channel: 'directline', at: new Date(at), data });
  // Monday 7 December 2026, UK time = UTC in winter.
  add('a', '2026-12-07T10:00:00Z', { type: 'conversationStarted' });
  add('a', '2026-12-07T10:01:00Z', { type: 'messageReceived', text: 'what is section 20', length: 18, duringHandoff: false });
  add('a', '2026-12-07T10:01:00Z', { type: 'answerGiven', entryId: 'section-20-overview', topic: 'section-20', confidence: 0.7 });
  add('a', '2026-12-07T10:02:00Z', { type: 'feedback', about: 'answer', helpful: true, entryId: 'section-20-overview' });
  add('b', '2026-12-07T20:00:00Z', { type: 'messageReceived', text: 'can I get legal aid', length: 19, duringHandoff: false });
  add('b', '2026-12-07T20:00:00Z', { type: 'answerGiven', entryId: 'legal-help-legal-aid', topic: 'legal-help', confidence: 0.8 });
  add('b', '2026-12-07T20:01:00Z', { type: 'feedback', about: 'answer', helpful: false, entryId: 'legal-help-legal-aid' });
  add('b', '2026-12-07T20:02:00Z', { type: 'messageReceived', text: 'my car insurance', length: 16, duringHandoff: false });
  add('b', '2026-12-07T20:02:00Z', { type: 'fallback', text: 'my car insurance', outOfScope: false, confidence: 0.1 });
  add('c', '2026-12-08T11:00:00Z', { type: 'messageReceived', text: 'sw wants a parenting assessment', length: 31, duringHandoff: false });
  add('c', '2026-12-08T11:00:00Z', { type: 'clarifyShown', text: 'sw wants a parenting assessment', candidates: ['assessment-parenting'], topic: 'assessment', confidence: 0.4 });
  add('c', '2026-12-08T11:05:00Z', { type: 'dialogStarted', dialog: 'section-20' });
  add('c', '2026-12-08T11:05:00Z', { type: 'dialogStep', dialog: 'section-20', step: 'situation', stepIndex: 0 });
  add('c', '2026-12-08T11:06:00Z', { type: 'dialogStep', dialog: 'section-20', step: 'want-home', stepIndex: 1 });
  add('d', '2026-12-08T11:05:00Z', { type: 'dialogStarted', dialog: 'section-20' });
  add('d', '2026-12-08T11:05:00Z', { type: 'dialogStep', dialog: 'section-20', step: 'situation', stepIndex: 0 });
  add('d', '2026-12-08T11:06:00Z', { type: 'dialogStep', dialog: 'section-20', step: 'want-home', stepIndex: 1 });
  add('d', '2026-12-08T11:07:00Z', { type: 'dialogCompleted', dialog: 'section-20' });
  add('e', '2026-12-08T11:00:00Z', { type: 'dialogStarted', dialog: 'section-20' });
  add('e', '2026-12-08T11:00:00Z', { type: 'dialogStep', dialog: 'section-20', step: 'situation', stepIndex: 0 });
  add('c', '2026-12-08T11:10:00Z', { type: 'handoffRequested', open: true, advisersAvailable: true, result: 'queued' });
  add('c', '2026-12-08T11:14:00Z', { type: 'handoffAccepted', waitSeconds: 240 });
  add('d', '2026-12-08T11:20:00Z', { type: 'handoffRequested', open: true, advisersAvailable: true, result: 'queued' });
  add('d', '2026-12-08T11:22:00Z', { type: 'handoffAccepted', waitSeconds: 60 });
  add('e', '2026-12-08T16:00:00Z', { type: 'handoffRequested', open: false, advisersAvailable: false, result: 'closed' });
  add('e', '2026-12-08T16:05:00Z', { type: 'callbackRequested', topic: null });
  add('e', '2026-12-08T16:06:00Z', { type: 'crisisSignposted', categories: ['violence-now'] });
  add('e', '2026-12-08T16:07:00Z', { type: 'quickExit' });
  return { store };
}

const FROM = new Date('2026-12-07T00:00:00Z');
const TO = new Date('2026-12-09T00:00:00Z');

describe('the staff report over seeded events', () => {
  const { store } = seeded();
  let report: ReturnType<typeof buildReport>;
  beforeAll(async () => {
    report = buildReport(await store.between(FROM, TO), FROM, TO, openDuringHour(DEFAULT_OPENING_HOURS));
  });

  it('counts the totals staff see at the top', () => {
    expect(report.totals).toEqual({
      conversations: 5,
      messages: 4,
      answeredRate: 0.5,
      clarifiedRate: 0.25,
      fallbackRate: 0.25,
      crisisSignposts: 1,
      handoffsRequested: 3,
      handoffsConnected: 2,
      callbackRequests: 1,
      medianQueueWaitSeconds: 150,
      helpfulRate: 0.5,
      quickExits: 1,
    });
  });

  it('counts conversations per UK day', () => {
    expect(report.conversationsPerDay).toEqual([
      { day: '2026-12-07', conversations: 2 },
      { day: '2026-12-08', conversations: 3 },
    ]);
  });

  it('places demand by weekday and hour, marking the helpline hours', () => {
    const cell = (weekday: number, hour: number) => report.demandByHour.find((c) => c.weekday === weekday && c.hour === hour);
    expect(cell(1, 10)).toEqual({ weekday: 1, hour: 10, messages: 1, helplineOpen: true });
    expect(cell(1, 20)).toEqual({ weekday: 1, hour: 20, messages: 2, helplineOpen: false });
    expect(cell(1, 9)?.helplineOpen).toBe(true);
    expect(cell(1, 15)?.helplineOpen).toBe(false);
    expect(cell(6, 11)?.helplineOpen).toBe(false);
  });

  it('ranks entries and topics, and gives each entry its helpful rate', () => {
    expect(report.topEntries.map((e) => e.entryId)).toEqual(['legal-help-legal-aid', 'section-20-overview']);
    expect(report.helpfulByEntry).toEqual([
      { entryId: 'legal-help-legal-aid', yes: 0, no: 1, helpfulRate: 0 },
      { entryId: 'section-20-overview', yes: 1, no: 0, helpfulRate: 1 },
    ]);
  });

  it('shows where people leave a guided conversation', () => {
    expect(report.dialogFunnels).toEqual([
      { dialog: 'section-20', started: 3, steps: [{ step: 'situation', reached: 3 }, { step: 'want-home', reached: 2 }], completed: 1 },
    ]);
  });

  it('groups the questions the bot could not answer', async () => {
    const groups = groupUnanswered(await store.between(FROM, TO));
    expect(groups.map((g) => [g.label, g.count, g.suggestedEntries])).toEqual([
      ['my car insurance', 1, []],
      ['sw wants a parenting assessment', 1, ['assessment-parenting']],
    ]);
  });
});
