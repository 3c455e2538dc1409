import { createTokenService } from '../../src/channels/directline/tokens';

describe('web chat tokens', () => {
  const key = 'k'.repeat(64);

  it('open the conversation they were issued for, as the user they were issued to', () => {
    const tokens = createTokenService(key, 1800);
    const { token } = tokens.issue('conversation-a', 'dl_user');
    expect(tokens.verify(token)).toEqual({ ok: true, claims: expect.objectContaining({ conversationId: 'conversation-a', userId: 'dl_user' }) });
  });

  it('stop working when they expire', () => {
    let now = Date.parse('2026-11-23T10:00:00Z');
    const tokens = createTokenService(key, 1800, () => now);
    const { token } = tokens.issue('conversation-a', 'dl_user');
    now += 1799 * 1000;
    expect(tokens.verify(token).ok).toBe(true);
    now += 2 * 1000;
    expect(tokens.verify(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('keep working after a restart with the same key (so nobody is cut off mid-conversation)', () => {
    const { token } = createTokenService(key, 1800).issue('conversation-a', 'dl_user');
    expect(createTokenService(key, 1800).verify(token).ok).toBe(true);
  });

  it('signed with another key are refused', () => {
    const { token } = createTokenService('other'.repeat(10), 1800).issue('conversation-a', 'dl_user');
    expect(createTokenService(key, 1800).verify(token)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('cannot be edited to point at another conversation', () => {
    const tokens = createTokenService(key, 1800);
    const [, signature] = tokens.issue('conversation-a', 'dl_user').token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ c: 'conversation-b', u: 'dl_user', e: 9999999999 })).toString('base64url');
    expect(tokens.verify(`${forgedPayload}.${signature}`).ok).toBe(false);
  });

  it.each(['', 'abc', 'a.b.c', '.', 'eyJ9.sig'])('rubbish like %p is refused, not thrown', (token) => {
    expect(createTokenService(key, 1800).verify(token).ok).toBe(false);
  });
});
