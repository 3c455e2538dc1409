import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveSigningKey } from '../../src/channels/directline/signingKey';

describe('the token signing key', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'signing-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is the configured secret when one is set', () => {
    expect(resolveSigningKey('s'.repeat(40), join(dir, 'bot.sqlite'))).toBe('s'.repeat(40));
  });

  it('is generated once beside the database and reused after a restart', () => {
    const first = resolveSigningKey('', join(dir, 'data', 'bot.sqlite'));
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(resolveSigningKey('', join(dir, 'data', 'bot.sqlite'))).toBe(first);
    expect(statSync(join(dir, 'data', 'directline-signing.key')).mode & 0o077).toBe(0);
  });
});
