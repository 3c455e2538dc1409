import { termsOf, surfaceWords } from './analyseText';
import { KnowledgeEntry } from './knowledgeEntry';
import { weightSentences } from './messageSentences';
import { OUT_OF_SCOPE_CUES } from './outOfScopeCues';
import { RoutingCandidate, RoutingResult } from './routingResult';
import { SpellingCorrector } from './spellingCorrector';
import { TopicId } from './taxonomy';

/**
 * Confidence thresholds, chosen on the `tune` half of test/fixtures/routing/devset.jsonl
 * (`npm run eval` prints how often each confidence band is right):
 * - at or above ANSWER_AT the bot answers (kind "faq");
 * - from CLARIFY_AT up to ANSWER_AT it asks "did you mean…" (kind "clarify");
 * - below CLARIFY_AT, or when the out-of-scope cues win, it says it cannot help (kind "fallback").
 */
export const ANSWER_AT = 0.5;
export const CLARIFY_AT = 0.25;

export interface MatcherSettings {
  /** How much each part of an entry counts: its title, each phrasing, and the answer text. */
  readonly titleWeight: number;
  readonly phrasingWeight: number;
  readonly answerWeight: number;
  /** BM25 saturation and length normalisation. */
  readonly k1: number;
  readonly b: number;
  /** A topic's score is its best entry plus this share of its second best. */
  readonly secondEntryShare: number;
  /** Score at which strength reaches 63% (1 - 1/e): how much evidence makes a match "strong". */
  readonly strengthScale: number;
  /** Largest total weight one term can carry in a query, so a long post repeating a word does not drown the rest. */
  readonly queryTermCap: number;
}

export const DEFAULT_SETTINGS: MatcherSettings = {
  titleWeight: 3,
  phrasingWeight: 1.5,
  answerWeight: 0.3,
  k1: 1.2,
  b: 0.5,
  secondEntryShare: 0.8,
  strengthScale: 6,
  queryTermCap: 3,
};

/** Precomputed BM25 weight of one term in one entry. */
interface Posting {
  readonly entry: number;
  readonly weight: number;
}

/**
 * An inverted index over the entries. Routing a message costs one pass over the postings of its
 * distinct terms, so a long message adds terms, not passes over the corpus.
 */
export class KnowledgeIndex {
  private readonly postings = new Map<string, Posting[]>();
  private readonly corrector: SpellingCorrector;
  private readonly byId: ReadonlyMap<string, KnowledgeEntry>;

  constructor(
    readonly entries: readonly KnowledgeEntry[],
    private readonly settings: MatcherSettings = DEFAULT_SETTINGS,
  ) {
    this.byId = new Map(entries.map((entry) => [entry.id, entry]));
    const documents = entries.map((entry) => this.documentOf(entry));
    // The cues count like titles: one clear out-of-scope word should weigh as much as a title word.
    documents.push(this.weightedTerms(OUT_OF_SCOPE_CUES, [], ''));
    this.buildPostings(documents);

    const vocabulary = new Set<string>();
    for (const entry of entries) {
      for (const text of [entry.title, ...entry.phrasings, entry.answer]) for (const word of surfaceWords(text)) vocabulary.add(word);
    }
    for (const text of OUT_OF_SCOPE_CUES) for (const word of surfaceWords(text)) vocabulary.add(word);
    this.corrector = new SpellingCorrector(vocabulary);
  }

  entry(id: string): KnowledgeEntry | undefined {
    return this.byId.get(id);
  }

  route(message: string): RoutingResult {
    const scores = this.score(message);
    const { settings } = this;

    const topicScores = new Map<TopicId | 'out', number[]>();
    scores.forEach((score, index) => {
      if (score <= 0) return;
      const topic = index === this.entries.length ? 'out' : this.entries[index].topic;
      const list = topicScores.get(topic) ?? [];
      list.push(score);
      topicScores.set(topic, list);
    });
    const ranked = [...topicScores.entries()]
      .map(([topic, list]) => {
        const [first = 0, second = 0] = list.sort((a, b) => b - a);
        return { topic, score: first + settings.secondEntryShare * second };
      })
      .sort((a, b) => b.score - a.score);

    const candidates = this.topEntries(scores, 5);
    const best = ranked[0];
    if (!best || best.topic === 'out') {
      return { kind: 'fallback', topic: best ? 'out-of-scope' : undefined, confidence: best ? this.confidenceOf(ranked) : 0, candidates };
    }
    const confidence = this.confidenceOf(ranked);
    const target = candidates.find((c) => c.topic === best.topic)?.id;
    const kind = confidence >= ANSWER_AT ? 'faq' : confidence >= CLARIFY_AT ? 'clarify' : 'fallback';
    return { kind, topic: best.topic, target, confidence, candidates };
  }

  /** Raw score per entry; the last slot is the out-of-scope pseudo-entry. */
  score(message: string): Float64Array {
    const query = new Map<string, number>();
    for (const { text, weight } of weightSentences(message)) {
      for (const term of termsOf(text, (word) => this.corrector.correct(word))) {
        query.set(term.term, (query.get(term.term) ?? 0) + term.weight * weight);
      }
    }
    const scores = new Float64Array(this.entries.length + 1);
    for (const [term, weight] of query) {
      const list = this.postings.get(term);
      if (!list) continue;
      const queryWeight = Math.min(weight, this.settings.queryTermCap);
      for (const posting of list) scores[posting.entry] += queryWeight * posting.weight;
    }
    return scores;
  }

  private confidenceOf(ranked: ReadonlyArray<{ score: number }>): number {
    const [first, second] = [ranked[0]?.score ?? 0, ranked[1]?.score ?? 0];
    if (first <= 0) return 0;
    const strength = 1 - Math.exp(-first / this.settings.strengthScale);
    const separation = (first - second) / first;
    return round(strength * (0.35 + 0.65 * separation));
  }

  private topEntries(scores: Float64Array, limit: number): RoutingCandidate[] {
    const order: number[] = [];
    for (let i = 0; i < this.entries.length; i += 1) if (scores[i] > 0) order.push(i);
    order.sort((a, b) => scores[b] - scores[a]);
    return order.slice(0, limit).map((i) => ({
      id: this.entries[i].id,
      topic: this.entries[i].topic,
      score: round(1 - Math.exp(-scores[i] / this.settings.strengthScale)),
    }));
  }

  private documentOf(entry: KnowledgeEntry): Map<string, number> {
    return this.weightedTerms([entry.title], entry.phrasings, entry.answer);
  }

  private weightedTerms(titles: readonly string[], phrasings: readonly string[], answer: string): Map<string, number> {
    const tf = new Map<string, number>();
    const add = (text: string, weight: number) => {
      for (const term of termsOf(text)) tf.set(term.term, (tf.get(term.term) ?? 0) + weight * term.weight);
    };
    for (const title of titles) add(title, this.settings.titleWeight);
    for (const phrasing of phrasings) add(phrasing, this.settings.phrasingWeight);
    add(answer, this.settings.answerWeight);
    return tf;
  }

  private buildPostings(documents: ReadonlyArray<Map<string, number>>): void {
    const { k1, b } = this.settings;
    const lengths = documents.map((doc) => [...doc.values()].reduce((sum, v) => sum + v, 0));
    const averageLength = lengths.reduce((sum, v) => sum + v, 0) / Math.max(1, lengths.length);
    const documentFrequency = new Map<string, number>();
    for (const doc of documents) for (const term of doc.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    const n = documents.length;
    documents.forEach((doc, index) => {
      // The out-of-scope cues are one long list; judge its length as average so it is not penalised for it.
      const length = index === documents.length - 1 ? averageLength : lengths[index];
      for (const [term, tf] of doc) {
        const df = documentFrequency.get(term) ?? 1;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const weight = (idf * (tf * (k1 + 1))) / (tf + k1 * (1 - b + (b * length) / averageLength));
        const list = this.postings.get(term) ?? [];
        list.push({ entry: index, weight });
        this.postings.set(term, list);
      }
    });
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
