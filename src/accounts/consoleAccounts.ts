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

/**
 * Staff who sign in to the consoles, in the `console_accounts` table (SQLite or PostgreSQL).
 * Usernames are unique ignoring case. A disabled account keeps its row (hand-offs refer to it) but
 * cannot sign in and is not found. The last enabled admin can be neither disabled nor demoted, even
 * when two admins try it at once from two instances, or nobody could manage accounts any more.
 */
export interface ConsoleAccounts {
  /** Throws ConsoleAccountError for a bad or taken username, display name, role or password. */
  create(account: NewConsoleAccount): Promise<ConsoleAccount>;
  /** The account when the username and password match an enabled account, otherwise undefined. */
  authenticate(username: string, password: string): Promise<ConsoleAccount | undefined>;
  /** Replaces the password. Sessions already open stay open: end them with ConsoleSessions.endAllFor. */
  setPassword(accountId: number, password: string): Promise<void>;
  /** Stops the account signing in; its open sessions stop working at their next request. */
  disable(accountId: number): Promise<void>;
  /** Changes what the account may do. Its open sessions see the new role at their next request. */
  setRole(accountId: number, role: Role): Promise<void>;
  /** How many enabled admins there are. */
  enabledAdminCount(): Promise<number>;
  /** Enabled accounts, by username (ignoring case). */
  list(): Promise<ConsoleAccount[]>;
  findById(accountId: number): Promise<ConsoleAccount | undefined>;
  findByUsername(username: string): Promise<ConsoleAccount | undefined>;
}

/** A request the accounts cannot carry out; its message says why and what to do instead. */
export class ConsoleAccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConsoleAccountError';
  }
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
