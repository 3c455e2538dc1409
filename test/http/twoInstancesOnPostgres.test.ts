import { startFakeConnector } from '../support/fakeConnector';
import { startTestBot, TestBot } from '../support/startTestBot';
import { describePostgres, TestSchema } from '../storage/postgresTestDatabase';

describePostgres('two bot instances sharing conversation state in PostgreSQL', () => {
  const schema = new TestSchema();
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let a: TestBot;
  let b: TestBot;

  beforeAll(async () => {
    await schema.create();
    connector = await startFakeConnector();
    const env = { DATABASE_URL: schema.url() };
    a = await startTestBot(env);
    b = await startTestBot(env);
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await connector?.stop();
    await schema.drop();
  });

  let sequence = 0;
  function send(bot: TestBot, conversationId: string, text: string, id = `m-${(sequence += 1)}`) {
    return fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id, text, channelId: 'emulator', serviceUrl: connector.serviceUrl,
        conversation: { id: conversationId }, from: { id: `user-${conversationId}` }, recipient: { id: 'bot' },
      }),
    });
  }
  const repliesTo = (conversationId: string) =>
    connector.received.filter((activity) => (activity as { conversation?: { id: string } }).conversation?.id === conversationId).map((activity) => activity.text ?? '');

  it('keeps the state in PostgreSQL, so a guided conversation started on one instance carries on at the other', async () => {
    await send(a, 'walk', 'Section 20 (voluntary care)');
    await send(b, 'walk', 'I am being asked to sign');
    expect(repliesTo('walk').at(-1)).toBe('Is there a court order or a court case about your child?');
    const rows = await schema.query<{ key: string }>("SELECT key FROM bot_state WHERE key LIKE '%/conversations/walk/'");
    expect(rows).toHaveLength(1);
  });

  it('handles two messages of one conversation arriving at both instances at once one after the other, losing neither', async () => {
    // Two misunderstandings in a row make the bot offer a person. If the turns overwrote each other's
    // state, both would look like the first misunderstanding.
    const conversations = ['race-1', 'race-2', 'race-3', 'race-4', 'race-5'];
    await Promise.all(conversations.map((id) => Promise.all([send(a, id, 'qwerty asdf'), send(b, id, 'zxcv uiop')])));
    for (const id of conversations) {
      const replies = repliesTo(id).join('\n');
      expect(replies).toMatch(/didn't understand/);
      expect(replies).toMatch(/still not understanding/);
    }
  });

  it('answers a message once even when the channel delivers it to both instances at once', async () => {
    await Promise.all([send(a, 'retry', 'help', 'same-id'), send(b, 'retry', 'help', 'same-id')]);
    const menus = repliesTo('retry').filter((text) => /Here is what I can help with/.test(text));
    expect(menus).toHaveLength(1);
  });
});
