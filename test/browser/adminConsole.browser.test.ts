/**
 * The accounts page and the shared "Confirm it's you" step, in Chromium against the real bot: an
 * admin adds, changes and disables an account; an old sign-in makes the page ask for the password
 * and then finish the action by itself (on the accounts page and for the staff dashboard's erase);
 * who may use the page. The pages run under the site's strict Content-Security-Policy throughout,
 * and nothing may leave for another host.
 */
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { addAccount, TEST_PASSWORD } from '../support/adviserClient';
import { ageSignIns } from '../support/ageSignIns';
import { startTestBot, TestBot } from '../support/startTestBot';
import { guardNetwork, GuardedNetwork, launchChromium } from './support/browser';
import { deviceStorage, seriousAccessibilityProblems } from './support/chatPage';

const ADMIN_PAGE = '/console/admin';
const DASHBOARD = '/console/staff';
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** A display name that would run script if it were ever put on the page as HTML. */
const ROBIN = 'Robin <img src=x onerror="window.__xss=1">';
const ROBINS = `${ROBIN}’s account`;
const ROBIN_PASSWORD = 'kettle orchard violin tuesday';
const ROBIN_NEW_PASSWORD = 'lantern pebble quartz meadow';
const DIALOG_NAME = 'Confirm it’s you';

let bot: TestBot;
let sqlitePath = '';
let browser: Browser;
const contexts: { context: BrowserContext; network: GuardedNetwork; violations: string[] }[] = [];

beforeAll(async () => {
  bot = await startTestBot();
  sqlitePath = join(bot.dataDir, 'bot.sqlite');
  await addAccount(sqlitePath, 'ada', 'Ada', 'admin');
  await addAccount(sqlitePath, 'stella', 'Stella', 'staff');
  await addAccount(sqlitePath, 'sam', 'Sam', 'adviser');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

afterEach(async () => {
  for (const { context } of contexts) await context.close();
  const foreign = contexts.flatMap(({ network }) => network.foreign);
  const violations = contexts.flatMap((c) => c.violations);
  contexts.length = 0;
  expect(foreign).toEqual([]);
  expect(violations).toEqual([]);
});

/** A page in its own browser context, with the site's strict CSP added to every console page. */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const network = await guardNetwork(context, bot.url);
  const violations: string[] = [];
  contexts.push({ context, network, violations });
  const page = await context.newPage();
  await page.route(`${bot.url}/console/**`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
  });
  await context.grantPermissions(['local-network-access'], { origin: bot.url });
  page.on('console', (entry) => {
    if (entry.text().includes('Content Security Policy')) violations.push(entry.text());
  });
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  return page;
}

/** Opens `path` signed out, is sent to the sign-in page, signs in there and comes back. */
async function signIn(page: Page, path: string, username: string): Promise<void> {
  await page.goto(`${bot.url}${path}`);
  await page.waitForURL(`${bot.url}/console/login?next=${path}`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${bot.url}${path}`);
}

async function openAdminPage(): Promise<Page> {
  const page = await newPage();
  await signIn(page, ADMIN_PAGE, 'ada');
  await page.locator('#accounts-body tr').first().waitFor();
  return page;
}


/** The HTTP status of signing in outside the browser. */
async function signInStatus(username: string, password: string): Promise<number> {
  const response = await fetch(`${bot.url}/api/console/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-console-request': '1' },
    body: JSON.stringify({ username, password }),
  });
  return response.status;
}

function accountRows(page: Page): Promise<string[][]> {
  return page.locator('#accounts-body tr').evaluateAll((rows) => rows.map((row) => Array.from(row.children).map((cell) => (cell.textContent ?? '').trim())));
}

function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

function dialog(page: Page) {
  return page.getByRole('dialog', { name: DIALOG_NAME });
}

test('an admin lands on the staff dashboard, goes to Accounts, and adds, changes and disables an account', async () => {
  // Signing in with no page to go back to: admins start on the staff dashboard, with links to the other pages.
  const page = await newPage();
  await page.goto(`${bot.url}/console/login`);
  await page.getByLabel('Username').fill('ada');
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${bot.url}${DASHBOARD}`);
  const fromDashboard = page.getByRole('navigation', { name: 'Console pages' });
  await fromDashboard.waitFor();
  await expect(fromDashboard.getByRole('link', { name: 'Staff dashboard' }).getAttribute('aria-current')).resolves.toBe('page');
  await expect(fromDashboard.getByRole('link', { name: 'Adviser console' }).getAttribute('href')).resolves.toBe('/console/adviser');
  await fromDashboard.getByRole('link', { name: 'Accounts' }).click();
  await page.waitForURL(`${bot.url}${ADMIN_PAGE}`);
  await page.getByText('Signed in as Ada').waitFor();
  await page.locator('#accounts-body tr').first().waitFor();
  await expect(accountRows(page)).resolves.toEqual([
    ['Ada (you)', 'ada', 'Admin', 'Change Ada’s account'],
    ['Sam', 'sam', 'Adviser', 'Change Sam’s account'],
    ['Stella', 'stella', 'Staff', 'Change Stella’s account'],
  ]);
  const pages = page.getByRole('navigation', { name: 'Console pages' });
  await expect(pages.getByRole('link', { name: 'Accounts' }).getAttribute('aria-current')).resolves.toBe('page');
  await expect(pages.getByRole('link', { name: 'Staff dashboard' }).isVisible()).resolves.toBe(true);
  await expect(pages.getByRole('link', { name: 'Adviser console' }).isVisible()).resolves.toBe(true);
  await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);

  // An empty form: every problem is listed in the error summary, which takes focus, and is linked to its field.
  const add = page.locator('#add-form');
  await add.getByRole('button', { name: 'Add account' }).click();
  const problem = page.locator('#problem');
  await problem.getByRole('link', { name: 'Enter a display name.' }).waitFor();
  await expect(problem.getByRole('link').allTextContents()).resolves.toEqual(['Enter a display name.', 'Enter a username.', 'Choose a role.', 'Enter a password.']);
  await expect(focusedId(page)).resolves.toBe('problem');
  await expect(add.getByText('Error: Choose a role.').isVisible()).resolves.toBe(true);
  await problem.getByRole('link', { name: 'Choose a role.' }).click();
  await expect(focusedId(page)).resolves.toBe('add-role');
  await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);

  // A password that is too short is caught before it is sent.
  await add.getByLabel('Display name').fill(ROBIN);
  await add.getByLabel('Username').fill('SAM');
  await add.getByLabel('Role').selectOption('adviser');
  await add.getByLabel('First password').fill('too short');
  await add.getByRole('button', { name: 'Add account' }).click();
  await problem.getByRole('link', { name: 'The password must be at least 12 characters long (this one has 9).' }).waitFor();

  // The server's own message when it refuses: here, a username that is taken.
  await add.getByLabel('First password').fill(ROBIN_PASSWORD);
  await add.getByRole('button', { name: 'Add account' }).click();
  await problem.getByText(/There is already a console account with the username "SAM"/).waitFor();
  await expect(accountRows(page).then((rows) => rows.length)).resolves.toBe(3);

  await add.getByLabel('Username').fill('robin');
  await add.getByRole('button', { name: 'Add account' }).click();
  const success = page.locator('#success');
  await success.getByText(`Added ${ROBINS} (robin) as an adviser.`).waitFor();
  await expect(focusedId(page)).resolves.toBe('success');
  await expect(problem.isVisible()).resolves.toBe(false);
  await expect(accountRows(page)).resolves.toContainEqual([ROBIN, 'robin', 'Adviser', `Change ${ROBINS}`]);
  // The form is empty again: the password is gone from the page.
  await expect(add.getByLabel('First password').inputValue()).resolves.toBe('');
  await expect(add.getByLabel('Display name').inputValue()).resolves.toBe('');
  await expect(signInStatus('robin', ROBIN_PASSWORD)).resolves.toBe(200);

  // The name is text everywhere: no image was made and nothing ran.
  await expect(page.locator('#main img').count()).resolves.toBe(0);
  await expect(page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).resolves.toBeUndefined();

  // Change the role.
  await page.getByRole('button', { name: `Change ${ROBINS}` }).click();
  const manage = page.locator('#manage');
  await expect(page.getByRole('heading', { name: `Change ${ROBINS}` }).evaluate((h) => h === document.activeElement)).resolves.toBe(true);
  await expect(page.getByRole('button', { name: `Change ${ROBINS}` }).getAttribute('aria-expanded')).resolves.toBe('true');
  await manage.getByLabel('New role').selectOption('staff');
  await manage.getByRole('button', { name: 'Save role' }).click();
  await success.getByText(`${ROBINS} (robin) is now staff.`).waitFor();
  await expect(accountRows(page)).resolves.toContainEqual([ROBIN, 'robin', 'Staff', `Change ${ROBINS}`]);
  await expect(manage.locator('#manage-role').textContent()).resolves.toBe('Staff');

  // Set a new password: too short first, then a good one. The field is emptied afterwards.
  const newPassword = manage.getByLabel('New password');
  await expect(newPassword.getAttribute('autocomplete')).resolves.toBe('new-password');
  await newPassword.fill('short');
  await manage.getByRole('button', { name: 'Set password' }).click();
  await manage.getByText('Error: The password must be at least 12 characters long (this one has 5).').waitFor();
  await expect(newPassword.getAttribute('aria-invalid')).resolves.toBe('true');
  await newPassword.fill(ROBIN_NEW_PASSWORD);
  await manage.getByRole('button', { name: 'Set password' }).click();
  await success.getByText(`The password for ${ROBINS} (robin) has been changed.`, { exact: false }).waitFor();
  await expect(newPassword.inputValue()).resolves.toBe('');
  await expect(signInStatus('robin', ROBIN_PASSWORD)).resolves.toBe(401);
  await expect(signInStatus('robin', ROBIN_NEW_PASSWORD)).resolves.toBe(200);
  await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);

  // Disable: a confirmation names the account first; Cancel leaves it alone.
  await manage.getByRole('button', { name: 'Disable account' }).click();
  const confirm = manage.locator('#disable-confirm');
  await expect(page.getByRole('heading', { name: `Disable ${ROBINS}?` }).evaluate((h) => h === document.activeElement)).resolves.toBe(true);
  await expect(confirm.locator('.confirm__warning').textContent()).resolves.toBe(
    `${ROBIN} (username robin) will be signed out at once and will not be able to sign in again.`,
  );
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm.isVisible()).resolves.toBe(false);
  await manage.getByRole('button', { name: 'Disable account' }).click();
  await confirm.getByRole('button', { name: `Yes, disable ${ROBINS}` }).click();
  await success.getByText(`${ROBINS} (robin) has been disabled.`, { exact: false }).waitFor();
  await expect(manage.isVisible()).resolves.toBe(false);
  await expect(accountRows(page).then((rows) => rows.map((row) => row[1]))).resolves.toEqual(['ada', 'sam', 'stella']);
  await expect(signInStatus('robin', ROBIN_NEW_PASSWORD)).resolves.toBe(401);

  // An admin cannot disable their own account, and the page says so instead of offering it.
  await page.getByRole('button', { name: 'Change Ada’s account' }).click();
  await manage.getByText('You cannot disable your own account. Ask another admin to do it.').waitFor();
  await expect(manage.getByRole('button', { name: 'Disable account' }).isVisible()).resolves.toBe(false);
  await manage.getByRole('button', { name: 'Back to the list' }).click();
  await expect(page.getByRole('button', { name: 'Change Ada’s account' }).evaluate((b) => b === document.activeElement)).resolves.toBe(true);

  // No password, nor anything else, was kept in the browser.
  await expect(deviceStorage(page)).resolves.toEqual({ localStorage: 0, sessionStorage: 0, cookie: '', indexedDB: [] });
  await expect(page.locator('input[type="password"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).resolves.toEqual(['', '']);
});

test('an old sign-in asks for the password again, then the action finishes by itself', async () => {
  const page = await openAdminPage();
  const add = page.locator('#add-form');
  await add.getByLabel('Display name').fill('Kit');
  await add.getByLabel('Username').fill('kit');
  await add.getByLabel('Role').selectOption('adviser');
  await add.getByLabel('First password').fill(ROBIN_PASSWORD);
  ageSignIns(sqlitePath, 10);

  // Escape cancels: nothing changes, and the page says why.
  await add.getByRole('button', { name: 'Add account' }).click();
  await dialog(page).waitFor();
  await expect(focusedId(page)).resolves.toBe('reauth-password');
  await expect(dialog(page).getByText('For your security, enter your password again before doing this.').isVisible()).resolves.toBe(true);
  await page.keyboard.press('Escape');
  await page.locator('#problem').getByText('Nothing was changed, because you did not enter your password.', { exact: false }).waitFor();
  await expect(dialog(page).isVisible()).resolves.toBe(false);
  await expect(accountRows(page).then((rows) => rows.map((row) => row[1]))).resolves.not.toContain('kit');

  // Asked again: a wrong password is explained in the dialog, which stays open.
  await add.getByRole('button', { name: 'Add account' }).click();
  await dialog(page).waitFor();
  await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);
  const password = dialog(page).getByLabel('Your password');
  await expect(password.getAttribute('autocomplete')).resolves.toBe('current-password');
  await password.fill('not my password at all');
  await dialog(page).getByRole('button', { name: 'Confirm' }).click();
  const dialogProblem = dialog(page).locator('#reauth-error-summary');
  await dialogProblem.getByRole('link', { name: 'That password isn\'t right. Try again.' }).waitFor();
  await expect(dialog(page).getByText('Error: That password isn\'t right. Try again.').isVisible()).resolves.toBe(true);
  await expect(focusedId(page)).resolves.toBe('reauth-error-summary');
  await expect(password.inputValue()).resolves.toBe('');
  await expect(password.getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);

  // The right password: the dialog closes and the account is added without pressing anything else.
  await password.fill(TEST_PASSWORD);
  await dialog(page).getByRole('button', { name: 'Confirm' }).click();
  await page.locator('#success').getByText('Added Kit’s account (kit) as an adviser.').waitFor();
  await expect(dialog(page).isVisible()).resolves.toBe(false);
  await expect(page.locator('#reauth-password').inputValue()).resolves.toBe('');
  await expect(accountRows(page)).resolves.toContainEqual(['Kit', 'kit', 'Adviser', 'Change Kit’s account']);

  // Once confirmed, further changes go straight through for a while.
  await page.getByRole('button', { name: 'Change Kit’s account' }).click();
  await page.locator('#manage').getByRole('button', { name: 'Disable account' }).click();
  await page.getByRole('button', { name: 'Yes, disable Kit’s account' }).click();
  await page.locator('#success').getByText('Kit’s account (kit) has been disabled.', { exact: false }).waitFor();
  await expect(dialog(page).isVisible()).resolves.toBe(false);
});

test('the staff dashboard asks for the password before erasing after an old sign-in, then erases', async () => {
  const page = await newPage();
  await signIn(page, DASHBOARD, 'stella');
  await page.getByText('Signed in as Stella').waitFor();
  // Staff do not get the links to the other console pages.
  await expect(page.getByRole('navigation', { name: 'Console pages' }).isVisible()).resolves.toBe(false);

  const id = 'conversation-to-erase';
  await page.locator('#erase-form').getByLabel('Conversation id').fill(id);
  await page.locator('#erase-form').getByRole('button', { name: 'Continue' }).click();
  const confirm = page.locator('#erase-confirm');
  await confirm.getByLabel('Type the conversation id again to confirm').fill(id);
  ageSignIns(sqlitePath, 10);

  // Cancel keeps the confirmation open, and says nothing was erased.
  await confirm.getByRole('button', { name: 'Erase permanently' }).click();
  await dialog(page).waitFor();
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await confirm.getByText('Error: Nothing was erased, because you did not enter your password.', { exact: false }).waitFor();
  await expect(dialog(page).isVisible()).resolves.toBe(false);

  await confirm.getByRole('button', { name: 'Erase permanently' }).click();
  await dialog(page).waitFor();
  await dialog(page).getByLabel('Your password').fill(TEST_PASSWORD);
  await dialog(page).getByRole('button', { name: 'Confirm' }).click();
  await page.locator('#erase-result').getByText(`Nothing was kept about conversation ${id}.`).waitFor();
  await expect(dialog(page).isVisible()).resolves.toBe(false);
  await expect(confirm.isVisible()).resolves.toBe(false);
});

test('someone who is not an admin is told their account cannot manage accounts', async () => {
  const page = await newPage();
  await signIn(page, ADMIN_PAGE, 'sam');
  await page.getByRole('heading', { name: 'You cannot manage accounts' }).waitFor();
  await expect(page.locator('#problem').getByText('Your account cannot manage accounts.', { exact: false }).isVisible()).resolves.toBe(true);
  await expect(page.getByRole('link', { name: 'Go to the adviser console' }).getAttribute('href')).resolves.toBe('/console/adviser');
  await expect(page.locator('#accounts-page').isVisible()).resolves.toBe(false);
  await expect(page.locator('#loading').isVisible()).resolves.toBe(false);
  await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);
  await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);
});
