import { randomBytes } from 'node:crypto';
import { ConsoleAccountError, isRole, ROLES, type ConsoleAccount, type NewConsoleAccount, type Role } from './consoleAccounts';
import { hashPassword, passwordProblem, verifyPassword } from './passwordHash';

/**
 * What every ConsoleAccounts store shares, whichever database holds the rows: the rules for a new
 * account, the messages, and the password check. The stores only read and write rows.
 */

// A short name, or the work email address someone signs in with through Microsoft Entra ID.
// ASCII only, so "ignoring case" means the same in SQLite (NOCASE) and PostgreSQL (lower()).
const USERNAME = /^(?:[A-Za-z0-9._-]{3,40}|[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]{3,100})$/;
const MAX_DISPLAY_NAME_LENGTH = 80;

/** A console_accounts row as both databases return it. */
export interface AccountRow {
  readonly id: number;
  readonly username: string;
  readonly display_name: string;
  readonly role: Role;
  readonly password_hash: string;
  readonly disabled_at: string | null;
}

export function accountFrom(row: AccountRow): ConsoleAccount {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
}

/** Checks a new account and returns what to store (but the password). Throws ConsoleAccountError saying what is wrong. */
export function checkNewAccount(account: NewConsoleAccount): { username: string; displayName: string; role: Role } {
  const displayName = normaliseDisplayName(account.displayName);
  const problems = [usernameProblem(account.username), displayNameProblem(displayName), roleProblem(account.role), passwordProblem(account.password)];
  const problem = problems.find((p) => p !== undefined);
  if (problem) throw new ConsoleAccountError(problem);
  return { username: account.username, displayName, role: account.role };
}

/** A hash for a new password; throws ConsoleAccountError when it is too short. */
export async function prepareNewPassword(password: string): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw new ConsoleAccountError(problem);
  return hashPassword(password);
}

export function checkRole(role: unknown): asserts role is Role {
  const problem = roleProblem(role);
  if (problem) throw new ConsoleAccountError(problem);
}

/** Whether `username` could be an account's; anything else is looked up as nobody. */
export function isPossibleUsername(username: string): boolean {
  return USERNAME.test(username);
}

/**
 * The account when `password` is right for an enabled `row`. An unknown name (no row) still costs one
 * scrypt, so response time does not reveal which usernames exist.
 */
export async function accountIfPasswordMatches(row: AccountRow | undefined, password: string): Promise<ConsoleAccount | undefined> {
  const matches = await verifyPassword(password, row?.password_hash ?? (await dummyHash()));
  return matches && row && row.disabled_at === null ? accountFrom(row) : undefined;
}

let dummy: Promise<string> | undefined;

/** A real hash of a password nobody knows, made once per process; call it early to have it ready for the first sign-in. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(18).toString('base64'));
  return dummy;
}

export function duplicateUsername(username: string): ConsoleAccountError {
  return new ConsoleAccountError(`There is already a console account with the username "${username}" (usernames ignore case). Choose another username.`);
}

export function noSuchAccount(accountId: number): ConsoleAccountError {
  return new ConsoleAccountError(`There is no enabled console account with id ${accountId}.`);
}

export function lastAdmin(): ConsoleAccountError {
  return new ConsoleAccountError('This is the only admin account. Make someone else an admin first, so the consoles can still be managed.');
}

// PostgreSQL text cannot hold NUL; removing it in both stores keeps them giving the same answers.
function normaliseDisplayName(displayName: string): string {
  return displayName.replace(/\0/g, '').trim();
}

function usernameProblem(username: string): string | undefined {
  if (USERNAME.test(username)) return undefined;
  return `The username "${username.slice(0, 60)}" cannot be used: use 3 to 40 letters, digits, dots, dashes or underscores (no spaces), or the person's work email address if they sign in with Microsoft.`;
}

function displayNameProblem(displayName: string): string | undefined {
  const length = displayName.length;
  if (length > 0 && length <= MAX_DISPLAY_NAME_LENGTH) return undefined;
  return `The display name must be 1 to ${MAX_DISPLAY_NAME_LENGTH} characters (found ${length}). It is the name shown to others, such as "Sam".`;
}

function roleProblem(role: unknown): string | undefined {
  return isRole(role) ? undefined : `The role must be one of ${ROLES.join(', ')} (found "${String(role)}").`;
}
