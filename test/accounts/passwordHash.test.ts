import { hashPassword, passwordProblem, verifyPassword } from '../../src/accounts/passwordHash';

const PASSWORD = 'correct horse battery staple';

describe('a console password', () => {
  let stored: string;
  beforeAll(async () => {
    stored = await hashPassword(PASSWORD);
  });

  it('is stored with its scrypt settings and salt, never as itself', () => {
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(stored).not.toContain(PASSWORD);
  });

  it('gets a different salt each time, so two people with the same password have different hashes', async () => {
    expect(await hashPassword(PASSWORD)).not.toBe(stored);
  });

  it('lets the right password in', async () => {
    await expect(verifyPassword(PASSWORD, stored)).resolves.toBe(true);
  });

  it('keeps out a password that differs by one letter or only in case', async () => {
    await expect(verifyPassword('correct horse battery stapler', stored)).resolves.toBe(false);
    await expect(verifyPassword(PASSWORD.toUpperCase(), stored)).resolves.toBe(false);
  });

  it('matches when the same accented password arrives composed on one computer and decomposed on another', async () => {
    const composed = 'café au lait, no sugar';
    await expect(verifyPassword(composed.normalize('NFD'), await hashPassword(composed))).resolves.toBe(true);
  });

  // Each row turns the good stored value into a broken one (the table is built before beforeAll runs).
  it.each<[string, (good: string) => string]>([
    ['an empty string', () => ''],
    ['a plain password', () => PASSWORD],
    ['another algorithm', (good) => good.replace(/^scrypt/, 'bcrypt')],
    ['a missing hash', (good) => good.split('$').slice(0, 5).join('$')],
    ['an N that is not a power of two', (good) => good.replace('$32768$', '$32767$')],
    ['an N big enough to exhaust memory', (good) => good.replace('$32768$', `$${2 ** 24}$`)],
    ['a salt that is too short', (good) => good.replace(/\$[^$]+\$([^$]+)$/, '$c2FsdA==$$$1')],
  ])('is refused, not thrown on, when the stored value is %s', async (_name, breakIt) => {
    const broken = breakIt(stored);
    expect(broken).not.toBe(stored);
    await expect(verifyPassword(PASSWORD, broken)).resolves.toBe(false);
  });

  it('must be at least 12 characters, and the refusal says so', async () => {
    expect(passwordProblem('elevenchars')).toBe(
      'Passwords must be at least 12 characters long (this one has 11). A few unrelated words make a good one.',
    );
    expect(passwordProblem('twelve chars')).toBeUndefined();
    await expect(hashPassword('short')).rejects.toThrow('at least 12 characters');
  });

  it('counts an emoji as one character', () => {
    expect(passwordProblem('🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂')).toMatch(/this one has 11/);
  });
});
