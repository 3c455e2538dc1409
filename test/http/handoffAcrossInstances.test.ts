import { HANDOFF_WORDS } from '../../src/dialogs/handoff/handoffWording';
import { PostgresConsoleAccounts } from '../../src/accounts/postgresConsoleAccounts';
import { signIn, TEST_PASSWORD } from '../support/adviserClient';
import { startFakeConnector } from '../support/fakeConnector';
import { startTestBot, TestBot } from '../support/startTestBot';
import { describePostgres, useMigratedSchema } from '../storage/postgresTestDatabase';

type Adviser = Awaited<ReturnType<typeof signIn>>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** The hand-off the adviser's console shows waiting, once it shows one. */
const queuedOn = (adviser: Adviser) =>
  until(async () => {
    const { body } = await adviser.api('GET', '/state');
    return (body.queue as Array<{ id: string }>)[0]?.id;
  }, 'the person to reach the queue on the adviser\'s instance');

/**
 * Issue 7: two instances behind a load balancer, sharing PostgreSQL. The person's messages go to
 * instance A; the adviser's console is connected to instance B. They must chat as on one instance:
 * B's adviser counts as online on A, the person reaches B's queue, and every message, the adviser
 * joining and the end reach the other side once.
 */
describePostgres('a live chat between a person on one instance and an adviser on another', () => {
  const schema = useMigratedSchema();
  let a: TestBot;
  let b: TestBot;
  let sam: Adviser;

  beforeAll(async () => {
    const pool = schema.pool();
    await new PostgresConsoleAccounts(pool).create({ username: 'sam', displayName: 'Sam', role: 'adviser', password: TEST_PASSWORD });
    await pool.end();
    const env = { DATABASE_URL: schema.url() };
    // The helpline is open whatever the time of the run.
    a = await startTestBot(env, undefined, {}, { isHelplineOpen: () => true });
    b = await startTestBot(env, undefined, {}, { isHelplineOpen: () => true });
    sam = await signIn(b.url, 'sam');
    await sam.openStream();
    await sam.waitForEvent((e) => e.event === 'ready');
  });
  afterAll(async () => {
    await sam?.close();
    await a?.stop();
    await b?.stop();
  });

  it('through an Azure-style channel (any instance can reach the person): each side sees the other, every message once', async () => {
    const connector = await startFakeConnector();
    try {
      let sequence = 0;
      const conversationId = 'across-azure';
      const say = (text: string) =>
        fetch(`${a.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'message', id: `m-${(sequence += 1)}`, text, channelId: 'emulator', serviceUrl: connector.serviceUrl,
            conversation: { id: conversationId }, from: { id: 'person' }, recipient: { id: 'bot' },
          }),
        });
      const texts = () => connector.received.map((activity) => activity.text ?? '');
      const count = (text: string) => texts().filter((t) => t === text).length;

      // Sam, on B, counts as online on A: A offers the live chat rather than the phone.
      await until(async () => {
        const before = texts().length;
        await say('talk to a person');
        return !texts().slice(before).some((t) => /no advisers|not able to connect|phone/i.test(t)) || undefined;
      }, 'A to offer a live chat', 3000);
      expect((await say('Yes, share it')).status).toBe(200);
      const handoffId = await queuedOn(sam);

      expect((await sam.api('POST', `/handoffs/${handoffId}/accept`)).status).toBe(200);
      const joined = HANDOFF_WORDS.adviserJoined('Sam');
      await until(() => count(joined) > 0, 'the person to be told Sam joined');

      for (const text of ['Hello, I am Sam.', 'How old is your child?']) {
        expect((await sam.api('POST', `/handoffs/${handoffId}/messages`, { text })).status).toBe(201);
      }
      await until(() => count('How old is your child?') > 0, "Sam's messages to reach the person");

      await say('She is seven');
      await sam.waitForEvent((e) => e.event === 'message' && e.data.text === 'She is seven');

      expect((await sam.api('POST', `/handoffs/${handoffId}/end`, { outcome: 'Advice given' })).status).toBe(200);
      const ended = HANDOFF_WORDS.adviserEnded('Sam');
      await until(() => count(HANDOFF_WORDS.wasItHelpful) > 0, 'the person to be told the chat ended');
      // Time for any second copy (from the other instance) to arrive before counting.
      await sleep(500);
      for (const text of [joined, 'Hello, I am Sam.', 'How old is your child?', ended, HANDOFF_WORDS.wasItHelpful]) expect([text, count(text)]).toEqual([text, 1]);
      const order = ['Hello, I am Sam.', 'How old is your child?'].map((text) => texts().indexOf(text));
      expect(order[0]).toBeLessThan(order[1]);
    } finally {
      await connector.stop();
    }
  });

  it('through the built-in Direct Line gateway on A: the adviser on B reaches the person on A once, and back', async () => {
    const issued = (await (await fetch(`${a.url}/api/directline/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    const headers = { authorization: `Bearer ${issued.token}`, 'content-type': 'application/json' };
    const base = `${a.url}/api/directline/conversations/${issued.conversationId}`;
    await fetch(`${a.url}/api/directline/conversations`, { method: 'POST', headers });
    const say = (text: string) => fetch(`${base}/activities`, { method: 'POST', headers, body: JSON.stringify({ type: 'message', text, from: { id: 'person' } }) });
    const transcript = async () =>
      ((await (await fetch(`${base}/activities`, { headers })).json()) as { activities: Array<{ text?: string; from: { id: string } }> }).activities
        .filter((activity) => activity.from.id !== 'person')
        .map((activity) => activity.text ?? '');

    expect((await say('talk to a person')).status).toBe(200);
    expect((await say('Yes, share it')).status).toBe(200);
    const handoffId = await queuedOn(sam);
    expect((await sam.api('POST', `/handoffs/${handoffId}/accept`)).status).toBe(200);
    expect((await sam.api('POST', `/handoffs/${handoffId}/messages`, { text: 'Hello again from Sam.' })).status).toBe(201);
    await until(async () => (await transcript()).includes('Hello again from Sam.') || undefined, "Sam's message to reach the person on A");

    await say('Thanks Sam');
    await sam.waitForEvent((e) => e.event === 'message' && e.data.text === 'Thanks Sam');
    expect((await sam.api('POST', `/handoffs/${handoffId}/end`, { outcome: 'Advice given' })).status).toBe(200);
    await until(async () => (await transcript()).includes(HANDOFF_WORDS.wasItHelpful) || undefined, 'the person on A to be told the chat ended');
    await sleep(500);
    const seen = await transcript();
    for (const text of [HANDOFF_WORDS.adviserJoined('Sam'), 'Hello again from Sam.', HANDOFF_WORDS.adviserEnded('Sam')]) {
      expect([text, seen.filter((t) => t === text).length]).toEqual([text, 1]);
    }
  });
});
