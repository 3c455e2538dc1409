import { SITUATION_SCRIPTS } from '../../src/dialogs/situations/situationScripts';
import { DIALOG_TOPICS } from '../../src/knowledge/taxonomy';
import { knowledgeBase } from '../support/conversationHarness';
import { completePath, ON_THE_WEB, pathAsking, TODAY, valuesOf } from '../support/situationPaths';

describe.each(SITUATION_SCRIPTS.map((script) => [script.topic, script] as const))('the %s script', (_topic, script) => {
  it('asks 3 to 6 questions, each with help and an example', () => {
    expect(script.questions.length).toBeGreaterThanOrEqual(3);
    expect(script.questions.length).toBeLessThanOrEqual(6);
    for (const question of script.questions) {
      expect(question.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(question.prompt.trim()).not.toBe('');
      expect(question.help.trim()).not.toBe('');
      expect(question.example.trim()).not.toBe('');
      if (question.kind === 'choice') {
        for (const choice of question.choices) expect(choice.title.length).toBeLessThanOrEqual(30);
      }
    }
  });

  it('asks every question on some path', () => {
    for (const question of script.questions) expect(pathAsking(script, question)).toBeDefined();
  });

  it('changes what the person is told for every answer to every question', () => {
    for (const question of script.questions) {
      const fixed = pathAsking(script, question) ?? {};
      const summaries = valuesOf(question).map((value) => {
        const answers = completePath(script, { ...fixed, [question.id]: value });
        return { value, steps: script.summarise(answers, TODAY, ON_THE_WEB).steps.join('\n') };
      });
      for (const a of summaries) {
        for (const b of summaries) {
          if (a.value === b.value || (['unsure', 'unknown'].includes(a.value) && ['unsure', 'unknown'].includes(b.value))) continue;
          expect({ question: question.id, value: a.value, steps: a.steps }).not.toEqual({ question: question.id, value: a.value, steps: b.steps });
        }
      }
    }
  });

  it('ends with 4 to 8 steps and 2 to 4 knowledge-base answers that exist', () => {
    for (const question of script.questions) {
      for (const value of valuesOf(question)) {
        const summary = script.summarise(completePath(script, { [question.id]: value }), TODAY, ON_THE_WEB);
        expect(summary.steps.length).toBeGreaterThanOrEqual(4);
        expect(summary.steps.length).toBeLessThanOrEqual(8);
        expect(summary.entries.length).toBeGreaterThanOrEqual(2);
        expect(summary.entries.length).toBeLessThanOrEqual(4);
        for (const id of summary.entries) expect(knowledgeBase().entry(id)).toBeDefined();
      }
    }
  });
});

it('there is one script for each guided-conversation topic', () => {
  expect(SITUATION_SCRIPTS.map((s) => s.topic).sort()).toEqual([...DIALOG_TOPICS].sort());
});
