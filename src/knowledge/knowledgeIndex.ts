import { termsOf, typedWords } from './analyseText';
import { PHRASE_REWRITES } from './phraseRewrites';
import { isOutsideEnglandAndWales } from './jurisdiction';
import { KnowledgeEntry } from './knowledgeEntry';
import { normaliseText } from './normaliseText';
import { weightSentences } from './messageSentences';
import { OUT_OF_SCOPE_CUES } from './outOfScopeCues';
import { RoutingCandidate, RoutingResult } from './routingResult';
import { SpellingCorrector } from './spellingCorrector';
import { TopicId } from './taxonomy';

/**
 * Confidence thresholds, chosen on 523 tune messages (the `tune` half of devset.jsonl and the 380
 * that are now examples/parentMessages.jsonl, measured before they became training examples).
 * Answering from 0.55 answered 68% of them outright and 96.6% of those were the right topic (from
 * 0.5: 78% answered, 94.1% right); below it, "did you mean" offers three choices instead.
 * `npm run eval` prints how often each confidence band is right on the test messages.
 * - at or above ANSWER_AT the bot answers (kind "faq");
 * - from CLARIFY_AT up to ANSWER_AT it asks "did you mean…" (kind "clarify");
 * - below CLARIFY_AT, or when the out-of-scope cues win, it says it cannot help (kind "fallback").
 */
export const ANSWER_AT = 0.55;
export const CLARIFY_AT = 0.25;

/** How many candidate entries a routing result lists. */
const CANDIDATES = 5;

/** Within a topic, the overview wins over a narrower entry that scores less than this much better. */
const OVERVIEW_PREFERENCE = 0.9;

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
  /** How much a topic's combined document (all its entries as one) adds to the topic's score. */
  readonly topicDocumentWeight: number;
  /** How much each single word of a multi-word out-of-scope cue counts ("school" in "school place"). */
  readonly cuePhraseWordShare: number;
  /** How much each word of a labelled example message counts in its topic's combined document. */
  readonly exampleWeight: number;
}

export const DEFAULT_SETTINGS: MatcherSettings = {
  titleWeight: 3,
  phrasingWeight: 0.4,
  answerWeight: 0.3,
  k1: 1.2,
  b: 0.5,
  secondEntryShare: 0.8,
  strengthScale: 6,
  queryTermCap: 3,
  topicDocumentWeight: 1,
  cuePhraseWordShare: 0.5,
  exampleWeight: 0.5,
};

/** Precomputed BM25 weight of one term in one entry. */
interface Posting {
  readonly entry: number;
  readonly weight: number;
}

/**
 * Every term's postings, packed into three typed arrays: the postings of term number t are
 * documents[starts[t]..starts[t + 1]) with weights[...] at the same positions, in document order.
 * A Map of small objects per term cost about 8 MB for the shipped knowledge base; this is about 2.
 */
class PostingTable {
  private readonly termNumbers = new Map<string, number>();
  private readonly starts: Uint32Array;
  private readonly documents: Uint32Array;
  private readonly weights: Float64Array;

  constructor(lists: ReadonlyMap<string, readonly Posting[]>) {
    let total = 0;
    for (const list of lists.values()) total += list.length;
    this.starts = new Uint32Array(lists.size + 1);
    this.documents = new Uint32Array(total);
    this.weights = new Float64Array(total);
    let at = 0;
    for (const [term, list] of lists) {
      const number = this.termNumbers.size;
      this.termNumbers.set(term, number);
      this.starts[number] = at;
      for (const posting of list) {
        this.documents[at] = posting.entry;
        this.weights[at] = posting.weight;
        at += 1;
      }
    }
    this.starts[lists.size] = at;
  }

  /** Adds `queryWeight` times each of the term's weights to its documents' scores. */
  addTo(scores: Float64Array, term: string, queryWeight: number): void {
    const number = this.termNumbers.get(term);
    if (number === undefined) return;
    for (let i = this.starts[number], end = this.starts[number + 1]; i < end; i += 1) scores[this.documents[i]] += queryWeight * this.weights[i];
  }

  /** Whether the term occurs in this document. */
  occursIn(term: string, document: number): boolean {
    const number = this.termNumbers.get(term);
    if (number === undefined) return false;
    for (let i = this.starts[number], end = this.starts[number + 1]; i < end; i += 1) if (this.documents[i] === document) return true;
    return false;
  }
}

/**
 * An inverted index over the entries. Routing a message costs one pass over the postings of its
 * distinct terms, so a long message adds terms, not passes over the corpus.
 */
export class KnowledgeIndex {
  private readonly postings: PostingTable;
  /** Same weights, but over one combined document per topic (index = position in `topics`; last = out of scope). */
  private readonly topicPostings: PostingTable;
  private readonly topics: TopicId[];
  private readonly overviewIndex = new Map<TopicId, number>();
  private readonly corrector: SpellingCorrector;
  private readonly byId: ReadonlyMap<string, KnowledgeEntry>;

  /** `examples`: labelled messages in parents' words; they enrich each topic's combined document. */
  constructor(
    readonly entries: readonly KnowledgeEntry[],
    private readonly settings: MatcherSettings = DEFAULT_SETTINGS,
    examples: ReadonlyArray<{ topic: TopicId; text: string }> = [],
  ) {
    this.byId = new Map(entries.map((entry) => [entry.id, entry]));
    entries.forEach((entry, i) => {
      if (entry.id === `${entry.topic}-overview`) this.overviewIndex.set(entry.topic, i);
    });
    this.corrector = new SpellingCorrector(wellSpeltWords(entries));
    const documents = entries.map((entry) => this.documentOf(entry));
    // The cues count like titles: one clear out-of-scope word should weigh as much as a title word.
    const outOfScope = this.cueDocument(OUT_OF_SCOPE_CUES);
    documents.push(outOfScope);
    this.postings = buildPostings(documents, settings);

    this.topics = [...new Set(entries.map((entry) => entry.topic))];
    const exampleDocument = (topic: TopicId) => this.weightedTerms([], [], examples.filter((e) => e.topic === topic).map((e) => e.text).join('\n'), settings.exampleWeight);
    const topicDocuments = this.topics.map((topic) => mergeDocuments([...documents.filter((_, i) => entries[i]?.topic === topic), exampleDocument(topic)]));
    topicDocuments.push(mergeDocuments([outOfScope, exampleDocument('out-of-scope')]));
    this.topicPostings = buildPostings(topicDocuments, settings);
  }

  private readonly speller = (word: string) => this.corrector.correct(word);

  entry(id: string): KnowledgeEntry | undefined {
    return this.byId.get(id);
  }

  route(message: string): RoutingResult {
    const query = this.queryOf(message);
    const scores = accumulate(query, this.postings, this.entries.length + 1, this.settings.queryTermCap);
    const topicDocScores = accumulate(query, this.topicPostings, this.topics.length + 1, this.settings.queryTermCap);
    const { settings } = this;
    const topicDocScore = (topic: TopicId | 'out') => topicDocScores[topic === 'out' ? this.topics.length : this.topics.indexOf(topic)] ?? 0;

    // One pass: each topic's best two entry scores, and the best entries overall. No sorting of
    // every entry, so a large knowledge base costs one scan per message.
    const perTopic = new Map<TopicId | 'out', { first: number; second: number; best: number }>();
    const leading: number[] = [];
    for (let i = 0; i < scores.length; i += 1) {
      const score = scores[i];
      if (score <= 0) continue;
      const topic = i === this.entries.length ? 'out' : this.entries[i].topic;
      const best = perTopic.get(topic) ?? { first: 0, second: 0, best: -1 };
      if (score > best.first) Object.assign(best, { second: best.first, first: score, best: i });
      else if (score > best.second) best.second = score;
      perTopic.set(topic, best);
      if (i < this.entries.length) keepTop(leading, i, scores, CANDIDATES);
    }
    const ranked = [...perTopic.entries()]
      .map(([topic, t]) => ({ topic, best: t.best, score: t.first + settings.secondEntryShare * t.second + settings.topicDocumentWeight * topicDocScore(topic) }))
      .sort((a, b) => b.score - a.score);

    const candidates = this.candidatesFor(ranked, leading, scores);
    if (isOutsideEnglandAndWales(normaliseText(message))) {
      return { kind: 'fallback', topic: 'out-of-scope', confidence: 1, candidates };
    }
    const best = ranked[0];
    if (!best || best.topic === 'out') {
      return { kind: 'fallback', topic: best ? 'out-of-scope' : undefined, confidence: best ? this.confidenceOf(ranked) : 0, candidates };
    }
    const confidence = this.limitByEvidence(this.confidenceOf(ranked), query, best.topic);
    const target = this.targetIn(best.topic, best.best, scores);
    const kind = confidence >= ANSWER_AT ? 'faq' : confidence >= CLARIFY_AT ? 'clarify' : 'fallback';
    return { kind, topic: best.topic, target, confidence, candidates };
  }

  /** Each distinct term of the message with its weight (question sentences count more). */
  private queryOf(message: string): Map<string, number> {
    const query = new Map<string, number>();
    for (const { text, weight } of weightSentences(message)) {
      for (const term of termsOf(text, this.speller)) {
        query.set(term.term, (query.get(term.term) ?? 0) + term.weight * weight);
      }
    }
    return query;
  }

  /**
   * One word in common is not enough to answer: "blue giraffes on the moon" shares only "blue"
   * with one entry ("out of the blue"). With a single matching word the bot may at most ask "did
   * you mean…", and only if that word is most of what was said ("adoption?", "court").
   */
  private limitByEvidence(confidence: number, query: ReadonlyMap<string, number>, topic: TopicId): number {
    const topicIndex = this.topics.indexOf(topic);
    let matched = 0;
    let matchedWeight = 0;
    let totalWeight = 0;
    for (const [term, weight] of query) {
      if (term.includes('_')) continue;
      totalWeight += weight;
      if (this.topicPostings.occursIn(term, topicIndex)) {
        matched += 1;
        matchedWeight += weight;
      }
    }
    if (matched >= 2) return confidence;
    if (matched === 1 && matchedWeight >= totalWeight / 2) return Math.min(confidence, round(ANSWER_AT - 0.001));
    return Math.min(confidence, round(CLARIFY_AT - 0.001));
  }

  /**
   * The best entry of the chosen topic; but when the topic's overview scores almost as well, the
   * overview: a general question ("what is section 20") deserves the general answer, not the one
   * narrow entry that happened to share a word more.
   */
  private targetIn(topic: TopicId, best: number, scores: Float64Array): string | undefined {
    if (best < 0) return undefined;
    const overview = this.overviewIndex.get(topic);
    const pick = overview !== undefined && scores[overview] >= OVERVIEW_PREFERENCE * scores[best] ? overview : best;
    return this.entries[pick].id;
  }


  private confidenceOf(ranked: ReadonlyArray<{ score: number }>): number {
    const [first, second] = [ranked[0]?.score ?? 0, ranked[1]?.score ?? 0];
    if (first <= 0) return 0;
    const strength = 1 - Math.exp(-first / this.settings.strengthScale);
    const separation = (first - second) / first;
    return round(strength * (0.35 + 0.65 * separation));
  }

  /**
   * The best entry of each leading topic first, then the next best entries. "Did you mean" is asked
   * when topics are close, so its three choices should be three different topics, not three
   * variations on one.
   */
  private candidatesFor(ranked: ReadonlyArray<{ topic: TopicId | 'out'; best: number }>, leading: readonly number[], scores: Float64Array): RoutingCandidate[] {
    const leaders = ranked.filter((r) => r.topic !== 'out').slice(0, 3).map((r) => r.best);
    return [...new Set([...leaders, ...leading])].slice(0, CANDIDATES).map((i) => ({
      id: this.entries[i].id,
      topic: this.entries[i].topic,
      score: round(1 - Math.exp(-scores[i] / this.settings.strengthScale)),
    }));
  }


  private documentOf(entry: KnowledgeEntry): Map<string, number> {
    return this.weightedTerms([entry.title], entry.phrasings, entry.answer);
  }

  /** Single-word cues count fully; a phrase counts fully as its word pairs and only in part through its single words. */
  private cueDocument(cues: readonly string[]): Map<string, number> {
    const tf = new Map<string, number>();
    for (const cue of cues) {
      const terms = termsOf(cue, this.speller);
      const phrase = terms.some((term) => term.term.includes('_'));
      for (const term of terms) {
        const share = phrase && !term.term.includes('_') ? this.settings.cuePhraseWordShare : 1;
        if (share > 0) tf.set(term.term, (tf.get(term.term) ?? 0) + share * this.settings.titleWeight);
      }
    }
    return tf;
  }

  private weightedTerms(titles: readonly string[], phrasings: readonly string[], answer: string, answerWeight = this.settings.answerWeight): Map<string, number> {
    const tf = new Map<string, number>();
    const add = (text: string, weight: number) => {
      for (const term of termsOf(text, this.speller)) tf.set(term.term, (tf.get(term.term) ?? 0) + weight * term.weight);
    };
    for (const title of titles) add(title, this.settings.titleWeight);
    for (const phrasing of phrasings) add(phrasing, this.settings.phrasingWeight);
    add(answer, answerWeight);
    return tf;
  }


}

/** Words from text written with care (titles, answers, the abbreviation table, the cues), with counts. */
function wellSpeltWords(entries: readonly KnowledgeEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string) => {
    for (const word of typedWords(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  };
  for (const entry of entries) {
    add(entry.title);
    add(entry.answer);
  }
  for (const [from, to] of PHRASE_REWRITES) {
    add(from);
    add(to);
  }
  OUT_OF_SCOPE_CUES.forEach(add);
  return counts;
}

/** Keeps `top` as the indices of the `size` highest scores seen so far, best first. */
function keepTop(top: number[], index: number, scores: Float64Array, size: number): void {
  if (top.length === size && scores[index] <= scores[top[size - 1]]) return;
  let at = top.length;
  while (at > 0 && scores[top[at - 1]] < scores[index]) at -= 1;
  top.splice(at, 0, index);
  if (top.length > size) top.pop();
}

function accumulate(query: ReadonlyMap<string, number>, postings: PostingTable, size: number, cap: number): Float64Array {
  const scores = new Float64Array(size);
  for (const [term, weight] of query) postings.addTo(scores, term, Math.min(weight, cap));
  return scores;
}

function mergeDocuments(documents: ReadonlyArray<Map<string, number>>): Map<string, number> {
  const merged = new Map<string, number>();
  for (const doc of documents) for (const [term, tf] of doc) merged.set(term, (merged.get(term) ?? 0) + tf);
  return merged;
}

/** BM25 weight of every term in every document. The last document is the out-of-scope cue list. */
function buildPostings(documents: ReadonlyArray<Map<string, number>>, settings: MatcherSettings): PostingTable {
  const postings = new Map<string, Posting[]>();
  const { k1, b } = settings;
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
      const list = postings.get(term) ?? [];
      list.push({ entry: index, weight });
      postings.set(term, list);
    }
  });
  return new PostingTable(postings);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
