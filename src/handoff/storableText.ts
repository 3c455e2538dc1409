/**
 * What a person typed, as both databases can store it. PostgreSQL text cannot hold a NUL character
 * (the INSERT fails, and the message would be lost), so NULs are dropped; SQLite gets the same text,
 * so both databases give back the same words.
 */
export function storableText(text: string): string {
  return text.replace(/\0/g, '');
}

/**
 * JSON for a PostgreSQL jsonb column, which refuses "\u0000" and lone surrogates anywhere in it (a
 * display name from a channel could carry either): NULs are dropped and lone surrogates become U+FFFD.
 */
export function jsonbText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? storableText(v).replace(/\p{Cs}/gu, '\uFFFD') : v));
}
