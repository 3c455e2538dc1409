type Rewrite = readonly [RegExp, string];

/** Text-speak and slang written out: people in danger type fast, on small screens, often one-handed. */
const TEXT_SPEAK: readonly Rewrite[] = [
  [/\b(want|wanted|wants|going|need|needs|have|has|got|trying|try|able|about|meant|used) 2\b(?= [a-z])/g, '$1 to'],
  [/\b(2nite|2night|tonite|2nyt)\b/g, 'tonight'],
  [/\b(nite|nyt)\b/g, 'night'],
  [/\b(2day)\b/g, 'today'],
  [/\b(2moro|2morrow|tomoz|tmrw)\b/g, 'tomorrow'],
  [/\b(4eva|4ever|forva)\b/g, 'forever'],
  [/\b(jst|jus)\b/g, 'just'],
  [/\b(evry|evri)(thing|one|where)\b/g, 'every$2'],
  [/\b(bby|bubba|babby|bbz)\b/g, 'baby'],
  [/\b(r)\b(?= [a-z])/g, 'are'],
  [/\b(b)\b(?= (here|dead|gone|around|alive|ok|safe|better|home|back))/g, 'be'],
  [/\b(aint)\b/g, 'is not'],
  [/\b(dnt)\b/g, 'do not'],
  [/\b(cnt)\b/g, 'can not'],
  [/\b(tryna)\b/g, 'trying to'],
  [/\b(dunno)\b/g, 'do not know'],
  [/\b(cos|coz|cuz|bc)\b/g, 'because'],
  [/\b(wat|wot)\b/g, 'what'],
  [/\b(hlp|halp)\b/g, 'help'],
  [/\b(ambo|amblance)\b/g, 'ambulance'],
  [/\b(nxt)\b/g, 'next'],
  [/\b(txt|txtd)\b/g, 'text'],
  [/\b(sumthin|sumthing|summat)\b/g, 'something'],
  [/\b(wiv|wid)\b/g, 'with'],
  [/\b(hrs)\b/g, 'hours'],
  [/\b(rly|rlly)\b/g, 'really'],
  [/\b(ded)\b/g, 'dead'],
  [/\b(tabs)\b/g, 'tablets'],
  // "mums not waking up", "dads chest": the apostrophe left out of "mum's", read as "mum is" like "mum's" is.
  [/\b(mum|dad|nan|nana|gran|grandad|grandma|baby|son|daughter|partner|husband|wife|ex|brother|sister|boyfriend|girlfriend|friend|neighbour)s (?=(not|just|gone|been|got|fallen|taken|had|still|really|so|very|turning|going|bleeding|breathing|having|locked|missing|outside|here|back)\b)/g, '$1 is '],
];

/** Common misspellings of the words the patterns need ("chocking", "unconcious", "paracetomol"). */
const MISSPELLINGS: readonly Rewrite[] = [
  [/\b(breath|breth|brethe|breate)(ing|in)\b/g, 'breathing'],
  [/\b(brething|breating|breathng)\b/g, 'breathing'],
  [/\b(unconcious|unconsious|unconscous)\b/g, 'unconscious'],
  [/\b(paracetomol|paracetemol|paracetamoll|paracetmol|parecetamol)\b/g, 'paracetamol'],
  [/\b(chocking)\b/g, 'choking'],
  [/\b(siezure|seisure|seizur)(s?)\b/g, 'seizure$2'],
  [/\b(sucidal|suicidle|suisidal|sucicidal)\b/g, 'suicidal'],
  [/\b(sucide|suicde|suiside)\b/g, 'suicide'],
  [/\b(ambulence|ambulace|ambulanc)\b/g, 'ambulance'],
  [/\b(bleding|bledding)\b/g, 'bleeding'],
  [/\b(threating|threatning|thretening)\b/g, 'threatening'],
  [/\b(hiting)\b/g, 'hitting'],
  [/\b(kiling)\b/g, 'killing'],
  [/\b(stabed)\b/g, 'stabbed'],
  [/\b(dissapear|disapear|dissappear)\b/g, 'disappear'],
  [/\b(tablits|tabletts)\b/g, 'tablets'],
  [/\b(overdoes|overdoesed|overdossed)\b/g, 'overdosed'],
  [/\b(nife|knive)\b/g, 'knife'],
  [/\b(cumin|comin)\b/g, 'coming'],
  [/\b(wakin|wakeing)\b/g, 'waking'],
];

/** Words ending in "-in" that are not a dropped "g" ("within", "insulin"): see dropGs. */
const NOT_DROPPED_G = new Set([
  'within', 'cousin', 'begin', 'cabin', 'robin', 'basin', 'muffin', 'coffin', 'margin', 'origin', 'virgin', 'penguin',
  'raisin', 'cumin', 'admin', 'latin', 'martin', 'kevin', 'gavin', 'colin', 'austin', 'justin', 'dustin', 'dublin',
  'berlin', 'franklin', 'insulin', 'pregabalin', 'penicillin', 'amoxicillin', 'aspirin', 'heparin', 'warfarin',
  'gabapentin', 'ventolin', 'ritalin', 'vitamin', 'toxin', 'melatonin', 'serotonin', 'codein', 'akin', 'plugin', 'login',
  'satin', 'bulletin', 'caitlin', 'violin', 'goblin', 'napkin', 'pumpkin', 'dolphin', 'vermin', 'assassin', 'javelin',
]);

/** "hittin", "breathin", "bleedin'", "dyin" → "hitting", "breathing", "bleeding", "dying". */
function dropGs(text: string): string {
  return text
    .replace(/\b([a-z]{2,}(?:[^aeiou\W\d]|y))in'?(?=[^a-z']|$)/g, (word, stem: string) =>
      NOT_DROPPED_G.has(word.replace(/'$/, '')) ? word : `${stem}ing`,
    )
    .replace(/\b(d|l|t)yin\b/g, '$1ying');
}

/**
 * Puts a message into one spelling before the danger patterns run: lower case, straight quotes,
 * contractions and text-speak written out ("hes" → "he is", "cant" → "can not", "gonna" → "going to"),
 * so each pattern needs one form only.
 */
const REWRITES: readonly Rewrite[] = [
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
  ...TEXT_SPEAK,
  ...MISSPELLINGS,
];

export function normaliseForSafety(text: string): string {
  let out = dropGs(text.toLowerCase().replace(/[’‘`]/g, "'"));
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
 * Clauses: sentences, lines, and parts joined by "but", a comma, or "and" before a new subject ("…and
 * she is…"). Danger is judged per clause, so "he hit me in 2016, but he is outside now" is judged by its
 * second half.
 */
export function splitClauses(text: string): string[] {
  return text
    .split(/[;]+|,\s*|\s+but\s+|\s+though\s+|\s+-\s+|\s+and\s+(?=now\b|(?:i|he|she|they|we|it|(?:my|his|her|their|our|the) \w+) (?:is|are|am|was|were|has|have|had|live|lives)\b)/)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}
