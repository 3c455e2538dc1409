import { randomBytes } from 'node:crypto';
import type { SqliteDatabase } from '../storage/sqliteDatabase';
import { hashPassword, passwordProblem, verifyPassword } from './passwordHash';

/** What a console account may do. `admin` may do everything the other roles may. */
export type Role = 'adviser' | 'staff' | 'admin';
export const ROLES: readonly Role[] = ['adviser', 'staff', 'admin'];

export interface ConsoleAccount {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
}

export interface NewConsoleAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly password: string;
}

/** A request the accounts cannot carry out; its message says why and what to do instead. */
export class ConsoleAccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConsoleAccountError';
  }
}

// A short name, or the work email address someone signs in with through Microsoft Entra ID.
const USERNAME = /^(?:[A-Za-z0-9._-]{3,40}|[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]{3,100})$/;
const MAX_DISPLAY_NAME_LENGTH = 80;

interface AccountRow {
  readonly id: number;
  readonly username: string;
  readonly display_name: string;
  readonly role: Role;
  readonly password_hash: string;
  readonly disabled_at: string | null;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Staff who sign in to the consoles, in the `console_accounts` table. Usernames are unique ignoring
 * case. A disabled account keeps its row (hand-offs refer to it) but cannot sign in and is not found.
 */
export class ConsoleAccounts {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    void dummyHash();
  }

  async create(account: NewConsoleAccount): Promise<ConsoleAccount> {
    const problems = [usernameProblem(account.username), displayNameProblem(account.displayName), roleProblem(account.role), passwordProblem(account.password)];
    const problem = problems.find((p) => p !== undefined);
    if (problem) throw new ConsoleAccountError(problem);
    if (this.row(account.username, { includeDisabled: true })) throw duplicate(account.username);

    const passwordHash = await hashPassword(account.password);
    const displayName = account.displayName.trim();
    try {
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO console_accounts (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(account.username, displayName, account.role, passwordHash, this.now().toISOString());
      return { id: Number(lastInsertRowid), username: account.username, displayName, role: account.role };
    } catch (error) {
      // Another process may have taken the name while the password was hashing.
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw duplicate(account.username);
      throw error;
    }
  }

  /** The account when the username and password match an enabled account, otherwise undefined. */
  async authenticate(username: string, password: string): Promise<ConsoleAccount | undefined> {
    const row = this.row(username, { includeDisabled: true });
    // An unknown name still costs one scrypt, so response time does not reveal which usernames exist.
    const matches = await verifyPassword(password, row?.password_hash ?? (await dummyHash()));
    return matches && row && row.disabled_at === null ? accountFrom(row) : undefined;
  }

  /** Replaces the password. Sessions already open stay open: end them with ConsoleSessions.endAllFor. */
  async setPassword(accountId: number, password: string): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw new ConsoleAccountError(problem);
    const passwordHash = await hashPassword(password);
    const { changes } = this.db
      .prepare('UPDATE console_accounts SET password_hash = ? WHERE id = ? AND disabled_at IS NULL')
      .run(passwordHash, accountId);
    if (changes === 0) throw noSuchAccount(`id ${accountId}`);
  }

  /** Stops the account signing in; its open sessions stop working at their next request. */
  disable(accountId: number): void {
    const { changes } = this.db
      .prepare('UPDATE console_accounts SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL')
      .run(this.now().toISOString(), accountId);
    if (changes === 0) throw noSuchAccount(`id ${accountId}`);
  }

  /** Changes what the account may do. Its open sessions see the new role at their next request. */
  setRole(accountId: number, role: Role): void {
    const problem = roleProblem(role);
    if (problem) throw new ConsoleAccountError(problem);
    const { changes } = this.db.prepare('UPDATE console_accounts SET role = ? WHERE id = ? AND disabled_at IS NULL').run(role, accountId);
    if (changes === 0) throw noSuchAccount(`id ${accountId}`);
  }

  /** How many enabled admins there are: the last one must not lose the role, or nobody could manage accounts. */
  enabledAdminCount(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM console_accounts WHERE role = 'admin' AND disabled_at IS NULL").get() as { n: number }).n;
  }

  /** Enabled accounts, by username. */
  list(): ConsoleAccount[] {
    const rows = this.db
      .prepare('SELECT * FROM console_accounts WHERE disabled_at IS NULL ORDER BY username COLLATE NOCASE')
      .all() as AccountRow[];
    return rows.map(accountFrom);
  }

  findById(accountId: number): ConsoleAccount | undefined {
    const row = this.db.prepare('SELECT * FROM console_accounts WHERE id = ? AND disabled_at IS NULL').get(accountId) as AccountRow | undefined;
    return row && accountFrom(row);
  }

  findByUsername(username: string): ConsoleAccount | undefined {
    const row = this.row(username, { includeDisabled: false });
    return row && accountFrom(row);
  }

  private row(username: string, { includeDisabled }: { includeDisabled: boolean }): AccountRow | undefined {
    const row = this.db.prepare('SELECT * FROM console_accounts WHERE username = ?').get(username) as AccountRow | undefined;
    return row && (includeDisabled || row.disabled_at === null) ? row : undefined;
  }
}

function accountFrom(row: AccountRow): ConsoleAccount {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
}

let dummy: Promise<string> | undefined;

/** A real hash of a password nobody knows, made once per process (ahead of the first sign-in). */
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(18).toString('base64'));
  return dummy;
}

function usernameProblem(username: string): string | undefined {
  if (USERNAME.test(username)) return undefined;
  return `The username "${username.slice(0, 60)}" cannot be used: use 3 to 40 letters, digits, dots, dashes or underscores (no spaces), or the person's work email address if they sign in with Microsoft.`;
}

function displayNameProblem(displayName: string): string | undefined {
  const length = displayName.trim().length;
  if (length > 0 && length <= MAX_DISPLAY_NAME_LENGTH) return undefined;
  return `The display name must be 1 to ${MAX_DISPLAY_NAME_LENGTH} characters (found ${length}). It is the name shown to others, such as "Sam".`;
}

function roleProblem(role: unknown): string | undefined {
  return isRole(role) ? undefined : `The role must be one of ${ROLES.join(', ')} (found "${String(role)}").`;
}

function duplicate(username: string): ConsoleAccountError {
  return new ConsoleAccountError(`There is already a console account with the username "${username}" (usernames ignore case). Choose another username.`);
}

function noSuchAccount(which: string): ConsoleAccountError {
  return new ConsoleAccountError(`There is no enabled console account with ${which}.`);
}
