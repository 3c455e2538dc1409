import { describeOnEachDatabase, type AccountsDatabase } from './accountDatabases';

const SETTINGS = { maxFailuresPerAccount: 3, maxFailuresPerAddress: 5, windowMs: 60000 };

describeOnEachDatabase('console sign-in throttling', (database) => {
  let db: AccountsDatabase;
  let now: number;
  const throttle = (instance: 'a' | 'b' = 'a') => db.throttle(SETTINGS, () => now, instance);
  beforeEach(() => {
    db = database();
    now = Date.parse('2026-03-02T09:00:00Z');
  });

  it('locks a username after repeated wrong passwords, for the rest of the window', async () => {
    for (let i = 0; i < 3; i += 1) await throttle().failed('Sam', '10.0.0.1');
    expect(await throttle().check('sam', '10.0.0.9')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    now += 30000;
    expect(await throttle().check('sam', '10.0.0.9')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    now += 30001;
    expect(await throttle().check('sam', '10.0.0.9')).toEqual({ allowed: true });
  });

  it('slows one address trying many usernames', async () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) await throttle().failed(name, '10.0.0.1');
    expect((await throttle().check('someone-else', '10.0.0.1')).allowed).toBe(false);
    expect((await throttle().check('someone-else', '10.0.0.2')).allowed).toBe(true);
  });

  it('forgets a username’s mistakes after a successful sign-in', async () => {
    await throttle().failed('sam', '10.0.0.1');
    await throttle().failed('sam', '10.0.0.1');
    await throttle().succeeded('sam');
    await throttle().failed('sam', '10.0.0.1');
    expect((await throttle().check('sam', '10.0.0.1')).allowed).toBe(true);
  });

  it('counts wrong passwords tried at every instance together, so moving between them gains a guesser nothing', async () => {
    await throttle('a').failed('sam', '10.0.0.1');
    await throttle('b').failed('sam', '10.0.0.2');
    await throttle('a').failed('sam', '10.0.0.3');
    expect((await throttle('b').check('sam', '10.0.0.4')).allowed).toBe(false);
  });

  it('stores neither the username nor the address, and drops failures older than the window', async () => {
    await throttle().failed('sam', '203.0.113.7');
    now += 60001;
    await throttle().failed('alex', '198.51.100.2');
    const stored = await db.rows<Record<string, string>>('SELECT * FROM login_failures');
    expect(stored).toHaveLength(2);
    expect(JSON.stringify(stored)).not.toMatch(/sam|alex|203\.0\.113|198\.51/);
  });
});
