import type { StoreItem } from 'botbuilder';

/**
 * A botbuilder store item as the JSON text a database keeps (without its eTag, which has a column of
 * its own). Throws an Error naming the store and key, never the value, when it cannot be stored.
 */
export function storeItemJson(store: string, key: string, item: unknown): string {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new Error(`${store}: not saved, "${key}" must be an object (found ${kindOf(item)}).`);
  }
  const known = serialisedJust.get(item);
  if (known !== undefined) return known;
  const { eTag: _eTag, ...value } = item as StoreItem;
  try {
    const json: string | undefined = JSON.stringify(value);
    // A toJSON() that returns undefined makes stringify return undefined rather than throw.
    if (json === undefined) throw new Error('it serialises to nothing');
    // stringify escapes NUL and lone surrogates, so the text is storable in SQLite and PostgreSQL alike.
    return json;
  } catch (err) {
    // Circular values throw TypeError, very deep ones RangeError (call stack): the process lives on
    // and V8's messages name properties, never values, so they are safe to log.
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`${store}: not saved, "${key}" cannot be stored as JSON: ${reason}`, { cause: err });
  }
}

/** Items whose JSON the caller has just produced (jsonTrackedState.ts), during the write that uses it. */
const serialisedJust = new WeakMap<object, string>();

/**
 * Starts `write` with `item`'s JSON (without its eTag, exactly as storeItemJson would make it) already
 * known, so the storage does not serialise it again. The storages here serialise before their first
 * await, so the JSON is offered only while `write` starts: nothing can change the item in between.
 */
export function writeWithKnownJson<T>(item: object, json: string, write: () => Promise<T>): Promise<T> {
  serialisedJust.set(item, json);
  try {
    return write();
  } finally {
    serialisedJust.delete(item);
  }
}

function kindOf(item: unknown): string {
  if (item === null) return 'null';
  return Array.isArray(item) ? 'an array' : typeof item;
}
