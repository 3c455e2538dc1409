import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationState, TestAdapter, UserState, type Activity } from 'botbuilder';
import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { nameAndCountTurn } from './nameAndCountBot';

/**
 * A tiny bot that keeps a name in user state and a message count in conversation state.
 * Each call is one "process": its own connection to the file, closed by `stop()`.
 */
function startBot(path: string, template?: Partial<Activity>) {
  const storage = new SqliteStorage(openSqliteDatabase(path));
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const adapter = new TestAdapter(nameAndCountTurn(conversationState, userState), template);

  return { adapter, stop: () => storage.close() };
}

describe('bot state kept in the SQLite file', () => {
  let dir: string;
  let path: string;
  const running: Array<{ stop: () => void }> = [];
  function start(template?: Partial<Activity>) {
    const bot = startBot(path, template);
    running.push(bot);
    return bot.adapter;
  }
  function restart() {
    for (const bot of running.splice(0)) bot.stop();
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bot-state-'));
    path = join(dir, 'bot.sqlite');
  });
  afterEach(() => {
    restart();
    rmSync(dir, { recursive: true, force: true });
  });

  it('remembers a name told before the bot restarted', async () => {
    await start().send('my name is Sam').assertReply('Hello Sam');
    restart();

    await start().send('who am I?').assertReply('You are Sam (message 2)');
  });

  it('carries on the conversation where it was after a restart', async () => {
    await start()
      .send('hello')
      .assertReply("I don't know your name (message 1)")
      .send('hi again')
      .assertReply("I don't know your name (message 2)");
    restart();

    await start().send('still there?').assertReply("I don't know your name (message 3)");
  });

  it("does not tell a different person the first person's name after a restart", async () => {
    await start().send('my name is Sam').assertReply('Hello Sam');
    restart();

    await start({ from: { id: 'someone-else', name: 'Someone else' } })
      .send('who am I?')
      .assertReply("I don't know your name (message 2)");
  });
});
