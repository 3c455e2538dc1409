import type { Request, Response, Server } from 'restify';
import { ConsoleAccountError, isRole, type ConsoleAccount, type ConsoleAccounts } from '../accounts/consoleAccounts';
import type { ConsoleSessions } from '../accounts/consoleSessions';
import type { Logger } from '../logger';
import { requireConsoleRole, requireRecentSignIn } from './consoleAuth';

export const ADMIN_API = '/api/admin';

export interface AdminRouteOptions {
  readonly accounts: ConsoleAccounts;
  readonly sessions: ConsoleSessions;
  readonly log: Logger;
}

const NOT_YOURSELF = 'You cannot disable your own account. Ask another admin to do it.';

/**
 * Console accounts, for admins: list them, add one, change a role, set a new password, disable one.
 * Every change needs the admin's password entered in the last few minutes, and is logged with the
 * ids involved (never a password or a name).
 */
export function registerAdminRoutes(server: Server, options: AdminRouteOptions): void {
  const { accounts, sessions, log } = options;
  const change = (handler: (req: Request, res: Response, admin: ConsoleAccount) => unknown) =>
    requireRecentSignIn(sessions, ['admin'], async (req, res, admin) => {
      try {
        await handler(req, res, admin);
      } catch (error) {
        if (!(error instanceof ConsoleAccountError)) throw error;
        res.send(400, { error: { code: 'BadRequest', message: error.message } });
      }
    });

  server.get(`${ADMIN_API}/accounts`, requireConsoleRole(sessions, ['admin'], async (_req, res) => {
    res.send(200, { accounts: await accounts.list() });
  }));

  server.post(`${ADMIN_API}/accounts`, change(async (req, res, admin) => {
    const { username, displayName, role, password } = bodyOf(req);
    const created = await accounts.create({
      username: text(username),
      displayName: text(displayName),
      role: isRole(role) ? role : (String(role ?? '') as never),
      password: typeof password === 'string' ? password : '',
    });
    log.info('console_account_created', { byAccount: admin.id, accountId: created.id, role: created.role });
    res.send(201, created);
  }));

  // The accounts refuse to demote or disable the last enabled admin, even when two admins try at once.
  server.post(`${ADMIN_API}/accounts/:id/role`, change(async (req, res, admin) => {
    const target = await targetOf(req, accounts);
    const { role } = bodyOf(req);
    if (!isRole(role)) throw new ConsoleAccountError('Choose a role: adviser, staff or admin.');
    await accounts.setRole(target.id, role);
    log.info('console_account_role_changed', { byAccount: admin.id, accountId: target.id, role });
    res.send(200, await accounts.findById(target.id));
  }));

  server.post(`${ADMIN_API}/accounts/:id/password`, change(async (req, res, admin) => {
    const target = await targetOf(req, accounts);
    const { password } = bodyOf(req);
    await accounts.setPassword(target.id, typeof password === 'string' ? password : '');
    // Whoever knew the old password is signed out everywhere.
    const ended = await sessions.endAllFor(target.id);
    log.info('console_account_password_set', { byAccount: admin.id, accountId: target.id, sessionsEnded: ended });
    res.send(204);
  }));

  server.post(`${ADMIN_API}/accounts/:id/disable`, change(async (req, res, admin) => {
    const target = await targetOf(req, accounts);
    if (target.id === admin.id) throw new ConsoleAccountError(NOT_YOURSELF);
    await accounts.disable(target.id);
    const ended = await sessions.endAllFor(target.id);
    log.info('console_account_disabled', { byAccount: admin.id, accountId: target.id, sessionsEnded: ended });
    res.send(204);
  }));
}

async function targetOf(req: Request, accounts: ConsoleAccounts): Promise<ConsoleAccount> {
  const id = Number((req.params as Record<string, string> | undefined)?.id);
  const account = Number.isSafeInteger(id) ? await accounts.findById(id) : undefined;
  if (!account) throw new ConsoleAccountError('That account does not exist or is disabled. Reload the page to see the current list.');
  return account;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function bodyOf(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}
