import stem from 'wink-porter2-stemmer';
import { normaliseText } from './normaliseText';
import { PHRASE_REWRITES } from './phraseRewrites';
import { STOP_WORDS } from './stopWords';

/** Rules indexed by their first word, longest first, so rewriting is one pass over the tokens. */
const RULES = new Map<string, Array<{ from: string[]; to: string[] }>>();
for (const [from, to] of PHRASE_REWRITES) {
  const words = from.split(' ');
  const list = RULES.get(words[0]) ?? [];
  list.push({ from: words, to: to.split(' ') });
  list.sort((a, b) => b.from.length - a.from.length);
  RULES.set(words[0], list);
}

export function rewritePhrases(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const rule = RULES.get(tokens[i])?.find((r) => r.from.every((word, k) => tokens[i + k] === word));
    if (rule) {
      out.push(...rule.to);
      i += rule.from.length;
    } else {
      out.push(tokens[i]);
      i += 1;
    }
  }
  return out;
}

/** Fixes one word's spelling (or returns it as it is). */
export type Speller = (word: string) => string;

/** Normalised words as typed, before spelling fixes and rewrites (what the spelling vocabulary is made of). */
export function typedWords(text: string): string[] {
  const normalised = normaliseText(text);
  return normalised === '' ? [] : normalised.split(' ');
}

/** Normalised, spell-fixed, rewritten words, before stop words are dropped. */
export function surfaceWords(text: string, speller?: Speller): string[] {
  const words = typedWords(text);
  return rewritePhrases(speller ? words.map(speller) : words);
}

const stemCache = new Map<string, string>();
function stemOf(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = /^\d+$/.test(word) ? word : stem(word);
    if (stemCache.size < 50000) stemCache.set(word, stemmed);
  }
  return stemmed;
}

/**
 * Terms of one piece of text: stems of the content words, plus each pair of neighbouring content
 * words ("section 20", "child protect", "protect plan"), which tell topics apart far better than
 * single words. Entries and messages go through the same steps, spelling fixes included.
 */
export function termsOf(text: string, speller?: Speller): Array<{ term: string; weight: number }> {
  const content: Array<{ stem: string; weight: number }> = [];
  for (const word of surfaceWords(text, speller)) {
    // Digits stay for now: "stage 1", "section 8" pair up below.
    if (STOP_WORDS.has(word) || (word.length < 2 && !/\d/.test(word))) continue;
    content.push({ stem: stemOf(word), weight: 1 });
  }
  // A number alone is noise ("want 2 put", "hes 3"); next to a word it is meaning ("stage_1", "section_20").
  const terms = content.filter((c) => !/^\d+$/.test(c.stem)).map((c) => ({ term: c.stem, weight: c.weight }));
  for (let i = 0; i + 1 < content.length; i += 1) {
    if (content[i].stem === content[i + 1].stem) continue;
    terms.push({ term: `${content[i].stem}_${content[i + 1].stem}`, weight: Math.min(content[i].weight, content[i + 1].weight) });
  }
  return terms;
}
