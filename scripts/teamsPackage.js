// Builds the zip that Teams admins upload: teams/manifest.template.json with the bot's app id and
// web host filled in, plus the two committed icons, all at the root of the zip as Teams requires.
//   npm run teams:package -- --bot-id <Azure Bot app id> --host <bot's host name>
// Options win over the environment, and the environment over .env. Every problem with the input is
// reported, one line each, before anything is written.
// See teams/README.md for the options and for uploading the package.
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { isAbsolute, join, relative, resolve } = require('node:path');
const dotenv = require('dotenv');
const { zipSync, strToU8 } = require('fflate');
const { PNG } = require('pngjs');

const ROOT = join(__dirname, '..');
const TEAMS_DIR = join(ROOT, 'teams');
const TEMPLATE_FILE = join(TEAMS_DIR, 'manifest.template.json');
const ZIP_NAME = 'family-advice-bot-teams.zip';
const DEFAULT_OUT_DIR = join(TEAMS_DIR, 'build');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXAMPLE_GUID = '00000000-0000-0000-0000-000000000000';
const EXAMPLE_HOST = 'family-advice.azurewebsites.net';
const HOST_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** A host name with at least one dot: Teams cannot reach a bot at "localhost" or a bare machine name. */
const HOST_NAME = new RegExp(`^(?=.{4,253}$)${HOST_LABEL}(?:\\.${HOST_LABEL})+$`);
/** Teams reads the app version as three whole numbers; a pre-release tag is refused at upload. */
const APP_VERSION = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;
/** Fixed time stamps inside the zip, so the same inputs always give the same bytes. */
const ZIP_TIME = new Date(2026, 0, 1, 12, 0, 0);

/** Icons in the zip, with the size Teams insists on. */
const ICONS = [
  { file: 'color.png', size: 192 },
  { file: 'outline.png', size: 32 },
];

/** Options, the environment setting each falls back to, and the default when neither is given. */
const OPTIONS = {
  'bot-id': { env: 'MicrosoftAppId', help: "the Azure Bot's Microsoft App ID (a GUID); default: MicrosoftAppId from the environment or .env" },
  host: { env: 'TEAMS_APP_HOST', help: `host name of the bot's web app, like ${EXAMPLE_HOST}; default: TEAMS_APP_HOST` },
  'app-id': { help: 'the Teams app id (a GUID); default: the fixed id in teams/manifest.template.json. Keep it the same for every update' },
  version: { help: 'the app version, three numbers like 1.0.1; default: the version in the template. Raise it for every update' },
  'developer-name': { fallback: 'Family Rights Group', help: 'who publishes the app, up to 32 characters; default: Family Rights Group' },
  'website-url': { fallback: 'https://frg.org.uk/', help: "the charity's web site; default: https://frg.org.uk/" },
  'privacy-url': { help: 'the privacy notice that covers this bot; default: the web site address' },
  'terms-url': { help: 'the terms of use; default: the web site address' },
  out: { help: 'folder to write the zip to; default: teams/build' },
  dotenv: { help: 'settings file to read MicrosoftAppId and TEAMS_APP_HOST from; default: .env in the project folder' },
};

const USAGE = [
  'Builds the Teams app package (manifest.json, color.png, outline.png) to upload in Teams.',
  'Usage: npm run teams:package -- --bot-id <GUID> --host <host name> [options]',
  ...Object.entries(OPTIONS).map(([name, option]) => `  --${name.padEnd(15)} ${option.help}`),
].join('\n');

/** Reads `--name value` and `--name=value`; anything else is a problem to report, not a crash. */
function parseArguments(argv) {
  const values = {};
  const problems = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true, values, problems };
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!match || !(match[1] in OPTIONS)) {
      problems.push(`Unknown option "${arg}". Run with --help to see the options.`);
      continue;
    }
    const [, name, inline] = match;
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) {
        problems.push(`--${name} needs a value, like --${name} ${exampleFor(name)}.`);
        values[name] = null; // reported here, so not again as missing
        continue;
      }
      value = next;
      i++;
    }
    values[name] = value.trim();
  }
  return { help: false, values, problems };
}

function exampleFor(name) {
  if (name === 'bot-id' || name === 'app-id') return EXAMPLE_GUID;
  if (name === 'host') return EXAMPLE_HOST;
  if (name === 'version') return '1.0.1';
  if (name === 'out') return 'teams/build';
  if (name === 'dotenv') return '.env.production';
  if (name === 'developer-name') return '"Family Rights Group"';
  return 'https://example.org/page';
}

/**
 * An option's value, else its setting from the environment (or .env), else its default. `label`
 * names where the value came from, so a message points at the thing to fix.
 */
function pick(values, env, name) {
  const option = OPTIONS[name];
  if (values[name] === null) return { value: '', label: `--${name}`, reported: true };
  if (values[name]) return { value: values[name], label: `--${name}` };
  const fromEnv = option.env ? (env[option.env] ?? '').trim() : '';
  if (fromEnv) return { value: fromEnv, label: `${option.env} (from the environment or .env; --${name} overrides it)` };
  return { value: option.fallback ?? '', label: `--${name}` };
}

function httpsUrlProblem(name, value) {
  let ok = false;
  try {
    ok = new URL(value).protocol === 'https:' && value.length <= 2048;
  } catch {
    ok = false;
  }
  return ok ? undefined : `--${name} must be a full https:// address (found "${value}").`;
}

/** Turns options and environment into checked settings, or the list of what to fix. */
function readSettings(values, env, template) {
  const problems = [];
  const botId = pick(values, env, 'bot-id');
  if (!botId.value) {
    if (!botId.reported) problems.push("No bot id. Pass --bot-id with the Azure Bot's Microsoft App ID, or set MicrosoftAppId in .env.");
  } else if (!GUID.test(botId.value)) {
    problems.push(`${botId.label} must be the Azure Bot's Microsoft App ID, a GUID like ${EXAMPLE_GUID} (found "${botId.value}").`);
  }

  const host = pick(values, env, 'host');
  host.value = host.value.toLowerCase();
  if (!host.value) {
    if (!host.reported) problems.push(`No host. Pass --host with the host name of the bot's web app, like ${EXAMPLE_HOST}, or set TEAMS_APP_HOST in .env.`);
  } else if (!HOST_NAME.test(host.value)) {
    problems.push(`${host.label} must be a bare host name like ${EXAMPLE_HOST} (found "${host.value}"): ${hostHint(host.value)}.`);
  }

  const appId = values['app-id'] || template.id;
  if (!GUID.test(appId)) problems.push(`--app-id must be a GUID like ${EXAMPLE_GUID} (found "${appId}").`);

  const version = values.version || template.version;
  if (!APP_VERSION.test(version)) problems.push(`--version must be three whole numbers like 1.0.1 (found "${version}").`);

  const developerName = pick(values, env, 'developer-name').value;
  if (developerName.length === 0 || developerName.length > 32) {
    problems.push(`--developer-name must be 1 to 32 characters (found ${developerName.length}).`);
  }
  const websiteUrl = pick(values, env, 'website-url').value;
  const privacyUrl = values['privacy-url'] || websiteUrl;
  const termsUrl = values['terms-url'] || websiteUrl;
  for (const [name, value] of [['website-url', websiteUrl], ['privacy-url', privacyUrl], ['terms-url', termsUrl]]) {
    const problem = httpsUrlProblem(name, value);
    if (problem) problems.push(problem);
  }

  const outDir = values.out ? resolve(values.out) : DEFAULT_OUT_DIR;
  const notes = [];
  if (!values['privacy-url'] || !values['terms-url']) {
    notes.push('Note: the privacy and terms links point to the web site. Pass --privacy-url and --terms-url before you publish the app.');
  }
  const settings = { botId: botId.value.toLowerCase(), host: host.value, appId: appId.toLowerCase(), version, developerName, websiteUrl, privacyUrl, termsUrl, outDir };
  return { settings, problems, notes };
}

function hostHint(host) {
  const extras = [];
  if (host.includes('://')) extras.push(host.slice(0, host.indexOf('://') + 3));
  if (host.replace(/^[a-z]+:\/\//, '').includes('/')) extras.push('the path');
  if (/:\d+/.test(host)) extras.push('the port');
  if (extras.length > 0) return `leave out ${extras.length > 1 ? `${extras.slice(0, -1).join(', ')} and ${extras.at(-1)}` : extras[0]}`;
  if (!host.includes('.')) return 'give the full name with its domain, as Teams cannot reach a bot by a machine name';
  return 'use only letters, numbers, hyphens and dots';
}

/** The template with the settings in it. Placeholders are "{{NAME}}" strings; none may be left. */
function fillTemplate(template, settings) {
  const manifest = JSON.parse(JSON.stringify(template));
  manifest.id = settings.appId;
  manifest.version = settings.version;
  manifest.developer = {
    ...manifest.developer,
    name: settings.developerName,
    websiteUrl: settings.websiteUrl,
    privacyUrl: settings.privacyUrl,
    termsOfUseUrl: settings.termsUrl,
  };
  for (const bot of manifest.bots ?? []) bot.botId = settings.botId;
  manifest.validDomains = [settings.host];
  return manifest;
}

/**
 * Limits Teams enforces at upload (the schema's and the store's), checked here so a template edit
 * that breaks one fails now with a clear line instead of a vague rejection in the admin centre.
 */
function manifestProblems(manifest) {
  const problems = [];
  const limit = (label, text, max) => {
    if (typeof text !== 'string' || text.length === 0) problems.push(`${label} is missing in teams/manifest.template.json.`);
    else if (text.length > max) problems.push(`${label} is ${text.length} characters; Teams allows ${max}. Shorten it in teams/manifest.template.json.`);
  };
  const schemaVersion = /\/teams\/v(\d+\.\d+)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema ?? '')?.[1];
  if (schemaVersion !== manifest.manifestVersion) {
    problems.push(`manifestVersion "${manifest.manifestVersion}" does not match the $schema address (v${schemaVersion}) in teams/manifest.template.json.`);
  }
  limit('name.short', manifest.name?.short, 30);
  limit('name.full', manifest.name?.full, 100);
  limit('description.short', manifest.description?.short, 80);
  limit('description.full', manifest.description?.full, 4000);
  if (!/^#[0-9a-f]{6}$/i.test(manifest.accentColor ?? '')) problems.push('accentColor must be a colour like #1D70B8 in teams/manifest.template.json.');
  if (!Array.isArray(manifest.bots) || manifest.bots.length !== 1) problems.push('teams/manifest.template.json must describe exactly one bot.');
  for (const list of manifest.bots?.[0]?.commandLists ?? []) {
    if ((list.commands ?? []).length > 12) problems.push('A command list has more than 12 commands; Teams allows 12.');
    for (const command of list.commands ?? []) {
      limit(`Command title "${command.title}"`, command.title, 32);
      limit(`The description of command "${command.title}"`, command.description, 128);
    }
  }
  const leftOver = JSON.stringify(manifest).match(/\{\{[A-Z_]+\}\}/g);
  if (leftOver) problems.push(`teams/manifest.template.json has a placeholder this script does not fill: ${[...new Set(leftOver)].join(', ')}.`);
  return problems;
}

function readIcons() {
  const problems = [];
  const files = {};
  for (const icon of ICONS) {
    const path = join(TEAMS_DIR, icon.file);
    if (!existsSync(path)) {
      problems.push(`teams/${icon.file} is missing. Draw it again with: node scripts/teamsIcons.js`);
      continue;
    }
    const bytes = readFileSync(path);
    let size;
    try {
      const png = PNG.sync.read(bytes);
      size = png.width === png.height ? png.width : undefined;
    } catch {
      size = undefined;
    }
    if (size !== icon.size) problems.push(`teams/${icon.file} must be a ${icon.size}×${icon.size} PNG. Draw it again with: node scripts/teamsIcons.js`);
    files[icon.file] = bytes;
  }
  return { files, problems };
}

function readTemplate() {
  try {
    return { template: JSON.parse(readFileSync(TEMPLATE_FILE, 'utf8')) };
  } catch (error) {
    return { problem: `Could not read teams/manifest.template.json: ${error.message}` };
  }
}

/** Adds the settings in the .env file to `env`; what the shell already set wins, as with dotenv. */
function withEnvFile(env, chosen) {
  const file = chosen ? resolve(chosen) : join(ROOT, '.env');
  if (!existsSync(file)) {
    return { env, problems: chosen ? [`--dotenv: there is no file at ${shownPath(file)}.`] : [] };
  }
  try {
    return { env: { ...dotenv.parse(readFileSync(file, 'utf8')), ...env }, problems: [] };
  } catch (error) {
    return { env, problems: [`--dotenv: could not read ${shownPath(file)}: ${error.message}`] };
  }
}

function shownPath(path) {
  const fromHere = relative(process.cwd(), path);
  return fromHere && !fromHere.startsWith('..') && !isAbsolute(fromHere) ? fromHere : path;
}

function fail(problems) {
  for (const problem of problems) console.error(problem);
  console.error('Nothing was written. Run with --help to see the options.');
  return 1;
}

function main(argv, env) {
  const parsed = parseArguments(argv);
  if (parsed.help) {
    console.log(USAGE);
    return 0;
  }
  const { template, problem } = readTemplate();
  if (problem) return fail([...parsed.problems, problem]);
  const envFile = withEnvFile(env, parsed.values.dotenv);
  const { settings, problems, notes } = readSettings(parsed.values, envFile.env, template);
  const allProblems = [...parsed.problems, ...envFile.problems, ...problems];
  if (allProblems.length > 0) return fail(allProblems);

  const manifest = fillTemplate(template, settings);
  const icons = readIcons();
  const packageProblems = [...manifestProblems(manifest), ...icons.problems];
  if (packageProblems.length > 0) return fail(packageProblems);

  const zip = zipSync(
    {
      'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
      ...icons.files,
    },
    { level: 9, mtime: ZIP_TIME },
  );
  const zipFile = join(settings.outDir, ZIP_NAME);
  try {
    mkdirSync(settings.outDir, { recursive: true });
    writeFileSync(zipFile, zip);
  } catch (error) {
    console.error(`Could not write ${shownPath(zipFile)}: ${error.message}`);
    return 1;
  }
  console.log(`Teams app package: ${shownPath(zipFile)}`);
  console.log(`  app ${settings.appId} version ${settings.version}, bot ${settings.botId}, host ${settings.host}`);
  for (const note of notes) console.log(note);
  console.log('Upload it in the Teams admin centre, or as a custom app in Teams: see teams/README.md.');
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2), process.env);
  } catch (error) {
    // A one-line message: a stack trace would hide what to do.
    console.error(`Could not build the Teams package: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

module.exports = { main };
