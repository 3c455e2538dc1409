import { createHash } from 'node:crypto';
import { ConsoleAccount, ConsoleAccounts } from '../../src/accounts/consoleAccounts';
import { ConsoleSessions } from '../../src/accounts/consoleSessions';
import { openSqliteDatabase, SqliteDatabase } from '../../src/storage/sqliteDatabase';

const START = new Date('2026-03-02T09:00:00Z');
const minutes = (n: number) => new Date(START.getTime() + n * 60 * 1000);

describe('a console session', () => {
  let db: SqliteDatabase;
  let accounts: ConsoleAccounts;
  let sessions: ConsoleSessions;
  let sam: ConsoleAccount;
  beforeAll(async () => {
    db = openSqliteDatabase(':memory:');
    accounts = new ConsoleAccounts(db);
    sessions = new ConsoleSessions(db);
    sam = await accounts.create({ username: 'sam', displayName: 'Sam', role: 'adviser', password: 'sam-password-123' });
  });
  beforeEach(() => sessions.endAllFor(sam.id));
  afterAll(() => db.close());

  const storedSessions = () => db.prepare('SELECT * FROM console_sessions').all() as Array<Record<string, string>>;

  it('is a random 43-character token; only its SHA-256 is stored', () => {
    const token = sessions.start(sam.id, START);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessions.start(sam.id, START)).not.toBe(token);
    const stored = JSON.stringify(storedSessions());
    expect(stored).not.toContain(token);
    expect(stored).toContain(createHash('sha256').update(token).digest('hex'));
  });

  it('gives back who is signed in', () => {
    const token = sessions.start(sam.id, START);
    expect(sessions.resume(token, minutes(1))).toEqual({ id: sam.id, username: 'sam', displayName: 'Sam', role: 'adviser', authenticatedAt: START });
  });

  it('remembers when the password was last entered again, for sensitive actions', () => {
    const token = sessions.start(sam.id, START);
    expect(sessions.confirmIdentity(token, minutes(20))).toBe(true);
    expect(sessions.resume(token, minutes(21))?.authenticatedAt).toEqual(minutes(20));
    expect(sessions.confirmIdentity('x'.repeat(43), minutes(22))).toBe(false);
  });

  it('still works after 29 minutes without activity', () => {
    const token = sessions.start(sam.id, START);
    expect(sessions.resume(token, minutes(29))).toBeDefined();
  });

  it('ends after 30 minutes without activity', () => {
    const token = sessions.start(sam.id, START);
    expect(sessions.resume(token, minutes(30))).toBeUndefined();
    expect(sessions.resume(token, minutes(31))).toBeUndefined();
    expect(storedSessions()).toEqual([]);
  });

  it('stays open while the adviser keeps working, every 20 minutes for 11 hours', () => {
    const token = sessions.start(sam.id, START);
    for (let at = 20; at <= 11 * 60; at += 20) expect(sessions.resume(token, minutes(at))).toBeDefined();
  });

  it('ends after 12 hours even while the adviser keeps working', () => {
    const token = sessions.start(sam.id, START);
    for (let at = 20; at < 12 * 60; at += 20) sessions.resume(token, minutes(at));
    expect(sessions.resume(token, minutes(12 * 60 - 1))).toBeDefined();
    expect(sessions.resume(token, minutes(12 * 60))).toBeUndefined();
  });

  it('notes activity at most once a minute, to spare writes', () => {
    const token = sessions.start(sam.id, START);
    sessions.resume(token, new Date(START.getTime() + 59 * 1000));
    expect(storedSessions()[0].last_seen_at).toBe(START.toISOString());
    sessions.resume(token, minutes(2));
    expect(storedSessions()[0].last_seen_at).toBe(minutes(2).toISOString());
  });

  it('is useless after signing out, and other sessions carry on', () => {
    const laptop = sessions.start(sam.id, START);
    const phone = sessions.start(sam.id, START);
    expect(sessions.end(laptop)).toBe(true);
    expect(sessions.resume(laptop, minutes(1))).toBeUndefined();
    expect(sessions.resume(phone, minutes(1))).toBeDefined();
    expect(sessions.end(laptop)).toBe(false);
  });

  it('all end together when the account is signed out everywhere', () => {
    const laptop = sessions.start(sam.id, START);
    const phone = sessions.start(sam.id, START);
    expect(sessions.endAllFor(sam.id)).toBe(2);
    expect(sessions.resume(laptop, minutes(1))).toBeUndefined();
    expect(sessions.resume(phone, minutes(1))).toBeUndefined();
  });

  it('stops working as soon as its account is disabled', async () => {
    const alex = await accounts.create({ username: 'alex', displayName: 'Alex', role: 'staff', password: 'alex-password-123' });
    const token = sessions.start(alex.id, START);
    accounts.disable(alex.id);
    expect(sessions.resume(token, minutes(1))).toBeUndefined();
  });

  it('is not found for a made-up, truncated or empty token', () => {
    const token = sessions.start(sam.id, START);
    expect(sessions.resume('A'.repeat(43), minutes(1))).toBeUndefined();
    expect(sessions.resume(token.slice(1), minutes(1))).toBeUndefined();
    expect(sessions.resume('', minutes(1))).toBeUndefined();
  });

  it('leaves no expired rows behind once someone signs in again', () => {
    sessions.start(sam.id, START);
    sessions.start(sam.id, minutes(10));
    sessions.start(sam.id, minutes(45));
    expect(storedSessions().map((row) => row.created_at)).toEqual([minutes(45).toISOString()]);
  });
});
