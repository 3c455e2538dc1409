import { CrisisCategory } from '../safety/crisisCategory';
import { TopicId } from './taxonomy';

export interface RoutingCandidate {
  readonly id: string;
  readonly topic: TopicId;
  /** 0..1, comparable between messages: how strongly this entry matched. */
  readonly score: number;
}

/** The one routing shape (DESIGN.md) used by the bot, the `ask` CLI, analytics and evaluation. */
export interface RoutingResult {
  readonly kind: 'crisis' | 'dialog' | 'faq' | 'clarify' | 'fallback';
  readonly topic?: TopicId;
  /** For crisis: the most urgent kind of danger, then every kind found. */
  readonly category?: CrisisCategory;
  readonly categories?: readonly CrisisCategory[];
  /** Entry id for faq, dialog topic for dialog. */
  readonly target?: string;
  /** 0..1; see the thresholds in knowledgeIndex.ts and the calibration table from `npm run eval`. */
  readonly confidence: number;
  readonly candidates: readonly RoutingCandidate[];
}
