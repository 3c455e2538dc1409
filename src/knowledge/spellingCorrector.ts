import Fuse from 'fuse.js';
import { STOP_WORDS } from './stopWords';

/** A correction to a stop word means "ignore this word". */
export interface Correction {
  readonly word: string;
  /** How much a corrected word counts, relative to one typed correctly. */
  readonly weight: number;
}

/** Fuse scores run 0 (exact) to 1; above this the "correction" is usually a different word. */
const MAX_FUSE_SCORE = 0.2;
const CORRECTED_WEIGHT = 0.7;
const MIN_LENGTH = 4;

/**
 * Fixes misspelt words ("assesment", "proceedins", "gaurdianship") by finding the nearest word in
 * the knowledge base's own vocabulary with fuse.js. Candidates are grouped by first letter and
 * length, so one lookup searches a few dozen words, not the whole vocabulary, and the cost does not
 * grow with the number of entries. Results are cached: parents repeat the same slips.
 */
export class SpellingCorrector {
  private readonly known: ReadonlySet<string>;
  private readonly buckets = new Map<string, Fuse<string>>();
  private readonly byBucket = new Map<string, string[]>();
  private readonly cache = new Map<string, Correction | null>();

  constructor(vocabulary: Iterable<string>) {
    this.known = new Set([...vocabulary, ...STOP_WORDS]);
    // Stop words are candidates too: "stil" is "still" (then ignored), not "stick".
    for (const word of this.known) {
      if (word.length < MIN_LENGTH || /\d/.test(word)) continue;
      const key = word[0];
      const list = this.byBucket.get(key) ?? [];
      list.push(word);
      this.byBucket.set(key, list);
    }
  }

  correct(word: string): Correction | undefined {
    if (this.known.has(word) || word.length < MIN_LENGTH || /\d/.test(word)) return undefined;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached ?? undefined;
    const best = this.fuseFor(word[0])?.search(word, { limit: 1 })[0];
    const result = best && (best.score ?? 1) <= MAX_FUSE_SCORE && Math.abs(best.item.length - word.length) <= 2 ? { word: best.item, weight: CORRECTED_WEIGHT } : null;
    if (this.cache.size > 20000) this.cache.clear();
    this.cache.set(word, result);
    return result ?? undefined;
  }

  private fuseFor(letter: string): Fuse<string> | undefined {
    let fuse = this.buckets.get(letter);
    if (!fuse) {
      const words = this.byBucket.get(letter);
      if (!words) return undefined;
      fuse = new Fuse(words, { includeScore: true, threshold: MAX_FUSE_SCORE, ignoreLocation: true, minMatchCharLength: 3 });
      this.buckets.set(letter, fuse);
    }
    return fuse;
  }
}
