import { TurnContext } from 'botbuilder';
import { AnalyticsEventData } from '../analytics/analyticsEvent';
import { describeNextOpening } from '../handoff/describeOpening';
import { KnowledgeIndex } from '../knowledge/knowledgeIndex';
import { saysTheyAreSafe } from '../safety/saysTheyAreSafe';
import { SAFETY_FOLLOW_UP } from '../safety/signposts';
import { asideClarifyReplies, asideReplies } from './answerReplies';
import { channelHasQuickExit } from './channelFeatures';
import { detectFeelingOrOpenRequest, FeelingOrOpenRequest } from './feelingsAndOpenRequests';
import { looksLikeQuestion } from './looksLikeQuestion';
import { MENU_TITLES, PERSON_FIRST } from './menuButtons';
import { MESSAGES } from './messages';
import { sendLines, sendLinesWithButtons, sendReplies } from './sendReplies';
import { detectServiceQuestion, ServiceQuestion } from './serviceQuestions';

export interface SideAnswerServices {
  readonly now: () => Date;
  /** When the advice line next opens; null while it is open. */
  readonly nextOpening: (at: Date) => Date | null;
  readonly track: (context: TurnContext, data: AnalyticsEventData) => void;
  /** Whether danger has been mentioned in this conversation. */
  readonly dangerMentioned?: (context: TurnContext) => Promise<boolean>;
  /** The entry whose title a tapped button sent, if any. */
  readonly entryForButton: (text: string) => string | undefined;
}

/**
 * What the bot says to messages that are not a question for the knowledge base: questions about
 * the service, how the person feels, and anything said in the middle of a guided conversation that
 * does not answer its question.
 */
export class SideAnswers {
  constructor(
    private readonly knowledge: KnowledgeIndex,
    private readonly services: SideAnswerServices,
  ) {}

  /**
   * "Are you open?", "Is this confidential?", "Am I talking to a robot?", "We live in Wales".
   * `withMenu`: end with the topic buttons (not inside a guided conversation, whose question comes next).
   */
  async answerServiceQuestion(context: TurnContext, question: ServiceQuestion, withMenu: boolean): Promise<void> {
    const lines = this.serviceAnswer(context, question);
    if (!withMenu) return sendLines(context, lines);
    await sendLinesWithButtons(context, lines, question === 'isItABot' || question === 'openingHours' ? PERSON_FIRST : MENU_TITLES);
  }

  /** "I'm so scared" gets kindness and a person first; "please help me" is asked what is happening. */
  async answerFeeling(context: TurnContext, feeling: FeelingOrOpenRequest): Promise<void> {
    if (feeling === 'distress') await sendLinesWithButtons(context, MESSAGES.distress, PERSON_FIRST);
    else await sendLinesWithButtons(context, MESSAGES.openRequest, MENU_TITLES);
  }

  /**
   * A reply in a guided conversation that answers none of its choices but says or asks something
   * else: answered (or "did you mean…") without leaving the questions. False when there is nothing
   * better to say than asking the question again.
   */
  async answerInQuestions(context: TurnContext, text: string, currentTopic: string): Promise<boolean> {
    // "yes I'm safe now", after the urgent numbers interrupted the questions.
    if (saysTheyAreSafe(text) && (await this.services.dangerMentioned?.(context))) {
      await context.sendActivity(SAFETY_FOLLOW_UP.safeInDialog);
      return true;
    }
    const serviceQuestion = detectServiceQuestion(text);
    if (serviceQuestion) {
      await this.answerServiceQuestion(context, serviceQuestion, false);
      return true;
    }
    if (detectFeelingOrOpenRequest(text) === 'distress') {
      await context.sendActivity(MESSAGES.distressInQuestions);
      return true;
    }
    return this.answerFromKnowledge(context, text, currentTopic);
  }

  private async answerFromKnowledge(context: TurnContext, text: string, currentTopic: string): Promise<boolean> {
    const tapped = this.services.entryForButton(text);
    const result = tapped ? undefined : this.knowledge.route(text);
    const entryId = tapped ?? (result?.kind === 'faq' ? result.target : undefined);
    if (entryId) {
      const replies = asideReplies(entryId, this.knowledge, currentTopic);
      if (replies.length === 0) return false;
      this.services.track(context, { type: 'answerGiven', entryId, topic: this.knowledge.entry(entryId)?.topic ?? '', confidence: result?.confidence ?? 1 });
      await sendReplies(context, replies);
      return true;
    }
    if (result?.kind !== 'clarify' || !looksLikeQuestion(text)) return false;
    const replies = asideClarifyReplies(result, this.knowledge);
    if (replies.length === 0) return false;
    this.services.track(context, { type: 'clarifyShown', text, candidates: result.candidates.map((c) => c.id), topic: result.topic ?? null, confidence: result.confidence });
    await sendReplies(context, replies);
    return true;
  }

  private serviceAnswer(context: TurnContext, question: ServiceQuestion): string[] {
    switch (question) {
      case 'openingHours': {
        const now = this.services.now();
        const opening = this.services.nextOpening(now);
        return [opening ? MESSAGES.hoursClosed(describeNextOpening(opening, now)) : MESSAGES.hoursOpen];
      }
      case 'privacy':
        return MESSAGES.privacy(channelHasQuickExit(context.activity.channelId));
      case 'isItABot':
        return [MESSAGES.isItABot];
      case 'wales':
        return [MESSAGES.wales];
    }
  }
}
