import { TopicId } from './taxonomy';

/** One question and its answer, as loaded from `entries/<topic>/<id>.md`. */
export interface KnowledgeEntry {
  readonly id: string;
  readonly topic: TopicId;
  /** The question as a parent would ask it. */
  readonly title: string;
  /** Other ways parents say it; the matcher learns from these. */
  readonly phrasings: readonly string[];
  readonly links: readonly string[];
  readonly related: readonly string[];
  readonly offerDialog?: TopicId;
  /** The answer (Markdown). */
  readonly answer: string;
  /** Where it came from, for messages about it. */
  readonly file: string;
}
