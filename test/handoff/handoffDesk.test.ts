import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';
import { HandoffDesk, HandoffError } from '../../src/handoff/handoffDesk';
import { SqliteHandoffStore } from '../../src/handoff/sqliteHandoffStore';
import { NewHandoff } from '../../src/handoff/handoffTypes';

const SETTINGS = { maxQueue: 3, chatsPerAdviser: 2, idleAskMinutes: 5, idleReleaseMinutes: 3, noAdviserGraceMinutes: 2 };

function deskAt(start: string, open = true) {
  let now = new Date(start);
  const db = openSqliteDatabase(':memory:');
  const addAccount = db.prepare("INSERT INTO console_accounts (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, 'adviser', 'x', '')");
  addAccount.run(1, 'sam', 'Sam');
  addAccount.run(2, 'priya', 'Priya');
  const store = new SqliteHandoffStore(db);
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
  it('offers no live chat when the helpline is closed, even with advisers online', async () => {
    const { desk } = deskAt('2026-12-05T11:00:00Z', false);
    desk.adviserConnected(1, 'Sam');
    expect(await desk.availability()).toEqual({ live: false, reason: 'closed' });
  });

  it('offers no live chat when no adviser is online, or all have stepped away', async () => {
    const { desk } = deskAt('2026-12-07T11:00:00Z');
    expect(await desk.availability()).toEqual({ live: false, reason: 'noAdvisers' });
    desk.adviserConnected(1, 'Sam');
    desk.setAvailable(1, false);
    expect(await desk.availability()).toEqual({ live: false, reason: 'noAdvisers' });
    desk.setAvailable(1, true);
    expect(await desk.availability()).toEqual({ live: true, advisersAvailable: 1 });
  });

  it('remembers an adviser who stepped away, even after a page reload', async () => {
    const { desk } = deskAt('2026-12-07T11:00:00Z');
    const reload = desk.adviserConnected(1, 'Sam');
    desk.setAvailable(1, false);
    reload();
    desk.adviserConnected(1, 'Sam');
    expect(await desk.availability()).toEqual({ live: false, reason: 'noAdvisers' });
  });

  it('offers no live chat when the queue is full', async () => {
    const { desk } = deskAt('2026-12-07T11:00:00Z');
    desk.adviserConnected(1, 'Sam');
    for (const id of ['a', 'b', 'c']) await desk.request(request(id));
    expect(await desk.availability()).toEqual({ live: false, reason: 'queueFull' });
  });

  it('gives each person their place and a wait that grows down the queue', async () => {
    const { desk } = deskAt('2026-12-07T11:00:00Z');
    desk.adviserConnected(1, 'Sam');
    const first = await desk.request(request('a'));
    const second = await desk.request(request('b'));
    const third = await desk.request(request('c'));
    expect(await desk.placeOf(first.id)).toEqual({ position: 1, waitMinutes: 0 });
    expect(await desk.placeOf(second.id)).toEqual({ position: 2, waitMinutes: 0 });
    expect((await desk.placeOf(third.id))?.position).toBe(3);
    expect((await desk.placeOf(third.id))?.waitMinutes).toBeGreaterThan(0);
  });

  it('keeps one place per conversation when someone asks twice', async () => {
    const { desk, store } = deskAt('2026-12-07T11:00:00Z');
    const once = await desk.request(request('a'));
    const twice = await desk.request(request('a'));
    expect(twice.id).toBe(once.id);
    expect(await store.queue()).toHaveLength(1);
  });

  it('gives a conversation to exactly one adviser when two press Accept together', async () => {
    const { desk } = deskAt('2026-12-07T11:00:00Z');
    const handoff = await desk.request(request('a'));
    const results = await Promise.allSettled([
      desk.accept(handoff.id, { accountId: 1, displayName: 'Sam' }),
      desk.accept(handoff.id, { accountId: 2, displayName: 'Priya' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(HandoffError);
    expect((refused.reason as HandoffError).status).toBe(409);
  });

  it('lets only the adviser who has the conversation write in it', async () => {
    const { desk } = deskAt('2026-12-07T11:00:00Z');
    const handoff = await desk.request(request('a'));
    await desk.accept(handoff.id, { accountId: 1, displayName: 'Sam' });
    await expect(desk.fromAdviser(handoff.id, 2, 'hello')).rejects.toThrow('not yours');
    expect((await desk.fromAdviser(handoff.id, 1, 'Hello, I am Sam')).text).toBe('Hello, I am Sam');
  });

  it('keeps every message in order for a console that reconnects', async () => {
    const { desk, store } = deskAt('2026-12-07T11:00:00Z');
    const handoff = await desk.request(request('a'));
    await desk.accept(handoff.id, { accountId: 1, displayName: 'Sam' });
    const first = await desk.fromUser(handoff.id, 'one');
    await desk.fromAdviser(handoff.id, 1, 'two');
    await desk.fromUser(handoff.id, 'three');
    expect((await store.messages(handoff.id, first.id)).map((m) => m.text)).toEqual(['two', 'three']);
  });

  it('asks a quiet person if they are still there, then releases them', async () => {
    const { desk, store, advance } = deskAt('2026-12-07T11:00:00Z');
    desk.adviserConnected(1, 'Sam');
    const handoff = await desk.request(request('a'));
    const asked: string[] = [];
    const ended: string[] = [];
    desk.on('stillThere', (h) => asked.push(h.id));
    desk.on('ended', (h) => ended.push(`${h.id}:${h.endedBy}`));
    advance(4);
    await desk.sweep();
    expect(asked).toEqual([]);
    advance(1);
    await desk.sweep();
    expect(asked).toEqual([handoff.id]);
    advance(2);
    await desk.sweep();
    expect(ended).toEqual([]);
    advance(1);
    await desk.sweep();
    expect(ended).toEqual([`${handoff.id}:timeout`]);
    expect(await store.openFor('a')).toBeUndefined();
  });

  it('keeps the place of someone who answers "still here"', async () => {
    const { desk, store, advance } = deskAt('2026-12-07T11:00:00Z');
    desk.adviserConnected(1, 'Sam');
    const handoff = await desk.request(request('a'));
    advance(5);
    await desk.sweep();
    advance(2);
    await desk.userActive(handoff.id);
    advance(2);
    await desk.sweep();
    expect((await store.get(handoff.id))?.status).toBe('queued');
  });

  it('releases the queue when every adviser has been gone for a while', async () => {
    const { desk, advance } = deskAt('2026-12-07T11:00:00Z');
    const leave = desk.adviserConnected(1, 'Sam');
    const handoff = await desk.request(request('a'));
    leave();
    const ended: string[] = [];
    desk.on('ended', (h) => ended.push(`${h.id}:${h.endedBy}`));
    advance(1);
    await desk.sweep();
    expect(ended).toEqual([]);
    advance(1.5);
    await desk.sweep();
    expect(ended).toEqual([`${handoff.id}:noAdvisers`]);
  });

  it('records the outcome an adviser gives even after the person ended the chat', async () => {
    const { desk, store } = deskAt('2026-12-07T11:00:00Z');
    const handoff = await desk.request(request('a'));
    await desk.accept(handoff.id, { accountId: 1, displayName: 'Sam' });
    await desk.end(handoff.id, 'user');
    await desk.endByAdviser(handoff.id, 1, 'advice given');
    expect(await store.get(handoff.id)).toMatchObject({ status: 'ended', endedBy: 'user', outcome: 'advice given' });
  });
  it('keeps the place of someone whose "still here" arrives while the bot is deciding to release them', async () => {
    const { desk, store, advance } = deskAt('2026-12-07T11:00:00Z');
    desk.adviserConnected(1, 'Sam');
    const handoff = await desk.request(request('a'));
    advance(5);
    await desk.sweep();
    advance(3);
    // The answer lands after the sweep has read the queue, before it acts on what it read.
    const queue = store.queue.bind(store);
    store.queue = async () => {
      const waiting = await queue();
      await desk.userActive(handoff.id);
      return waiting;
    };
    await desk.sweep();
    expect((await store.get(handoff.id))?.status).toBe('queued');
  });

  it('tells an adviser whose message crosses with the person leaving that the chat has ended, and keeps nothing of it', async () => {
    const { desk, store } = deskAt('2026-12-07T11:00:00Z');
    const handoff = await desk.request(request('a'));
    await desk.accept(handoff.id, { accountId: 1, displayName: 'Sam' });
    // The person leaves just after the desk has checked the chat is the adviser's.
    const get = store.get.bind(store);
    store.get = async (id) => {
      const seen = await get(id);
      store.get = get;
      await store.end(id, 'user', null, new Date('2026-12-07T11:01:00Z'));
      return seen;
    };
    await expect(desk.fromAdviser(handoff.id, 1, 'Are you there?')).rejects.toThrow('This conversation has ended.');
    expect(await store.messages(handoff.id)).toEqual([]);
  });
});
