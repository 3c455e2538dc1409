import { isFirstName, isOrdinaryWord, isPlace, isPlaceRatherThanName } from './vocabulary';

/** Capitalised words and runs of them ("Agnieszka Wiśniewska", "Merthyr Tydfil", "Lacey-Mae"). */
const CAPITALISED_RUN = /(?<![\p{L}\p{N}'’-])\p{Lu}[\p{Ll}'’]+(?:-\p{L}[\p{Ll}'’]+)*(?:\s+\p{Lu}[\p{Ll}'’]+(?:-\p{L}[\p{Ll}'’]+)*)*/gu;
/** A run ending in one of these names a place or body, not a person ("Royal Victoria Infirmary", "Kings Cross"). */
const INSTITUTION =
  /\s(?:Infirmary|Hospital|Park|Cross|Station|School|Academy|College|University|Convention|Court|Centre|Center|Road|Street|Lane|Avenue|Council|Trust|Unit|House|Church|Mosque|Primary|Nursery|Prison|Estate|Hall|Green|Square|Bridge)$/;
/** Names of things that happen to contain a first name. */
const KNOWN_PHRASES = new Set(['christmas eve', 'new year', "new year's eve", 'guardian ad litem', 'our lady', 'ysgol gymraeg']);
/** Lower-case words, for names typed in lower case ("jayden", "brooke-lynn"). */
const LOWER_WORD = /(?<![\p{L}\p{N}'’-])\p{Ll}[\p{Ll}'’]+(?:-\p{Ll}[\p{Ll}'’]+)*/gu;
/** What usually follows a name opening a sentence ("Hope is 4", "Will and Harry", "Mark, my partner"), unlike "Will they" or "Hope so". */
const AFTER_SUBJECT_NAME = /^(?:['’]s\b|,|\s+(?:is|was|has|had|and|&|keeps|kept|says|said|wants|wanted|needs|lives|lived|goes|went|gets|got|can|does|did|doesn'?t|isn'?t|hasn'?t|won'?t|loves|hates|asks|asked|told|came|comes|started|stopped|turned)\b)/;

/**
 * Words that look like people's names in what parents write: capitalised words that are no
 * English word, place or known service ("Kieran is 6", "Siân, the family support worker"),
 * common first names in the middle of a sentence ("I took Oliver to school"), or opening one as
 * its subject ("Ruby and Jack have…"), and first names typed in lower case that are no English
 * word ("courtney here"). Returns [start, end) offsets.
 */
export function unknownCapitalisedWords(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (const run of text.matchAll(CAPITALISED_RUN)) {
    const words = run[0];
    const start = run.index ?? 0;
    const oneWord = !/\s/.test(words);
    if ((oneWord ? isPlaceRatherThanName(words) : isPlace(words)) || INSTITUTION.test(words) || KNOWN_PHRASES.has(words.toLowerCase())) continue;
    let offset = start;
    for (const word of words.split(/(\s+)/)) {
      if (/\S/.test(word) && isName(word, offset === start && opensSentence(text, start), text.slice(offset + word.length))) {
        found.push([offset, offset + word.replace(/['’]s$/, '').length]);
      }
      offset += word.length;
    }
  }
  for (const word of text.matchAll(LOWER_WORD)) {
    const parts = word[0].replace(/['’]s$/, '').split('-');
    if (parts.some((part) => isFirstName(part)) && parts.every((part) => !isOrdinaryWord(part))) {
      found.push([word.index ?? 0, (word.index ?? 0) + parts.join('-').length]);
    }
  }
  return found;
}

function isName(word: string, atSentenceStart: boolean, after: string): boolean {
  const bare = word.replace(/['’]s$/, '');
  // Contractions ("I'm", "Don't") are words, not names.
  if (/['’]/.test(bare) || isPlaceRatherThanName(bare)) return false;
  const parts = bare.split('-');
  if (parts.every((part) => !isOrdinaryWord(part))) return true;
  if (!parts.some((part) => isFirstName(part))) return false;
  return !atSentenceStart || AFTER_SUBJECT_NAME.test(after);
}

function opensSentence(text: string, index: number): boolean {
  return /(^|[.!?]\s+|\n\s*|^\s*[-–]\s*)$/.test(text.slice(Math.max(0, index - 4), index)) || index === 0;
}
