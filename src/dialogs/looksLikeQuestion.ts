const QUESTION_OPENING =
  /^(what|whats|how|can|could|do|does|did|is|are|was|were|will|would|should|shall|who|why|when|where|which|am|have|has|may|must|if)\b/;
const QUESTION_INSIDE = /\b(can|could|do|does|should|would|will|shall|must|am|have) (i|we|they|she|he|you)\b/;

/**
 * Whether a message asks something ("ICPC is on monday, do i get to speak?"), as opposed to telling
 * or answering. Only used to decide whether a "did you mean…" is worth showing; a miss costs little.
 */
export function looksLikeQuestion(text: string): boolean {
  const lower = text.trim().toLowerCase().replace(/[’‘]/g, "'");
  return lower.includes('?') || QUESTION_OPENING.test(lower) || QUESTION_INSIDE.test(lower);
}
