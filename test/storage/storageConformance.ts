import type { Storage, StoreItems } from 'botbuilder';

export interface StoreUnderTest {
  storage: Storage;
  /** Closes `storage` and opens the same data again, as a restarted bot would. */
  reopen?: () => Promise<Storage>;
  cleanup: () => Promise<void>;
}

/**
 * The behaviour bot state relies on, for any botbuilder Storage. Each test gets an empty store.
 * Run it from a store's own test file: `describeStorageConformance('SQLite file', async () => …)`.
 */
export function describeStorageConformance(
  name: string,
  create: () => Promise<StoreUnderTest>,
  capabilities: { survivesReopen: boolean } = { survivesReopen: true },
): void {
  describe(`${name} storage`, () => {
    let store: StoreUnderTest;
    let storage: Storage;

    beforeEach(async () => {
      store = await create();
      storage = store.storage;
    });
    afterEach(async () => {
      await store.cleanup();
    });

    async function eTagOf(key: string): Promise<string> {
      const items = await storage.read([key]);
      return items[key].eTag as string;
    }

    it('returns nothing for a key never written', async () => {
      await expect(storage.read(['never-written'])).resolves.toEqual({});
    });

    it('returns only the keys that exist', async () => {
      await storage.write({ here: { n: 1 } });

      const items = await storage.read(['here', 'not-here']);

      expect(Object.keys(items)).toEqual(['here']);
    });

    it('round-trips nested JSON, unicode and keys with | and :', async () => {
      const key = 'msteams/conversations/a:19:abc|def@thread.tacv2;messageid=1';
      const value = {
        text: 'Hello 👋 — they said "section 20" & I\'m worried… ça va? 你好',
        nested: { list: [1, 'two', null, true, { deep: { x: 1.5, y: -2e-7 } }], empty: {}, none: [] },
        newline: 'line one\nline two\ttab \u0000 nul',
      };

      await storage.write({ [key]: value });
      const items = await storage.read([key]);

      expect(items[key]).toEqual({ ...value, eTag: expect.any(String) });
    });

    it('keeps every item written in one batch', async () => {
      await storage.write({ a: { n: 1 }, b: { n: 2 }, c: { n: 3 } });

      const items = await storage.read(['a', 'b', 'c']);

      expect(items).toEqual({
        a: { n: 1, eTag: expect.any(String) },
        b: { n: 2, eTag: expect.any(String) },
        c: { n: 3, eTag: expect.any(String) },
      });
    });

    it('treats keys as plain text, even ones that look like SQL or wildcards', async () => {
      const sneaky = "x'; DROP TABLE bot_state; --";
      await storage.write({ 'a%': { n: 1 }, a_c: { n: 2 }, abc: { n: 3 }, [sneaky]: { n: 4 } });

      await storage.delete(['a%', 'a_']);
      const items = await storage.read(['a%', 'a_c', 'abc', sneaky]);

      expect(Object.keys(items).sort()).toEqual(['a_c', 'abc', sneaky].sort());
    });

    it('gives every successful write a new eTag', async () => {
      await storage.write({ k: { n: 1 } });
      const first = await eTagOf('k');

      await storage.write({ k: { n: 2, eTag: first } });
      const second = await eTagOf('k');

      expect(typeof first).toBe('string');
      expect(first).not.toBe('');
      expect(second).not.toBe(first);
    });

    it('reads back the new eTag, not the one that was written', async () => {
      await storage.write({ k: { n: 1, eTag: '*' } });

      const items = await storage.read(['k']);

      expect(items.k).toEqual({ n: 1, eTag: expect.any(String) });
      expect(items.k.eTag).not.toBe('*');
    });

    it('accepts a write carrying the current eTag', async () => {
      await storage.write({ k: { n: 1 } });

      await storage.write({ k: { n: 2, eTag: await eTagOf('k') } });

      expect((await storage.read(['k'])).k.n).toBe(2);
    });

    it('rejects a write with a stale eTag and keeps the newer value', async () => {
      expect.assertions(4);
      await storage.write({ 'user|1': { step: 1 } });
      const stale = await eTagOf('user|1');
      await storage.write({ 'user|1': { step: 2, eTag: stale } });

      const error = await storage
        .write({ 'user|1': { step: 3, secret: 'my address is 1 High St', eTag: stale } })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain('user|1');
      // Values can hold what a parent typed; errors end up in logs.
      expect((error as Error).message).not.toContain('High St');
      expect((await storage.read(['user|1']))['user|1'].step).toBe(2);
    });

    it('overwrites with eTag *', async () => {
      await storage.write({ k: { n: 1 } });
      await storage.write({ k: { n: 2, eTag: await eTagOf('k') } });

      await storage.write({ k: { n: 3, eTag: '*' } });

      expect((await storage.read(['k'])).k.n).toBe(3);
    });

    it('overwrites when no eTag is given', async () => {
      await storage.write({ k: { n: 1 } });

      await storage.write({ k: { n: 2 } });

      expect((await storage.read(['k'])).k.n).toBe(2);
    });

    // As botbuilder's MemoryStorage: an eTag only guards an item that exists.
    it('creates an item written with an eTag when the key does not exist yet', async () => {
      await storage.write({ k: { n: 1, eTag: 'from-somewhere-else' } });

      expect((await storage.read(['k'])).k).toEqual({ n: 1, eTag: expect.any(String) });
    });

    it('a write that fails changes nothing else in the same batch', async () => {
      expect.assertions(2);
      await storage.write({ a: { n: 1 }, b: { n: 1 } });
      const staleB = await eTagOf('b');
      await storage.write({ b: { n: 2, eTag: staleB } });
      const before = await storage.read(['a', 'b']);

      await expect(
        storage.write({ a: { n: 99, eTag: '*' }, b: { n: 99, eTag: staleB }, c: { n: 99 } }),
      ).rejects.toThrow('"b"');

      expect(await storage.read(['a', 'b', 'c'])).toEqual(before);
    });

    it('two writers racing with the same eTag: exactly one wins', async () => {
      await storage.write({ k: { who: 'nobody' } });
      const eTag = await eTagOf('k');

      const results = await Promise.allSettled([
        storage.write({ k: { who: 'A', eTag } }),
        storage.write({ k: { who: 'B', eTag } }),
      ]);

      const winners = results.flatMap((result, i) => (result.status === 'fulfilled' ? [['A', 'B'][i]] : []));
      expect(winners).toHaveLength(1);
      expect((await storage.read(['k'])).k.who).toBe(winners[0]);
    });

    it('delete removes, and deleting a missing key is fine', async () => {
      await storage.write({ gone: { n: 1 }, kept: { n: 2 } });

      await storage.delete(['gone', 'never-existed']);

      expect(Object.keys(await storage.read(['gone', 'kept']))).toEqual(['kept']);
    });

    it('does nothing for empty key lists and empty batches', async () => {
      await storage.write({ k: { n: 1 } });

      await expect(storage.read([])).resolves.toEqual({});
      await storage.write({});
      await storage.delete([]);

      expect((await storage.read(['k'])).k.n).toBe(1);
    });

    it('read result is a copy', async () => {
      await storage.write({ k: { profile: { name: 'Sam', children: ['A'] } } });

      const first = await storage.read(['k']);
      first.k.profile.name = 'changed';
      first.k.profile.children.push('B');
      const second = await storage.read(['k']);

      expect(second.k.profile).toEqual({ name: 'Sam', children: ['A'] });
    });

    it('keeps what was written, even if the caller changes its object afterwards', async () => {
      const item = { profile: { name: 'Sam' } };
      await storage.write({ k: item });

      item.profile.name = 'changed';

      expect((await storage.read(['k'])).k.profile.name).toBe('Sam');
    });

    // Only stores that outlive their process can show this; in-memory ones declare it and skip.
    (capabilities.survivesReopen ? it : it.skip)('keeps data after the store is reopened', async () => {
      if (!store.reopen) throw new Error(`${name}: survivesReopen is declared but the factory gives no reopen()`);
      await storage.write({ 'conv|1': { step: 'askWho' } });
      const eTag = await eTagOf('conv|1');

      storage = await store.reopen();

      expect(await storage.read(['conv|1'])).toEqual({ 'conv|1': { step: 'askWho', eTag } });
      // The eTag still guards the item after the restart.
      await storage.write({ 'conv|1': { step: 'done', eTag } });
      await expect(storage.write({ 'conv|1': { step: 'again', eTag } })).rejects.toThrow('conv|1');
    });

    it('rejects a value that cannot be saved without crashing', async () => {
      expect.assertions(4);
      const circular: Record<string, unknown> = { name: 'loop' };
      circular.self = circular;
      const deep: Record<string, unknown> = {};
      let node = deep;
      for (let i = 0; i < 100_000; i += 1) {
        const child = {};
        node.child = child;
        node = child;
      }

      await expect(storage.write({ 'circular|key': circular })).rejects.toThrow('circular|key');
      await expect(storage.write({ 'deep|key': deep })).rejects.toThrow('deep|key');
      await expect(storage.write({ fine: { n: 1 }, 'deep|key': deep })).rejects.toThrow('deep|key');

      // The store still works, and nothing from the refused writes was kept.
      await storage.write({ after: { n: 1 } });
      const items: StoreItems = await storage.read(['circular|key', 'deep|key', 'fine', 'after']);
      expect(Object.keys(items)).toEqual(['after']);
    });
  });
}
