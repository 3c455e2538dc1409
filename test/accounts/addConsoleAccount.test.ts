import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ConsoleAccounts } from '../../src/accounts/consoleAccounts';
import type { ConsoleSessions } from '../../src/accounts/consoleSessions';
import { PostgresConsoleAccounts } from '../../src/accounts/postgresConsoleAccounts';
import { SqliteConsoleAccounts } from '../../src/accounts/sqliteConsoleAccounts';
import { SqliteConsoleSessions } from '../../src/accounts/sqliteConsoleSessions';
import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';
import { describePostgres, TestSchema } from '../storage/postgresTestDatabase';

// Runs the built CLI (`npm test` builds first), exactly as `npm run --silent account:add` does.
const ROOT = resolve(__dirname, '..', '..');
const PASSWORD = 'sam-password-123';

describe('npm run account:add', () => {
  let dir: string;
  let dbPath: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'console-accounts-'));
    dbPath = join(dir, 'bot.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[], input = '') =>
    spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'addConsoleAccount.js'), '--db', dbPath, ...args], { cwd: ROOT, input, encoding: 'utf8' });
  const addSam = () => run(['--username', 'sam', '--name', 'Sam', '--role', 'adviser'], `${PASSWORD}\n`);

  /** What the bot would do with the file afterwards. */
  async function withAccounts<T>(use: (accounts: ConsoleAccounts, sessions: ConsoleSessions) => Promise<T> | T): Promise<T> {
    const db = openSqliteDatabase(dbPath);
    try {
      return await use(new SqliteConsoleAccounts(db), new SqliteConsoleSessions(db));
    } finally {
      db.close();
    }
  }

  it('creates an adviser who can then sign in with the password given on standard input', async () => {
    const result = addSam();
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('Created adviser account sam (Sam).\n');
    expect(result.status).toBe(0);
    await expect(withAccounts((accounts) => accounts.authenticate('sam', PASSWORD))).resolves.toMatchObject({ username: 'sam', role: 'adviser' });
  });

  it('refuses a username that is already taken, with exit code 2', () => {
    addSam();
    const again = run(['--username', 'SAM', '--name', 'Sam Two', '--role', 'staff'], `${PASSWORD}\n`);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('There is already a console account with the username "SAM"');
    expect(again.stdout).toBe('');
  });

  it('refuses a password shorter than 12 characters and creates nothing', async () => {
    const result = run(['--username', 'sam', '--name', 'Sam', '--role', 'adviser'], 'short\n');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Passwords must be at least 12 characters long (this one has 5)');
    await expect(withAccounts((accounts) => accounts.list())).resolves.toEqual([]);
  });

  it('says what is wrong with a missing name or an unknown role', () => {
    const noName = run(['--username', 'sam', '--role', 'adviser'], `${PASSWORD}\n`);
    expect(noName.status).toBe(2);
    expect(noName.stderr).toContain('--name is required');
    const badRole = run(['--username', 'sam', '--name', 'Sam', '--role', 'manager'], `${PASSWORD}\n`);
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toContain('--role must be one of adviser, staff, admin (found "manager")');
  });

  it('asks for a password when standard input is empty', () => {
    const result = run(['--username', 'sam', '--name', 'Sam', '--role', 'adviser']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('No password was given');
  });

  it('--reset-password changes the password and signs the account out everywhere', async () => {
    addSam();
    const token = await withAccounts(async (accounts, sessions) => sessions.start((await accounts.findByUsername('sam'))!.id));
    const result = run(['--username', 'sam', '--reset-password'], 'a-brand-new-password\n');
    expect(result.stdout).toBe('Changed the password for sam (Sam). They have been signed out everywhere.\n');
    expect(result.status).toBe(0);
    await withAccounts(async (accounts, sessions) => {
      await expect(accounts.authenticate('sam', PASSWORD)).resolves.toBeUndefined();
      await expect(accounts.authenticate('sam', 'a-brand-new-password')).resolves.toBeDefined();
      await expect(sessions.resume(token)).resolves.toBeUndefined();
    });
  });

  it('--disable stops the account signing in, without asking for a password', async () => {
    addSam();
    const result = run(['--username', 'sam', '--disable']);
    expect(result.stdout).toBe('Disabled sam (Sam). They can no longer sign in and have been signed out everywhere.\n');
    expect(result.status).toBe(0);
    await expect(withAccounts((accounts) => accounts.authenticate('sam', PASSWORD))).resolves.toBeUndefined();
  });

  it('--reset-password for an unknown username changes nothing and says so', () => {
    const result = run(['--username', 'nobody', '--reset-password'], 'a-brand-new-password\n');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('There is no enabled console account with the username "nobody".\n');
  });

  it('never prints the password', () => {
    const results = [addSam(), run(['--username', 'sam', '--reset-password'], `${PASSWORD}-2\n`)];
    for (const result of results) expect(result.stdout + result.stderr).not.toContain(PASSWORD);
  });
});

describePostgres('npm run account:add with DATABASE_URL set', () => {
  const schema = new TestSchema();
  beforeAll(() => schema.create());
  afterAll(() => schema.drop());

  it('creates the account in PostgreSQL, bringing the schema up to date first if no bot has yet', async () => {
    const env = { ...process.env, DATABASE_URL: schema.url(), SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'no-sqlite-')), 'unused.sqlite') };
    const args = [join(ROOT, 'dist', 'cli', 'addConsoleAccount.js'), '--username', 'sam', '--name', 'Sam', '--role', 'admin'];
    const result = spawnSync(process.execPath, args, { cwd: ROOT, input: `${PASSWORD}\n`, encoding: 'utf8', env });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const accounts = new PostgresConsoleAccounts(schema.pool());
    await expect(accounts.authenticate('sam', PASSWORD)).resolves.toMatchObject({ username: 'sam', role: 'admin' });
  });
});
