import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Shorter passwords are refused; length does more for strength than character rules (NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 12;

interface ScryptParameters {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

// 32 MiB and roughly 150 ms per guess. OWASP's cheat sheet suggests N=2^17; raise N here when the host
// can afford it, and stored hashes keep working because each carries its own parameters.
const CURRENT: ScryptParameters = { N: 2 ** 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const ENCODED = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

/** Why `password` cannot be used, in words for the person choosing it; undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `Passwords must be at least ${MIN_PASSWORD_LENGTH} characters long (this one has ${length}). A few unrelated words make a good one.`;
  }
  return undefined;
}

/**
 * Hashes with scrypt and a fresh random salt, as `scrypt$N$r$p$<salt base64>$<hash base64>`: the
 * parameters travel with each hash, so they can be raised later without breaking stored ones.
 * Throws when the password is too short.
 */
export async function hashPassword(password: string): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw new Error(problem);
  const salt = randomBytes(SALT_BYTES);
  const hash = await deriveKey(password, salt, KEY_BYTES, CURRENT);
  return ['scrypt', CURRENT.N, CURRENT.r, CURRENT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** True when `password` matches `encoded`; false for a wrong password or a string that is not one of our hashes. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseEncoded(encoded);
  if (!parsed) return false;
  const actual = await deriveKey(password, parsed.salt, parsed.hash.length, parsed.parameters);
  return timingSafeEqual(actual, parsed.hash);
}

function parseEncoded(encoded: string): { parameters: ScryptParameters; salt: Buffer; hash: Buffer } | undefined {
  const match = ENCODED.exec(encoded);
  if (!match) return undefined;
  const [N, r, p] = [match[1], match[2], match[3]].map(Number);
  const salt = Buffer.from(match[4], 'base64');
  const hash = Buffer.from(match[5], 'base64');
  // Bounds keep a corrupted or planted row from asking for gigabytes of memory or a trivial hash.
  const sane =
    N >= 2 ** 10 && N <= 2 ** 20 && (N & (N - 1)) === 0 && r >= 1 && r <= 32 && p >= 1 && p <= 16 &&
    salt.length >= SALT_BYTES && hash.length >= 16 && hash.length <= 64;
  return sane ? { parameters: { N, r, p }, salt, hash } : undefined;
}

function deriveKey(password: string, salt: Buffer, length: number, { N, r, p }: ScryptParameters): Promise<Buffer> {
  // OpenSSL needs 128·r·(N+p+2) bytes; Node's default limit (32 MiB) is just short of that for N=2^15, r=8.
  const options: ScryptOptions = { N, r, p, maxmem: 128 * r * (N + p + 2) };
  return new Promise((resolve, reject) => {
    // NFC: the same accented password typed on a Mac and on Windows can arrive as different code points.
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
