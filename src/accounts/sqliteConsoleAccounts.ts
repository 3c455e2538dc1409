import type { SqliteDatabase } from '../storage/sqliteDatabase';
import {
  accountFrom,
  accountIfPasswordMatches,
  checkNewAccount,
  checkRole,
  dummyHash,
  duplicateUsername,
  isPossibleUsername,
  lastAdmin,
  noSuchAccount,
  prepareNewPassword,
  type AccountRow,
} from './accountRules';
import { hashPassword } from './passwordHash';
import type { ConsoleAccount, ConsoleAccounts, NewConsoleAccount, Role } from './consoleAccounts';

/** Console accounts in the bot's SQLite file. The username column is COLLATE NOCASE, so lookups and uniqueness ignore case. */
export class SqliteConsoleAccounts implements ConsoleAccounts {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    void dummyHash();
  }

  async create(account: NewConsoleAccount): Promise<ConsoleAccount> {
    const { username, displayName, role } = checkNewAccount(account);
    if (this.row(username)) throw duplicateUsername(username);
    const passwordHash = await hashPassword(account.password);
    try {
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO console_accounts (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(username, displayName, role, passwordHash, this.now().toISOString());
      return { id: Number(lastInsertRowid), username, displayName, role };
    } catch (error) {
      // Another process may have taken the name while the password was hashing.
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw duplicateUsername(username);
      throw error;
    }
  }

  async authenticate(username: string, password: string): Promise<ConsoleAccount | undefined> {
    return accountIfPasswordMatches(this.row(username), password);
  }

  async setPassword(accountId: number, password: string): Promise<void> {
    const passwordHash = await prepareNewPassword(password);
    const { changes } = this.db.prepare('UPDATE console_accounts SET password_hash = ? WHERE id = ? AND disabled_at IS NULL').run(passwordHash, accountId);
    if (changes === 0) throw noSuchAccount(accountId);
  }

  async disable(accountId: number): Promise<void> {
    this.changeKeepingAnAdmin(accountId, false, () =>
      this.db.prepare('UPDATE console_accounts SET disabled_at = ? WHERE id = ?').run(this.now().toISOString(), accountId),
    );
  }

  async setRole(accountId: number, role: Role): Promise<void> {
    checkRole(role);
    this.changeKeepingAnAdmin(accountId, role === 'admin', () =>
      this.db.prepare('UPDATE console_accounts SET role = ? WHERE id = ?').run(role, accountId),
    );
  }

  async enabledAdminCount(): Promise<number> {
    return this.db.prepare("SELECT COUNT(*) FROM console_accounts WHERE role = 'admin' AND disabled_at IS NULL").pluck().get() as number;
  }

  async list(): Promise<ConsoleAccount[]> {
    const rows = this.db.prepare('SELECT * FROM console_accounts WHERE disabled_at IS NULL ORDER BY username COLLATE NOCASE, id').all() as AccountRow[];
    return rows.map(accountFrom);
  }

  async findById(accountId: number): Promise<ConsoleAccount | undefined> {
    const row = this.db.prepare('SELECT * FROM console_accounts WHERE id = ? AND disabled_at IS NULL').get(accountId) as AccountRow | undefined;
    return row && accountFrom(row);
  }

  async findByUsername(username: string): Promise<ConsoleAccount | undefined> {
    const row = this.row(username);
    return row && row.disabled_at === null ? accountFrom(row) : undefined;
  }

  /**
   * Runs `change` on an enabled account unless it would take away the last enabled admin. IMMEDIATE
   * takes the write lock before counting, so another process on the same file cannot count at the same time.
   */
  private changeKeepingAnAdmin(accountId: number, staysAdmin: boolean, change: () => void): void {
    this.db
      .transaction(() => {
        const role = this.db.prepare('SELECT role FROM console_accounts WHERE id = ? AND disabled_at IS NULL').pluck().get(accountId) as Role | undefined;
        if (role === undefined) throw noSuchAccount(accountId);
        if (role === 'admin' && !staysAdmin && (this.db.prepare("SELECT COUNT(*) FROM console_accounts WHERE role = 'admin' AND disabled_at IS NULL").pluck().get() as number) <= 1) {
          throw lastAdmin();
        }
        change();
      })
      .immediate();
  }

  /** The row for `username` (ignoring case), disabled or not. */
  private row(username: string): AccountRow | undefined {
    if (!isPossibleUsername(username)) return undefined;
    return this.db.prepare('SELECT * FROM console_accounts WHERE username = ?').get(username) as AccountRow | undefined;
  }
}
