import type pg from 'pg';
import { readSignal } from '../../src/handoff/deskBroadcast';
import { HandoffDesk, HandoffDeskEvents, Origin } from '../../src/handoff/handoffDesk';
import { NewHandoff } from '../../src/handoff/handoffTypes';
import { PostgresDeskBroadcast } from '../../src/handoff/postgresDeskBroadcast';
import { PostgresHandoffStore } from '../../src/handoff/postgresHandoffStore';
import { createMemoryLogger } from '../../src/logger';
import { describePostgres, TestSchema, useMigratedSchema } from '../storage/postgresTestDatabase';

const SETTINGS = { maxQueue: 50, chatsPerAdviser: 2, idleAskMinutes: 5, idleReleaseMinutes: 3, noAdviserGraceMinutes: 2 };

const request = (conversationId: string): NewHandoff => ({
  conversationId,
  conversationRef: { conversation: { id: conversationId } },
  topic: 'section-20',
  learned: [],
  transcript: null,
});

async function until(probe: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Everything one desk emitted, with where it came from. */
function recordEvents(desk: HandoffDesk) {
  const seen: Array<{ event: keyof HandoffDeskEvents; origin?: Origin; handoffId?: string; text?: string }> = [];
  desk.on('queueChanged', (origin) => seen.push({ event: 'queueChanged', origin }));
  desk.on('accepted', (h, origin) => seen.push({ event: 'accepted', origin, handoffId: h.id }));
  desk.on('ended', (h, origin) => seen.push({ event: 'ended', origin, handoffId: h.id }));
  desk.on('userMessage', (m, origin) => seen.push({ event: 'userMessage', origin, handoffId: m.handoffId, text: m.text }));
  desk.on('adviserMessage', (m, _h, origin) => seen.push({ event: 'adviserMessage', origin, handoffId: m.handoffId, text: m.text }));
  desk.on('typing', (t, origin) => seen.push({ event: 'typing', origin, handoffId: t.handoffId }));
  desk.on('resync', () => seen.push({ event: 'resync' }));
  return seen;
}

describePostgres('the live-chat desk shared by two instances (PostgreSQL LISTEN/NOTIFY)', () => {
  const schema = useMigratedSchema();
  const log = createMemoryLogger();
  let clock = Date.parse('2026-12-07T11:00:00Z');
  const now = () => new Date(clock);
  const opened: Array<{ desk: HandoffDesk; broadcast: PostgresDeskBroadcast; pool: pg.Pool }> = [];

  /** One bot instance: its own pool, store, desk and link to the others. */
  async function instance(inSchema: TestSchema = schema, applicationName = 'desk-test') {
    const pool = inSchema.pool({ applicationName });
    const desk = new HandoffDesk(new PostgresHandoffStore(pool), SETTINGS, () => true, now);
    const broadcast = await PostgresDeskBroadcast.open(pool, log);
    desk.shareWith(broadcast);
    opened.push({ desk, broadcast, pool });
    return { desk, broadcast, pool, events: recordEvents(desk) };
  }

  beforeEach(async () => {
    await schema.query('TRUNCATE handoff_messages, handoffs, console_accounts CASCADE');
    await schema.query(
      "INSERT INTO console_accounts (id, username, display_name, role, password_hash, created_at) VALUES (1, 'sam', 'Sam', 'adviser', 'x', '2026-01-01T00:00:00.000Z'), (2, 'priya', 'Priya', 'adviser', 'x', '2026-01-01T00:00:00.000Z')",
    );
  });
  afterEach(async () => {
    for (const { broadcast, pool } of opened.splice(0)) {
      await broadcast.close();
      await pool.end();
    }
  });

  it('offers live chat on an instance with no consoles while an adviser is online on another, and stops when they leave', async () => {
    const a = await instance();
    const b = await instance();
    expect(await a.desk.availability()).toEqual({ live: false, reason: 'noAdvisers' });

    const offline = b.desk.adviserConnected(1, 'Sam');
    await until(async () => (await a.desk.availability()).live, 'the adviser on B to count on A');
    expect(a.desk.advisers()).toEqual([{ accountId: 1, displayName: 'Sam', available: true, connections: 1 }]);

    b.desk.setAvailable(1, false);
    await until(async () => !(await a.desk.availability()).live, 'stepping away on B to count on A');
    offline();
    await until(() => a.desk.advisers().length === 0, 'the adviser leaving B to count on A');
  });

  it('a new instance learns at once which advisers the others have', async () => {
    const a = await instance();
    a.desk.adviserConnected(2, 'Priya');
    const b = await instance();
    await until(() => b.desk.advisers().some((adviser) => adviser.accountId === 2), 'B to hear of Priya without waiting for a sweep');
  });

  it('forgets the advisers of an instance that stopped reporting (killed), once its last report is out of date', async () => {
    const a = await instance();
    const b = await instance();
    b.desk.adviserConnected(1, 'Sam');
    await until(() => a.desk.advisers().length === 1, 'the adviser on B to count on A');
    // B dies without a word: no more reports.
    await b.broadcast.close();
    clock += 30_000;
    expect(a.desk.advisers()).toHaveLength(1);
    clock += 30_000;
    expect(a.desk.advisers()).toEqual([]);
  });

  it('the person on A and the adviser on B see each other: queue, accept, messages both ways in order, typing, end', async () => {
    const a = await instance();
    const b = await instance();
    const handoff = await a.desk.request(request('person-on-a'));
    await until(() => b.events.some((e) => e.event === 'queueChanged' && e.origin === 'elsewhere'), 'B to hear the queue changed');
    expect((await b.desk.queuePlaces()).map((entry) => entry.handoff.id)).toEqual([handoff.id]);

    await b.desk.accept(handoff.id, { accountId: 1, displayName: 'Sam' });
    await until(() => a.events.some((e) => e.event === 'accepted' && e.handoffId === handoff.id), 'A to hear of the accept');
    expect(a.events.find((e) => e.event === 'accepted')?.origin).toBe('elsewhere');

    // Sent as fast as they can be written: each side hears every one, in the order written.
    const fromPerson = Array.from({ length: 40 }, (_, i) => `person ${i}`);
    const fromAdviser = Array.from({ length: 40 }, (_, i) => `adviser ${i}`);
    await Promise.all([
      (async () => {
        for (const text of fromPerson) await a.desk.fromUser(handoff.id, text);
      })(),
      (async () => {
        for (const text of fromAdviser) await b.desk.fromAdviser(handoff.id, 1, text);
      })(),
    ]);
    const heard = (events: typeof a.events, event: 'userMessage' | 'adviserMessage') => events.filter((e) => e.event === event).map((e) => e.text);
    await until(() => heard(b.events, 'userMessage').length === fromPerson.length, "B to hear all the person's messages");
    await until(() => heard(a.events, 'adviserMessage').length === fromAdviser.length, "A to hear all the adviser's messages");
    expect(heard(b.events, 'userMessage')).toEqual(fromPerson);
    expect(heard(a.events, 'adviserMessage')).toEqual(fromAdviser);
    expect(b.events.filter((e) => e.event === 'userMessage').every((e) => e.origin === 'elsewhere')).toBe(true);

    b.desk.typing(handoff.id, 'adviser');
    await until(() => a.events.some((e) => e.event === 'typing' && e.origin === 'elsewhere'), 'A to hear the adviser typing');

    await b.desk.endByAdviser(handoff.id, 1, 'Advice given');
    await until(() => a.events.some((e) => e.event === 'ended' && e.handoffId === handoff.id), 'A to hear the chat ended');
    // Each change is announced once on each instance: here where it happened, elsewhere on the other.
    expect(a.events.filter((e) => e.event === 'accepted')).toHaveLength(1);
    expect(b.events.filter((e) => e.event === 'accepted').map((e) => e.origin)).toEqual(['here']);
  });

  it('instances of another deployment in the same database (another schema) hear nothing of this one', async () => {
    const other = await new TestSchema().create();
    try {
      const a = await instance();
      const stranger = await instance(other);
      a.desk.adviserConnected(1, 'Sam');
      await a.desk.request(request('someone'));
      const b = await instance();
      await until(() => b.desk.advisers().length === 1, 'B, in the same schema, to hear of Sam');
      expect(stranger.desk.advisers()).toEqual([]);
      expect(stranger.events).toEqual([]);
    } finally {
      for (const entry of opened.splice(0)) {
        await entry.broadcast.close();
        await entry.pool.end();
      }
      await other.drop();
    }
  });

  it('when its link to the database drops, an instance reconnects, and both sides reload what they may have missed', async () => {
    const a = await instance(schema, `desk-a-${schema.name}`);
    const b = await instance();
    // Cut A's connections from the server side, as a failover or a network drop would.
    const cut = await schema.query<{ ended: boolean }>('SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = $1', [`desk-a-${schema.name}`]);
    expect(cut.length).toBeGreaterThan(0);
    await until(() => a.events.some((e) => e.event === 'resync') && b.events.some((e) => e.event === 'resync'), 'both instances to be told to reload', 10_000);
    // And signals flow again afterwards.
    const handoff = await a.desk.request(request('after-the-drop'));
    await b.desk.accept(handoff.id, { accountId: 2, displayName: 'Priya' });
    await until(() => a.events.some((e) => e.event === 'accepted' && e.handoffId === handoff.id), 'A to hear of the accept after reconnecting');
    expect(log.lines.join('\n')).toMatch(/desk_link_lost/);
  });
});

describe('signals from the wire', () => {
  it('takes well-formed signals and ignores anything else', () => {
    const good = { from: 'i1', signal: { kind: 'userMessage', handoffId: 'h', messageId: 3 } };
    expect(readSignal(JSON.stringify(good))).toEqual(good);
    for (const bad of [
      'not json',
      'null',
      JSON.stringify({ from: 1, signal: { kind: 'queueChanged' } }),
      JSON.stringify({ from: 'i', signal: { kind: 'dropTables' } }),
      JSON.stringify({ from: 'i', signal: { kind: 'accepted' } }),
      JSON.stringify({ from: 'i', signal: { kind: 'userMessage', handoffId: 'h', messageId: 'x' } }),
      JSON.stringify({ from: 'i', signal: { kind: 'typing', handoffId: 'h', from: 'bot' } }),
      JSON.stringify({ from: 'i', signal: { kind: 'presence', advisers: [{ accountId: 1 }] } }),
    ]) {
      expect(readSignal(bad)).toBeUndefined();
    }
  });
});
