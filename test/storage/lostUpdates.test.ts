import { setTimeout as sleep } from 'node:timers/promises';
import type { Storage } from 'botbuilder';
import { createMemoryLogger } from '../../src/logger';
import { InProcessTurnLock, PostgresTurnLock, type ConversationTurnLock } from '../../src/storage/conversationTurnLock';
import { PostgresStorage } from '../../src/storage/postgresStorage';
import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { describePostgres, useMigratedSchema } from './postgresTestDatabase';

/**
 * The proof for "two turns of one conversation at once must not lose an update".
 *
 * Each "turn" does what botbuilder's BotState does: read the conversation's state, change it (add 1 to
 * a counter, append the turn's id), and write all of it back with eTag '*' (saveChanges). Turns of two
 * instances run interleaved on one conversation. Without a lock, a turn that read before another turn
 * saved writes back the old state plus its own change, and the other turn's change is gone.
 */
interface Instance {
  readonly name: string;
  readonly storage: Storage;
  readonly lock?: ConversationTurnLock;
}

interface Outcome {
  readonly count: number;
  readonly turns: string[];
  readonly lost: number;
  readonly ms: number;
  /** How often consecutive saved turns came from different instances: proof they interleaved. */
  readonly switches: number;
}

const TURNS_PER_INSTANCE = 500;

async function oneTurn(storage: Storage, key: string, turnId: string): Promise<void> {
  const items = await storage.read([key]);
  const state = (items[key] as { count: number; turns: string[] } | undefined) ?? { count: 0, turns: [] };
  // The turn's own work (dialogs, matching, replies) takes a moment; other turns run meanwhile.
  await sleep(Math.random() < 0.5 ? 0 : 1);
  await storage.write({ [key]: { count: state.count + 1, turns: [...state.turns, turnId], eTag: '*' } });
}

/**
 * `burst`: every turn of every instance starts at once (alternating instances), the most overlap
 * possible, and each instance's own turns queue on its lock. `steady`: each instance runs its turns
 * one after another, as messages reaching it one at a time; the instances overlap with each other.
 */
type Arrival = 'burst' | 'steady';

async function runInterleaved(instances: Instance[], key: string, arrival: Arrival, perInstance = TURNS_PER_INSTANCE): Promise<Outcome> {
  const turnOf = ({ name, storage, lock }: Instance, n: number) => {
    const turnId = `${name}-${n}`;
    return lock ? lock.run(key, () => oneTurn(storage, key, turnId)) : oneTurn(storage, key, turnId);
  };
  const started = Date.now();
  if (arrival === 'burst') {
    const turns: Array<Promise<void>> = [];
    for (let n = 0; n < perInstance; n += 1) for (const one of instances) turns.push(turnOf(one, n));
    await Promise.all(turns);
  } else {
    await Promise.all(
      instances.map(async (one) => {
        for (let n = 0; n < perInstance; n += 1) await turnOf(one, n);
      }),
    );
  }
  const ms = Date.now() - started;

  const final = (await instances[0].storage.read([key]))[key] as { count: number; turns: string[] };
  const expected = perInstance * instances.length;
  let switches = 0;
  for (let i = 1; i < final.turns.length; i += 1) {
    if (final.turns[i].split('-')[0] !== final.turns[i - 1].split('-')[0]) switches += 1;
  }
  return { count: final.count, turns: final.turns, lost: expected - new Set(final.turns).size, ms, switches };
}

function allTurnIds(names: string[], perInstance = TURNS_PER_INSTANCE): string[] {
  return names.flatMap((name) => Array.from({ length: perInstance }, (_, n) => `${name}-${n}`)).sort();
}

describe('lost updates in one process (SQLite, in-process lock)', () => {
  let storage: SqliteStorage;
  beforeEach(() => {
    storage = new SqliteStorage(openSqliteDatabase(':memory:'));
  });
  afterEach(() => {
    storage.close();
  });

  // Two sources of turns in one process (say, the person typing and adviser messages arriving).
  it.each<Arrival>(['burst', 'steady'])('loses none of 1,000 overlapping turns with the lock (%s)', async (arrival) => {
    const lock = new InProcessTurnLock({ log: createMemoryLogger() });

    const outcome = await runInterleaved(
      [
        { name: 'a', storage, lock },
        { name: 'b', storage, lock },
      ],
      `webchat/conversations/one-process-${arrival}`,
      arrival,
    );

    console.log(`in-process lock, ${arrival}: 1,000 turns in ${outcome.ms} ms, ${outcome.lost} lost`);
    expect(outcome.count).toBe(1000);
    expect(outcome.lost).toBe(0);
    expect([...outcome.turns].sort()).toEqual(allTurnIds(['a', 'b']));
  });

  it.each<Arrival>(['burst', 'steady'])('loses updates without it (%s; the control: the problem is real)', async (arrival) => {
    const outcome = await runInterleaved(
      [
        { name: 'a', storage },
        { name: 'b', storage },
      ],
      `webchat/conversations/one-process-unlocked-${arrival}`,
      arrival,
    );

    console.log(`no lock, one process, ${arrival}: ${outcome.lost} of 1,000 turns lost (counter ${outcome.count})`);
    expect(outcome.lost).toBeGreaterThan(0);
    expect(outcome.count).toBeLessThan(1000);
  });
});

describePostgres('lost updates across two instances (PostgreSQL)', () => {
  const schema = useMigratedSchema();

  /** One bot instance: its own storage pool and, with the lock, its own lock pool. */
  function instance(name: string, withLock: boolean): Instance {
    const storage = new PostgresStorage(schema.pool({ max: 4 }));
    const lock = withLock ? new PostgresTurnLock(schema.pool({ max: 2 }), { log: createMemoryLogger() }) : undefined;
    return { name, storage, lock };
  }

  it.each<Arrival>(['burst', 'steady'])('loses none of 1,000 interleaved turns of one conversation with the lock (%s)', async (arrival) => {
    const outcome = await runInterleaved([instance('a', true), instance('b', true)], `webchat/conversations/two-${arrival}`, arrival);

    console.log(
      `PostgreSQL lock, 2 instances, ${arrival}: 1,000 turns in ${outcome.ms} ms (${(outcome.ms / 1000).toFixed(2)} ms a turn), ` +
        `${outcome.lost} lost, instances alternated ${outcome.switches} times`,
    );
    expect(outcome.count).toBe(1000);
    expect(outcome.lost).toBe(0);
    expect([...outcome.turns].sort()).toEqual(allTurnIds(['a', 'b']));
    // The two instances really took turns, rather than one finishing before the other began.
    expect(outcome.switches).toBeGreaterThan(100);
  });

  it.each<Arrival>(['burst', 'steady'])('loses updates without it (%s; the control: the problem is real)', async (arrival) => {
    const outcome = await runInterleaved(
      [instance('a', false), instance('b', false)],
      `webchat/conversations/two-unlocked-${arrival}`,
      arrival,
    );

    console.log(`no lock, 2 instances, ${arrival}: ${outcome.lost} of 1,000 turns lost (counter ${outcome.count}) in ${outcome.ms} ms`);
    expect(outcome.lost).toBeGreaterThan(0);
    expect(outcome.count).toBeLessThan(1000);
  });

  it('also holds with four instances', async () => {
    const names = ['a', 'b', 'c', 'd'];
    const outcome = await runInterleaved(
      names.map((name) => instance(name, true)),
      'webchat/conversations/four-instances',
      'burst',
      250,
    );

    console.log(`PostgreSQL lock, 4 instances, burst: 1,000 turns in ${outcome.ms} ms, ${outcome.lost} lost`);
    expect(outcome.count).toBe(1000);
    expect(outcome.lost).toBe(0);
    expect([...outcome.turns].sort()).toEqual(allTurnIds(names, 250));
  });
});
