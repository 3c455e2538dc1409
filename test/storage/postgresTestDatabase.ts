import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { createMemoryLogger } from '../../src/logger';
import { runPostgresMigrations } from '../../src/storage/postgresMigrate';
import { openPostgresPool, type PostgresPoolOptions } from '../../src/storage/postgresPool';

/** The server the PostgreSQL tests use; CI sets it (postgres://postgres@127.0.0.1:5432/test locally). */
export const databaseUrl = process.env.DATABASE_URL;

/**
 * `describe`, for tests that need PostgreSQL. Without DATABASE_URL they are skipped with a note —
 * except under CI, where a missing DATABASE_URL fails, so CI cannot pass by testing nothing.
 */
export function describePostgres(name: string, body: () => void): void {
  if (databaseUrl) {
    describe(name, body);
    return;
  }
  if (process.env.CI) {
    describe(name, () => {
      it('needs DATABASE_URL', () => {
        throw new Error('CI is set but DATABASE_URL is not: the PostgreSQL tests cannot run. Set DATABASE_URL in .ci/run.');
      });
    });
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`Skipping PostgreSQL tests "${name}": DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test).`);
  describe.skip(name, body);
}

/**
 * A schema of its own for one test file (t_<random>), and pools whose search_path points at it, so
 * test files running at once on the shared server never see each other's tables. `drop()` closes
 * every pool made here and drops the schema.
 */
export class TestSchema {
  readonly name = `t_${randomBytes(6).toString('hex')}`;
  private readonly pools: pg.Pool[] = [];
  private admin: pg.Pool | undefined;

  async create(): Promise<this> {
    this.admin = openPostgresPool(requireUrl(), { max: 1, log: createMemoryLogger() });
    await this.admin.query(`CREATE SCHEMA ${this.name}`);
    return this;
  }

  /** A pool in this schema; closed by drop() unless closed before. */
  pool(options: PostgresPoolOptions = {}): pg.Pool {
    const pool = openPostgresPool(requireUrl(), { max: 4, log: createMemoryLogger(), ...options, searchPath: this.name });
    this.pools.push(pool);
    return pool;
  }

  /** A DATABASE_URL that puts a separate process (a bot, a command) in this schema. */
  url(): string {
    const url = new URL(requireUrl());
    url.searchParams.set('options', `-c search_path=${this.name}`);
    return url.toString();
  }

  /** Runs `sql` in this schema with the admin connection. */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<R[]> {
    if (!this.admin) throw new Error('TestSchema.create() first');
    const client = await this.admin.connect();
    try {
      await client.query(`SET search_path = ${this.name}`);
      return (await client.query<R>(sql, values)).rows;
    } finally {
      await client.query('RESET search_path').catch(() => undefined);
      client.release();
    }
  }

  async drop(): Promise<void> {
    await Promise.all(this.pools.splice(0).map((pool) => (pool.ended ? undefined : pool.end())));
    if (this.admin) {
      await this.admin.query(`DROP SCHEMA IF EXISTS ${this.name} CASCADE`);
      await this.admin.end();
      this.admin = undefined;
    }
  }
}

function requireUrl(): string {
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  return databaseUrl;
}

/**
 * A schema of this test file's own with the bot's tables in it: made before the file's tests, dropped
 * after them. Call inside a describePostgres block.
 */
export function useMigratedSchema(): TestSchema {
  const schema = new TestSchema();
  beforeAll(async () => {
    await schema.create();
    const pool = schema.pool({ max: 1 });
    await runPostgresMigrations(pool);
    await pool.end();
  });
  afterAll(async () => {
    await schema.drop();
  });
  return schema;
}

/** Two bot instances sharing one database, each with its own pool. */
export type Instance = 'a' | 'b';

/**
 * A migrated schema for this file with one pool per instance, and `tables` emptied before each
 * test, for contract tests that run the same expectations on SQLite and PostgreSQL.
 */
export function useInstancePools(tables: readonly string[]): { readonly schema: TestSchema; readonly pools: Record<Instance, pg.Pool> } {
  const schema = useMigratedSchema();
  const pools = {} as Record<Instance, pg.Pool>;
  beforeAll(() => {
    pools.a = schema.pool();
    pools.b = schema.pool();
  });
  beforeEach(async () => {
    await schema.query(`TRUNCATE ${tables.join(', ')} CASCADE`);
  });
  return { schema, pools };
}
