import { LearnedFact } from '../../handoff/handoffTypes';
import { Answers, Question, SituationScript } from '../situations/situationScript';
import { NO_TITLE, UNSURE_TITLE, YES_TITLE } from '../situations/answerParsing';
import { formatDay, isIsoDay } from '../situations/scriptDates';

/** A guided conversation's answers as the adviser should read them: the question, then the answer's words. */
export function learnedFacts(script: SituationScript, answers: Answers, today: string): LearnedFact[] {
  return script.questions
    .filter((question) => answers[question.id] !== undefined)
    .map((question) => ({ label: question.prompt, value: answerInWords(question, answers[question.id], today) }));
}

function answerInWords(question: Question, value: string, today: string): string {
  if (value === 'unknown') return 'Not understood';
  if (value === 'unsure') return UNSURE_TITLE;
  switch (question.kind) {
    case 'choice':
      return question.choices.find((c) => c.value === value)?.title ?? value;
    case 'yesNo':
      return value === 'yes' ? YES_TITLE : value === 'no' ? NO_TITLE : value;
    case 'date':
      return isIsoDay(value) ? formatDay(value, today) : value;
    case 'age': {
      const months = Number(value);
      return months >= 24 ? `${Math.floor(months / 12)} years` : `${months} months`;
    }
  }
}
