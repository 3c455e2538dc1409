/**
 * Puts a message into one spelling before the danger patterns run: lower case, straight quotes,
 * contractions and text-speak written out ("hes" → "he is", "cant" → "can not", "gonna" → "going to"),
 * so each pattern needs one form only.
 */
const REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[’‘`]/g, "'"],
  [/\b(can't|cant|cannot)\b/g, 'can not'],
  [/\b(won't|wont)\b/g, 'will not'],
  [/\b(don't|dont)\b/g, 'do not'],
  [/\b(doesn't|doesnt)\b/g, 'does not'],
  [/\b(didn't|didnt)\b/g, 'did not'],
  [/\b(isn't|isnt)\b/g, 'is not'],
  [/\b(aren't|arent)\b/g, 'are not'],
  [/\b(wasn't|wasnt)\b/g, 'was not'],
  [/\b(haven't|havent)\b/g, 'have not'],
  [/\b(hasn't|hasnt)\b/g, 'has not'],
  [/\b(hadn't|hadnt)\b/g, 'had not'],
  [/\b(wouldn't|wouldnt)\b/g, 'would not'],
  [/\b(couldn't|couldnt)\b/g, 'could not'],
  [/\b(i'm|im|i m)\b/g, 'i am'],
  [/\b(he's|hes)\b/g, 'he is'],
  [/\b(she's|shes)\b/g, 'she is'],
  [/\b(it's)\b/g, 'it is'],
  [/\b(they're|theyre)\b/g, 'they are'],
  [/\b(we're)\b/g, 'we are'],
  [/\b(you're|youre|ur)\b/g, 'you are'],
  [/\b(there's|theres)\b/g, 'there is'],
  [/\b(i've|ive)\b/g, 'i have'],
  [/\b(i'll|ill)\b(?= (kill|end|do|take|hurt|jump|be))/g, 'i will'],
  [/\b(he'll|hell)\b(?= (kill|hurt|do|come|be|get|stab|batter|hit|take))/g, 'he will'],
  [/\b(she'll|shell)\b(?= (kill|hurt|do|come|be|get|stab|hit|take))/g, 'she will'],
  [/\b(they'll)\b/g, 'they will'],
  [/\b(i'd)\b/g, 'i would'],
  [/\b(\w+)'s\b/g, '$1 is'],
  [/\b(\w+)'re\b/g, '$1 are'],
  [/\b(\w+)'ve\b/g, '$1 have'],
  [/\b(we|they|he|she|you)'d\b/g, '$1 would'],
  [/\b(\w+)'ll\b/g, '$1 will'],
  [/\btonights\b/g, 'tonight is'],
  [/\btryin\b/g, 'trying'],
  [/\bwiv\b/g, 'with'],
  [/\bsayin\b/g, 'saying'],
  [/\bgna\b/g, 'going to'],
  [/\bwen\b/g, 'when'],
  [/\bm8s\b/g, 'mates'],
  [/\bdun\b/g, 'done'],
  [/\bevry1\b/g, 'everyone'],
  [/\bbeta\b/g, 'better'],
  [/\bsum1\b/g, 'someone'],
  [/\bthru\b/g, 'through'],
  [/ n /g, ' and '],
  [/\bb4\b/g, 'before'],
  [/\bgonna\b/g, 'going to'],
  [/\bwanna\b/g, 'want to'],
  [/\bgotta\b/g, 'got to'],
  [/\b(rn|atm)\b/g, 'right now'],
  [/\b(u)\b/g, 'you'],
  [/\b(pls|plz|plse)\b/g, 'please'],
  [/\b(bf)\b/g, 'boyfriend'],
  [/\b(gf)\b/g, 'girlfriend'],
  [/\b(my ?self)\b/g, 'myself'],
  [/\b(kids|children|kiddies|kiddos)\b/g, 'kids'],
  [/\b(od|o\.d\.?|od'd|odd)\b(?= (on|and|again|now|tonight))/g, 'overdosed'],
];

export function normaliseForSafety(text: string): string {
  let out = text.toLowerCase();
  for (const [pattern, replacement] of REWRITES) out = out.replace(pattern, replacement);
  return out.replace(/[^a-z0-9'\s.!?,;:\n-]/g, ' ').replace(/[ \t]+/g, ' ');
}

/** Sentences and lines. */
export function splitSentences(text: string): string[] {
  return text
    .split(/[.!?\n]+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/**
 * Clauses: sentences, lines, and parts joined by "but" or a comma. Danger is judged per clause, so
 * "he hit me in 2016, but he is outside now" is judged by its second half.
 */
export function splitClauses(text: string): string[] {
  return text
    .split(/[;]+|,\s*|\s+but\s+|\s+though\s+|\s+-\s+/)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}
