import { KnowledgeIndex } from '../knowledge/knowledgeIndex';
import { RoutingResult } from '../knowledge/routingResult';
import { describesOwnSituation } from '../knowledge/situationCues';
import { DIALOG_TOPICS } from '../knowledge/taxonomy';
import { assessCrisis, CrisisAssessment } from '../safety/crisisDetector';

/**
 * The whole routing decision for one message, in turn order: danger first, then a situation the
 * person is in (a guided conversation), then the knowledge base. Plain data, shared by the bot,
 * `npm run ask` and (later) analytics. `safety`: assessCrisis(text), when the caller already has it
 * (the bot's safety gate assessed the same message earlier in the turn).
 */
export function routeMessage(text: string, index: KnowledgeIndex, safety: CrisisAssessment = assessCrisis(text)): RoutingResult {
  if (safety.crisis) {
    return { kind: 'crisis', category: safety.categories[0], categories: safety.categories, confidence: 1, candidates: [] };
  }
  const result = index.route(text);
  const situation = result.topic !== undefined && DIALOG_TOPICS.includes(result.topic);
  if (situation && (result.kind === 'faq' || result.kind === 'clarify') && describesOwnSituation(text)) {
    return { ...result, kind: 'dialog', target: result.topic };
  }
  return result;
}
