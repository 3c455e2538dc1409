import { join } from 'node:path';
import Database from 'better-sqlite3';
import { addAccount, TEST_PASSWORD } from '../support/adviserClient';
import { ageSignIns } from '../support/ageSignIns';
import { startTestBot, TestBot } from '../support/startTestBot';

const NEW_PASSWORD = 'a brand new passphrase for Robin';

let bot: TestBot;
let sqlitePath = '';
/** Everything written to the terminal while the bot ran: nothing secret may appear there either. */
const terminal: string[] = [];

beforeAll(async () => {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: never[]) => {
      terminal.push(String(chunk));
      return write(chunk as string, ...rest);
    }) as typeof stream.write);
  }
  bot = await startTestBot();
  sqlitePath = join(bot.dataDir, 'bot.sqlite');
  await addAccount(sqlitePath, 'ada', 'Ada', 'admin');
  await addAccount(sqlitePath, 'stella', 'Stella', 'staff');
  await addAccount(sqlitePath, 'sam', 'Sam', 'adviser');
});
afterAll(async () => {
  await bot.stop();
  jest.restoreAllMocks();
});

async function signIn(username: string, password = TEST_PASSWORD): Promise<string> {
  const response = await fetch(`${bot.url}/api/console/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-console-request': '1' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${username} failed: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

async function call(cookie: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${bot.url}${path}`, {
    method,
    headers: { cookie, 'x-console-request': '1', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}


function accountId(username: string): number {
  const db = new Database(sqlitePath, { readonly: true });
  try {
    return (db.prepare('SELECT id FROM console_accounts WHERE username = ?').get(username) as { id: number }).id;
  } finally {
    db.close();
  }
}

describe('account management', () => {
  it('is for admins only', async () => {
    expect((await call('', 'GET', '/api/admin/accounts')).status).toBe(401);
    expect((await call(await signIn('stella'), 'GET', '/api/admin/accounts')).status).toBe(403);
    expect((await call(await signIn('sam'), 'POST', '/api/admin/accounts', { username: 'x' })).status).toBe(403);
    const list = await call(await signIn('ada'), 'GET', '/api/admin/accounts');
    expect(list.status).toBe(200);
    expect(list.body.accounts.map((a: { username: string }) => a.username)).toEqual(expect.arrayContaining(['ada', 'sam', 'stella']));
    expect(JSON.stringify(list.body)).not.toMatch(/hash|password/i);
  });

  it('adds an account that can then sign in with the role it was given', async () => {
    const admin = await signIn('ada');
    const created = await call(admin, 'POST', '/api/admin/accounts', { username: 'robin', displayName: 'Robin', role: 'staff', password: TEST_PASSWORD });
    expect(created.status).toBe(201);
    expect(created.body).toEqual(expect.objectContaining({ username: 'robin', role: 'staff' }));
    const me = await call(await signIn('robin'), 'GET', '/api/console/me');
    expect(me.body.role).toBe('staff');
  });

  it('explains what is wrong with an account it cannot add', async () => {
    const admin = await signIn('ada');
    const clash = await call(admin, 'POST', '/api/admin/accounts', { username: 'SAM', displayName: 'Another Sam', role: 'adviser', password: TEST_PASSWORD });
    expect(clash.status).toBe(400);
    expect(clash.body.error.message).toMatch(/already a console account/);
    const weak = await call(admin, 'POST', '/api/admin/accounts', { username: 'weak', displayName: 'Weak', role: 'adviser', password: 'short' });
    expect(weak.status).toBe(400);
    const badRole = await call(admin, 'POST', '/api/admin/accounts', { username: 'boss', displayName: 'Boss', role: 'owner', password: TEST_PASSWORD });
    expect(badRole.status).toBe(400);
  });

  it('asks for the password again when it was last entered more than five minutes ago', async () => {
    const admin = await signIn('ada');
    ageSignIns(sqlitePath, 6);
    const refused = await call(admin, 'POST', '/api/admin/accounts', { username: 'kit', displayName: 'Kit', role: 'adviser', password: TEST_PASSWORD });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('ReauthenticationRequired');
    // Still signed in for everything else.
    expect((await call(admin, 'GET', '/api/admin/accounts')).status).toBe(200);

    expect((await call(admin, 'POST', '/api/console/reauthenticate', { password: 'not my password' })).status).toBe(401);
    expect((await call(admin, 'POST', '/api/console/reauthenticate', { password: TEST_PASSWORD })).status).toBe(204);
    expect((await call(admin, 'POST', '/api/admin/accounts', { username: 'kit', displayName: 'Kit', role: 'adviser', password: TEST_PASSWORD })).status).toBe(201);
  });

  it('asks for the password again before erasing a conversation', async () => {
    const staff = await signIn('stella');
    ageSignIns(sqlitePath, 10);
    const erase = () => call(staff, 'POST', '/api/staff/erase', { conversationId: 'conversation-to-erase' });
    expect((await erase()).body.error.code).toBe('ReauthenticationRequired');
    expect((await call(staff, 'POST', '/api/console/reauthenticate', { password: TEST_PASSWORD })).status).toBe(204);
    expect((await erase()).status).toBe(200);
  });

  it('changes a role, and the person sees it at their next request', async () => {
    const sam = await signIn('sam');
    expect((await call(sam, 'GET', '/api/staff/report')).status).toBe(403);
    const changed = await call(await signIn('ada'), 'POST', `/api/admin/accounts/${accountId('sam')}/role`, { role: 'staff' });
    expect(changed.status).toBe(200);
    expect((await call(sam, 'GET', '/api/staff/report')).status).toBe(200);
  });

  it('never leaves the consoles without an admin, and an admin cannot disable themselves', async () => {
    const admin = await signIn('ada');
    const demote = await call(admin, 'POST', `/api/admin/accounts/${accountId('ada')}/role`, { role: 'staff' });
    expect(demote.status).toBe(400);
    expect(demote.body.error.message).toMatch(/only admin/);
    const self = await call(admin, 'POST', `/api/admin/accounts/${accountId('ada')}/disable`);
    expect(self.status).toBe(400);
    expect((await call(admin, 'GET', '/api/console/me')).body.role).toBe('admin');
  });

  it('sets a new password: the old one stops working and open sessions end', async () => {
    const robin = await signIn('robin');
    const reset = await call(await signIn('ada'), 'POST', `/api/admin/accounts/${accountId('robin')}/password`, { password: NEW_PASSWORD });
    expect(reset.status).toBe(204);
    expect((await call(robin, 'GET', '/api/console/me')).status).toBe(401);
    await expect(signIn('robin')).rejects.toThrow(/401/);
    expect(await signIn('robin', NEW_PASSWORD)).toMatch(/console_session=/);
  });

  it('disables an account: it is signed out at once and cannot sign in again', async () => {
    const kit = await signIn('kit');
    const id = accountId('kit');
    expect((await call(await signIn('ada'), 'POST', `/api/admin/accounts/${id}/disable`)).status).toBe(204);
    expect((await call(kit, 'GET', '/api/console/me')).status).toBe(401);
    await expect(signIn('kit')).rejects.toThrow(/401/);
    expect((await call(await signIn('ada'), 'POST', `/api/admin/accounts/${id}/disable`)).status).toBe(400);
  });

  it('logs who changed what by id, never a password or a name, in its log or on the terminal', async () => {
    const lines = [...bot.logLines, ...terminal].join('\n');
    expect(lines).toMatch(/console_account_created/);
    expect(lines).toMatch(/console_account_password_set/);
    for (const secret of [TEST_PASSWORD, NEW_PASSWORD, 'Robin', 'not my password']) expect(lines).not.toContain(secret);
  });
});
