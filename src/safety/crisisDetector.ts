import { CRISIS_CATEGORIES, CrisisCategory } from './crisisCategory';
import { DANGER_PATTERNS } from './crisisPatterns';
import { normaliseForSafety, splitClauses, splitSentences } from './crisisText';

export interface CrisisAssessment {
  readonly crisis: boolean;
  /** Every kind of danger the message describes, most urgent first. */
  readonly categories: readonly CrisisCategory[];
}

/** Words saying it is happening now or has only just happened; they outweigh a past or reported frame. */
const NOW = /\b(now|right now|tonight|today|at the moment|currently|just (now|then|happened|texted|rang|sent|said|told|left|took|threw|hit|got|put|made|came|turned|pulled|seen|saw|snatched|grabbed|called|messaged|phoned|\w+ed)|keeps|again|as we speak|as i type|this (morning|evening|afternoon|minute|second)|here|downstairs|upstairs|outside|on (his|her|their) way|help me|please help|(\d+|few|ten|five) (mins?|minutes|hours) ago|for hours|since yesterday|i can hear|(he|she|they|\w+) (is|are) (in the|at the|sat|stood|standing|sitting|waiting|parked|outside|downstairs|upstairs|here|asleep)|\d+ mins? away|(is|are) still (in|here|outside|there|downstairs|upstairs|at)|(he|she|they) (is|are) (back|in it|in here|in the \w+|just sat|just sitting|just stood)|(its|it is) just (him|her|them|me)\b|(just )?(come|came|got|is) (back|home)\b|been \d+ (mins?|minutes|hours)|since (he|she|they|the \w+( \w+)?) (left|went|came|arrived|got here|rang|called)\b|(is|are) (on|at) (my|the|our) (doorstep|door|gate)|i am (hiding|holding|sat|sitting|parked|stood|standing|typing|locked|in the (bathroom|bedroom|toilet|car|kids room|garden))|\d ?am|midnight)\b/;

/** Past events: a year, "years ago", "used to", "when I was", "back in"... */
const PAST = /\b((19|20)\d\d|years? ago|months? ago|weeks? ago|yrs? ago|last (year|month|summer|winter|spring|autumn|christmas|time)|used to|in the past|previously|back (then|in)|when (i|we|he|she|they) (was|were|lived|had|babysat)|when (i|he|she) was (younger|little|small|a kid|a teen|\d+)|as a (child|kid|teen|teenager)|growing up|history of|historic|historical|years back|ages ago|(?<!since )(yesterday|last night)|the other (day|week|night)|when (he|she|they|i|we) (left|split|moved)|in (january|february|march|april|may|june|july|august|september|october|november|december)|there (was|were)|last (monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend)|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|tried to|(i|he|she) was \w+ (at|aged) \d{1,2}|before (i|we) (left|moved|split)|since (i|we) left|was (hitting|beating|hurting|abusing|threatening)|were (hitting|beating|hurting)|had (hit|hurt|beaten|threatened|attempted|a breakdown)|attempted|attempt|once|ever since|have not done it|was in an abusive)\b/;

/** Past markers strong enough to make a whole sentence history ("the last time, in 2021, he split my lip"). */
const LONG_AGO = /\b((19|20)\d\d|(years?|yrs?|months?|summers?|winters?|christmases) ago|used to|when (i|we) (was|were) (little|young|younger|a kid|a child|\d+|in care|together|with him|with her)|as a (child|kid|teen|teenager)|growing up|history of|historic|last (monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend))\b/;

/** Only these outweigh a sentence that is plainly about years ago. */
const RIGHT_NOW = /\b(right now|now|tonight|as we speak|at the moment|this minute|currently)\b/;

/** "If he ever…", "hypothetically…": the clause is about something that has not happened. */
const CONDITIONAL_OPENING = /^(if|what if|what happens if|hypothetically|in theory|suppose|say if|even if|in case)\b/;

/** Documents quoted word for word: "the minutes say 'mother disclosed suicidal ideation'". */
const DOCUMENT = /\b(report|referral|statement|minutes|file|notes|assessment|letter|document|records?|wrote|written|says|said|text they|evidence|threshold)\b/;

function insideQuotedDocument(sentence: string, index: number): boolean {
  for (const quote of sentence.matchAll(/(^|[\s:(])['"]([^'"]{3,})(?:['"]|$)/g)) {
    const start = (quote.index ?? 0) + quote[1].length;
    const end = start + quote[2].length + 2;
    if (index >= start && index < end) return DOCUMENT.test(sentence.slice(0, start));
  }
  return false;
}

/** A vague future ("one day he'll take them abroad") is a worry to advise on, not an emergency. */
const SOMEDAY = /\b(one day|some ?day|in the future|eventually|one of these days)\b/;

/** Words quoting a report, an allegation or what professionals think, rather than what is happening. */
const REPORTED = /\b(report|reports|assessment|minutes|the plan|plan says|category|risk of|at risk of|concerns? (about|that|over)|worried that|allegation|alleged|allegedly|accused|accusing|claims?|claimed|they (say|said|think|thought|reckon)|(sw|social worker|social services|police|school|nurse|health visitor|judge|court|guardian|cafcass) (says?|said|thinks?|thought|wrote|wants?|reckons?|told)|section 47|s47|strategy (meeting|discussion)|convicted|conviction|charged|on (his|her) record|police record|cps|bail)\b/;

/** "What if…", "if he ever…", "can they…": asking about something that has not happened. */
const HYPOTHETICAL = /^(hypothetically|in theory|what if|what happens if|what would happen|what will happen|if|in case|would|will they|can they|could they|can social|can the|do they|does|is it|are they|should i|how|when can|why|suppose|say if|even if)\b|\b(if (he|she|they|i|my) (ever|did|does|do|was|were|is|are|go|goes|tried|try|hurt|hit|hits|comes?|turns? up)|what if)\b/;

/** Ordinary speech that borrows danger words: "this waiting is killing me", "I'm dying to know". */
const FIGURE_OF_SPEECH = /\b((this|it|that|the waiting|waiting|the stress|stress|not knowing|worry|this process|this whole thing|she|he|they|you|paperwork|the social worker|sw|social services|my back|my head|my feet) (is|are|will be) (literally )?killing me|kill(ing)? (me|us) with|dying (to|for|of (embarrassment|shame|laughter))|could kill (for|a)|kill for|bored to death|scared to death|worried to death|worried sick|sick with worry|frightened to death|drive me (mad|crazy|up the wall|to drink)|driving me (mad|crazy|up the wall|insane|round the bend)|(could|would|want to|wanna) (kill|strangle|murder|throttle) (him|her|them|the social worker|my ex|the sw|my kids|the kids)( sometimes| lol| haha)?( when| for| lol| haha|$)|over my dead body|end of my tether|at my wits end|killing myself (laughing|with work|trying)|(gonna|going to) die (of|from) (embarrassment|shame|boredom|laughing)|a nightmare|murder a (cup|brew|cuppa|drink|pint)|kill two birds|dead tired|dead on my feet|shot (myself|me) in the foot|cutting (it|things) (fine|close)|the (plan|report|meeting|case) (is|was) killing me|killed it|slay|(kill|murder|strangle) (him|her|them|my \w+) when (he|she|they) (gets?|comes?) (home|back|in)|(kill|murder) me (for|when (he|she|they) (find out|finds out|hears about|sees this|sees that))|lol|haha|lmao|stabbed in the back|(phone|battery|laptop|car) (is )?(about to|going to) die|suffocating me|(can not|could not) breathe (when|thinking|for)|crying my eyes out|blood (is )?boil\w*|(felt|feel|feels|feeling) like i (could not|can not) breathe|panic attacks?)\b/;

/** A negation shortly before the danger words: "he is not hitting me", "I'm not suicidal". */
const NEGATED_BEFORE = /\b(not|never|no one|nobody|no|nothing|none|no longer|neither|nor|without|stopped|denies|deny|denied)\b(\s+\S+){0,5}\s*$/;

export function assessCrisis(message: string): CrisisAssessment {
  const found = new Set<CrisisCategory>();
  for (const sentence of splitSentences(normaliseForSafety(message))) {
    for (const category of dangerIn(sentence)) found.add(category);
  }
  const categories = CRISIS_CATEGORIES.filter((category) => found.has(category));
  return { crisis: categories.length > 0, categories };
}

function dangerIn(sentence: string): CrisisCategory[] {
  const saysNow = NOW.test(sentence);
  const figurative = FIGURE_OF_SPEECH.test(sentence) && !strongDanger(sentence);
  if (figurative) return [];
  const categories: CrisisCategory[] = [];
  for (const { category, pattern, strong, unless } of DANGER_PATTERNS) {
    const match = pattern.exec(sentence);
    if (!match || unless?.test(sentence)) continue;
    if (!strong && !saysNow) continue;
    if (insideQuotedDocument(sentence, match.index)) continue;
    const clause = clauseAt(sentence, match.index);
    const clauseSaysNow = NOW.test(clause.text) && !(LONG_AGO.test(sentence) && !RIGHT_NOW.test(clause.text));
    if (CONDITIONAL_OPENING.test(clause.text)) continue;
    if (!clauseSaysNow && HYPOTHETICAL.test(clause.text)) continue;
    const before = clause.text.slice(0, match.index - clause.start);
    if (SOMEDAY.test(clause.text)) continue;
    if (!clauseSaysNow && (PAST.test(clause.text) || LONG_AGO.test(sentence) || REPORTED.test(before))) continue;
    if (NEGATED_BEFORE.test(before)) continue;
    categories.push(category);
  }
  return categories;
}

/** The clause of a sentence that a match starts in, so frames are judged where the danger words are. */
function clauseAt(sentence: string, index: number): { text: string; start: number } {
  let start = 0;
  for (const clause of splitClauses(sentence)) {
    const at = sentence.indexOf(clause, start);
    if (at <= index && index < at + clause.length) return { text: clause, start: at };
    start = at + clause.length;
  }
  return { text: sentence, start: 0 };
}

/** Words that keep a sentence dangerous even with a figure of speech in it ("this is killing me, I've got the pills"). */
function strongDanger(sentence: string): boolean {
  return /\b(pills|tablets|overdose|knife|999|ambulance|not breathing|bleeding|suicidal|end it all|kill myself)\b/.test(sentence);
}
