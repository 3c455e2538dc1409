import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMemoryLogger } from '../../src/logger';
import { connectPostgres, describeDatabaseUrl, postgresPoolConfig } from '../../src/storage/postgresPool';
import { databaseUrl, describePostgres, TestSchema } from './postgresTestDatabase';

describe('PostgreSQL pool settings, without a server', () => {
  const url = 'postgres://bot:s3cret-Pa55@db.example.org:5432/advice';

  it('has sensible limits and names itself to the server', () => {
    const config = postgresPoolConfig(url);

    expect(config).toMatchObject({
      max: 10,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 15_000,
      idle_in_transaction_session_timeout: 60_000,
      application_name: 'family-advice-bot',
      keepAlive: true,
      ssl: false,
    });
    expect(postgresPoolConfig(url, { max: 3, applicationName: 'x' })).toMatchObject({ max: 3, application_name: 'x' });
  });

  it.each([
    ['sslmode=require', { rejectUnauthorized: true }],
    ['sslmode=verify-full', { rejectUnauthorized: true }],
    ['sslmode=verify-ca', { rejectUnauthorized: true }],
    ['sslmode=no-verify', { rejectUnauthorized: false }],
    ['ssl=true', { rejectUnauthorized: true }],
    ['sslmode=disable', false],
  ])('turns %s into its own TLS setting, and keeps it out of the URL pg reads', (query, ssl) => {
    const config = postgresPoolConfig(`${url}?${query}&application_name=from-url`);

    expect(config.ssl).toEqual(ssl);
    // pg lets the URL's sslmode override the ssl option (and treats it its own way): so it is removed.
    expect(config.connectionString).not.toMatch(/ssl/);
    expect(config.connectionString).toContain('application_name=from-url');
  });

  it('reads the CA named by sslrootcert', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-ca-'));
    try {
      const ca = join(dir, 'ca.pem');
      writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nfake\n-----END CERTIFICATE-----\n');

      expect(postgresPoolConfig(`${url}?sslmode=verify-full&sslrootcert=${encodeURIComponent(ca)}`).ssl).toEqual({
        rejectUnauthorized: true,
        ca: expect.stringContaining('BEGIN CERTIFICATE'),
      });
      expect(() => postgresPoolConfig(`${url}?sslmode=require&sslrootcert=${encodeURIComponent(join(dir, 'missing.pem'))}`)).toThrow(
        'sslrootcert',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses sslmodes it cannot honour, saying what to use', () => {
    expect(() => postgresPoolConfig(`${url}?sslmode=prefer`)).toThrow(/DATABASE_URL has sslmode=prefer.*sslmode=require/);
    expect(() => postgresPoolConfig(`${url}?sslmode=allow`)).toThrow('sslmode=allow');
    expect(() => postgresPoolConfig(`${url}?sslmode=sometimes`)).toThrow('unknown sslmode');
  });

  it('refuses what is not a postgres URL without repeating it', () => {
    expect(() => postgresPoolConfig('not a url s3cret-Pa55')).toThrow(/^DATABASE_URL is not a valid URL/);
    expect(() => postgresPoolConfig('not a url s3cret-Pa55')).not.toThrow('s3cret');
    expect(() => postgresPoolConfig('mysql://u:p@h/db')).toThrow('postgres://');
  });

  it('sets search_path only to a plain schema name', () => {
    expect(postgresPoolConfig(url, { searchPath: 't_abc123' }).options).toBe('-c search_path=t_abc123');
    expect(() => postgresPoolConfig(url, { searchPath: 'x; DROP TABLE y' })).toThrow('searchPath');
  });

  it('describes the URL with the password hidden', () => {
    expect(describeDatabaseUrl(url)).toBe('postgres://bot:***@db.example.org:5432/advice');
    expect(describeDatabaseUrl('postgres://127.0.0.1/test')).toBe('postgres://127.0.0.1/test');
  });

  it('names DATABASE_URL, and never the password, when the server cannot be reached', async () => {
    // Port 1 on this machine: nothing listens, so the connection is refused at once.
    const unreachable = 'postgres://bot:s3cret-Pa55@127.0.0.1:1/advice';

    const error = (await connectPostgres(unreachable, { log: createMemoryLogger(), connectionTimeoutMs: 2_000 }).catch((e: unknown) => e)) as Error;

    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain('Cannot connect to PostgreSQL at postgres://bot:***@127.0.0.1:1/advice (from DATABASE_URL)');
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.message).not.toContain('s3cret');
  });
});

describePostgres('a PostgreSQL pool on the server', () => {
  const schema = new TestSchema();
  beforeAll(async () => {
    await schema.create();
  });
  afterAll(async () => {
    await schema.drop();
  });

  it('connects, works in its own schema, and reads bigint as a number', async () => {
    const pool = await connectPostgres(databaseUrl as string, { searchPath: schema.name, log: createMemoryLogger(), max: 1 });
    try {
      const { rows } = await pool.query('SELECT current_schema() AS schema, count(*) AS n, 9007199254740993::bigint AS huge FROM (VALUES (1), (2)) v');

      expect(rows).toEqual([{ schema: schema.name, n: 2, huge: '9007199254740993' }]);
    } finally {
      await pool.end();
    }
  });

  it('logs, and lives through, the server closing an idle connection', async () => {
    const log = createMemoryLogger();
    const application = `idle-${schema.name}`;
    const pool = schema.pool({ max: 1, applicationName: application, log });
    await pool.query('SELECT 1');

    await schema.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [application]);
    for (let i = 0; i < 100 && !log.lines.some((line) => line.includes('postgres_idle_connection_error')); i += 1) await sleep(20);

    expect(log.lines.join('\n')).toContain('postgres_idle_connection_error');
    // The next query gets a new connection.
    await expect(pool.query('SELECT 1 AS ok')).resolves.toMatchObject({ rows: [{ ok: 1 }] });
  });

  it('stops a statement that runs past the statement timeout', async () => {
    const pool = schema.pool({ max: 1, statementTimeoutMs: 200 });

    await expect(pool.query('SELECT pg_sleep(2)')).rejects.toThrow('statement timeout');
  });
});
