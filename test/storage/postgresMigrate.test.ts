import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';
import { sqliteMigrations } from '../../src/storage/sqliteMigrations';
import { runPostgresMigrations } from '../../src/storage/postgresMigrate';
import { postgresMigrations } from '../../src/storage/postgresMigrations';
import { describePostgres, TestSchema } from './postgresTestDatabase';

const EXPECTED_TABLES = [
  'analytics_events',
  'bot_state',
  'callback_requests',
  'callback_status_changes',
  'console_accounts',
  'console_sessions',
  'handoff_messages',
  'handoffs',
  'login_failures',
  'phrasing_suggestions',
  'schema_migrations',
];

/** Tables and their columns in the SQLite schema, from a fresh in-memory database. */
function sqliteColumns(): Map<string, string[]> {
  const db = openSqliteDatabase(':memory:');
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    return new Map(tables.map((table) => [table, (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name)]));
  } finally {
    db.close();
  }
}

describe('the PostgreSQL migrations, without a server', () => {
  it('follow the SQLite ones step for step', () => {
    expect(postgresMigrations.map((m) => m.version)).toEqual(sqliteMigrations.map((m) => m.version));
  });

  it('refuse steps that are not numbered 1, 2, 3… in order, before connecting', async () => {
    const skipped = [...postgresMigrations, { version: postgresMigrations.length + 2, description: 'gap', sql: '' }];
    const noPool = {} as never;

    await expect(runPostgresMigrations(noPool, skipped)).rejects.toThrow('versions must run 1, 2, 3');
  });
});

describePostgres('the PostgreSQL migrations', () => {
  const schemas: TestSchema[] = [];
  async function freshSchema(): Promise<TestSchema> {
    const schema = await new TestSchema().create();
    schemas.push(schema);
    return schema;
  }
  afterEach(async () => {
    await Promise.all(schemas.splice(0).map((schema) => schema.drop()));
  });

  async function tablesIn(schema: TestSchema): Promise<string[]> {
    const rows = await schema.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [schema.name],
    );
    return rows.map((row) => row.table_name);
  }

  it('give a fresh schema every table', async () => {
    const schema = await freshSchema();

    const result = await runPostgresMigrations(schema.pool());

    expect(result.applied).toEqual(postgresMigrations.map((m) => m.version));
    expect(await tablesIn(schema)).toEqual(EXPECTED_TABLES);
  });

  it('give every SQLite table and column a PostgreSQL one of the same name', async () => {
    const schema = await freshSchema();
    await runPostgresMigrations(schema.pool());
    const rows = await schema.query<{ table_name: string; column_name: string }>(
      'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1',
      [schema.name],
    );
    const postgres = new Map<string, string[]>();
    for (const row of rows) postgres.set(row.table_name, [...(postgres.get(row.table_name) ?? []), row.column_name]);

    for (const [table, columns] of sqliteColumns()) {
      expect({ table, columns: postgres.get(table)?.filter((c) => columns.includes(c)).sort() }).toEqual({
        table,
        columns: [...columns].sort(),
      });
    }
  });

  it('apply each step exactly once when 8 instances start on the same fresh schema at once', async () => {
    const schema = await freshSchema();
    const pools = Array.from({ length: 8 }, () => schema.pool({ max: 1 }));

    const results = await Promise.all(pools.map((pool) => runPostgresMigrations(pool)));

    // One instance did all the work; the other seven found nothing left.
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, 0, 0, 0, 0, 0, postgresMigrations.length]);
    const recorded = await schema.query<{ version: number; times: number }>(
      'SELECT version, count(*)::int AS times FROM schema_migrations GROUP BY version ORDER BY version',
    );
    expect(recorded).toEqual(postgresMigrations.map((m) => ({ version: m.version, times: 1 })));
    expect(await tablesIn(schema)).toEqual(EXPECTED_TABLES);
  });

  it('do nothing the second time', async () => {
    const schema = await freshSchema();
    const pool = schema.pool();
    await runPostgresMigrations(pool);
    const before = await schema.query('SELECT version, applied_at FROM schema_migrations ORDER BY version');

    await expect(runPostgresMigrations(pool)).resolves.toEqual({ applied: [] });

    expect(await schema.query('SELECT version, applied_at FROM schema_migrations ORDER BY version')).toEqual(before);
  });

  it('roll back a step that fails, and name it', async () => {
    const schema = await freshSchema();
    const pool = schema.pool();
    await runPostgresMigrations(pool);
    const broken = {
      version: postgresMigrations.length + 1,
      description: 'broken step',
      sql: 'CREATE TABLE half_made (x text); INSERT INTO no_such_table VALUES (1);',
    };

    await expect(runPostgresMigrations(pool, [...postgresMigrations, broken])).rejects.toThrow(
      `PostgreSQL migration ${broken.version} (broken step) failed`,
    );

    expect(await tablesIn(schema)).not.toContain('half_made');
    expect(await schema.query('SELECT max(version) AS v FROM schema_migrations')).toEqual([{ v: postgresMigrations.length }]);
  });

  it('undo the whole run when a later step fails on a fresh schema', async () => {
    const schema = await freshSchema();
    const broken = { version: postgresMigrations.length + 1, description: 'broken step', sql: 'SELECT 1/0' };

    await expect(runPostgresMigrations(schema.pool(), [...postgresMigrations, broken])).rejects.toThrow(
      /migration \d+ \(broken step\) failed: division by zero .*undone too/,
    );

    expect(await tablesIn(schema)).toEqual([]);
  });

  describe('the schema they make', () => {
    let schema: TestSchema;
    beforeEach(async () => {
      schema = await freshSchema();
      await runPostgresMigrations(schema.pool());
    });
    const now = '2026-03-01T09:30:00.000Z';

    it('treats usernames that differ only in case as the same', async () => {
      const add = (username: string) =>
        schema.query(
          "INSERT INTO console_accounts (username, display_name, role, password_hash, created_at) VALUES ($1, 'A', 'adviser', 'h', $2) RETURNING id",
          [username, now],
        );
      const [{ id }] = await add('Sam.Adviser');

      expect(typeof id).toBe('number');
      await expect(add('sam.adviser')).rejects.toThrow('console_accounts_username_any_case');
    });

    it('allows one open hand-off per conversation, and any number of ended ones', async () => {
      const add = (id: string, status: string) =>
        schema.query(
          `INSERT INTO handoffs (id, conversation_id, conversation_ref, status, summary, requested_at, last_user_activity_at)
           VALUES ($1, 'conv-1', '{"conversation":{"id":"conv-1"}}', $2, '{}', $3, $3)`,
          [id, status, now],
        );
      await add('h1', 'ended');
      await add('h2', 'ended');
      await add('h3', 'queued');

      await expect(add('h4', 'connected')).rejects.toThrow('handoffs_one_open_per_conversation');
      await schema.query("UPDATE handoffs SET status = 'ended' WHERE id = 'h3'");
      await expect(add('h5', 'queued')).resolves.toBeDefined();
    });

    it('keeps times as toISOString() text, and refuses any other form', async () => {
      const insert = (at: string) =>
        schema.query("INSERT INTO analytics_events (at, conversation_id, channel, type, data) VALUES ($1, 'c', 'webchat', 't', '{}')", [at]);

      await insert(now);
      expect(await schema.query('SELECT at FROM analytics_events')).toEqual([{ at: now }]);
      await expect(insert('2026-03-01 09:30:00+00')).rejects.toThrow('iso_instant');
      await expect(insert('2026-03-01T09:30:00.000+01:00')).rejects.toThrow('iso_instant');
    });

    it('stores callback flags as booleans and analytics data as jsonb', async () => {
      await schema.query(
        `INSERT INTO callback_requests (id, created_at, best_time, voicemail_ok, say_organisation_ok, status)
         VALUES ('cb1', $1, 'mornings', true, NULL, 'new')`,
        [now],
      );
      await schema.query(
        "INSERT INTO analytics_events (at, conversation_id, channel, type, data) VALUES ($1, 'c', 'webchat', 'faq', $2)",
        [now, JSON.stringify({ topic: 'child-protection', score: 0.8 })],
      );

      expect(await schema.query('SELECT voicemail_ok, say_organisation_ok FROM callback_requests')).toEqual([
        { voicemail_ok: true, say_organisation_ok: null },
      ]);
      expect(await schema.query("SELECT data->>'topic' AS topic FROM analytics_events")).toEqual([{ topic: 'child-protection' }]);
    });
  });
});
