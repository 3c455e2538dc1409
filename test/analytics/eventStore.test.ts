import type { AnalyticsEventData } from '../../src/analytics/analyticsEvent';
import { logWriteFailures } from '../../src/analytics/analyticsStores';
import type { EventStore } from '../../src/analytics/eventStore';
import { PostgresEventStore } from '../../src/analytics/postgresEventStore';
import { createMemoryLogger } from '../../src/logger';
import { openPostgresPool } from '../../src/storage/postgresPool';
import { describeOnEachDatabase, type AnalyticsDatabase } from './analyticsDatabases';
import { databaseUrl, describePostgres } from '../storage/postgresTestDatabase';

/** A time on Tuesday 8 December 2026 ("10:00:00.000"), or a whole ISO time. */
const at = (time: string) => new Date(time.includes('T') ? time : `2026-12-08T${time}Z`);
const record = (store: EventStore, conversationId: string, time: string, data: AnalyticsEventData) =>
  store.record({ conversationId, channel: 'directline', at: at(time), data });
const asked = (text: string): AnalyticsEventData => ({ type: 'messageReceived', text, length: text.length, duringHandoff: false });

describeOnEachDatabase('analytics events', (database: () => AnalyticsDatabase) => {
  let events: EventStore;
  beforeEach(() => {
    events = database().events();
  });

  it('never keep the name or phone number a person typed, in any text field', async () => {
    record(events, 'c1', '10:00:00.000', asked('my name is Kelly Smith, ring 07700 900123'));
    record(events, 'c1', '10:00:00.000', { type: 'fallback', text: 'my name is Kelly Smith and I want a mortgage', outOfScope: false, confidence: 0.1 });
    record(events, 'c1', '10:00:00.000', { type: 'clarifyShown', text: 'email kelly@example.org about s20', candidates: ['section-20-overview'], topic: null, confidence: 0.4 });

    const stored = await events.forConversation('c1');
    expect(stored.map((e) => (e.data as { text: string }).text)).toEqual([
      'my name is [NAME], ring [PHONE]',
      'my name is [NAME] and I want a mortgage',
      'email [EMAIL] about s20',
    ]);
    const raw = JSON.stringify(await database().rows('SELECT * FROM analytics_events'));
    expect(raw).not.toMatch(/Kelly|07700|example\.org/);
  });

  it('come back as recorded, in the order a conversation had them, whichever instance reads them', async () => {
    const steps = Array.from({ length: 60 }, (_, i): AnalyticsEventData => ({ type: 'dialogStep', dialog: 'section-20', step: `step-${i}`, stepIndex: i }));
    record(events, 'c1', '10:00:00.000', { type: 'conversationStarted' });
    for (const step of steps) record(events, 'c1', '10:00:00.000', step);
    record(events, 'c2', '10:00:00.000', { type: 'quickExit' });
    record(events, 'c1', '10:00:01.000', { type: 'dialogCompleted', dialog: 'section-20' });
    await events.flush();

    const stored = await database().events('b').forConversation('c1');
    expect(stored.map((e) => e.data)).toEqual([{ type: 'conversationStarted' }, ...steps, { type: 'dialogCompleted', dialog: 'section-20' }]);
    expect(stored[0]).toEqual({ id: expect.any(Number), at: '2026-12-08T10:00:00.000Z', conversationId: 'c1', channel: 'directline', data: { type: 'conversationStarted' } });
    expect((await events.forConversation('c2')).map((e) => e.data.type)).toEqual(['quickExit']);
  });

  it('from two instances end up in one report, oldest first, from the start time up to (not including) the end', async () => {
    record(events, 'a1', '09:59:59.999', { type: 'quickExit' });
    record(events, 'a1', '10:00:00.000', asked('what is section 20'));
    record(database().events('b'), 'b1', '10:30:00.000', { type: 'fallback', text: 'my car insurance', outOfScope: false, confidence: 0.1 });
    record(events, 'a1', '11:00:00.000', { type: 'quickExit' });
    await database().events('b').flush();

    const report = await events.between(at('10:00:00.000'), at('11:00:00.000'));
    expect(report.map((e) => [e.conversationId, e.data.type])).toEqual([
      ['a1', 'messageReceived'],
      ['b1', 'fallback'],
    ]);
    const unanswered = await events.between(at('00:00:00.000'), at('23:00:00.000'), ['fallback', 'clarifyShown']);
    expect(unanswered.map((e) => e.conversationId)).toEqual(['b1']);
  });

  it('older than the retention period are deleted, and no others', async () => {
    record(events, 'old', '2026-11-30T23:59:59.999Z', { type: 'quickExit' });
    record(events, 'old', '10:00:00.000', { type: 'conversationStarted' });
    record(events, 'new', '10:00:00.001', { type: 'conversationStarted' });
    // Kept for 7 days: at 10:00 on the 15th, everything from 10:00 on the 8th stays.
    expect(await events.deleteOlderThan(7, new Date('2026-12-15T10:00:00.000Z'))).toBe(1);
    expect((await events.forConversation('old')).map((e) => e.at)).toEqual(['2026-12-08T10:00:00.000Z']);
    expect(await events.deleteOlderThan(7, new Date('2026-12-15T10:00:00.001Z'))).toBe(1);
    expect((await events.forConversation('new')).length).toBe(1);
  });

  it('of one conversation are erased for a subject request, even ones recorded a moment before', async () => {
    record(events, 'erase-me', '10:00:00.000', asked('hello'));
    record(events, 'keep-me', '10:00:00.000', asked('hello'));
    record(events, 'erase-me', '10:00:01.000', { type: 'quickExit' });

    expect(await events.eraseConversation('erase-me')).toBe(2);
    expect(await database().events('b').forConversation('erase-me')).toEqual([]);
    expect(await events.forConversation('keep-me')).toHaveLength(1);
  });

  it('keep a message with a NUL character or a broken emoji, readable', async () => {
    record(events, 'c1', '10:00:00.000', asked('is s20\u0000 voluntary \ud83d'));
    const [stored] = await events.forConversation('c1');
    expect((stored.data as { text: string }).text.replace(/\0/g, '').replace(/[\ud800-\udfff\ufffd]/g, '')).toBe('is s20 voluntary ');
  });
});

describePostgres('analytics events PostgreSQL cannot take', () => {
  it('never fail the turn, and are reported as a number lost, never with what was typed', async () => {
    // A schema with no tables: every INSERT fails, as it would with the tables gone.
    const pool = openPostgresPool(databaseUrl ?? '', { max: 1, searchPath: 'no_such_schema_here', log: createMemoryLogger() });
    const log = createMemoryLogger();
    const store = new PostgresEventStore(pool, { onError: logWriteFailures(log), maxQueued: 3 });
    try {
      for (let i = 0; i < 10; i += 1) {
        expect(() => record(store, 'c1', '10:00:00.000', asked('my name is Kelly Smith, ring 07700 900123'))).not.toThrow();
      }
      await store.flush();

      const failures = log.lines.map((line) => JSON.parse(line) as { event: string; lost: number; errorCode?: string });
      expect(failures.every((line) => line.event === 'analytics_write_failed')).toBe(true);
      // 1 in flight, 3 waiting (the cap), 6 dropped: all 10 counted, none twice.
      expect(failures.reduce((sum, line) => sum + line.lost, 0)).toBe(10);
      expect(failures[0].errorCode).toBe('42P01');
      expect(log.lines.join('\n')).not.toMatch(/Kelly|07700|NAME|PHONE/);
    } finally {
      await pool.end();
    }
  });
});
