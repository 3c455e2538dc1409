/**
 * Long forum-style posts tell a story (background, other agencies, history) and then ask one
 * thing. The sentences that ask count more, so the question decides the topic, not the backstory.
 */
const QUESTION_START = /^(what|whats|what's|how|can|could|do|does|did|is|are|am|will|would|should|shall|who|where|when|why|which|any|anyone|has|have|need|i need|i want|please|pls)\b/i;
const ASKING_PHRASE = /\b(my question|i want to know|i need to know|any advice|advice please|what (are|is) my rights|what can i do|what should i do|do i have to|can they|help me)\b/i;

export const QUESTION_WEIGHT = 2;
export const STATEMENT_WEIGHT = 1;

export interface WeightedSentence {
  readonly text: string;
  readonly weight: number;
}

/** Whether a sentence asks something: a question mark, a question word first, or an asking phrase. */
export function asksSomething(sentence: string): boolean {
  return sentence.includes('?') || QUESTION_START.test(sentence) || ASKING_PHRASE.test(sentence);
}

export function weightSentences(message: string): WeightedSentence[] {
  const parts = message
    .split(/(?<=[.!?])\s+|\n+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  // A short message is all question, whatever its punctuation.
  if (parts.length <= 1) return parts.map((text) => ({ text, weight: QUESTION_WEIGHT }));
  return parts.map((text) => ({
    text,
    weight: asksSomething(text) ? QUESTION_WEIGHT : STATEMENT_WEIGHT,
  }));
}
