import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { detectConversationalIntent } from '../src/dialogs/conversationalIntent';
import { MAIN_MENU } from '../src/dialogs/messages';

const ROOT = join(__dirname, '..');
const SCRIPT = join(ROOT, 'scripts', 'teamsPackage.js');
const ZIP_NAME = 'family-advice-bot-teams.zip';
const BOT_ID = '3f2b8c1e-5d4a-4e6f-9a7b-0c1d2e3f4a5b';
const HOST = 'family-advice-test.azurewebsites.net';

interface Command {
  title: string;
  description: string;
}
interface Bot {
  botId: string;
  scopes: string[];
  supportsFiles: boolean;
  isNotificationOnly: boolean;
  commandLists: { scopes: string[]; commands: Command[] }[];
}
interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  version: string;
  developer: Record<string, string>;
  name: { short: string; full: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  bots: Bot[];
  validDomains: string[];
  webApplicationInfo?: unknown;
}

const template = JSON.parse(readFileSync(join(ROOT, 'teams', 'manifest.template.json'), 'utf8')) as Manifest;

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'teams-package-'));
  tempDirs.push(dir);
  return dir;
}

/** Runs the script as `npm run teams:package` would, without this machine's own bot settings. */
function runScript(args: string[], env: Record<string, string> = {}) {
  const { MicrosoftAppId: _appId, TEAMS_APP_HOST: _host, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, env: { ...inherited, ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function buildPackage(args: string[], env: Record<string, string> = {}) {
  const out = tempDir();
  const run = runScript([...args, '--out', out], env);
  if (run.status !== 0) throw new Error(`teamsPackage.js failed: ${run.stderr}`);
  const zipBytes = readFileSync(join(out, ZIP_NAME));
  const files = unzipSync(zipBytes);
  return { run, zipBytes, files, manifest: JSON.parse(strFromU8(files['manifest.json'])) as Manifest };
}

function pixels(png: PNG): number[][] {
  const all: number[][] = [];
  for (let i = 0; i < png.data.length; i += 4) all.push([png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]]);
  return all;
}

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('the Teams app package an admin uploads', () => {
  let built: ReturnType<typeof buildPackage>;
  let manifest: Manifest;
  let bot: Bot;
  beforeAll(() => {
    built = buildPackage(['--bot-id', BOT_ID, '--host', HOST]);
    manifest = built.manifest;
    bot = manifest.bots[0];
  });

  it('holds manifest.json, color.png and outline.png at the root of the zip, and nothing else', () => {
    expect(Object.keys(built.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(strFromU8(built.files['manifest.json'])).not.toMatch(/\{\{/);
  });

  it('tells the admin where the zip was written', () => {
    expect(built.run.stdout).toContain(ZIP_NAME);
  });

  it('talks to the Azure Bot whose app id it was given', () => {
    expect(manifest.bots).toHaveLength(1);
    expect(bot.botId).toBe(BOT_ID);
  });

  it("lets Teams trust the bot's own web host and no other", () => {
    expect(manifest.validDomains).toEqual([HOST]);
    expect(manifest.webApplicationInfo).toBeUndefined();
  });

  it('declares a manifest version that matches its schema address, 1.19 or newer', () => {
    const fromUrl = /^https:\/\/developer\.microsoft\.com\/en-us\/json-schemas\/teams\/v(\d+)\.(\d+)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema);
    expect(fromUrl).not.toBeNull();
    const [, major, minor] = fromUrl!;
    expect(manifest.manifestVersion).toBe(`${major}.${minor}`);
    expect(Number(major) * 100 + Number(minor)).toBeGreaterThanOrEqual(119);
  });

  it('is installed only in a personal chat, never in a team or group chat', () => {
    expect(bot.scopes).toEqual(['personal']);
    for (const list of bot.commandLists) expect(list.scopes).toEqual(['personal']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
  });

  it('keeps its app id from one build to the next, so an upload updates the app instead of adding another', () => {
    expect(manifest.id).toBe(template.id);
    expect(manifest.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('fits the lengths Teams allows for names, descriptions and commands', () => {
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.name.full.length).toBeLessThanOrEqual(100);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    const commands = bot.commandLists.flatMap((list) => list.commands);
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      expect(command.title.length).toBeLessThanOrEqual(32);
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(128);
    }
  });

  it('says plainly that it gives general information, is not a lawyer, and can reach an adviser', () => {
    const full = manifest.description.full;
    expect(full).toMatch(/general information/);
    expect(full).toMatch(/children's services/);
    expect(full).toMatch(/England/);
    expect(full).toMatch(/Wales/);
    expect(full).toMatch(/not a lawyer/);
    expect(full).toMatch(/adviser/);
    expect(full).toMatch(/999/);
  });

  it('offers only commands the bot acts on when they arrive as a message', () => {
    const menuTitles = MAIN_MENU.map((choice) => choice.title.toLowerCase());
    for (const { title } of bot.commandLists.flatMap((list) => list.commands)) {
      const steering = detectConversationalIntent(title);
      const understood = steering === 'help' || steering === 'startOver' || steering === 'talkToPerson' || menuTitles.includes(title.toLowerCase());
      expect({ title, understood }).toEqual({ title, understood: true });
    }
  });

  it('has a 192×192 colour icon that is more than one flat colour', () => {
    const png = PNG.sync.read(Buffer.from(built.files['color.png']));
    expect([png.width, png.height]).toEqual([192, 192]);
    const colours = new Set(pixels(png).map((rgba) => rgba.join(',')));
    expect(colours.size).toBeGreaterThan(1);
  });

  it('has a 32×32 outline icon drawn only in white on transparent, as Teams requires', () => {
    const png = PNG.sync.read(Buffer.from(built.files['outline.png']));
    expect([png.width, png.height]).toEqual([32, 32]);
    const all = pixels(png);
    const stray = all.filter(([r, g, b, a]) => a !== 0 && (r !== 255 || g !== 255 || b !== 255));
    expect(stray).toEqual([]);
    expect(all.some(([, , , a]) => a === 255)).toBe(true);
    expect(all.some(([, , , a]) => a === 0)).toBe(true);
  });

  it('ships the icons exactly as scripts/teamsIcons.js draws them', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts', 'teamsIcons.js'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const committed = (file: string) => readFileSync(join(ROOT, 'teams', file));
    expect(Buffer.from(built.files['color.png']).equals(committed('color.png'))).toBe(true);
    expect(Buffer.from(built.files['outline.png']).equals(committed('outline.png'))).toBe(true);
  });

  it('comes out byte for byte the same when built again with the same settings', () => {
    const again = buildPackage(['--bot-id', BOT_ID, '--host', HOST]);
    expect(again.zipBytes.equals(built.zipBytes)).toBe(true);
  });
});

describe('settings for the package', () => {
  it('takes the bot id from MicrosoftAppId and the host from TEAMS_APP_HOST when no options are given', () => {
    const { manifest } = buildPackage([], { MicrosoftAppId: BOT_ID, TEAMS_APP_HOST: HOST });
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.validDomains).toEqual([HOST]);
  });

  it('reads them from the settings file named by --dotenv, where the shell has not set them', () => {
    const settings = join(tempDir(), '.env.teams');
    writeFileSync(settings, `MicrosoftAppId=${BOT_ID}\nTEAMS_APP_HOST=from-the-file.example.org\n`);
    const fromFile = buildPackage(['--dotenv', settings]).manifest;
    expect(fromFile.bots[0].botId).toBe(BOT_ID);
    expect(fromFile.validDomains).toEqual(['from-the-file.example.org']);
    const shellWins = buildPackage(['--dotenv', settings], { TEAMS_APP_HOST: HOST }).manifest;
    expect(shellWins.validDomains).toEqual([HOST]);
  });

  it('lets --bot-id win over MicrosoftAppId', () => {
    const { manifest } = buildPackage(['--bot-id', BOT_ID, '--host', HOST], { MicrosoftAppId: '99999999-9999-4999-8999-999999999999' });
    expect(manifest.bots[0].botId).toBe(BOT_ID);
  });

  it('uses the app id, version and developer links it is given', () => {
    const { manifest } = buildPackage([
      '--bot-id', BOT_ID,
      '--host', HOST,
      '--app-id', 'a1b2c3d4-0000-4000-8000-000000000001',
      '--version=1.4.2',
      '--developer-name', 'A Test Charity',
      '--website-url', 'https://charity.example.org/',
      '--privacy-url', 'https://charity.example.org/privacy',
      '--terms-url', 'https://charity.example.org/terms',
    ]);
    expect(manifest.id).toBe('a1b2c3d4-0000-4000-8000-000000000001');
    expect(manifest.version).toBe('1.4.2');
    expect(manifest.developer).toEqual({
      name: 'A Test Charity',
      websiteUrl: 'https://charity.example.org/',
      privacyUrl: 'https://charity.example.org/privacy',
      termsOfUseUrl: 'https://charity.example.org/terms',
    });
  });
});

describe('wrong settings stop the build with a kind message and write nothing', () => {
  function refused(args: string[]) {
    const out = join(tempDir(), 'not-yet-made');
    const run = runScript([...args, '--out', out]);
    return { ...run, wroteSomething: existsSync(out) };
  }

  it('a bot id that is not a GUID exits 1, naming --bot-id, with no stack trace', () => {
    const run = refused(['--bot-id', 'my-bot', '--host', HOST]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^--bot-id must be .*GUID.*\(found "my-bot"\)\.$/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
    expect(run.wroteSomething).toBe(false);
  });

  it.each([
    ['https://family-advice.azurewebsites.net', /leave out https:\/\//],
    ['family-advice.azurewebsites.net/api/messages', /leave out the path/],
    ['family-advice.azurewebsites.net:443', /leave out the port/],
    ['localhost', /full name with its domain/],
  ])('a host of "%s" is refused with what to change', (host, hint) => {
    const run = refused(['--bot-id', BOT_ID, '--host', host]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^--host must be a bare host name/m);
    expect(run.stderr).toMatch(hint);
    expect(run.wroteSomething).toBe(false);
  });

  it('a version Teams cannot read is refused', () => {
    const run = refused(['--bot-id', BOT_ID, '--host', HOST, '--version', '1.0']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^--version must be three whole numbers/m);
    expect(run.wroteSomething).toBe(false);
  });

  it('a developer link that is not https is refused', () => {
    const run = refused(['--bot-id', BOT_ID, '--host', HOST, '--privacy-url', 'http://charity.example.org/privacy']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^--privacy-url must be a full https:\/\/ address/m);
    expect(run.wroteSomething).toBe(false);
  });

  it('an unknown option is named rather than ignored', () => {
    const run = refused(['--bot-id', BOT_ID, '--host', HOST, '--botid', BOT_ID]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Unknown option "--botid"/m);
    expect(run.wroteSomething).toBe(false);
  });

  it('with no bot id or host anywhere, both are asked for in one go', () => {
    const emptySettings = join(tempDir(), '.env');
    writeFileSync(emptySettings, '# nothing set\n');
    const run = refused(['--dotenv', emptySettings]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^No bot id\. Pass --bot-id/m);
    expect(run.stderr).toMatch(/^No host\. Pass --host/m);
    expect(run.wroteSomething).toBe(false);
  });
});
