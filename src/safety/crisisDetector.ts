import { CRISIS_CATEGORIES, CrisisCategory } from './crisisCategory';
import { BRACKETED_MINOR_AGE, DANGER_PATTERNS, NAMES_A_CHILD, STATES_A_MINOR_AGE } from './crisisPatterns';
import { normaliseForSafety, splitClauses, splitSentences } from './crisisText';
import { LiteralScreen } from '../language/literalScreen';
import { isBareFarewell } from './farewell';

export interface CrisisAssessment {
  readonly crisis: boolean;
  /** Every kind of danger the message describes, most urgent first. */
  readonly categories: readonly CrisisCategory[];
}

/** Words saying it is happening now or has only just happened; they outweigh a past or reported frame. */
const NOW = /\b(now|right now|tonight|today|at the moment|currently|just (now|then|happened|texted|rang|sent|said|told|left|took|threw|hit|got|put|made|came|turned|pulled|seen|saw|snatched|grabbed|called|messaged|phoned|\w+ed)|keeps|(?<!see \w+ )again|as we speak|as i type|this (morning|evening|afternoon|minute|second)|here|downstairs|upstairs|outside|on (his|her|their) way|help me|please help|(\d+|few|ten|five) (mins?|minutes|hours) ago|for hours|since yesterday|i can hear|(he|she|they|\w+) (is|are) (in the|at the|sat|stood|standing|sitting|waiting|parked|outside|downstairs|upstairs|here|asleep)|(\d+|few|ten|five|twenty|forty) (mins?|minutes|hours?) away|(is|are) still (in|here|outside|there|downstairs|upstairs|at)|(he|she|they) (is|are) (back|in it|in here|in the \w+|just sat|just sitting|just stood)|(its|it is) just (him|her|them|me)\b|(just |has |have )?(came|got|is) (back|home)\b|(just|has|have|is) come (back|home)\b|been \d+ (mins?|minutes|hours)|since (he|she|they|the \w+( \w+)?) (left|went|came|arrived|got here|rang|called)\b|(is|are) (on|at) (my|the|our) (doorstep|door|gate)|i am (hiding|holding|sat|sitting|parked|stood|standing|typing|locked|in the (bathroom|bedroom|toilet|car|kids room|garden))|\d ?am|midnight|(an?|half an|one|two|few|couple of) (hour|minute|min)s? ago|(has|have|is|are|am) just \w+|still (here|there|outside|inside|not)|it is (gone )?\d{1,2}(:\d\d)? ?(pm|am|o'clock)?|since (tea|teatime|lunch|dinner|breakfast|this morning|school|\d{1,2} ?(am|pm|o'clock)?))\b/;

/**
 * The present progressive ("he is holding a knife") says a sentence is about now without a time word.
 * It lets a weaker danger phrase count but, unlike NOW, does not outweigh a past or reported frame.
 */
const PRESENT_TENSE = /\b(he|she|they|i|we|it|someone|somebody|the \w+|my \w+|\w+) (is|are|am) (still |just |now |really |literally |currently )?(?!going to\b)\w+ing\b|\b(i|we|they|you) keep \w+ing\b|\b(i|we|he|she|they) (have|has) been \w+ing\b/;
/** A named time to come: "a social worker is coming thursday" is an arrangement, not something happening. */
const FUTURE_TIME = /\b(tomorrow|later|next (week|month|time|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|this (week|weekend))\b/;

/** Past events: a year, "years ago", "used to", "when I was", "back in"... */
const PAST = /\b((19|20)\d\d|years? ago|months? ago|weeks? ago|yrs? ago|last (year|month|summer|winter|spring|autumn|christmas|time)|used to|in the past|previously|back then|back in (the day|the \d0s|(19|20)\d\d|january|february|march|april|may|june|july|august|september|october|november|december)|when (i|we|he|she|they) (was|were|lived|had|babysat)|when (i|he|she|they|my \w+|the \w+) (was|were) (younger|little|small|a kid|a teen|a baby|a toddler|born|tiny|babies|\d+)|as a (child|kid|teen|teenager)|growing up|history of|historic|historical|years back|ages ago|(?<!since )(yesterday|(?<!my )last night)|the other (day|week|night)|when (he|she|they|i|we) (left|split|moved)|in (january|february|march|april|may|june|july|august|september|october|november|december)|there (was|were)|last (monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend)|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|tried to|(i|he|she) was \w+ (at|aged) \d{1,2}|before (i|we) (left|moved|split)|since (i|we) left(?= (him|her|them|my (ex|husband|wife|partner|boyfriend|girlfriend)|home)\b|$)|was (hitting|beating|hurting|abusing|threatening)|were (hitting|beating|hurting)|had (hit|hurt|beaten|threatened|attempted|a breakdown)|attempted|attempt|once(?! (he|she|they|i|we|you|the \w+) (is|are|has|have|will|gets?|comes?|starts?))|ever since|have not done it|was in an abusive|(was|were) \w+ing|the (time|night|day|morning|evening) (he|she|they|i|we|when|of the)|the worst (was|time|one|incident)|was when|in the (spring|summer|autumn|winter)|over the (summer|winter|holidays)|when (he|she|they) (is|gets|has had) (drunk|angry|high|stressed|upset|wound up|told off|cross|frustrated))\b/;

/** Past markers strong enough to make a whole sentence history ("the last time, in 2021, he split my lip"). */
const LONG_AGO = /\b((19|20)\d\d|(years?|yrs?|months?|summers?|winters?|christmases) ago|used to|when (i|we) (was|were) (little|young|younger|a kid|a child|\d+|in care|together|with him|with her)|as a (child|kid|teen|teenager)|growing up|last (monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend))\b/;

/** Only these outweigh a sentence, or a message, that is plainly about the past. */
const RIGHT_NOW = /\b(right now|now|tonight|as we speak|at the moment|this minute|currently)\b/;

/** "If he ever…", "hypothetically…": the clause is about something that has not happened. */
const CONDITIONAL_OPENING = /^(if|what if|what happens if|hypothetically|in theory|suppose|say if|even if|in case)\b/;

/** Documents quoted word for word: "the minutes say 'mother disclosed suicidal ideation'". */
const DOCUMENT = /\b(report|referral|statement|minutes|file|notes|assessment|letter|document|records?|wrote|written|evidence|threshold|plan|chronology|bundle|form|the (text|message|email|post)|relying on)\b/;

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
const REPORTED = /\b(report|reports|referrals?|assessment|minutes|the plan|plan says|category|risk of|at risk of|concerns? (about|that|over)|worried that|allegation|alleged|allegedly|accused|accusing|claims?|claimed|they (say|said|think|thought|reckon)|(says|said|has said|have said) things like|(sw|social worker|social services|police|school|nurse|health visitor|judge|court|guardian|cafcass) (says?|said|thinks?|thought|wrote|wants?|reckons?|told)|section 47|s47|strategy (meeting|discussion)|convicted|conviction|charged|on (his|her) record|police record|cps|bail)\b/;

/** "What if…", "if he ever…", "can they…": asking about something that has not happened. */
const HYPOTHETICAL = /^(hypothetically|in theory|what if|what happens if|what would happen|what will happen|if|in case|would|will they|can they|could they|can social|can the|do they|does|is it|are they|should i|how|when can|why|suppose|say if|even if)\b|\b(if (he|she|they|i|my) (ever|did|does|do|was|were|is|are|go|goes|tried|try|hurt|hit|hits|comes?|turns? up|will|would|will not|would not)|if my \w+ (ever|did|does|do|was|were|is|are|will|would|will not|would not|tries|tried|turns up|comes)|what (do|should|can|would) (i|we) do if|what if|whether|asked (me |us |her |him )?(if|whether))\b/;

/** A threat with a condition is still a threat: "he says if I leave he'll cut my face". */
const CONDITIONAL_THREAT = /\b(says?|saying|said|shouting|screaming|threaten\w*|texted|texting|told me|keeps saying)\b.*\b(if|unless|once)\b/;

/** Ordinary speech that borrows danger words: "this waiting is killing me", "I'm dying to know". */
const FIGURE_OF_SPEECH = /\b((this|it|that|the waiting|waiting|the stress|stress|not knowing|worry|this process|this whole thing|she|he|they|you|paperwork|the social worker|sw|social services|my back|my head|my feet) (is|are|will be) (literally )?killing me|kill(ing)? (me|us) with|dying (to|for|of (embarrassment|shame|laughter))|could kill (for|a)|kill for|bored to death|scared to death|worried to death|worried sick|sick with worry|frightened to death|drive me (mad|crazy|up the wall|to drink)|driving me (mad|crazy|up the wall|insane|round the bend)|(could|would|want to|wanna) (kill|strangle|murder|throttle) (him|her|them|the social worker|my ex|the sw|my kids|the kids)( sometimes| lol| haha)?( when| for| lol| haha|$)|over my dead body|end of my tether|at my wits end|killing myself (laughing|with work|trying)|(gonna|going to) die (of|from) (embarrassment|shame|boredom|laughing)|a nightmare|murder a (cup|brew|cuppa|drink|pint)|kill two birds|jump for joy|jumping for joy|dead tired|dead on my feet|shot (myself|me) in the foot|cutting (it|things) (fine|close)|the (plan|report|meeting|case) (is|was) killing me|killed it|slay|(kill|murder|strangle) (him|her|them|my \w+) when (he|she|they) (gets?|comes?) (home|back|in)|(kill|murder) me (for|when (he|she|they) (find out|finds out|hears about|sees this|sees that))|lol|haha|lmao|stabbed in the back|(phone|battery|laptop|car) (is )?(about to|going to) die|suffocating me|(can|could|can not|could not) (barely |hardly )?breathe (when|thinking|for|with (nerves|anxiety|stress|worry))|so (nervous|anxious|stressed|worried) i can (barely|hardly|not) breathe|crying my eyes out|blood (is )?boil\w*|(felt|feel|feels|feeling) like i (could not|can not) breathe|panic attacks?|under the bus|threw me a lifeline|(was|is) (a zoo|a madhouse|bedlam|chaos|carnage|mayhem)|(strangling|killing|choking|smothering|suffocating|crushing|destroying) (my|our|the) (relationship|bond|contact|chances?|case|confidence|spirit|finances|business)|(would|i would) (throw myself|jump|die|take a bullet|walk through fire)( under a bus| in front of a bus| off a cliff)? for (my|the|our) (kids|children|son|daughter|family|them|grandkids)|(feel|feels|felt|feeling) like (i am|i have been|we are|we have been|i was) (being )?(hit by|held|run over|hit with|kicked|punched|beaten|drowning|suffocat\w*|on trial|interrogated|stabbed|attacked)|(battering|bombarding|hammering|attacking|kicking off|going off|going mental|blowing up) (me |at me )?(with|on|over|about) (texts|messages|calls|emails|whatsapp|facebook|text|messenger|snapchat|email|social media|the phone))\b/;

/** A negation shortly before the danger words: "he is not hitting me", "I'm not suicidal". */
const NEGATED_BEFORE = /\b(not(?! stop)|never|no one|nobody|no|nothing|none|no longer|neither|nor|without|stopped|denies|deny|denied)\b(\s+\S+){0,5}\s*$/;

/**
 * A negation's reach ends at a joining word or a new subject ("i do not want to die i just can not stop"),
 * but not at the subject of a reported thought ("i never said i would hurt myself").
 */
const NEGATION_SCOPE_ENDS = /\b(?:and|so|because|then|but|just)\b|(?<!\b(?:said|say|says|think|thought|mean|meant|want|feel|felt|know|knew|that|would|will) )\b(?:i|he|she|they|we)\b/g;

/**
 * Messages that look back: a vivid account followed by "that was 18 months ago", "that's how I remember
 * it", or written for a court statement. Danger in them counts only with a plain "now" or "tonight".
 */
const RETROSPECTIVE = /\b((it|that|this) (was|happened) (\w+ ){0,2}(years?|months?|weeks?) ago|that was (in )?((19|20)\d\d|last \w+|january|february|march|april|may|june|july|august|september|october|november|december)|how i remember it|years after it happened|that is what (she|he|my \w+) remembers|^picture it|it goes:|the way (he|she|my \w+) tells it|this happened (on|last)|the story of how|what actually happened|(describe|go back through) (\w+ ){0,2}(the worst|everything|the incident))/;

/** Words saying any danger is over. */
const OVER = String.raw`it is (all )?over|everyone is (fine|ok|okay|safe)|we are (all )?(safe|ok|okay|fine)|i am safe now`;

/**
 * Words saying a kind of danger is over: help came, the child was found, the patient is stable. "He is
 * home now" ends a missing child's danger but not a violent partner's, so each kind has its own. They
 * cover their own sentence and the ones before it; something new can still start after them.
 */
const RESOLVED: Record<CrisisCategory, RegExp> = {
  'violence-now': new RegExp(String.raw`\b(${OVER}|(police|they) (have been and|came and|came within|came in about|were here|took (him|her) away|arrested)|(has|have|he is|she is) been (arrested|remanded|charged|taken away)|remanded in custody)\b`),
  'child-at-risk-now': new RegExp(String.raw`\b(${OVER}|(is|are) (now )?(home|back)( now| and (safe|fine|ok|okay|well))|(police|we|they) found (him|her|them) (safe|at|in|asleep)|^found (him|her|them)|(is|are) (absolutely |completely |totally )?(safe|fine|ok|okay|unhurt)( now| and)|walked back in)\b`),
  'suicide-self-harm': new RegExp(String.raw`\b(${OVER}|on a ward|(is|are) (being looked after|safe now)|(i|she|he) had help|(i am|she is|he is) (doing )?(much |a lot )?better now)\b`),
  'medical-emergency': new RegExp(String.raw`\b(${OVER}|(is|are) (absolutely |completely |totally )?(fine|ok|okay|stable|recovering|being looked after)( now| and)|checked (him|her|them) over|(it|bleeding) (has |is )?stopped now|came straight out|(is|are) (home|back) now|discharged)\b`),
};

export function assessCrisis(message: string): CrisisAssessment {
  // Alone, "bye" is how people end a chat; the safety gate weighs it against what was said before.
  if (isBareFarewell(message)) return { crisis: false, categories: [] };
  const text = normaliseForSafety(message);
  const sentences = splitSentences(text);
  const retrospective = sentences.some((sentence) => RETROSPECTIVE.test(sentence));
  const found = new Set<CrisisCategory>();
  sentences.forEach((sentence, i) => {
    if (retrospective && !RIGHT_NOW.test(sentence)) return;
    const fromHere = sentences.slice(i);
    for (const category of withChildren(dangerIn(sentence), sentence)) {
      if (!fromHere.some((later) => RESOLVED[category].test(later))) found.add(category);
    }
  });
  if (found.size > 0 && namesAMinor(text, message)) found.add('child-at-risk-now');
  const categories = CRISIS_CATEGORIES.filter((category) => found.has(category));
  return { crisis: categories.length > 0, categories };
}

/** Any danger to someone under 18, or told by someone under 18 ("he's 14", "I'm 15"), is also a child at risk. */
function namesAMinor(text: string, message: string): boolean {
  return STATES_A_MINOR_AGE.test(text) || BRACKETED_MINOR_AGE.test(message);
}

/** Violence in a sentence that names a child is also a child at risk. */
function withChildren(categories: CrisisCategory[], sentence: string): CrisisCategory[] {
  return categories.includes('violence-now') && NAMES_A_CHILD.test(sentence) ? [...categories, 'child-at-risk-now'] : categories;
}

/** Most sentences hold none of the words any danger phrase needs: those phrases are not run on them. */
const DANGER_SCREEN = new LiteralScreen(DANGER_PATTERNS.map((danger) => danger.pattern));

/** The kinds of danger one sentence describes. */
function dangerIn(sentence: string): CrisisCategory[] {
  if (FIGURE_OF_SPEECH.test(sentence) && !strongDanger(sentence)) return [];
  // Whether the sentence is about now, worked out only when a phrase that needs it matches.
  let present: boolean | undefined;
  const isPresent = () => (present ??= NOW.test(sentence) || (PRESENT_TENSE.test(sentence) && !FUTURE_TIME.test(sentence)));
  const categories: CrisisCategory[] = [];
  const couldMatch = DANGER_SCREEN.couldMatch(sentence);
  for (let index = 0; index < DANGER_PATTERNS.length; index += 1) {
    if (!couldMatch[index]) continue;
    const danger = DANGER_PATTERNS[index];
    const match = danger.pattern.exec(sentence);
    if (!match || danger.unless?.test(sentence)) continue;
    if (!danger.strong && !isPresent()) continue;
    if (!framedAway(sentence, match.index, danger.conditionalForm === true)) categories.push(danger.category);
  }
  return categories;
}

/** True when the danger words at `index` sit in a quoted document, a past, reported, hypothetical or negated frame. */
function framedAway(sentence: string, index: number, conditionalForm: boolean): boolean {
  if (insideQuotedDocument(sentence, index)) return true;
  const clause = clauseAt(sentence, index);
  const clauseSaysNow = NOW.test(clause.text) && !(LONG_AGO.test(sentence) && !RIGHT_NOW.test(clause.text));
  const before = clause.text.slice(0, index - clause.start);
  if (!conditionalForm && CONDITIONAL_OPENING.test(clause.text)) return true;
  if (!conditionalForm && !clauseSaysNow && HYPOTHETICAL.test(clause.text) && !CONDITIONAL_THREAT.test(sentence)) return true;
  if (SOMEDAY.test(clause.text)) return true;
  if (!clauseSaysNow && (PAST.test(clause.text) || LONG_AGO.test(sentence) || REPORTED.test(before))) return true;
  return negated(before);
}

/** A negation shortly before the danger words, and still in force there. */
function negated(before: string): boolean {
  const scope = before.split(NEGATION_SCOPE_ENDS).pop() ?? before;
  return NEGATED_BEFORE.test(scope);
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
