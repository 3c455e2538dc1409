import { ConversationState, TestAdapter, TurnContext, type Storage, type StoreItems } from 'botbuilder';
import { JsonTrackedConversationState, JsonTrackedUserState } from '../../src/storage/jsonTrackedState';
import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';
import { SqliteStorage } from '../../src/storage/sqliteStorage';

/** SQLite storage that counts the writes reaching it. */
class CountingStorage implements Storage {
  writes: StoreItems[] = [];
  constructor(readonly inner: SqliteStorage) {}
  read(keys: string[]) {
    return this.inner.read(keys);
  }
  write(changes: StoreItems) {
    this.writes.push(changes);
    return this.inner.write(changes);
  }
  delete(keys: string[]) {
    return this.inner.delete(keys);
  }
}

/** Runs `logic` as one turn of conversation "c1" and resolves when it has finished. */
async function turn(logic: (context: TurnContext) => Promise<void>): Promise<void> {
  const adapter = new TestAdapter(async (context) => {
    await logic(context);
    await context.sendActivity('done');
  });
  await adapter.send('hi').assertReply('done');
}

describe('conversation and user state that notice changes by their JSON', () => {
  let storage: CountingStorage;
  let state: JsonTrackedConversationState;

  beforeEach(() => {
    storage = new CountingStorage(new SqliteStorage(openSqliteDatabase(':memory:')));
    state = new JsonTrackedConversationState(storage);
  });
  afterEach(() => storage.inner.close());

  it('writes a changed state and reads it back in the next turn', async () => {
    const step = state.createProperty<number>('step');
    await turn(async (context) => {
      await step.set(context, 3);
      await state.saveChanges(context);
    });
    let seen: number | undefined;
    await turn(async (context) => {
      seen = await step.get(context);
    });
    expect(seen).toBe(3);
    expect(storage.writes).toHaveLength(1);
  });

  it('does not write a state that was read but not changed, nor save twice what was saved once', async () => {
    const step = state.createProperty<number>('step');
    await turn(async (context) => {
      await step.set(context, 1);
      await state.saveChanges(context);
      await state.saveChanges(context);
    });
    await turn(async (context) => {
      await step.get(context);
      await state.saveChanges(context);
    });
    expect(storage.writes).toHaveLength(1);
  });

  it('writes again when something changes after a save in the same turn', async () => {
    const step = state.createProperty<number>('step');
    await turn(async (context) => {
      await step.set(context, 1);
      await state.saveChanges(context);
      await step.set(context, 2);
      await state.saveChanges(context);
    });
    let seen: number | undefined;
    await turn(async (context) => {
      seen = await step.get(context);
    });
    expect(storage.writes).toHaveLength(2);
    expect(seen).toBe(2);
  });

  it('notices a change deep inside an object that was changed in place', async () => {
    const form = state.createProperty<{ answers: string[] }>('form');
    await turn(async (context) => {
      await form.set(context, { answers: ['yes'] });
      await state.saveChanges(context);
      (await form.get(context))!.answers.push('no');
      await state.saveChanges(context);
    });
    let seen: string[] | undefined;
    await turn(async (context) => {
      seen = (await form.get(context))?.answers;
    });
    expect(seen).toEqual(['yes', 'no']);
  });

  it('stores exactly what it compared: the saved text is the state without its eTag', async () => {
    const step = state.createProperty<string>('note');
    await turn(async (context) => {
      await step.set(context, 'café – “quoted”');
      await state.saveChanges(context);
    });
    const [key] = Object.keys(storage.writes[0]);
    const stored = await storage.inner.read([key]);
    expect(stored[key]).toEqual({ note: 'café – “quoted”', eTag: expect.any(String) });
  });

  it('writes on force even when nothing changed, and after clear() writes the emptied state', async () => {
    const step = state.createProperty<number>('step');
    await turn(async (context) => {
      await step.set(context, 5);
      await state.saveChanges(context);
      await state.saveChanges(context, true);
    });
    expect(storage.writes).toHaveLength(2);
    let seen: number | undefined = 0;
    await turn(async (context) => {
      await state.load(context);
      await state.clear(context);
      await state.saveChanges(context);
    });
    await turn(async (context) => {
      seen = await step.get(context);
    });
    expect(seen).toBeUndefined();
  });

  it('refuses, with the storage’s own error, a state that cannot be stored as JSON, and keeps the last good one', async () => {
    const step = state.createProperty<unknown>('step');
    await turn(async (context) => {
      await step.set(context, 1);
      await state.saveChanges(context);
    });
    let failure: unknown;
    await turn(async (context) => {
      const loop: Record<string, unknown> = {};
      loop.self = loop;
      await step.set(context, loop);
      failure = await state.saveChanges(context).catch((error: unknown) => error);
    });
    expect(String(failure)).toMatch(/cannot be stored as JSON/);
    let seen: unknown;
    await turn(async (context) => {
      seen = await step.get(context);
    });
    expect(seen).toBe(1);
  });

  it('keeps user state apart from conversation state, as botbuilder does', async () => {
    const users = new JsonTrackedUserState(storage);
    const plain = new ConversationState(storage);
    const name = users.createProperty<string>('name');
    const step = state.createProperty<number>('step');
    await turn(async (context) => {
      await name.set(context, 'Sam');
      await step.set(context, 4);
      await users.saveChanges(context);
      await state.saveChanges(context);
    });
    let seenName: string | undefined;
    let seenByPlain: number | undefined;
    await turn(async (context) => {
      seenName = await name.get(context);
      seenByPlain = await plain.createProperty<number>('step').get(context);
    });
    expect(seenName).toBe('Sam');
    // The same keys and layout as botbuilder's own ConversationState: switching loses nothing.
    expect(seenByPlain).toBe(4);
  });
});
