import type pg from 'pg';
import { PostgresStorage } from '../../src/storage/postgresStorage';
import { describePostgres, TestSchema, useMigratedSchema } from './postgresTestDatabase';
import { describeStorageConformance } from './storageConformance';

describePostgres('PostgreSQL bot state', () => {
  const schema = useMigratedSchema();

  describeStorageConformance('PostgreSQL', async () => {
    await schema.query('TRUNCATE bot_state');
    let pool = schema.pool();
    return {
      storage: new PostgresStorage(pool),
      // A restarted instance: new connections, same database.
      reopen: async () => {
        await pool.end();
        pool = schema.pool();
        return new PostgresStorage(pool);
      },
      cleanup: async () => {
        if (!pool.ended) await pool.end();
      },
    };
  });

  describe('shared by several instances', () => {
    let first: pg.Pool;
    let second: pg.Pool;
    beforeEach(async () => {
      await schema.query('TRUNCATE bot_state');
      first = schema.pool();
      second = schema.pool();
    });
    afterEach(async () => {
      await Promise.all([first.end(), second.end()]);
    });

    it('keeps the eTag in its own column, not inside the saved JSON', async () => {
      const storage = new PostgresStorage(first);

      await storage.write({ k: { n: 1, eTag: '*' } });
      const [row] = await schema.query<{ etag: string; value: string; updated_at: string }>(
        "SELECT etag, value, updated_at FROM bot_state WHERE key = 'k'",
      );

      expect(JSON.parse(row.value)).toEqual({ n: 1 });
      expect((await storage.read(['k'])).k.eTag).toBe(row.etag);
      expect(row.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it('refuses a stale eTag written from another instance', async () => {
      const a = new PostgresStorage(first);
      const b = new PostgresStorage(second);

      await a.write({ 'conv|1': { step: 1 } });
      const seen = (await b.read(['conv|1']))['conv|1'];
      await a.write({ 'conv|1': { step: 2, eTag: seen.eTag } });

      await expect(b.write({ 'conv|1': { step: 3, eTag: seen.eTag } })).rejects.toThrow('conv|1');
      expect((await b.read(['conv|1']))['conv|1'].step).toBe(2);
    });

    it('lets exactly one of two instances win each race on the same eTag (50 rounds)', async () => {
      const a = new PostgresStorage(first);
      const b = new PostgresStorage(second);
      await a.write({ k: { round: 0, who: 'nobody' } });

      for (let round = 1; round <= 50; round += 1) {
        const eTag = (await a.read(['k'])).k.eTag;
        const results = await Promise.allSettled([
          a.write({ k: { round, who: 'A', eTag } }),
          b.write({ k: { round, who: 'B', eTag } }),
        ]);
        const winners = results.flatMap((result, i) => (result.status === 'fulfilled' ? [['A', 'B'][i]] : []));
        expect(winners).toHaveLength(1);
        expect((await b.read(['k'])).k).toEqual({ round, who: winners[0], eTag: expect.any(String) });
      }
    });

    it('writes a batch whole or not at all while another instance writes the same keys', async () => {
      const a = new PostgresStorage(first);
      const b = new PostgresStorage(second);
      await a.write({ x: { n: 0 }, y: { n: 0 } });

      // Opposite key orders from the two sides: sorted writes cannot deadlock.
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          i % 2 === 0 ? a.write({ x: { n: i }, y: { n: i } }) : b.write({ y: { n: i }, x: { n: i } }),
        ),
      );

      const items = await a.read(['x', 'y']);
      expect(items.x.n).toBe(items.y.n);
    });

    it('answers a readiness ping, and fails it once the pool is closed', async () => {
      const storage = new PostgresStorage(first);

      await expect(storage.ping()).resolves.toBeUndefined();
      await first.end();
      await expect(storage.ping()).rejects.toThrow();
      first = schema.pool();
    });

    it('refuses a key PostgreSQL cannot hold, and does not find one either', async () => {
      const storage = new PostgresStorage(first);

      await expect(storage.write({ 'bad\0key': { n: 1 } })).rejects.toThrow('NUL');
      await expect(storage.read(['bad\0key'])).resolves.toEqual({});
      await expect(storage.delete(['bad\0key'])).resolves.toBeUndefined();
    });
  });

  it('says to run the migrations when the table is missing', async () => {
    const empty = new TestSchema();
    await empty.create();
    try {
      const storage = new PostgresStorage(empty.pool());
      await expect(storage.read(['k'])).rejects.toThrow('runPostgresMigrations');
      await expect(storage.write({ k: { n: 1 } })).rejects.toThrow('runPostgresMigrations');
    } finally {
      await empty.drop();
    }
  });
});
