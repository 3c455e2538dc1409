import { SqliteEventStore } from '../../src/analytics/sqliteEventStore';
import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';

const quickExit = (conversationId: string) => ({ conversationId, channel: 'directline', at: new Date('2026-12-08T10:00:00Z'), data: { type: 'quickExit' as const } });
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('analytics events in the SQLite file', () => {
  it('are written once the turn yields, without anyone asking', async () => {
    const db = openSqliteDatabase(':memory:');
    const events = new SqliteEventStore(db);
    events.record(quickExit('c1'));
    events.record(quickExit('c2'));
    await nextTurn();
    expect(db.prepare('SELECT conversation_id FROM analytics_events ORDER BY id').all()).toEqual([{ conversation_id: 'c1' }, { conversation_id: 'c2' }]);
    db.close();
  });

  it('that cannot be written are reported as a count, and the turn that recorded them carries on', async () => {
    const db = openSqliteDatabase(':memory:');
    const failures: Array<[unknown, number]> = [];
    const events = new SqliteEventStore(db, { onError: (error, lost) => failures.push([error, lost]) });
    db.close();
    expect(() => {
      events.record(quickExit('c1'));
      events.record(quickExit('c2'));
    }).not.toThrow();
    await nextTurn();
    // The driver's error comes from outside jest's realm, so it is checked by shape, not by class.
    expect(failures.map(([error, lost]) => [(error as Error).message, lost])).toEqual([[expect.stringMatching(/not open/), 2]]);
    await expect(events.flush()).resolves.toBeUndefined();
    expect(failures).toHaveLength(1);
  });
});
