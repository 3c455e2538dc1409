import 'dotenv/config';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { isRole, ROLES, type ConsoleAccounts, type Role } from '../accounts/consoleAccounts';
import type { ConsoleSessions } from '../accounts/consoleSessions';
import { MIN_PASSWORD_LENGTH } from '../accounts/passwordHash';
import { PostgresConsoleAccounts } from '../accounts/postgresConsoleAccounts';
import { PostgresConsoleSessions } from '../accounts/postgresConsoleSessions';
import { SqliteConsoleAccounts } from '../accounts/sqliteConsoleAccounts';
import { SqliteConsoleSessions } from '../accounts/sqliteConsoleSessions';
import { loadConfigFromProcess } from '../config';
import { createLogger } from '../logger';
import { runPostgresMigrations } from '../storage/postgresMigrate';
import { connectPostgres } from '../storage/postgresPool';
import { openSqliteDatabase } from '../storage/sqliteDatabase';

const USAGE = `Usage:
  npm run --silent account:add -- --username sam --name "Sam" --role adviser
  npm run --silent account:add -- --username sam --reset-password
  npm run --silent account:add -- --username sam --disable
The password is read from standard input (one line, at least ${MIN_PASSWORD_LENGTH} characters); at a terminal you are asked for it.
Roles: ${ROLES.join(', ')} (admin may do everything).
The accounts are in PostgreSQL when DATABASE_URL is set, otherwise in the SQLite file at SQLITE_PATH;
--db <path> uses that SQLite file instead.`;

type AccountRequest =
  | { readonly action: 'create'; readonly db?: string; readonly username: string; readonly displayName: string; readonly role: Role }
  | { readonly action: 'reset-password' | 'disable'; readonly db?: string; readonly username: string };

class UsageError extends Error {}

interface AccountDatabase {
  readonly accounts: ConsoleAccounts;
  readonly sessions: ConsoleSessions;
  close(): Promise<void>;
}

/**
 * `npm run account:add`: creates a console account, resets its password or disables it, in the
 * bot's database (PostgreSQL when DATABASE_URL is set). Changing a password or disabling signs the
 * account out everywhere.
 */
async function main(): Promise<void> {
  const request = parseRequest(process.argv.slice(2));
  const database = await openAccountDatabase(request.db);
  try {
    const { accounts, sessions } = database;
    if (request.action === 'create') {
      const password = await readPassword();
      const account = await accounts.create({ username: request.username, displayName: request.displayName, role: request.role, password });
      say(`Created ${account.role} account ${account.username} (${account.displayName}).`);
      return;
    }

    const account = await accounts.findByUsername(request.username);
    if (!account) throw new Error(`There is no enabled console account with the username "${request.username}".`);
    if (request.action === 'reset-password') {
      await accounts.setPassword(account.id, await readPassword());
      await sessions.endAllFor(account.id);
      say(`Changed the password for ${account.username} (${account.displayName}). They have been signed out everywhere.`);
    } else {
      await accounts.disable(account.id);
      await sessions.endAllFor(account.id);
      say(`Disabled ${account.username} (${account.displayName}). They can no longer sign in and have been signed out everywhere.`);
    }
  } finally {
    await database.close();
  }
}

/**
 * The database the bot itself would use. On PostgreSQL the schema is brought up to date first: this
 * may run before the bot ever has, and the migrations wait for each other if a bot starts meanwhile.
 */
async function openAccountDatabase(sqlitePath: string | undefined): Promise<AccountDatabase> {
  if (sqlitePath !== undefined) return openSqliteAccounts(sqlitePath);
  const config = loadConfigFromProcess();
  if (!config.databaseUrl) return openSqliteAccounts(config.sqlitePath);
  const pool = await connectPostgres(config.databaseUrl, { log: createLogger(), applicationName: 'family-advice-bot/account-cli', max: 2 });
  try {
    await runPostgresMigrations(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const close = async () => {
    await pool.end();
  };
  return { accounts: new PostgresConsoleAccounts(pool), sessions: new PostgresConsoleSessions(pool), close };
}

function openSqliteAccounts(path: string): AccountDatabase {
  const db = openSqliteDatabase(path);
  return { accounts: new SqliteConsoleAccounts(db), sessions: new SqliteConsoleSessions(db), close: async () => {
      db.close();
    } };
}

function parseRequest(args: string[]): AccountRequest {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        username: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        db: { type: 'string' },
        'reset-password': { type: 'boolean' },
        disable: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    say(USAGE);
    process.exit(0);
  }
  const { username, name, role, db } = values;
  if (!username) throw new UsageError('--username is required.');
  if (values['reset-password'] && values.disable) throw new UsageError('Use either --reset-password or --disable, not both.');
  if (values['reset-password'] || values.disable) {
    if (name !== undefined || role !== undefined) throw new UsageError('--name and --role are only for creating an account.');
    return { action: values.disable ? 'disable' : 'reset-password', db, username };
  }
  if (!name) throw new UsageError('--name is required: the name shown to others, such as "Sam".');
  if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}${role === undefined ? '' : ` (found "${role}")`}.`);
  return { action: 'create', db, username, displayName: name, role };
}

async function readPassword(): Promise<string> {
  const password = process.stdin.isTTY ? await promptWithoutEcho('Password: ') : await readFirstLine();
  if (password === undefined) throw new Error('No password was given: type it when asked, or pass one line on standard input.');
  return password;
}

async function readFirstLine(): Promise<string | undefined> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) return line;
  return undefined;
}

function promptWithoutEcho(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = () => {
      input.off('data', onKeys);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onKeys = (keys: string) => {
      for (const key of keys) {
        if (key === '\r' || key === '\n' || key === '\u0004') {
          finish();
          resolve(typed);
          return;
        }
        if (key === '\u0003') {
          finish();
          reject(new Error('Cancelled; nothing was changed.'));
          return;
        }
        if (key === '\u007f' || key === '\b') typed = [...typed].slice(0, -1).join('');
        else if (key >= ' ') typed += key;
      }
    };
    input.on('data', onKeys);
  });
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(error instanceof UsageError ? `${message}\n${USAGE}\n` : `${message}\n`);
  process.exitCode = 2;
});
