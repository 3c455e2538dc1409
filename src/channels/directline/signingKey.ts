import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';

/**
 * The configured DIRECTLINE_TOKEN_SECRET, or (outside production, where config requires one) a key
 * generated once and kept beside the database, so `npm start` needs no setup and a restart does
 * not invalidate the tokens of people mid-conversation.
 */
export function resolveSigningKey(configuredSecret: string, sqlitePath: string): string {
  if (configuredSecret) return configuredSecret;
  const folder = sqlitePath === ':memory:' ? undefined : dirname(sqlitePath);
  if (!folder) return randomBytes(32).toString('hex');
  const keyFile = join(folder, 'directline-signing.key');
  if (existsSync(keyFile)) return readFileSync(keyFile, 'utf8').trim();
  mkdirSync(folder, { recursive: true });
  const key = randomBytes(32).toString('hex');
  try {
    writeFileSync(keyFile, key, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    // Another instance started at the same moment and wrote its key first: use that one.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(keyFile, 'utf8').trim();
    throw error;
  }
}
