import { ConversationState, TestAdapter, TurnContext, UserState, type Activity } from 'botbuilder';
import { createMemoryLogger } from '../../src/logger';
import { PostgresTurnLock, turnLockMiddleware } from '../../src/storage/conversationTurnLock';
import { PostgresStorage } from '../../src/storage/postgresStorage';
import { describePostgres, useMigratedSchema } from './postgresTestDatabase';
import { nameAndCountTurn } from './nameAndCountBot';

describePostgres('bot state kept in PostgreSQL', () => {
  const schema = useMigratedSchema();
  beforeEach(async () => {
    await schema.query('TRUNCATE bot_state');
  });

  /**
   * A tiny bot that keeps a name in user state and a message count in conversation state, wired as
   * the real one will be: the turn lock first, then the bot, which saves state at the end of its turn.
   * Each call is one instance, with its own connections.
   */
  function startInstance(template?: Partial<Activity>) {
    const pool = schema.pool({ max: 2 });
    const lockPool = schema.pool({ max: 2 });
    const storage = new PostgresStorage(pool);
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const adapter = new TestAdapter(nameAndCountTurn(conversationState, userState), template);
    adapter.use(turnLockMiddleware(new PostgresTurnLock(lockPool, { log: createMemoryLogger() })));

    return {
      adapter,
      conversationState,
      stop: async () => {
        await Promise.all([pool.end(), lockPool.end()]);
      },
    };
  }

  it('remembers a name told before the instance restarted', async () => {
    const first = startInstance();
    await first.adapter.send('my name is Sam').assertReply('Hello Sam');
    await first.stop();

    const second = startInstance();
    await second.adapter.send('who am I?').assertReply('You are Sam (message 2)');
    await second.stop();
  });

  it('carries a conversation on, whichever instance takes each message', async () => {
    const a = startInstance();
    const b = startInstance();
    try {
      await a.adapter.send('hello').assertReply("I don't know your name (message 1)");
      await b.adapter.send('my name is Alex').assertReply('Hello Alex');
      await a.adapter.send('who am I?').assertReply('You are Alex (message 3)');
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it("does not tell a different person the first person's name", async () => {
    const first = startInstance();
    await first.adapter.send('my name is Sam').assertReply('Hello Sam');
    await first.stop();

    const other = startInstance({ from: { id: 'someone-else', name: 'Someone else' } });
    await other.adapter.send('who am I?').assertReply("I don't know your name (message 2)");
    await other.stop();
  });

  it('loads with BotState.load and saves with saveChanges under the storage key botbuilder uses', async () => {
    const instance = startInstance();
    try {
      const context = new TurnContext(instance.adapter, {
        type: 'message',
        channelId: 'webchat',
        conversation: { id: 'conv-42' } as never,
        from: { id: 'user-1' } as never,
        recipient: { id: 'bot' } as never,
        text: 'hi',
      });
      await instance.conversationState.load(context);
      await instance.conversationState.createProperty<string>('step').set(context, 'askWho');
      await instance.conversationState.saveChanges(context);

      const rows = await schema.query<{ key: string; value: string }>('SELECT key, value FROM bot_state');
      // ConversationState's key ends in "/" + its namespace, which is empty by default.
      expect(rows).toEqual([{ key: 'webchat/conversations/conv-42/', value: expect.any(String) }]);
      expect(JSON.parse(rows[0].value)).toMatchObject({ step: 'askWho' });
    } finally {
      await instance.stop();
    }
  });
});
