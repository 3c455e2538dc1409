import { LiteralScreen } from '../../src/language/literalScreen';
import { DANGER_PATTERNS } from '../../src/safety/crisisPatterns';
import { normaliseForSafety, splitSentences } from '../../src/safety/crisisText';
import { fixtureTexts } from '../support/fixtureTexts';

// The crisis check skips danger phrases whose words a sentence lacks. A skipped phrase that would
// have matched is a missed emergency, so check every phrase against every sentence we have.
describe('screening danger phrases before they run', () => {
  const sentences = [
    'test/fixtures/safety/crisisSet.jsonl',
    'bench/fixtures/crisisHoldout.jsonl',
    'test/fixtures/routing/devset.jsonl',
    'test/fixtures/analytics/redactionSet.jsonl',
  ]
    .flatMap(fixtureTexts)
    .flatMap((text) => splitSentences(normaliseForSafety(text)));
  const screen = new LiteralScreen(DANGER_PATTERNS.map((danger) => danger.pattern));

  it('never skips a phrase that matches, in thousands of sentences with over a thousand matches', () => {
    let matches = 0;
    const skipped: string[] = [];
    for (const sentence of sentences) {
      const could = screen.couldMatch(sentence);
      DANGER_PATTERNS.forEach((danger, index) => {
        if (!danger.pattern.test(sentence)) return;
        matches += 1;
        if (!could[index]) skipped.push(`${index}: ${sentence}`);
      });
    }
    expect(sentences.length).toBeGreaterThan(4000);
    expect(matches).toBeGreaterThan(1000);
    expect(skipped).toEqual([]);
  });

  it('lets through only a small share of phrases for everyday questions', () => {
    const everyday = fixtureTexts('test/fixtures/routing/devset.jsonl').flatMap((text) => splitSentences(normaliseForSafety(text)));
    const run = everyday.reduce((sum, sentence) => sum + screen.couldMatch(sentence).filter(Boolean).length, 0);
    expect(run / (everyday.length * DANGER_PATTERNS.length)).toBeLessThan(0.1);
  });
});
