import { AGE_UNKNOWN_TITLE, DATE_UNKNOWN_TITLE, NO_TITLE, UNSURE_TITLE, YES_TITLE } from '../../src/dialogs/situations/answerParsing';
import { Answers, Question, SituationScript } from '../../src/dialogs/situations/situationScript';

/** The day tests pin the clock to (a Monday), and the instant the bot sees. */
export const TODAY = '2026-11-23';

/** Summaries as the web chat shows them (it has a Quick Exit button; Teams does not). */
export const ON_THE_WEB = { hasQuickExit: true } as const;
export const NOW = () => new Date(`${TODAY}T12:00:00Z`);

function addDays(days: number): string {
  const date = new Date(`${TODAY}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Every value a question can end up with, as the script sees it. */
export function valuesOf(question: Question): string[] {
  switch (question.kind) {
    case 'choice':
      return [...question.choices.map((c) => c.value), ...(question.allowUnsure ? ['unsure'] : [])];
    case 'yesNo':
      return ['yes', 'no', 'unsure'];
    case 'date':
      return [addDays(2), addDays(21), addDays(-5), 'unknown'];
    case 'age':
      return ['3', '120', '192', 'unknown'];
  }
}

/** What a person would type or tap to give this value. */
export function replyFor(question: Question, value: string): string {
  switch (question.kind) {
    case 'choice':
      return value === 'unsure' ? UNSURE_TITLE : (question.choices.find((c) => c.value === value)?.title ?? value);
    case 'yesNo':
      return value === 'yes' ? YES_TITLE : value === 'no' ? NO_TITLE : UNSURE_TITLE;
    case 'date': {
      if (value === 'unknown') return DATE_UNKNOWN_TITLE;
      const [, month, day] = value.split('-').map(Number);
      return `${day}/${month}`;
    }
    case 'age':
      if (value === 'unknown') return AGE_UNKNOWN_TITLE;
      return Number(value) < 24 ? `${value} months old` : `she's ${Number(value) / 12}`;
  }
}

/** Fills in every question that gets asked, in order: `fixed` answers where given, else the first value. */
export function completePath(script: SituationScript, fixed: Readonly<Record<string, string>>): Answers {
  const answers: Record<string, string> = {};
  for (const question of script.questions) {
    if (question.askIf && !question.askIf(answers)) continue;
    answers[question.id] = fixed[question.id] ?? valuesOf(question)[0];
  }
  return answers;
}

/**
 * A path on which `target` is asked: earlier answers are varied until its `askIf` lets it through.
 * Returns the earlier answers to fix, or undefined when no path asks it (a script bug).
 */
export function pathAsking(script: SituationScript, target: Question): Record<string, string> | undefined {
  const earlier = script.questions.slice(0, script.questions.indexOf(target));
  const search = (index: number, fixed: Record<string, string>): Record<string, string> | undefined => {
    if (index === earlier.length) return target.id in completePath(script, fixed) ? fixed : undefined;
    for (const value of valuesOf(earlier[index])) {
      const found = search(index + 1, { ...fixed, [earlier[index].id]: value });
      if (found) return found;
    }
    return undefined;
  };
  return search(0, {});
}
