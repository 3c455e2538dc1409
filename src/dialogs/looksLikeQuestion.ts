import { asksSomething } from '../knowledge/messageSentences';

/** "ICPC is on monday do i get to speak": the question comes after the news, with no question mark. */
const QUESTION_INSIDE = /\b(can|could|do|does|should|would|will|shall|must|am|have) (i|we|they|she|he|you)\b/;

/**
 * Whether a message asks something ("ICPC is on monday, do i get to speak?"), as opposed to telling
 * or answering: the knowledge base's own test for a sentence that asks, or a question tucked in after
 * the news. Only used to decide whether a "did you mean…" is worth showing; a miss costs little.
 */
export function looksLikeQuestion(text: string): boolean {
  const lower = text.trim().toLowerCase().replace(/[’‘]/g, "'");
  return asksSomething(lower) || QUESTION_INSIDE.test(lower);
}
