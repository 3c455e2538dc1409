import Fuse from 'fuse.js';
import { STOP_WORDS } from './stopWords';

/** Fuse scores run 0 (exact) to 1. Up to here a near word is accepted as a correction. */
const MAX_FUSE_SCORE = 0.2;
/** Swapped letters ("socail") score worse in Fuse; accept them up to here if the letters are the same. */
const MAX_SWAP_SCORE = 0.4;
/** Candidates this close in score count as equally good; the commoner word wins ("complant" → complaint). */
const SCORE_TIE = 0.05;
const MIN_LENGTH = 4;

/**
 * Fixes misspelt words ("assesment", "proceedins", "socail") by finding the nearest correctly
 * spelt word with fuse.js. The vocabulary comes from well-spelt text only (titles, answers, the
 * abbreviation table), never from phrasings, which contain misspellings on purpose. Candidates are
 * grouped by first letter, so one lookup searches a few hundred words at most and the cost does
 * not grow with the number of entries. Results are cached: people repeat the same slips.
 */
export class SpellingCorrector {
  private readonly known: ReadonlySet<string>;
  private readonly frequency: ReadonlyMap<string, number>;
  private readonly buckets = new Map<string, Fuse<string>>();
  private readonly byBucket = new Map<string, string[]>();
  private readonly cache = new Map<string, string | null>();

  /** `frequency`: how often each well-spelt word occurs; commoner words win ties. */
  constructor(frequency: ReadonlyMap<string, number>) {
    this.frequency = frequency;
    // Stop words are candidates too: "stil" is "still" (then ignored), not "stick".
    this.known = new Set([...frequency.keys(), ...STOP_WORDS]);
    for (const word of this.known) {
      if (word.length < MIN_LENGTH || /\d/.test(word)) continue;
      const list = this.byBucket.get(word[0]) ?? [];
      list.push(word);
      this.byBucket.set(word[0], list);
    }
  }

  /** The word as it should be spelt, or the word itself when it is known or nothing is close. */
  correct(word: string): string {
    if (this.known.has(word) || word.length < MIN_LENGTH || /\d/.test(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached ?? word;
    const found = this.bestCandidate(word);
    if (this.cache.size > 20000) this.cache.clear();
    this.cache.set(word, found ?? null);
    return found ?? word;
  }

  private bestCandidate(word: string): string | undefined {
    const sortedLetters = [...word].sort().join('');
    const acceptable = (this.fuseFor(word[0])?.search(word, { limit: 8 }) ?? []).filter((hit) => {
      const score = hit.score ?? 1;
      if (Math.abs(hit.item.length - word.length) > 2) return false;
      return score <= MAX_FUSE_SCORE || (score <= MAX_SWAP_SCORE && [...hit.item].sort().join('') === sortedLetters);
    });
    if (acceptable.length === 0) return undefined;
    const bestScore = acceptable[0].score ?? 0;
    const tied = acceptable.filter((hit) => (hit.score ?? 0) <= bestScore + SCORE_TIE);
    tied.sort((a, b) => (this.frequency.get(b.item) ?? 0) - (this.frequency.get(a.item) ?? 0));
    return tied[0].item;
  }

  private fuseFor(letter: string): Fuse<string> | undefined {
    let fuse = this.buckets.get(letter);
    if (!fuse) {
      const words = this.byBucket.get(letter);
      if (!words) return undefined;
      fuse = new Fuse(words, { includeScore: true, threshold: MAX_SWAP_SCORE, ignoreLocation: true, minMatchCharLength: 3 });
      this.buckets.set(letter, fuse);
    }
    return fuse;
  }
}
