import { setTimeout as sleep } from 'node:timers/promises';
import { ConversationState, TestAdapter } from 'botbuilder';
import { createMemoryLogger } from '../../src/logger';
import {
  advisoryLockId,
  ConversationBusyError,
  conversationLockKey,
  InProcessTurnLock,
  PostgresTurnLock,
  turnLockMiddleware,
  type ConversationTurnLock,
  type TurnLockOptions,
} from '../../src/storage/conversationTurnLock';
import { runPostgresMigrations } from '../../src/storage/postgresMigrate';
import { PostgresStorage } from '../../src/storage/postgresStorage';
import { describePostgres, TestSchema } from './postgresTestDatabase';

/** A turn that can be finished from outside, recording when it started. */
function controlledTurn(log: string[], name: string) {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return {
    run: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
    finish: () => finish(),
    fail: (error: Error) => fail(error),
  };
}

/** Waits until `check` holds, polling; for "the other turn has started by now". */
async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(5);
  }
}

/** The behaviour both implementations share; `make` builds a lock (for PostgreSQL: two "instances"). */
function describeTurnLock(name: string, make: (options?: TurnLockOptions) => { first: ConversationTurnLock; second: ConversationTurnLock }) {
  describe(`${name} turn lock`, () => {
    it('runs turns of one conversation one at a time, in arrival order', async () => {
      const { first, second } = make();
      const log: string[] = [];
      const a = controlledTurn(log, 'a');
      const b = controlledTurn(log, 'b');
      const c = controlledTurn(log, 'c');

      const results = [first.run('conv', a.run)];
      await until(() => log.includes('start a'));
      results.push(second.run('conv', b.run));
      await sleep(50);
      results.push(first.run('conv', c.run));
      await sleep(50);
      expect(log).toEqual(['start a']);

      a.finish();
      await until(() => log.includes('start b'));
      b.finish();
      await until(() => log.includes('start c'));
      c.finish();

      await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c']);
      expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    });

    it('runs turns of different conversations at the same time', async () => {
      const { first, second } = make();
      const log: string[] = [];
      const a = controlledTurn(log, 'a');
      const b = controlledTurn(log, 'b');

      const running = [first.run('conv-1', a.run), second.run('conv-2', b.run)];

      await until(() => log.includes('start a') && log.includes('start b'));
      a.finish();
      b.finish();
      await Promise.all(running);
    });

    it('lets the next turn in when a turn fails, and passes the failure on', async () => {
      const { first, second } = make();

      await expect(
        first.run('conv', async () => {
          throw new Error('turn broke');
        }),
      ).rejects.toThrow('turn broke');

      await expect(second.run('conv', async () => 'next')).resolves.toBe('next');
    });

    it('gives up waiting after the wait timeout, without running the turn', async () => {
      const { first, second } = make({ waitTimeoutMs: 300, holdTimeoutMs: 10_000 });
      const log: string[] = [];
      const slow = controlledTurn(log, 'slow');
      const holding = first.run('conv', slow.run);
      await until(() => log.includes('start slow'));
      let ran = false;

      const started = Date.now();
      const error = await second
        .run('conv', async () => {
          ran = true;
        })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ConversationBusyError);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(ran).toBe(false);
      slow.finish();
      await holding;
      await expect(second.run('conv', async () => 'free again')).resolves.toBe('free again');
    });

    it('lets the next turn in when a turn holds the conversation past the hold timeout', async () => {
      const log = createMemoryLogger();
      const { first, second } = make({ waitTimeoutMs: 10_000, holdTimeoutMs: 300, log });
      const turns: string[] = [];
      const stuck = controlledTurn(turns, 'stuck');
      const holding = first.run('conv', stuck.run);
      await until(() => turns.includes('start stuck'));

      const started = Date.now();
      await expect(second.run('conv', async () => 'after')).resolves.toBe('after');

      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
      expect(log.lines.join('\n')).toContain('conversation_lock_hold_timeout');
      // The stuck turn still finishes normally.
      stuck.finish();
      await expect(holding).resolves.toBe('stuck');
    });
  });
}

describeTurnLock('in-process', (options) => {
  const lock = new InProcessTurnLock({ log: createMemoryLogger(), ...options });
  return { first: lock, second: lock };
});

describe('the turn lock key and middleware', () => {
  it('locks on the channel and conversation id, the parts ConversationState keys its state by', () => {
    expect(conversationLockKey({ channelId: 'webchat', conversation: { id: 'abc' } as never })).toBe('webchat/conversations/abc');
    expect(conversationLockKey({ channelId: 'webchat' })).toBeUndefined();
  });

  it('spreads conversation keys over the 64-bit advisory lock space', () => {
    const ids = new Set(Array.from({ length: 1000 }, (_, i) => advisoryLockId(`webchat/conversations/${i}`)));

    expect(ids.size).toBe(1000);
    for (const id of ids) expect(BigInt(id) >= -(2n ** 63n) && BigInt(id) < 2n ** 63n).toBe(true);
    expect(advisoryLockId('same')).toBe(advisoryLockId('same'));
  });

  it('holds the lock from the first middleware to the end of the turn', async () => {
    const lock = new InProcessTurnLock({ log: createMemoryLogger() });
    const seen: string[] = [];
    const adapter = new TestAdapter(async (context) => {
      seen.push(`bot ${context.activity.text}`);
      await sleep(20);
      seen.push(`bot done ${context.activity.text}`);
    });
    adapter.use(turnLockMiddleware(lock));

    await Promise.all([
      adapter.processActivity({ type: 'message', text: 'one' }),
      adapter.processActivity({ type: 'message', text: 'two' }),
    ]);

    expect(seen).toEqual(['bot one', 'bot done one', 'bot two', 'bot done two']);
  });
});

describePostgres('PostgreSQL turn lock', () => {
  const schema = new TestSchema();
  beforeAll(async () => {
    await schema.create();
  });
  afterAll(async () => {
    await schema.drop();
  });

  function instance(options?: TurnLockOptions) {
    return new PostgresTurnLock(schema.pool({ max: 3 }), { log: createMemoryLogger(), ...options });
  }

  // Two instances: each with its own pool, as two bot processes would have.
  describeTurnLock('PostgreSQL', (options) => ({ first: instance(options), second: instance(options) }));

  it('uses one connection per conversation however many turns of it queue on an instance', async () => {
    const pool = schema.pool({ max: 3 });
    const lock = new PostgresTurnLock(pool, { log: createMemoryLogger() });
    let most = 0;

    await Promise.all(
      Array.from({ length: 30 }, () =>
        lock.run('conv', async () => {
          most = Math.max(most, pool.totalCount - pool.idleCount);
          await sleep(1);
        }),
      ),
    );

    expect(most).toBe(1);
  });

  it('survives the server ending its connection mid-turn, and logs it', async () => {
    const log = createMemoryLogger();
    const application = `turn-lock-${schema.name}`;
    const pool = schema.pool({ max: 2, applicationName: application });
    const lock = new PostgresTurnLock(pool, { log });

    const result = await lock.run('conv-killed', async () => {
      await schema.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle in transaction'", [
        application,
      ]);
      await until(() => log.lines.some((line) => line.includes('conversation_lock_connection_lost')));
      return 'finished anyway';
    });

    expect(result).toBe('finished anyway');
    // The broken connection was thrown away; the lock works again.
    await expect(lock.run('conv-killed', async () => 'again')).resolves.toBe('again');
  });

  it('keeps state consistent for turns of real botbuilder ConversationState on two instances', async () => {
    const storagePools = [schema.pool(), schema.pool()];
    await runPostgresMigrations(storagePools[0]);

    async function runInstances(withLock: boolean): Promise<number> {
      await schema.query('TRUNCATE bot_state');
      const instances = storagePools.map((storagePool) => {
        const state = new ConversationState(new PostgresStorage(storagePool));
        const count = state.createProperty<number>('count');
        const adapter = new TestAdapter(async (context) => {
          const n = await count.get(context, 0);
          await sleep(Math.random() < 0.5 ? 0 : 1);
          await count.set(context, n + 1);
          await state.saveChanges(context);
        });
        if (withLock) adapter.use(turnLockMiddleware(instance()));
        return adapter;
      });

      await Promise.all(
        instances.flatMap((adapter, i) =>
          Array.from({ length: 100 }, (_, n) => adapter.processActivity({ type: 'message', text: `${i}-${n}` })),
        ),
      );

      const [row] = await schema.query<{ value: string }>("SELECT value FROM bot_state WHERE key LIKE '%/conversations/%'");
      return (JSON.parse(row.value) as { count: number }).count;
    }

    expect(await runInstances(true)).toBe(200);
    expect(await runInstances(false)).toBeLessThan(200);
  });
});
