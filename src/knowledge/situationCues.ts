/**
 * Does a message describe the writer's own situation ("I've been invited to a child protection
 * conference next Tuesday"), rather than ask for information ("what happens at a conference?")?
 * A described situation is best met with a guided conversation; a question with an answer.
 */

const FIRST_PERSON = /\b(i|i'm|im|i've|ive|i'd|we|we're|we've|my|our|us|me)\b/;

/** Things happening to the family: contact, letters, meetings, dates, decisions, arrangements. */
const HAPPENING = /\b(invited|been told|told me|told us|got a letter|had a letter|received|sent me|came round|come round|came to|visited|visiting|turned up|knocked|rang me|phoned|called me|emailed|coming up|next (week|month|monday|tuesday|wednesday|thursday|friday)|on (monday|tuesday|wednesday|thursday|friday)|tomorrow|in \w+ (days|weeks)|this (week|month)|(is|are) (on|due|booked|set)|(has|have) been (put|placed|made|started|given|asked|referred|reported)|they (want|wanted|have|said|are|took|placed|asked)|(social worker|sw|social services|children'?s services|council|police|school|nursery|health visitor|court) (is|are|has|have|came|want|wants|said|says|rang|visited|contacted|made|sent|put|took)|living with (me|us)|looking after|staying with (me|us)|in care|in foster care|on a (plan|cp plan|child protection plan)|made a referral|referred|reported (me|us)|accused|asked me to sign|want me to sign|signed)\b/;

/** Questions asking what something is or how the system works, answered best by an entry. */
const INFORMATION_QUESTION = /^(what (is|are|does|do|happens|'s|s)|whats|how (long|do|does|many|much|often)|can (they|i|the|social|a)|could (they|i)|do i|does|is (it|there|a|an)|are (they|there)|will (they|i|it)|who (is|are|can|decides)|when (is|are|do|does|can|will)|why (do|does|is|are|would)|where (can|do)|should i|which|explain|tell me (about|what))\b/;

/** A question tacked on the end without a question mark: "…is that allowed", "…can they do that". */
const QUESTION_TAIL = /\b(is (that|this|it) (allowed|right|legal|normal|ok|okay|true)|can (they|she|he) (do that|do this)|are they allowed( to)?|am i allowed( to)?|do i have to|is that how it works)\b/;

/** Asking for guidance on their own case: the guided conversation is the better answer. */
const ADVICE_REQUEST = /\b(any advice|advice please|what (do|should|can) i do|what now|help me|need help|please help|what are my options|where do i start|i don'?t know what to do|dont know what to do|not sure what to do)\b/;

/** Professionals acting on the family: a situation even without "I" or "my". */
const PROFESSIONALS_ACTING = /\b(social worker|sw|social services|children'?s services|council|police)\b.*\b(came|visited|rang|turned up|knocked|said|sent|wants?|doing|started|made)\b/;

/** Shorter messages are nearly always questions ("ss want me to sign a s20"): answer them directly. */
const MIN_WORDS = 8;

export function describesOwnSituation(message: string): boolean {
  const text = message.toLowerCase().replace(/[’‘]/g, "'");
  if (text.split(/\s+/).filter(Boolean).length < MIN_WORDS) return false;
  const happening = HAPPENING.test(text) || PROFESSIONALS_ACTING.test(text);
  if (!happening || !(FIRST_PERSON.test(text) || PROFESSIONALS_ACTING.test(text))) return false;
  const sentences = text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
  const asksForInformation = sentences.some(
    (sentence) =>
      INFORMATION_QUESTION.test(sentence) || QUESTION_TAIL.test(sentence.replace(/[.!]+$/, '')) || (sentence.endsWith('?') && !ADVICE_REQUEST.test(sentence)),
  );
  return !asksForInformation;
}
