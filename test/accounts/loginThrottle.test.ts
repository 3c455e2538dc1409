import { LoginThrottle } from '../../src/accounts/loginThrottle';

const SETTINGS = { maxFailuresPerAccount: 3, maxFailuresPerAddress: 5, windowMs: 60000 };

function throttleAt(start = 0) {
  let now = start;
  return { throttle: new LoginThrottle(SETTINGS, () => now), advance: (ms: number) => (now += ms) };
}

describe('console sign-in throttling', () => {
  it('locks a username after repeated wrong passwords, for the rest of the window', () => {
    const { throttle, advance } = throttleAt();
    for (let i = 0; i < 3; i += 1) throttle.failed('Sam', '10.0.0.1');
    expect(throttle.check('sam', '10.0.0.9')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    advance(30000);
    expect(throttle.check('sam', '10.0.0.9')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    advance(30001);
    expect(throttle.check('sam', '10.0.0.9')).toEqual({ allowed: true });
  });

  it('slows one address trying many usernames', () => {
    const { throttle } = throttleAt();
    ['a', 'b', 'c', 'd', 'e'].forEach((name) => throttle.failed(name, '10.0.0.1'));
    expect(throttle.check('someone-else', '10.0.0.1').allowed).toBe(false);
    expect(throttle.check('someone-else', '10.0.0.2').allowed).toBe(true);
  });

  it('forgets a username’s mistakes after a successful sign-in', () => {
    const { throttle } = throttleAt();
    throttle.failed('sam', '10.0.0.1');
    throttle.failed('sam', '10.0.0.1');
    throttle.succeeded('sam');
    throttle.failed('sam', '10.0.0.1');
    expect(throttle.check('sam', '10.0.0.1').allowed).toBe(true);
  });
});
