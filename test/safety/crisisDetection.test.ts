import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCrisisCategory } from '../../src/safety/crisisCategory';
import { assessCrisis } from '../../src/safety/crisisDetector';
import { crisisSignposts } from '../../src/safety/signposts';

interface LabelledMessage {
  readonly text: string;
  readonly crisis: boolean;
  readonly category: string | null;
  readonly note?: string;
}

const labelled: LabelledMessage[] = readFileSync(join(__dirname, '..', 'fixtures', 'safety', 'crisisSet.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as LabelledMessage);
const crisis = labelled.filter((m) => m.crisis);
const calm = labelled.filter((m) => !m.crisis);

describe('the labelled crisis set', () => {
  it('is big enough and labelled with known categories', () => {
    expect(crisis.length).toBeGreaterThanOrEqual(80);
    expect(calm.length).toBeGreaterThanOrEqual(120);
    for (const message of crisis) expect(isCrisisCategory(message.category)).toBe(true);
  });

  it('has every crisis message flagged', () => {
    const missed = crisis.filter((m) => !assessCrisis(m.text).crisis).map((m) => m.text);
    expect(missed).toEqual([]);
  });

  it('flags at most 5% of the messages that are not a crisis', () => {
    const falseAlarms = calm.filter((m) => assessCrisis(m.text).crisis).map((m) => m.text);
    expect(falseAlarms.length / calm.length).toBeLessThanOrEqual(0.05);
  });

  it('finds the labelled kind of danger in nearly every crisis message, so the right line is shown', () => {
    const wrong = crisis.filter((m) => !assessCrisis(m.text).categories.includes(m.category as never));
    expect(wrong.length / crisis.length).toBeLessThanOrEqual(0.02);
  });
});

describe('everyday questions from parents', () => {
  it('are answered, not met with an alarm: at most 1% of the 665 labelled routing messages are flagged', () => {
    const read = (file: string) => readFileSync(join(__dirname, '..', '..', file), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { text: string });
    const everyday = [...read('src/knowledge/examples/parentMessages.jsonl'), ...read('test/fixtures/routing/devset.jsonl')];
    const flagged = everyday.filter((m) => assessCrisis(m.text).crisis);
    expect(everyday.length).toBeGreaterThan(600);
    expect(flagged.length / everyday.length).toBeLessThanOrEqual(0.01);
  });
});

describe('crisis detection in the cases the issue names', () => {
  it.each([
    'there was one incident in 2016',
    'the report says risk of emotional harm',
    'this waiting is killing me',
  ])('does not fire on "%s"', (text) => {
    expect(assessCrisis(text).crisis).toBe(false);
  });

  it.each([
    ['he is hitting me right now', 'violence-now'],
    ['my ex is outside banging on the door saying he will kill me', 'violence-now'],
    ['my partner is shaking the baby', 'child-at-risk-now'],
    ['i want to end my life tonight', 'suicide-self-harm'],
    ['my son has taken an overdose and wont wake up', 'medical-emergency'],
  ])('fires on "%s" as %s', (text, category) => {
    expect(assessCrisis(text).categories).toContain(category);
  });

  it('judges a long post by the sentence that says what is happening now', () => {
    const post =
      'Background: we had a CP plan in 2021 after DV, he went to prison and the plan ended. The kids are doing well at school. ' +
      'He got out last month and tonight he is outside the house shouting that he will kill me.';
    expect(assessCrisis(post)).toEqual({ crisis: true, categories: ['violence-now'] });
    expect(assessCrisis(post.split('He got out')[0]).crisis).toBe(false);
  });
});

describe('the urgent signposts', () => {
  const text = (categories: Parameters<typeof crisisSignposts>[0], hasQuickExit = true) => crisisSignposts(categories, { hasQuickExit }).join('\n');

  it('always start with 999 and how to call without speaking', () => {
    const lines = crisisSignposts([], { hasQuickExit: true });
    expect(lines[1]).toMatch(/call 999/);
    expect(lines[1]).toMatch(/press 55/);
  });

  it('give the 24-hour line that fits what was said', () => {
    expect(text(['violence-now'])).toContain('0808 2000 247');
    expect(text(['suicide-self-harm'])).toContain('116 123');
    expect(text(['child-at-risk-now'])).toContain('0800 1111');
    expect(text(['medical-emergency'])).toMatch(/ambulance/);
    expect(text(['violence-now'])).not.toContain('116 123');
  });

  it('mention Quick Exit only where the page has one, and always offer an adviser', () => {
    expect(text(['violence-now'], true)).toMatch(/Quick Exit/);
    expect(text(['violence-now'], false)).not.toMatch(/Quick Exit/);
    expect(text(['violence-now'], false)).toContain('0808 801 0366');
  });
});
