/**
 * First step for every message and every entry: one spelling of everything, so "Don't", "dont"
 * and "do not" — or "behavior" and "behaviour" — look the same to the matcher.
 */

/** US spellings parents paste from the web, mapped to the UK forms the entries use. */
const US_TO_UK: Readonly<Record<string, string>> = {
  behavior: 'behaviour', behaviors: 'behaviours', center: 'centre', counseling: 'counselling', counselor: 'counsellor',
  defense: 'defence', offense: 'offence', offenses: 'offences', license: 'licence', program: 'programme', judgment: 'judgement',
  mom: 'mum', moms: 'mums', mommy: 'mum', color: 'colour', neighbor: 'neighbour', neighbors: 'neighbours', favor: 'favour',
  organization: 'organisation', apologize: 'apologise', recognize: 'recognise', realize: 'realise', emphasize: 'emphasise',
  authorized: 'authorised', criticized: 'criticised', analyze: 'analyse', traveling: 'travelling', enroll: 'enrol',
};

/** Contractions, with and without the apostrophe (people on phones often skip it). */
const CONTRACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bcan'?t\b/g, 'can not'],
  [/\bwon'?t\b/g, 'will not'],
  [/\bshan'?t\b/g, 'shall not'],
  [/\b(do|does|did|is|are|was|were|has|have|had|would|should|could|must|need)n'?t\b/g, '$1 not'],
  [/\bain'?t\b/g, 'is not'],
  [/\b(i|you|we|they|who)'ve\b/g, '$1 have'],
  [/\b(i|you|we|they|he|she|it|who)'ll\b/g, '$1 will'],
  [/\b(i|you|we|they|he|she|it|who)'d\b/g, '$1 would'],
  [/\b(you|we|they|who)'re\b/g, '$1 are'],
  [/\bi'?m\b/g, 'i am'],
  [/\b(it|he|she|that|there|what|who|where)'s\b/g, '$1 is'],
  [/'s\b/g, ''], // possessive: "my son's school" → "my son school"
];

export function normaliseText(text: string): string {
  let out = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032`´]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/\+/g, ' plus ');
  for (const [pattern, replacement] of CONTRACTIONS) out = out.replace(pattern, replacement);
  out = out
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1') // "3rd" → "3"
    .replace(/[^a-z0-9\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return out
    .split(' ')
    .map((word) => US_TO_UK[word] ?? word)
    .join(' ');
}
