import { recognizeAge, recognizeBoolean, recognizeDateTime, recognizeNumber } from '@microsoft/recognizers-text-suite';
import { findChoices } from 'botbuilder-dialogs';
import { STOP_WORDS } from '../../knowledge/stopWords';
import { ChoiceQuestion, Question } from './situationScript';

/**
 * Reads a typed or tapped answer to one script question. Returns the stored value (see
 * situationScript.ts) or undefined when the reply could not be understood. Recognizers run with
 * the en-GB culture, so "3/12" is 3 December; `today` anchors "next Tuesday".
 */
export function parseAnswer(question: Question, text: string, today: string): string | undefined {
  const reply = text.trim().toLowerCase().replace(/[’‘]/g, "'");
  if (reply === '') return undefined;
  switch (question.kind) {
    case 'choice':
      return parseChoice(question, reply);
    case 'yesNo':
      return parseYesNo(reply);
    case 'date':
      return saysUnsure(reply) || NOT_SET_YET.test(reply) ? 'unknown' : parseDate(reply, today);
    case 'age':
      return saysUnsure(reply) ? 'unknown' : parseAgeInMonths(reply);
  }
}

export const UNSURE_TITLE = 'Not sure';
export const YES_TITLE = 'Yes';
export const NO_TITLE = 'No';
export const DATE_UNKNOWN_TITLE = "I don't know yet";
export const AGE_UNKNOWN_TITLE = "I'd rather not say";

const UNSURE = /^(not sure|unsure|no idea|don'?t know|dont know|dunno|idk|i'?m not sure|im not sure|not certain|i don'?t know|can'?t remember|cant remember|maybe|possibly|perhaps|i think so|not really sure|no clue|i'?d rather not say|rather not say|prefer not to say)\b/;
const NOT_SET_YET = /\b(not (set|yet|been set|been told|booked)|no date|haven'?t (been told|got a date)|don'?t have a date|unknown)\b/;

function saysUnsure(reply: string): boolean {
  return UNSURE.test(reply);
}

function parseChoice(question: ChoiceQuestion, reply: string): string | undefined {
  if (question.allowUnsure && (saysUnsure(reply) || reply === UNSURE_TITLE.toLowerCase())) return 'unsure';
  const exact = question.choices.find((c) => c.title.toLowerCase() === reply || c.value === reply);
  if (exact) return exact.value;
  const found = findChoices(
    reply,
    question.choices.map((c) => ({ value: c.value, synonyms: [c.title, ...(c.synonyms ?? [])] })),
    { allowPartialMatches: true },
  ).filter((match) => (isShortReply(reply) ? notOnlyFillerWords(match.text) : saysSomething(match.text)));
  if (found.length === 0) return undefined;
  const best = [...found].sort((a, b) => b.resolution.score - a.resolution.score)[0];
  const rival = found.find((f) => f.resolution.value !== best.resolution.value && f.resolution.score === best.resolution.score);
  return rival ? undefined : best.resolution.value;
}

/** "No", "not yet", "yes but": a few words may answer a question with words that mean little alone. */
function isShortReply(reply: string): boolean {
  return reply.split(/\s+/).length <= 3;
}

/**
 * Words that never answer a question by themselves, nor do single letters: "I can't cope" must not
 * choose an answer through its "I", or through the "t" of "can't".
 */
const FILLER_WORDS = new Set(['i', 'a', 'an', 'the', 'me', 'my', 'we', 'us', 'our', 'you', 'it', 'is', 'am', 'are', 'be', 'to', 'of', 'and', 'or', 'in', 'on', 'at', 'so']);

function notOnlyFillerWords(matched: string): boolean {
  return matched
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .some((word) => word.length > 1 && !FILLER_WORDS.has(word));
}

/**
 * In a longer message, a choice is only read from words that carry meaning: "can I complain about
 * her instead" must not answer a question through its "i", nor "that's not what I asked" through
 * "asked", nor "has to go into section 20 tomorrow" say "already in section 20" through its "20".
 */
function saysSomething(matched: string): boolean {
  return matched
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .some((word) => word.length > 1 && /[a-z]/.test(word) && !STOP_WORDS.has(word.replace(/'/g, '')));
}

function parseYesNo(reply: string): string | undefined {
  if (saysUnsure(reply)) return 'unsure';
  if (/^(i'?m |im |i am )?(safe|fine|ok|okay|alright|all right)\b/.test(reply)) return 'yes';
  if (/^(not (yet|really|at all|safe)|never|nah|no+)\b/.test(reply)) return 'no';
  const [result] = recognizeBoolean(reply, 'en-us');
  if (!result || typeof result.resolution?.value !== 'boolean') return undefined;
  // "yes", "well no, not really": the answer comes first. "what happens if I say no" asks, not answers.
  if (!isShortReply(reply) && wordsBefore(reply, result.start) > 2) return undefined;
  return result.resolution.value ? 'yes' : 'no';
}

function wordsBefore(reply: string, index: number): number {
  return reply.slice(0, index).split(/\s+/).filter((word) => word !== '').length;
}

const DAY_SECONDS = 24 * 60 * 60;

function parseDate(reply: string, today: string): string | undefined {
  const reference = new Date(`${today}T12:00:00`);
  for (const result of recognizeDateTime(reply, 'en-gb', undefined, reference)) {
    const values: Array<Record<string, string>> = result.resolution?.values ?? [];
    const days = values.flatMap((v) => dayOf(v, reference)).filter((d): d is string => d !== undefined);
    if (days.length === 0) continue;
    // "Tuesday" or "3/12" resolve to a past and a future day: the nearer one is meant, the coming one if equally near.
    return closestTo(today, days);
  }
  return undefined;
}

function dayOf(value: Record<string, string>, reference: Date): string | undefined {
  switch (value.type) {
    case 'date':
    case 'datetime':
      return /^\d{4}-\d{2}-\d{2}/.test(value.value ?? '') ? value.value.slice(0, 10) : undefined;
    case 'daterange':
    case 'datetimerange':
      return /^\d{4}-\d{2}-\d{2}/.test(value.start ?? '') ? value.start.slice(0, 10) : undefined;
    case 'duration': {
      const seconds = Number(value.value);
      if (!Number.isFinite(seconds) || seconds < DAY_SECONDS) return undefined;
      return new Date(reference.getTime() + seconds * 1000).toISOString().slice(0, 10);
    }
    default:
      return undefined;
  }
}

function closestTo(today: string, days: readonly string[]): string {
  const distance = (day: string) => Math.abs(Date.parse(day) - Date.parse(today));
  return [...days].sort((a, b) => distance(a) - distance(b) || (a >= today ? -1 : 1))[0];
}

const MAX_AGE_MONTHS = 25 * 12;
const UNIT_MONTHS: Readonly<Record<string, number>> = { Year: 12, Month: 1, Week: 12 / 52, Day: 12 / 365 };

function parseAgeInMonths(reply: string): string | undefined {
  if (/\b(not born|unborn|pregnant|expecting|due (in|on|next))\b/.test(reply)) return '0';
  if (/\b(newborn|new born|just born|new baby)\b/.test(reply)) return '0';
  const [age] = recognizeAge(reply, 'en-us');
  if (age?.resolution?.value !== undefined) {
    return monthsWithin(Number(age.resolution.value) * (UNIT_MONTHS[age.resolution.unit] ?? 12));
  }
  const [number] = recognizeNumber(reply, 'en-us');
  if (!number?.resolution?.value) return undefined;
  const after = reply.slice(number.end + 1);
  const unit = /^\s*(months?|mths?|mnths?|mo)\b/.test(after) ? 1 : /^\s*(weeks?|wks?)\b/.test(after) ? 12 / 52 : 12;
  return monthsWithin(Number(number.resolution.value) * unit);
}

function monthsWithin(months: number): string | undefined {
  if (!Number.isFinite(months) || months < 0 || months > MAX_AGE_MONTHS) return undefined;
  return String(Math.floor(months));
}
