import { createHash } from 'node:crypto';
import type { ConsoleAccount, ConsoleAccounts } from '../../src/accounts/consoleAccounts';
import type { ConsoleSessions } from '../../src/accounts/consoleSessions';
import { describeOnEachDatabase, type AccountsDatabase } from './accountDatabases';

const START = new Date('2026-03-02T09:00:00Z');
const minutes = (n: number) => new Date(START.getTime() + n * 60 * 1000);

describeOnEachDatabase('a console session', (database) => {
  let db: AccountsDatabase;
  let accounts: ConsoleAccounts;
  let sessions: ConsoleSessions;
  let sam: ConsoleAccount;
  beforeEach(async () => {
    db = database();
    accounts = db.accounts();
    sessions = db.sessions();
    sam = await accounts.create({ username: 'sam', displayName: 'Sam', role: 'adviser', password: 'sam-password-123' });
  });

  const storedSessions = () => db.rows<Record<string, string>>('SELECT * FROM console_sessions ORDER BY created_at');

  it('is a random 43-character token; only its SHA-256 is stored', async () => {
    const token = await sessions.start(sam.id, START);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await sessions.start(sam.id, START)).not.toBe(token);
    const stored = JSON.stringify(await storedSessions());
    expect(stored).not.toContain(token);
    expect(stored).toContain(createHash('sha256').update(token).digest('hex'));
  });

  it('gives back who is signed in', async () => {
    const token = await sessions.start(sam.id, START);
    expect(await sessions.resume(token, minutes(1))).toEqual({ id: sam.id, username: 'sam', displayName: 'Sam', role: 'adviser', authenticatedAt: START });
  });

  it('remembers when the password was last entered again, for sensitive actions', async () => {
    const token = await sessions.start(sam.id, START);
    expect(await sessions.confirmIdentity(token, minutes(20))).toBe(true);
    expect((await sessions.resume(token, minutes(21)))?.authenticatedAt).toEqual(minutes(20));
    expect(await sessions.confirmIdentity('x'.repeat(43), minutes(22))).toBe(false);
  });

  it('still works after 29 minutes without activity', async () => {
    const token = await sessions.start(sam.id, START);
    expect(await sessions.resume(token, minutes(29))).toBeDefined();
  });

  it('ends after 30 minutes without activity', async () => {
    const token = await sessions.start(sam.id, START);
    expect(await sessions.resume(token, minutes(30))).toBeUndefined();
    expect(await sessions.resume(token, minutes(31))).toBeUndefined();
    expect(await storedSessions()).toEqual([]);
  });

  it('stays open while the adviser keeps working, every 20 minutes for 11 hours', async () => {
    const token = await sessions.start(sam.id, START);
    for (let at = 20; at <= 11 * 60; at += 20) expect(await sessions.resume(token, minutes(at))).toBeDefined();
  });

  it('ends after 12 hours even while the adviser keeps working', async () => {
    const token = await sessions.start(sam.id, START);
    for (let at = 20; at < 12 * 60; at += 20) await sessions.resume(token, minutes(at));
    expect(await sessions.resume(token, minutes(12 * 60 - 1))).toBeDefined();
    expect(await sessions.resume(token, minutes(12 * 60))).toBeUndefined();
  });

  it('notes activity at most once a minute, to spare writes', async () => {
    const token = await sessions.start(sam.id, START);
    await sessions.resume(token, new Date(START.getTime() + 59 * 1000));
    expect((await storedSessions())[0].last_seen_at).toBe(START.toISOString());
    await sessions.resume(token, minutes(2));
    expect((await storedSessions())[0].last_seen_at).toBe(minutes(2).toISOString());
  });

  it('is useless after signing out, and other sessions carry on', async () => {
    const laptop = await sessions.start(sam.id, START);
    const phone = await sessions.start(sam.id, START);
    expect(await sessions.end(laptop)).toBe(true);
    expect(await sessions.resume(laptop, minutes(1))).toBeUndefined();
    expect(await sessions.resume(phone, minutes(1))).toBeDefined();
    expect(await sessions.end(laptop)).toBe(false);
  });

  it('all end together when the account is signed out everywhere', async () => {
    const laptop = await sessions.start(sam.id, START);
    const phone = await sessions.start(sam.id, START);
    expect(await sessions.endAllFor(sam.id)).toBe(2);
    expect(await sessions.resume(laptop, minutes(1))).toBeUndefined();
    expect(await sessions.resume(phone, minutes(1))).toBeUndefined();
  });

  it('stops working as soon as its account is disabled', async () => {
    const alex = await accounts.create({ username: 'alex', displayName: 'Alex', role: 'staff', password: 'alex-password-123' });
    const token = await sessions.start(alex.id, START);
    await accounts.disable(alex.id);
    expect(await sessions.resume(token, minutes(1))).toBeUndefined();
  });

  it('is not found for a made-up, truncated or empty token', async () => {
    const token = await sessions.start(sam.id, START);
    expect(await sessions.resume('A'.repeat(43), minutes(1))).toBeUndefined();
    expect(await sessions.resume(token.slice(1), minutes(1))).toBeUndefined();
    expect(await sessions.resume('', minutes(1))).toBeUndefined();
  });

  it('leaves no expired rows behind once someone signs in again', async () => {
    await sessions.start(sam.id, START);
    await sessions.start(sam.id, minutes(10));
    await sessions.start(sam.id, minutes(45));
    expect((await storedSessions()).map((row) => row.created_at)).toEqual([minutes(45).toISOString()]);
  });

  it('started at one instance works at another, and signing out at one ends it at both', async () => {
    const token = await db.sessions('a').start(sam.id, START);
    expect(await db.sessions('b').resume(token, minutes(1))).toMatchObject({ id: sam.id, username: 'sam' });
    expect(await db.sessions('b').end(token)).toBe(true);
    expect(await db.sessions('a').resume(token, minutes(2))).toBeUndefined();
  });
});
