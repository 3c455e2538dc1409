import { saysTheyAreSafe } from '../../src/safety/saysTheyAreSafe';

describe('saysTheyAreSafe', () => {
  it.each(["yes I'm safe now", 'im safe', 'Safe now.', "we're all ok", 'yeah we are fine now', 'the kids are safe', 'I am alright now', "I'm safe right now, thanks"])('reads "%s" as safe', (text) => {
    expect(saysTheyAreSafe(text)).toBe(true);
  });

  it.each(["I'm not safe", 'im not ok', "we aren't safe", "the kids aren't safe", 'not safe now', 'no', 'ok', 'yes', 'fine', 'is he safe to be around them', "I'm safe but he said he will come back tonight and I can't stop him", "im safe but hes coming back later"])(
    'does not read "%s" as safe',
    (text) => {
      expect(saysTheyAreSafe(text)).toBe(false);
    },
  );
});
