import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { ConnectionOptions } from 'node:tls';
import { createLogger, describeError, type Logger } from '../logger';

export interface PostgresPoolOptions {
  /** Most connections this pool opens at once. Default 10. */
  readonly max?: number;
  /** How long to wait for a new connection (or a free one from a full pool). Default 10 s. */
  readonly connectionTimeoutMs?: number;
  /** Idle connections are closed after this long. Default 30 s. */
  readonly idleTimeoutMs?: number;
  /** The server cancels any statement that runs longer than this. Default 15 s. */
  readonly statementTimeoutMs?: number;
  /** The server ends a session left idle inside a transaction this long. Default 60 s. */
  readonly idleInTransactionTimeoutMs?: number;
  /** Shown in pg_stat_activity, so a DBA can tell the bot's connections apart. */
  readonly applicationName?: string;
  /** Tables are made and looked up in this schema (tests use one schema each). A plain lower-case name. */
  readonly searchPath?: string;
  /** Where to report errors of idle connections (a restarted server, a dropped network). */
  readonly log?: Logger;
  /** Used in error messages: the setting the URL came from. Default "DATABASE_URL". */
  readonly settingName?: string;
}

const DEFAULTS = {
  max: 10,
  connectionTimeoutMs: 10_000,
  idleTimeoutMs: 30_000,
  statementTimeoutMs: 15_000,
  idleInTransactionTimeoutMs: 60_000,
  applicationName: 'family-advice-bot',
};

// Query-string settings this module decides itself rather than leaving to pg (see tlsFor).
const TLS_PARAMS = ['sslmode', 'ssl', 'sslrootcert', 'sslcert', 'sslkey', 'uselibpqcompat'];

/**
 * The pg.Pool settings for `url`, without connecting. Exported so the TLS and timeout rules can be
 * tested with no server.
 *
 * TLS follows the URL's `sslmode`: absent or `disable` means none; `require`, `verify-ca` and
 * `verify-full` mean TLS with the server's certificate checked against Node's trusted roots (or
 * `sslrootcert`). That is stricter than libpq's `require`, which encrypts without checking who
 * answers, and is what pg 8 does too; Azure Database for PostgreSQL passes the check. `no-verify`
 * (pg's own word) encrypts without the check. `prefer` and `allow` mean "TLS if the server offers it",
 * which pg cannot do, so they are refused rather than guessed.
 */
export function postgresPoolConfig(url: string, options: PostgresPoolOptions = {}): pg.PoolConfig {
  const setting = options.settingName ?? 'DATABASE_URL';
  const parsed = parseUrl(url, setting);
  const ssl = tlsFor(parsed, setting);
  for (const name of TLS_PARAMS) parsed.searchParams.delete(name);

  const statementTimeout = options.statementTimeoutMs ?? DEFAULTS.statementTimeoutMs;
  const config: pg.PoolConfig = {
    connectionString: parsed.toString(),
    ssl,
    max: options.max ?? DEFAULTS.max,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? DEFAULTS.connectionTimeoutMs,
    idleTimeoutMillis: options.idleTimeoutMs ?? DEFAULTS.idleTimeoutMs,
    statement_timeout: statementTimeout,
    // A backstop on this side too: a query on a connection that silently died would otherwise wait for ever.
    query_timeout: statementTimeout + 5_000,
    idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? DEFAULTS.idleInTransactionTimeoutMs,
    application_name: options.applicationName ?? DEFAULTS.applicationName,
    keepAlive: true,
    types: { getTypeParser: typeParser as pg.CustomTypesConfig['getTypeParser'] },
  };
  if (options.searchPath !== undefined) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.searchPath)) {
      throw new Error(`searchPath "${options.searchPath}" must be a plain lower-case schema name (letters, digits, _).`);
    }
    config.options = `-c search_path=${options.searchPath}`;
  }
  return config;
}

/**
 * A pool for `url` (a postgres:// URL, usually DATABASE_URL). Does not connect: use
 * `connectPostgres` at start-up for a clear error when the server cannot be reached.
 * Errors of idle connections are logged, never thrown: they would otherwise end the process.
 */
export function openPostgresPool(url: string, options: PostgresPoolOptions = {}): pg.Pool {
  const pool = new pg.Pool(postgresPoolConfig(url, options));
  const log = options.log ?? createLogger();
  pool.on('error', (error) => {
    // The pool has already dropped the broken connection; the next query opens a new one.
    log.warn('postgres_idle_connection_error', { ...describeError(error), code: codeOf(error) });
  });
  return pool;
}

/**
 * Opens a pool and checks the server answers. If it does not, the pool is closed and the Error names
 * the setting (DATABASE_URL) and the server, with the password hidden.
 */
export async function connectPostgres(url: string, options: PostgresPoolOptions = {}): Promise<pg.Pool> {
  const pool = openPostgresPool(url, options);
  try {
    await pool.query('SELECT 1');
    return pool;
  } catch (error) {
    await pool.end().catch(() => undefined);
    const setting = options.settingName ?? 'DATABASE_URL';
    const reason = hidePassword(reasonOf(error), passwordOf(url));
    throw new Error(
      `Cannot connect to PostgreSQL at ${describeDatabaseUrl(url)} (from ${setting}): ${reason}. ` +
        `Check ${setting} and that the server is running and lets this machine in; remove ${setting} to use the SQLite file instead.`,
      { cause: error },
    );
  }
}

/** `postgres://user:***@host:port/database`: safe to log. */
export function describeDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(an unreadable URL)';
  }
  const user = parsed.username ? `${decodeURIComponent(parsed.username)}${parsed.password ? ':***' : ''}@` : '';
  const host = parsed.host || parsed.searchParams.get('host') || 'localhost';
  return `${parsed.protocol}//${user}${host}${parsed.pathname}`;
}

/**
 * Runs `work` on one connection of the pool. While it has the connection, an error the connection
 * reports between queries (the server went away) is caught here instead of ending the process, and
 * the connection is then thrown away rather than handed to the next caller.
 */
export async function withPoolClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    return await work(client);
  } finally {
    client.off('error', onError);
    client.release(broken ?? unusable.get(client));
  }
}

// Connections left in an unknown state (a ROLLBACK that failed): closed instead of reused.
const unusable = new WeakMap<pg.PoolClient, Error>();

/** Runs `work` in a transaction: committed if it resolves, rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withPoolClient(pool, async (client) => {
    await client.query('BEGIN');
    let result: T;
    try {
      result = await work(client);
    } catch (error) {
      await rollback(client);
      throw error;
    }
    await client.query('COMMIT');
    return result;
  });
}

/**
 * Rolls back, never throwing: if even that fails the connection is in an unknown state, so it is
 * marked to be closed when released (withPoolClient does that) and the caller's own error stands.
 */
export async function rollback(client: pg.PoolClient): Promise<void> {
  try {
    await client.query('ROLLBACK');
  } catch (error) {
    unusable.set(client, error instanceof Error ? error : new Error(String(error)));
  }
}

/** Why this connection must not be reused (a `rollback` that failed), or undefined. */
export function unusableReason(client: pg.PoolClient): Error | undefined {
  return unusable.get(client);
}

/** The SQLSTATE of a PostgreSQL error (e.g. "55P03"), or the Node error code, if any. */
export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function parseUrl(url: string, setting: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The text is not repeated: it may hold a password.
    throw new Error(`${setting} is not a valid URL. Use the form postgres://user:password@host:5432/database.`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`${setting} must start with postgres:// or postgresql:// (found "${parsed.protocol}//").`);
  }
  return parsed;
}

function tlsFor(url: URL, setting: string): false | ConnectionOptions {
  const mode = url.searchParams.get('sslmode') ?? (url.searchParams.get('ssl') === 'true' ? 'require' : undefined);
  if (mode === undefined || mode === 'disable') return false;
  let tls: ConnectionOptions;
  switch (mode) {
    case 'require':
    case 'verify-ca':
    case 'verify-full':
      tls = { rejectUnauthorized: true };
      break;
    case 'no-verify':
      tls = { rejectUnauthorized: false };
      break;
    case 'prefer':
    case 'allow':
      throw new Error(
        `${setting} has sslmode=${mode}, which the PostgreSQL client used here cannot honour (it cannot fall back). ` +
          'Use sslmode=require for an encrypted connection with the certificate checked, or sslmode=disable for none.',
      );
    default:
      throw new Error(`${setting} has an unknown sslmode "${mode}": use require, verify-full, no-verify or disable.`);
  }
  const rootCert = url.searchParams.get('sslrootcert');
  if (rootCert) tls.ca = readTlsFile(rootCert, 'sslrootcert', setting);
  const cert = url.searchParams.get('sslcert');
  if (cert) tls.cert = readTlsFile(cert, 'sslcert', setting);
  const key = url.searchParams.get('sslkey');
  if (key) tls.key = readTlsFile(key, 'sslkey', setting);
  return tls;
}

function readTlsFile(path: string, param: string, setting: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${setting} names ${param}=${path}, which cannot be read: ${reasonOf(error)}`, { cause: error });
  }
}

const INT8_OID = 20;

// bigint ids and COUNT(*) arrive as numbers, as they do from SQLite. Beyond 2^53 a number would be
// wrong, so such a value stays a string (no table here gets anywhere near).
function typeParser(oid: number, format?: string): unknown {
  if (oid === INT8_OID && format !== 'binary') {
    return (text: string) => {
      const n = Number(text);
      return Number.isSafeInteger(n) ? n : text;
    };
  }
  return (pg.types.getTypeParser as (oid: number, format?: string) => unknown)(oid, format);
}

function passwordOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return '';
  }
}

function hidePassword(text: string, password: string): string {
  if (password.length < 3) return text;
  return text.split(password).join('***').split(encodeURIComponent(password)).join('***');
}

// Node reports "connection refused" for a host with several addresses as an AggregateError with an
// empty message; dig out something readable.
function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && !error.message) {
    const inner = error.errors.map(reasonOf).filter(Boolean);
    if (inner.length > 0) return [...new Set(inner)].join('; ');
  }
  if (error instanceof Error) return error.message || codeOf(error) || error.name;
  return String(error);
}
