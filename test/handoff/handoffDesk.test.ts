import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';
import { HandoffDesk, HandoffError } from '../../src/handoff/handoffDesk';
import { HandoffStore } from '../../src/handoff/handoffStore';
import { NewHandoff } from '../../src/handoff/handoffTypes';

const SETTINGS = { maxQueue: 3, chatsPerAdviser: 2, idleAskMinutes: 5, idleReleaseMinutes: 3, noAdviserGraceMinutes: 2 };

function deskAt(start: string, open = true) {
  let now = new Date(start);
  const db = openSqliteDatabase(':memory:');
  const addAccount = db.prepare("INSERT INTO console_accounts (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, 'adviser', 'x', '')");
  addAccount.run(1, 'sam', 'Sam');
  addAccount.run(2, 'priya', 'Priya');
  const store = new HandoffStore(db);
  const desk = new HandoffDesk(store, SETTINGS, () => open, () => now);
  return { desk, store, advance: (minutes: number) => (now = new Date(now.getTime() + minutes * 60000)) };
}

const request = (conversationId: string): NewHandoff => ({
  conversationId,
  conversationRef: { conversation: { id: conversationId } },
  topic: 'section-20',
  learned: [{ label: 'Wants the child home', value: 'Yes' }],
  transcript: null,
});

describe('the live-chat desk', () => {
  it('offers no live chat when the helpline is closed, even with advisers online', () => {
    const { desk } = deskAt('2026-12-05T11:00:00Z', false);
    desk.adviserConnected(1, 'Sam');
    expect(desk.availability()).toEqual({ live: false, reason: 'closed' });
  });

  it('offers no live chat when no adviser is online, or all have stepped away', () => {
    const { desk } = deskAt('2026-12-07T11:00:00Z');
    expect(desk.availability()).toEqual({ live: false, reason: 'noAdvisers' });
    desk.adviserConnected(1, 'Sam');
    desk.setAvailable(1, false);
    expect(desk.availability()).toEqual({ live: false, reason: 'noAdvisers' });
    desk.setAvailable(1, true);
    expect(desk.availability()).toEqual({ live: true, advisersAvailable: 1 });
  });

  it('remembers an adviser who stepped away, even after a page reload', () => {
    const { desk } = deskAt('2026-12-07T11:00:00Z');
    const reload = desk.adviserConnected(1, 'Sam');
    desk.setAvailable(1, false);
    reload();
    desk.adviserConnected(1, 'Sam');
    expect(desk.availability()).toEqual({ live: false, reason: 'noAdvisers' });
  });

  it('offers no live chat when the queue is full', () => {
    const { desk } = deskAt('2026-12-07T11:00:00Z');
    desk.adviserConnected(1, 'Sam');
    for (const id of ['a', 'b', 'c']) desk.request(request(id));
    expect(desk.availability()).toEqual({ live: false, reason: 'queueFull' });
  });

  it('gives each person their place and a wait that grows down the queue', () => {
    const { desk } = deskAt('2026-12-07T11:00:00Z');
    desk.adviserConnected(1, 'Sam');
    const first = desk.request(request('a'));
    const second = desk.request(request('b'));
    const third = desk.request(request('c'));
    expect(desk.placeOf(first.id)).toEqual({ position: 1, waitMinutes: 0 });
    expect(desk.placeOf(second.id)).toEqual({ position: 2, waitMinutes: 0 });
    expect(desk.placeOf(third.id)?.position).toBe(3);
    expect(desk.placeOf(third.id)?.waitMinutes).toBeGreaterThan(0);
  });

  it('keeps one place per conversation when someone asks twice', () => {
    const { desk, store } = deskAt('2026-12-07T11:00:00Z');
    const once = desk.request(request('a'));
    const twice = desk.request(request('a'));
    expect(twice.id).toBe(once.id);
    expect(store.queue()).toHaveLength(1);
  });

  it('gives a conversation to exactly one adviser when two press Accept together', async () => {
    const { desk } = deskAt('2026-12-07T11:00:00Z');
    const handoff = desk.request(request('a'));
    const results = await Promise.allSettled([
      Promise.resolve().then(() => desk.accept(handoff.id, { accountId: 1, displayName: 'Sam' })),
      Promise.resolve().then(() => desk.accept(handoff.id, { accountId: 2, displayName: 'Priya' })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(HandoffError);
    expect((refused.reason as HandoffError).status).toBe(409);
  });

  it('lets only the adviser who has the conversation write in it', () => {
    const { desk } = deskAt('2026-12-07T11:00:00Z');
    const handoff = desk.request(request('a'));
    desk.accept(handoff.id, { accountId: 1, displayName: 'Sam' });
    expect(() => desk.fromAdviser(handoff.id, 2, 'hello')).toThrow('not yours');
    expect(desk.fromAdviser(handoff.id, 1, 'Hello, I am Sam').text).toBe('Hello, I am Sam');
  });

  it('keeps every message in order for a console that reconnects', () => {
    const { desk, store } = deskAt('2026-12-07T11:00:00Z');
    const handoff = desk.request(request('a'));
    desk.accept(handoff.id, { accountId: 1, displayName: 'Sam' });
    const first = desk.fromUser(handoff.id, 'one');
    desk.fromAdviser(handoff.id, 1, 'two');
    desk.fromUser(handoff.id, 'three');
    expect(store.messages(handoff.id, first.id).map((m) => m.text)).toEqual(['two', 'three']);
  });

  it('asks a quiet person if they are still there, then releases them', () => {
    const { desk, store, advance } = deskAt('2026-12-07T11:00:00Z');
    desk.adviserConnected(1, 'Sam');
    const handoff = desk.request(request('a'));
    const asked: string[] = [];
    const ended: string[] = [];
    desk.on('stillThere', (h) => asked.push(h.id));
    desk.on('ended', (h) => ended.push(`${h.id}:${h.endedBy}`));
    advance(4);
    desk.sweep();
    expect(asked).toEqual([]);
    advance(1);
    desk.sweep();
    expect(asked).toEqual([handoff.id]);
    advance(2);
    desk.sweep();
    expect(ended).toEqual([]);
    advance(1);
    desk.sweep();
    expect(ended).toEqual([`${handoff.id}:timeout`]);
    expect(store.openFor('a')).toBeUndefined();
  });

  it('keeps the place of someone who answers "still here"', () => {
    const { desk, store, advance } = deskAt('2026-12-07T11:00:00Z');
    desk.adviserConnected(1, 'Sam');
    const handoff = desk.request(request('a'));
    advance(5);
    desk.sweep();
    advance(2);
    desk.userActive(handoff.id);
    advance(2);
    desk.sweep();
    expect(store.get(handoff.id)?.status).toBe('queued');
  });

  it('releases the queue when every adviser has been gone for a while', () => {
    const { desk, advance } = deskAt('2026-12-07T11:00:00Z');
    const leave = desk.adviserConnected(1, 'Sam');
    const handoff = desk.request(request('a'));
    leave();
    const ended: string[] = [];
    desk.on('ended', (h) => ended.push(`${h.id}:${h.endedBy}`));
    advance(1);
    desk.sweep();
    expect(ended).toEqual([]);
    advance(1.5);
    desk.sweep();
    expect(ended).toEqual([`${handoff.id}:noAdvisers`]);
  });

  it('records the outcome an adviser gives even after the person ended the chat', () => {
    const { desk, store } = deskAt('2026-12-07T11:00:00Z');
    const handoff = desk.request(request('a'));
    desk.accept(handoff.id, { accountId: 1, displayName: 'Sam' });
    desk.end(handoff.id, 'user');
    desk.endByAdviser(handoff.id, 1, 'advice given');
    expect(store.get(handoff.id)).toMatchObject({ status: 'ended', endedBy: 'user', outcome: 'advice given' });
  });
});
