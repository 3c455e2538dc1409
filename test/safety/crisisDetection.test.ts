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

describe('crisis detection beyond the labelled wording', () => {
  it.each([
    ['bby not breathin', 'medical-emergency'],
    ['hes hittin the kids', 'child-at-risk-now'],
    ['jst want 2 dissapear 4eva. got evrything ready', 'suicide-self-harm'],
    ["he's holding a knife and saying once he's done himself he'll do me and the baby", 'violence-now'],
    ["he says if I try to leave tonight he'll cut my face", 'violence-now'],
    ['how much insulin would kill someone', 'suicide-self-harm'],
    ["I'm in the bathroom. I don't want to die I just can't stop", 'suicide-self-harm'],
    ["sorry hes back now, hes shouting through the door that hes going to knock my teeth out", 'violence-now'],
    ["my 11 yr old has been gone since school finished, it's 9pm, police say wait", 'child-at-risk-now'],
    ["my dad is beating my mum again, I'm 15 and I'm in my room with my little brother", 'child-at-risk-now'],
  ])('fires on "%s" as %s', (text, category) => {
    expect(assessCrisis(text).categories).toContain(category);
  });

  it.each([
    "My statement has to describe the worst night: he's got me by the throat and the kids are screaming. That's how I remember it. It was 2019.",
    "My son was missing for 5 hours tonight and I rang the police. He's home now and safe. Do I have to tell the SW?",
    "Core group minutes say I'm at risk of self-harm. I never said I'd hurt myself. Can I get it corrected?",
    "I'd throw myself under a bus for my kids, I just want them home.",
    'The foster carer is strangling my relationship with my son by cancelling contact.',
    "What do I do if my ex won't bring the kids back after his weekend? He's done it before.",
    "A social worker is coming Thursday and wants to see both kids on their own. Can she?",
  ])('does not fire on "%s"', (text) => {
    expect(assessCrisis(text).crisis).toBe(false);
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
