/**
 * Typed, validated, frozen settings. `loadConfig` is pure (tests pass a plain object); only
 * `index.ts` calls it with `process.env`, and command-line tools through `loadConfigFromProcess`.
 * No other file reads the environment.
 * Every field here has a line in `.env.example` and in the README's settings table (a test checks).
 */

import { DEFAULT_OPENING_HOURS, parseOpeningHoursSettings, type OpeningHoursSettings } from './handoff/openingHoursSettings';

export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

export interface Config {
  /** NODE_ENV. "production" makes a missing DIRECTLINE_TOKEN_SECRET an error instead of a generated dev key. */
  readonly nodeEnv: string;
  /** PORT: where the server listens. Default 3978 (the Emulator's default); 0 picks any free port. A port in use stops start-up. */
  readonly port: number;
  /** HOST: address to listen on. Default 127.0.0.1, or 0.0.0.0 in production (App Service needs every interface). */
  readonly host: string;
  /** ALLOW_LOCAL_MODE_IN_PRODUCTION: "true" lets production run with no MicrosoftAppId (no Bot Framework auth on /api/messages). Default false: production refuses to start in local mode. */
  readonly allowLocalModeInProduction: boolean;
  /** MicrosoftAppType / Id / Password / TenantId: the Azure Bot's identity. All empty = local mode (no auth; Emulator and built-in gateway). */
  readonly microsoftAppType: AppType;
  readonly microsoftAppId: string;
  readonly microsoftAppPassword: string;
  readonly microsoftAppTenantId: string;
  /**
   * DATABASE_URL: a PostgreSQL connection string (postgres://user:password@host:5432/db?sslmode=require).
   * Set = conversation state lives in PostgreSQL and turns of one conversation are serialised across
   * instances; empty (default) = everything in the SQLite file. An unreachable server stops start-up.
   */
  readonly databaseUrl: string;
  /** SQLITE_PATH: the state database. Default ./data/bot.sqlite; its folder is created. A read-only path stops start-up. */
  readonly sqlitePath: string;
  /** DIRECT_LINE_SECRET: Azure Direct Line secret. Set = the web page gets tokens from Azure; empty = the built-in gateway. Never sent to a browser. */
  readonly directLineSecret: string;
  /** DIRECT_LINE_ENDPOINT: Azure Direct Line base URL. Default https://directline.botframework.com/v3/directline (use the europe. host for EU data residency). */
  readonly directLineEndpoint: string;
  /** DIRECTLINE_TOKEN_SECRET: key (32+ characters) that signs built-in gateway tokens. Empty outside production = a key generated once beside the database. */
  readonly directLineTokenSecret: string;
  /** DIRECTLINE_TOKEN_TTL_SECONDS: how long a web chat token lasts before it must be refreshed. Default 1800 (30 minutes). */
  readonly directLineTokenTtlSeconds: number;
  /** QUICK_EXIT_URL: where Quick Exit sends the person. Default BBC Weather: neutral and quick to load. */
  readonly quickExitUrl: string;
  /** BOT_DISPLAY_NAME: the name the chat widget and greeting use. */
  readonly botDisplayName: string;
  /** MAX_MESSAGE_LENGTH: longest message (characters) the bot reads; longer ones get a kind "please shorten" reply. Default 4000. */
  readonly maxMessageLength: number;
  /** HELPLINE_HOURS and HELPLINE_CLOSURES: when the advice line answers, UK time. Default Mon-Fri 09:30-15:00, closed on England and Wales bank holidays; wrong hours mean people are told to ring a closed line. */
  readonly openingHours: OpeningHoursSettings;
  /** HANDOFF_MAX_QUEUE: most people waiting for a live chat at once; when full, people get the phone number and a callback. Default 10. */
  readonly handoffMaxQueue: number;
  /** HANDOFF_CHATS_PER_ADVISER: live chats one adviser takes at a time, used for wait estimates. Default 2. */
  readonly handoffChatsPerAdviser: number;
  /** HANDOFF_IDLE_ASK_MINUTES: silence in the queue before the bot asks "are you still there?". Default 5. */
  readonly handoffIdleAskMinutes: number;
  /** HANDOFF_IDLE_RELEASE_MINUTES: further silence after that before the person leaves the queue (advisers see it). Default 5. */
  readonly handoffIdleReleaseMinutes: number;
  /** HANDOFF_EVENT: "on" (default) also sends Bot Framework's handoff.initiate event, for a contact-centre platform; "off" sends none. */
  readonly handoffEvent: boolean;
  /** ANALYTICS_RETENTION_DAYS: analytics events older than this are deleted automatically (checked hourly). Default 90. */
  readonly analyticsRetentionDays: number;
  /** APPLICATIONINSIGHTS_CONNECTION_STRING: when set, the same redacted analytics also go to Application Insights, in botbuilder's event names. Empty (default) sends nothing anywhere. */
  readonly applicationInsightsConnectionString: string;
  /**
   * ENTRA_TENANT_ID, ENTRA_CLIENT_ID, ENTRA_CLIENT_SECRET and PUBLIC_BASE_URL: optional Microsoft Entra ID
   * sign-in to the consoles. All four set = a "Sign in with Microsoft" button; people still need a console
   * account whose username is their work email. Some set and some not stops start-up. Empty = passwords only.
   * ENTRA_AUTHORITY: the sign-in service, default https://login.microsoftonline.com.
   */
  readonly entraSignIn: EntraSignInSettings | undefined;
  /** CANNED_REPLIES_PATH: YAML list of the adviser console's ready-made replies. Default ./config/cannedReplies.yaml; a missing or broken file stops start-up. */
  readonly cannedRepliesPath: string;
}

export interface EntraSignInSettings {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The site's public address; Entra sends people back to <this>/api/console/entra/callback. */
  readonly publicBaseUrl: string;
  readonly authority: string;
}

const DEFAULT_ENTRA_AUTHORITY = 'https://login.microsoftonline.com';
const ENTRA_NAMES = ['ENTRA_TENANT_ID', 'ENTRA_CLIENT_ID', 'ENTRA_CLIENT_SECRET', 'PUBLIC_BASE_URL'] as const;

const DEFAULT_DIRECT_LINE_ENDPOINT = 'https://directline.botframework.com/v3/directline';
const APP_TYPES: readonly AppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The bot cannot start because of its settings:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const text = (name: string, fallback = ''): string => (env[name] ?? '').trim() || fallback;

  const wholeNumber = (name: string, fallback: number, min: number, max: number, unit: string): number => {
    const raw = text(name);
    if (raw === '') return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(
        `${name} must be a whole number from ${min} to ${max}${unit} (found "${raw}"). Fix it in .env, or delete it to use ${fallback}.`,
      );
      return fallback;
    }
    return Number(raw);
  };

  const httpsUrl = (name: string, fallback: string): string => {
    const raw = text(name, fallback);
    let ok = false;
    try {
      ok = new URL(raw).protocol === 'https:';
    } catch {
      ok = false;
    }
    if (!ok) problems.push(`${name} must be a full https:// address (found "${raw}"). Fix it in .env, or delete it to use ${fallback}.`);
    return raw;
  };

  const nodeEnv = text('NODE_ENV', 'development');
  const production = nodeEnv === 'production';

  const appTypeRaw = text('MicrosoftAppType', 'MultiTenant');
  const appTypeMatch = APP_TYPES.find((t) => t.toLowerCase() === appTypeRaw.toLowerCase());
  if (!appTypeMatch) {
    problems.push(`MicrosoftAppType must be one of ${APP_TYPES.join(', ')} (found "${appTypeRaw}"). Use the type your Azure Bot was created with.`);
  }
  const microsoftAppType = appTypeMatch ?? 'MultiTenant';
  const microsoftAppId = text('MicrosoftAppId');
  const microsoftAppPassword = text('MicrosoftAppPassword');
  const microsoftAppTenantId = text('MicrosoftAppTenantId');

  if (microsoftAppId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(microsoftAppId)) {
    problems.push('MicrosoftAppId must be a GUID like 00000000-0000-0000-0000-000000000000 (the Azure Bot\'s app id). Leave it empty for local mode.');
  }
  if (microsoftAppId && microsoftAppType !== 'UserAssignedMSI' && !microsoftAppPassword) {
    problems.push('MicrosoftAppPassword is empty but MicrosoftAppId is set. Add the app\'s client secret, or empty MicrosoftAppId for local mode.');
  }
  if (!microsoftAppId && microsoftAppPassword) {
    problems.push('MicrosoftAppPassword is set but MicrosoftAppId is empty. Set both (Azure) or neither (local mode).');
  }
  if (microsoftAppId && microsoftAppType !== 'MultiTenant' && !microsoftAppTenantId) {
    problems.push(`MicrosoftAppTenantId is needed when MicrosoftAppType is ${microsoftAppType}. Add your Microsoft Entra tenant id.`);
  }

  const allowLocalRaw = text('ALLOW_LOCAL_MODE_IN_PRODUCTION', 'false').toLowerCase();
  if (allowLocalRaw !== 'true' && allowLocalRaw !== 'false') {
    problems.push(`ALLOW_LOCAL_MODE_IN_PRODUCTION must be "true" or "false" (found "${allowLocalRaw}"). Fix it in .env, or delete it to use false.`);
  }
  const allowLocalModeInProduction = allowLocalRaw === 'true';
  if (production && !microsoftAppId && !allowLocalModeInProduction) {
    problems.push(
      'NODE_ENV is production but MicrosoftAppId is empty, so /api/messages would accept unsigned requests from anyone. Set MicrosoftAppId and MicrosoftAppPassword from your Azure Bot, or set ALLOW_LOCAL_MODE_IN_PRODUCTION=true only if this server cannot be reached from the internet.',
    );
  }

  const directLineTokenSecret = text('DIRECTLINE_TOKEN_SECRET');
  if (directLineTokenSecret && directLineTokenSecret.length < 32) {
    problems.push(
      `DIRECTLINE_TOKEN_SECRET must be at least 32 characters (found ${directLineTokenSecret.length}). Generate one with: node -e "console.log(require('crypto').randomBytes(32).toString('hex'))"`,
    );
  }
  const directLineSecret = text('DIRECT_LINE_SECRET');
  if (production && !directLineTokenSecret && !directLineSecret) {
    problems.push(
      'DIRECTLINE_TOKEN_SECRET is required in production when the built-in Direct Line gateway is used (DIRECT_LINE_SECRET is empty). Set it to 32+ random characters.',
    );
  }

  const openingHours = parseOpeningHoursSettings(text('HELPLINE_HOURS'), text('HELPLINE_CLOSURES'));
  if (!openingHours.ok) problems.push(...openingHours.problems);

  const handoffEventRaw = text('HANDOFF_EVENT', 'on').toLowerCase();
  if (handoffEventRaw !== 'on' && handoffEventRaw !== 'off') {
    problems.push(`HANDOFF_EVENT must be "on" or "off" (found "${handoffEventRaw}"). Fix it in .env, or delete it to use on.`);
  }

  const applicationInsightsConnectionString = text('APPLICATIONINSIGHTS_CONNECTION_STRING');
  if (applicationInsightsConnectionString && !/InstrumentationKey=[0-9a-f-]{36}/i.test(applicationInsightsConnectionString)) {
    problems.push('APPLICATIONINSIGHTS_CONNECTION_STRING must be the connection string from the Application Insights resource (it contains "InstrumentationKey=…"). Copy it again, or leave it empty.');
  }

  const entraSignIn = entraSettings(text, problems);

  const databaseUrl = text('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\/[^\s]+$/.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a PostgreSQL connection string starting postgres:// (such as postgres://bot:PASSWORD@db.example:5432/advice?sslmode=require). Fix it, or leave it empty to use SQLite.');
  }

  const config: Config = {
    nodeEnv,
    port: wholeNumber('PORT', 3978, 0, 65535, ''),
    host: text('HOST', production ? '0.0.0.0' : '127.0.0.1'),
    allowLocalModeInProduction,
    microsoftAppType,
    microsoftAppId,
    microsoftAppPassword,
    microsoftAppTenantId,
    databaseUrl,
    sqlitePath: text('SQLITE_PATH', './data/bot.sqlite'),
    directLineSecret,
    directLineEndpoint: httpsUrl('DIRECT_LINE_ENDPOINT', DEFAULT_DIRECT_LINE_ENDPOINT).replace(/\/+$/, ''),
    directLineTokenSecret,
    directLineTokenTtlSeconds: wholeNumber('DIRECTLINE_TOKEN_TTL_SECONDS', 1800, 60, 86400, ' seconds'),
    quickExitUrl: httpsUrl('QUICK_EXIT_URL', 'https://www.bbc.co.uk/weather'),
    botDisplayName: text('BOT_DISPLAY_NAME', 'Family Rights Advice Bot'),
    maxMessageLength: wholeNumber('MAX_MESSAGE_LENGTH', 4000, 100, 20000, ' characters'),
    openingHours: openingHours.ok ? openingHours.settings : DEFAULT_OPENING_HOURS,
    handoffMaxQueue: wholeNumber('HANDOFF_MAX_QUEUE', 10, 1, 500, ' people'),
    handoffChatsPerAdviser: wholeNumber('HANDOFF_CHATS_PER_ADVISER', 2, 1, 10, ' chats'),
    handoffIdleAskMinutes: wholeNumber('HANDOFF_IDLE_ASK_MINUTES', 5, 1, 120, ' minutes'),
    handoffIdleReleaseMinutes: wholeNumber('HANDOFF_IDLE_RELEASE_MINUTES', 5, 1, 120, ' minutes'),
    handoffEvent: handoffEventRaw !== 'off',
    cannedRepliesPath: text('CANNED_REPLIES_PATH', './config/cannedReplies.yaml'),
    applicationInsightsConnectionString,
    entraSignIn,
    analyticsRetentionDays: wholeNumber('ANALYTICS_RETENTION_DAYS', 90, 1, 3650, ' days'),
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

/** For command-line tools, which like `index.ts` start a process of their own and need its settings. */
function entraSettings(text: (name: string, fallback?: string) => string, problems: string[]): EntraSignInSettings | undefined {
  const given = ENTRA_NAMES.filter((name) => text(name) !== '');
  if (given.length === 0) return undefined;
  if (given.length < ENTRA_NAMES.length) {
    const missing = ENTRA_NAMES.filter((name) => !given.includes(name));
    problems.push(`Microsoft sign-in needs ${ENTRA_NAMES.join(', ')} all set; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} empty. Set ${missing.length === 1 ? 'it' : 'them'}, or empty all four to use passwords only.`);
    return undefined;
  }
  const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  for (const name of ['ENTRA_TENANT_ID', 'ENTRA_CLIENT_ID'] as const) {
    if (!guid.test(text(name))) problems.push(`${name} must be the GUID shown on the app registration's Overview page in the Entra admin centre (found "${text(name).slice(0, 60)}").`);
  }
  const publicBaseUrl = text('PUBLIC_BASE_URL').replace(/\/+$/, '');
  const authority = text('ENTRA_AUTHORITY', DEFAULT_ENTRA_AUTHORITY).replace(/\/+$/, '');
  for (const [name, value] of [['PUBLIC_BASE_URL', publicBaseUrl], ['ENTRA_AUTHORITY', authority]] as const) {
    if (!isSecureOrLoopbackUrl(value)) problems.push(`${name} must be a full https:// address, such as https://advice.example.org.uk (found "${value.slice(0, 80)}").`);
  }
  return { tenantId: text('ENTRA_TENANT_ID'), clientId: text('ENTRA_CLIENT_ID'), clientSecret: text('ENTRA_CLIENT_SECRET'), publicBaseUrl, authority };
}

/** https, or plain http to this machine only (for developing and testing sign-in locally). */
function isSecureOrLoopbackUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
  } catch {
    return false;
  }
}

export function loadConfigFromProcess(): Config {
  return loadConfig(process.env);
}

/** True when no Azure identity is configured: the bot accepts unauthenticated local traffic (Emulator, built-in gateway). */
export function isLocalMode(config: Config): boolean {
  return config.microsoftAppId === '';
}
