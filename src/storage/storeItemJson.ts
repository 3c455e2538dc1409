import type { StoreItem } from 'botbuilder';

/**
 * A botbuilder store item as the JSON text a database keeps (without its eTag, which has a column of
 * its own). Throws an Error naming the store and key, never the value, when it cannot be stored.
 */
export function storeItemJson(store: string, key: string, item: unknown): string {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new Error(`${store}: not saved, "${key}" must be an object (found ${kindOf(item)}).`);
  }
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

function kindOf(item: unknown): string {
  if (item === null) return 'null';
  return Array.isArray(item) ? 'an array' : typeof item;
}
