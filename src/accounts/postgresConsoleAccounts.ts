import type pg from 'pg';
import { codeOf, inTransaction } from '../storage/postgresPool';
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
import type { ConsoleAccount, ConsoleAccounts, NewConsoleAccount, Role } from './consoleAccounts';
import { hashPassword } from './passwordHash';

const UNIQUE_VIOLATION = '23505';
const ENABLED_ADMINS = "role = 'admin' AND disabled_at IS NULL";

/**
 * Console accounts in PostgreSQL, shared by every instance of the bot. Usernames are unique ignoring
 * case through the unique index on lower(username) (migration 2), so lookups use lower() too.
 */
export class PostgresConsoleAccounts implements ConsoleAccounts {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date = () => new Date(),
  ) {
    void dummyHash();
  }

  async create(account: NewConsoleAccount): Promise<ConsoleAccount> {
    const { username, displayName, role } = checkNewAccount(account);
    if (await this.row(username)) throw duplicateUsername(username);
    const passwordHash = await hashPassword(account.password);
    try {
      const { rows } = await this.pool.query<{ id: number }>(
        'INSERT INTO console_accounts (username, display_name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [username, displayName, role, passwordHash, this.now().toISOString()],
      );
      return { id: rows[0].id, username, displayName, role };
    } catch (error) {
      // Another instance may have taken the name while the password was hashing.
      if (codeOf(error) === UNIQUE_VIOLATION) throw duplicateUsername(username);
      throw error;
    }
  }

  async authenticate(username: string, password: string): Promise<ConsoleAccount | undefined> {
    return accountIfPasswordMatches(await this.row(username), password);
  }

  async setPassword(accountId: number, password: string): Promise<void> {
    const passwordHash = await prepareNewPassword(password);
    if (!Number.isSafeInteger(accountId)) throw noSuchAccount(accountId);
    const { rowCount } = await this.pool.query('UPDATE console_accounts SET password_hash = $1 WHERE id = $2 AND disabled_at IS NULL', [passwordHash, accountId]);
    if (rowCount === 0) throw noSuchAccount(accountId);
  }

  async disable(accountId: number): Promise<void> {
    await this.changeKeepingAnAdmin(accountId, false, 'disabled_at = $2', this.now().toISOString());
  }

  async setRole(accountId: number, role: Role): Promise<void> {
    checkRole(role);
    await this.changeKeepingAnAdmin(accountId, role === 'admin', 'role = $2', role);
  }

  async enabledAdminCount(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(`SELECT COUNT(*) AS n FROM console_accounts WHERE ${ENABLED_ADMINS}`);
    return rows[0].n;
  }

  async list(): Promise<ConsoleAccount[]> {
    // COLLATE "C": byte order, as SQLite sorts, whatever the database's locale (usernames are ASCII).
    const { rows } = await this.pool.query<AccountRow>(`SELECT * FROM console_accounts WHERE disabled_at IS NULL ORDER BY lower(username) COLLATE "C", id`);
    return rows.map(accountFrom);
  }

  async findById(accountId: number): Promise<ConsoleAccount | undefined> {
    if (!Number.isSafeInteger(accountId)) return undefined;
    const { rows } = await this.pool.query<AccountRow>('SELECT * FROM console_accounts WHERE id = $1 AND disabled_at IS NULL', [accountId]);
    return rows[0] && accountFrom(rows[0]);
  }

  async findByUsername(username: string): Promise<ConsoleAccount | undefined> {
    const row = await this.row(username);
    return row && row.disabled_at === null ? accountFrom(row) : undefined;
  }

  /**
   * Sets one column of an enabled account, unless that takes away the last enabled admin.
   *
   * Every enabled admin's row is locked first (in id order, so two of these never deadlock). An admin
   * that is not the target stays locked, and so stays an admin, until this commits. Two admins demoting
   * each other at once on two instances: the second waits for the first, then finds only itself left.
   */
  private async changeKeepingAnAdmin(accountId: number, staysAdmin: boolean, assignment: string, value: string): Promise<void> {
    if (!Number.isSafeInteger(accountId)) throw noSuchAccount(accountId);
    await inTransaction(this.pool, async (client) => {
      const { rows: admins } = await client.query<{ id: number }>(`SELECT id FROM console_accounts WHERE ${ENABLED_ADMINS} ORDER BY id FOR UPDATE`);
      const targetIsAdmin = admins.some((admin) => admin.id === accountId);
      if (targetIsAdmin && !staysAdmin && admins.length <= 1) throw lastAdmin();
      const { rowCount } = await client.query(`UPDATE console_accounts SET ${assignment} WHERE id = $1 AND disabled_at IS NULL`, [accountId, value]);
      if (rowCount === 0) throw noSuchAccount(accountId);
    });
  }

  /** The row for `username` (ignoring case), disabled or not. */
  private async row(username: string): Promise<AccountRow | undefined> {
    if (!isPossibleUsername(username)) return undefined;
    const { rows } = await this.pool.query<AccountRow>('SELECT * FROM console_accounts WHERE lower(username) = lower($1)', [username]);
    return rows[0];
  }
}
