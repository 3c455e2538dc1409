import { LiteralScreen } from '../../src/language/literalScreen';
import { requiredLiterals } from '../../src/language/requiredLiterals';

describe('strings every match of a pattern contains', () => {
  it.each([
    [/\b(?:is|are) (?:not safe|unsafe)\b/, ['not safe', 'unsafe']],
    [/\bknife\b|\bgun\b/, ['knife', 'gun']],
    [/(?<!not )\bbleeding (?:heavily|badly)?/, ['bleeding ']],
    [/\b(?:kids?|child(?:ren)?) (?:are|is) alone/, [' alone']],
    [/(?:help )+me now/, ['me now']],
    [/\bstab(?:bed|bing)\b/, ['stab']],
    [/[a-z]+ing/, ['ing']],
    [/\bknife\b|\w+ed\b/, ['knife', 'ed']],
  ])('%s needs one of %j', (pattern, expected) => {
    expect(requiredLiterals(pattern)).toEqual(expected);
  });

  it.each([
    [/\d{6,}/],
    [/\w+e\b/],
    [/(?:knife)?\w+/],
    [/\bknife\b|\d+/],
    [/knife/i],
    [/a.b/],
  ])('%s names no string every match must contain', (pattern) => {
    expect(requiredLiterals(pattern)).toBeNull();
  });
});

describe('screening many patterns against a text', () => {
  const patterns = [/\bknife\b/, /\b(?:is|are) (?:not safe|unsafe)\b/, /\d{3}/, /\bpills?\b.*\btaken\b/];

  it('rules out only the patterns whose strings the text lacks, keeping those it cannot judge', () => {
    expect(new LiteralScreen(patterns).couldMatch('she is not safe here')).toEqual([false, true, true, false]);
    expect(new LiteralScreen(patterns).couldMatch('he has taken the pills')).toEqual([false, false, true, true]);
    expect(new LiteralScreen(patterns).couldMatch('')).toEqual([false, false, true, false]);
  });

  it('never rules out a pattern that matches, wherever the strings fall in the text', () => {
    const screen = new LiteralScreen(patterns);
    for (const text of ['knife', 'a knife', 'x is unsafe', 'pills were taken', 'pill taken', '123']) {
      const could = screen.couldMatch(text);
      patterns.forEach((pattern, index) => {
        if (pattern.test(text)) expect([text, index, could[index]]).toEqual([text, index, true]);
      });
    }
  });
});
