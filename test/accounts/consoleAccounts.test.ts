import { ConsoleAccountError, type ConsoleAccounts } from '../../src/accounts/consoleAccounts';
import { describeOnEachDatabase, type AccountsDatabase } from './accountDatabases';

const SAM = { username: 'sam', displayName: 'Sam', role: 'adviser', password: 'sam-password-123' } as const;

describeOnEachDatabase('console accounts', (database) => {
  let db: AccountsDatabase;
  let accounts: ConsoleAccounts;
  beforeEach(() => {
    db = database();
    accounts = db.accounts(() => new Date('2026-03-02T09:00:00Z'));
  });

  it('are created with a username, a display name and a role, and the password is not stored', async () => {
    const sam = await accounts.create(SAM);
    expect(sam).toEqual({ id: expect.any(Number), username: 'sam', displayName: 'Sam', role: 'adviser' });
    const [row] = await db.rows<Record<string, string>>('SELECT * FROM console_accounts');
    expect(row.created_at).toBe('2026-03-02T09:00:00.000Z');
    expect(JSON.stringify(row)).not.toContain(SAM.password);
  });

  it('sign in with the right username and password, whatever the case of the username', async () => {
    const sam = await accounts.create(SAM);
    await expect(accounts.authenticate('sam', SAM.password)).resolves.toEqual(sam);
    await expect(accounts.authenticate('SAM', SAM.password)).resolves.toEqual(sam);
  });

  it('do not sign in with a wrong password or an unknown username', async () => {
    await accounts.create(SAM);
    await expect(accounts.authenticate('sam', 'not-sams-password')).resolves.toBeUndefined();
    await expect(accounts.authenticate('alex', SAM.password)).resolves.toBeUndefined();
  });

  it('take as long to refuse an unknown username as a wrong password, so names cannot be discovered', async () => {
    await accounts.create(SAM);
    await accounts.authenticate('nobody', 'warm-up-password'); // the first call may still be making the dummy hash
    const time = async (username: string) => {
      const started = process.hrtime.bigint();
      await accounts.authenticate(username, 'wrong-password-here');
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const known = await time('sam');
    const unknown = await time('nobody');
    expect(known).toBeGreaterThan(20);
    expect(unknown).toBeGreaterThan(known / 3);
  });

  it('refuse a second account with the same username, even in another case', async () => {
    await accounts.create(SAM);
    const attempt = accounts.create({ ...SAM, username: 'Sam', displayName: 'Another Sam' });
    await expect(attempt).rejects.toThrow(ConsoleAccountError);
    await expect(attempt).rejects.toThrow('There is already a console account with the username "Sam" (usernames ignore case). Choose another username.');
  });

  it.each([
    ['a username with a space', { username: 'sam smith' }, 'use 3 to 40 letters, digits, dots, dashes or underscores'],
    ['a two-letter username', { username: 'sa' }, 'use 3 to 40 letters'],
    ['a blank display name', { displayName: '   ' }, 'display name must be 1 to 80 characters'],
    ['an unknown role', { role: 'manager' }, 'The role must be one of adviser, staff, admin (found "manager")'],
    ['a short password', { password: 'short' }, 'at least 12 characters'],
  ])('refuse %s, saying what is allowed', async (_name, change, message) => {
    await expect(accounts.create({ ...SAM, ...change } as typeof SAM)).rejects.toThrow(message);
    expect(await accounts.list()).toEqual([]);
  });

  it('accept usernames with dots, dashes and underscores', async () => {
    await expect(accounts.create({ ...SAM, username: 'sam.o-brien_2' })).resolves.toMatchObject({ username: 'sam.o-brien_2' });
  });

  it('sign in only with the new password after it is changed', async () => {
    const sam = await accounts.create(SAM);
    await accounts.setPassword(sam.id, 'a-brand-new-password');
    await expect(accounts.authenticate('sam', SAM.password)).resolves.toBeUndefined();
    await expect(accounts.authenticate('sam', 'a-brand-new-password')).resolves.toEqual(sam);
  });

  it('cannot sign in, be listed or be found once disabled, and the username stays taken', async () => {
    const sam = await accounts.create(SAM);
    const alex = await accounts.create({ ...SAM, username: 'alex', displayName: 'Alex', role: 'staff' });
    await accounts.disable(sam.id);
    await expect(accounts.authenticate('sam', SAM.password)).resolves.toBeUndefined();
    expect(await accounts.list()).toEqual([alex]);
    expect(await accounts.findById(sam.id)).toBeUndefined();
    expect(await accounts.findByUsername('sam')).toBeUndefined();
    await expect(accounts.create(SAM)).rejects.toThrow('There is already a console account');
    await expect(accounts.disable(sam.id)).rejects.toThrow(`There is no enabled console account with id ${sam.id}.`);
  });

  it('are listed by username and found by id or username', async () => {
    const zoe = await accounts.create({ ...SAM, username: 'zoe', displayName: 'Zoë', role: 'admin' });
    const amir = await accounts.create({ ...SAM, username: 'Amir', displayName: 'Amir', role: 'staff' });
    expect(await accounts.list()).toEqual([amir, zoe]);
    expect(await accounts.findById(zoe.id)).toEqual(zoe);
    expect(await accounts.findByUsername('amir')).toEqual(amir);
    expect(await accounts.findById(9999)).toBeUndefined();
  });

  it('always keep one enabled admin: the last can be neither disabled nor demoted', async () => {
    const zoe = await accounts.create({ ...SAM, username: 'zoe', role: 'admin' });
    const lastAdmin = 'This is the only admin account. Make someone else an admin first';
    await expect(accounts.setRole(zoe.id, 'staff')).rejects.toThrow(lastAdmin);
    await expect(accounts.disable(zoe.id)).rejects.toThrow(lastAdmin);
    const amir = await accounts.create({ ...SAM, username: 'amir', role: 'admin' });
    await accounts.setRole(zoe.id, 'staff');
    expect(await accounts.findById(zoe.id)).toMatchObject({ role: 'staff' });
    expect(await accounts.enabledAdminCount()).toBe(1);
    await expect(accounts.disable(amir.id)).rejects.toThrow(lastAdmin);
  });

  it('keep an admin when two admins on two instances demote each other at the same moment', async () => {
    const zoe = await accounts.create({ ...SAM, username: 'zoe', role: 'admin' });
    const amir = await accounts.create({ ...SAM, username: 'amir', role: 'admin' });
    const results = await Promise.allSettled([db.accounts(undefined, 'a').setRole(amir.id, 'staff'), db.accounts(undefined, 'b').disable(zoe.id)]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await accounts.enabledAdminCount()).toBe(1);
  });

  it('give a username to only one of two instances creating it at once', async () => {
    const results = await Promise.allSettled([db.accounts(undefined, 'a').create(SAM), db.accounts(undefined, 'b').create({ ...SAM, username: 'SAM' })]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConsoleAccountError);
    expect(await accounts.list()).toHaveLength(1);
  });
});
