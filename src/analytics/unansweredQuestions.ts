import { termsOf } from '../knowledge/analyseText';
import { StoredEvent } from './eventStore';

export interface UnansweredGroup {
  /** The shortest message in the group, as a readable label (already redacted). */
  readonly label: string;
  readonly count: number;
  /** Up to five messages of the group (already redacted), newest first. */
  readonly examples: readonly string[];
  /** Entries the bot thought of ("did you mean" choices), most often first: where a new phrasing may belong. */
  readonly suggestedEntries: readonly string[];
}

/** How alike two messages' words must be (Jaccard over stems) to count as the same question. */
const SAME_QUESTION = 0.35;

/**
 * Messages the bot could not answer outright (fallbacks and "did you mean"), grouped by similar
 * words so staff see the questions people keep asking, biggest groups first. Redaction happened
 * when the events were stored; nothing here sees raw text.
 */
export function groupUnanswered(events: readonly StoredEvent[]): UnansweredGroup[] {
  const groups: Array<{ stems: Set<string>; texts: string[]; candidates: Map<string, number> }> = [];
  for (const event of [...events].reverse()) {
    const data = event.data;
    if (data.type !== 'fallback' && data.type !== 'clarifyShown') continue;
    if (data.type === 'fallback' && data.outOfScope) continue;
    const text = data.text.trim();
    if (text === '') continue;
    const stems = new Set(termsOf(text).map((t) => t.term).filter((t) => !t.includes('_')));
    if (stems.size === 0) continue;
    let best: (typeof groups)[number] | undefined;
    let bestScore = 0;
    for (const group of groups) {
      const score = jaccard(stems, group.stems);
      if (score > bestScore) [best, bestScore] = [group, score];
    }
    const group = best && bestScore >= SAME_QUESTION ? best : { stems, texts: [], candidates: new Map<string, number>() };
    if (group !== best) groups.push(group);
    group.texts.push(text);
    if (data.type === 'clarifyShown') for (const id of data.candidates.slice(0, 3)) group.candidates.set(id, (group.candidates.get(id) ?? 0) + 1);
  }
  return groups
    .map((group) => ({
      label: [...group.texts].sort((a, b) => a.length - b.length)[0],
      count: group.texts.length,
      examples: [...new Set(group.texts)].slice(0, 5),
      suggestedEntries: [...group.candidates.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id).slice(0, 3),
    }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}
