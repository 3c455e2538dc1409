import { Activity, ActivityTypes, ConversationState, MessageFactory, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { readFeedback } from '../dialogs/feedbackAnswer';
import { CRISIS_CATEGORIES, CrisisCategory } from '../safety/crisisCategory';
import { assessCrisis, CrisisAssessment } from '../safety/crisisDetector';
import { isBareFarewell } from '../safety/farewell';
import { crisisSignposts, SAFE_TO_CHAT, SAFE_TO_CHAT_QUESTION, SAFETY_FOLLOW_UP, URGENT_HELP_BUTTON } from '../safety/signposts';
import { channelHasQuickExit } from '../dialogs/channelFeatures';
import { Track } from './analyticsTracker';
import { MENU_TITLES, TALK_TO_PERSON } from '../dialogs/menuButtons';


/** What the safety check remembers, in conversation state. */
export interface SafetyMemory {
  /** Every kind of danger mentioned in this conversation; never cleared by "I'm fine". */
  readonly dangers: StatePropertyAccessor<CrisisCategory[]>;
  /** "Are you somewhere safe to keep chatting?" was asked and not yet answered. */
  readonly askedIfSafe: StatePropertyAccessor<boolean>;
}

export function createSafetyMemory(conversationState: ConversationState): SafetyMemory {
  return {
    dangers: conversationState.createProperty<CrisisCategory[]>('dangersMentioned'),
    askedIfSafe: conversationState.createProperty<boolean>('askedIfSafe'),
  };
}

/** The guided conversation a safety message interrupted, if any. */
export interface InterruptedDialog {
  isActive(): Promise<boolean>;
  /** Asks its current question again. */
  reprompt(): Promise<void>;
}

/** This turn's crisis assessments, by exact text (turn state, so nothing outlives the turn). */
const ASSESSED = Symbol('crisisAssessments');

const URGENT_HELP_WORDS = /^(urgent help( numbers?)?|emergency( numbers?)?|help numbers?|urgent numbers?|crisis numbers?|999)$/;

/**
 * Runs first on every message (DESIGN.md turn order). A message describing danger gets 999 and the
 * right 24-hour line at once, wherever the person is in the conversation; afterwards a guided
 * conversation carries on, or the person is asked gently whether it is safe to keep chatting. Once
 * danger has been mentioned, an "Urgent help numbers" button stays on every reply.
 */
export class SafetyGate {
  constructor(
    private readonly memory: SafetyMemory,
    private readonly track: Track = () => undefined,
  ) {}

  /** True when this message was about safety and nothing else should answer it. */
  async check(context: TurnContext, text: string, dialog: InterruptedDialog): Promise<boolean> {
    const normalised = text.trim().toLowerCase();
    if (await this.checkForDanger(context, text, dialog)) return true;
    // "bye" from someone who has told us about danger may be a last word: the numbers again, and a gentle check.
    if (isBareFarewell(text) && (await this.dangerMentioned(context))) {
      await this.signpost(context, await this.memory.dangers.get(context, []));
      await this.carryOn(context, dialog);
      return true;
    }
    if (normalised === URGENT_HELP_BUTTON.toLowerCase() || URGENT_HELP_WORDS.test(normalised)) {
      await this.signpost(context, await this.memory.dangers.get(context, []));
      await this.carryOn(context, dialog);
      return true;
    }
    if (await this.memory.askedIfSafe.get(context, false)) {
      await this.memory.askedIfSafe.set(context, false);
      return this.answerSafeToChat(context, normalised);
    }
    return false;
  }

  /** Signposts when the text describes danger; true when it did. */
  async checkForDanger(context: TurnContext, text: string, dialog: InterruptedDialog): Promise<boolean> {
    const assessment = this.assess(context, text);
    if (!assessment.crisis) return false;
    await this.signpost(context, assessment.categories);
    await this.carryOn(context, dialog);
    return true;
  }

  /**
   * What assessCrisis says about this text, worked out once per turn: routing asks again about the
   * same message, and the assessment (hundreds of patterns per sentence) is the costliest step of a turn.
   */
  assess(context: TurnContext, text: string): CrisisAssessment {
    let assessed = context.turnState.get(ASSESSED) as Map<string, CrisisAssessment> | undefined;
    if (!assessed) {
      assessed = new Map();
      context.turnState.set(ASSESSED, assessed);
    }
    let assessment = assessed.get(text);
    if (!assessment) {
      assessment = assessCrisis(text);
      assessed.set(text, assessment);
    }
    return assessment;
  }

  /** Shows the urgent numbers for these dangers and remembers them for the rest of the conversation. */
  async signpost(context: TurnContext, categories: readonly CrisisCategory[]): Promise<void> {
    const known = await this.memory.dangers.get(context, []);
    const all = CRISIS_CATEGORIES.filter((c) => known.includes(c) || categories.includes(c));
    await this.memory.dangers.set(context, all);
    const shown = categories.length > 0 ? categories : all;
    this.track(context, { type: 'crisisSignposted', categories: [...shown] });
    const lines = crisisSignposts(shown, { hasQuickExit: channelHasQuickExit(context.activity.channelId) });
    await context.sendActivities(lines.map((line) => MessageFactory.text(line)));
  }

  /** Whether danger has been mentioned in this conversation, so the urgent numbers were shown. */
  async dangerMentioned(context: TurnContext): Promise<boolean> {
    return (await this.memory.dangers.get(context, [])).length > 0;
  }

  /** Adds the urgent-help button to the last message of every reply once danger has been mentioned. */
  async keepUrgentHelpInReach(context: TurnContext, activities: Partial<Activity>[]): Promise<void> {
    if (!(await this.dangerMentioned(context))) return;
    const last = [...activities].reverse().find((a) => a.type === ActivityTypes.Message);
    if (!last) return;
    const actions = last.suggestedActions?.actions ?? [];
    if (actions.some((action) => action.title === URGENT_HELP_BUTTON)) return;
    last.suggestedActions = {
      to: last.suggestedActions?.to ?? [],
      actions: [...actions, { type: 'imBack', title: URGENT_HELP_BUTTON, value: URGENT_HELP_BUTTON }],
    };
  }

  private async carryOn(context: TurnContext, dialog: InterruptedDialog): Promise<void> {
    if (await dialog.isActive()) {
      await context.sendActivity(SAFETY_FOLLOW_UP.resumeDialog);
      await dialog.reprompt();
      return;
    }
    await this.memory.askedIfSafe.set(context, true);
    await context.sendActivity(MessageFactory.suggestedActions([SAFE_TO_CHAT, TALK_TO_PERSON], SAFE_TO_CHAT_QUESTION));
  }

  /** "I'm fine" is taken at its word, but the numbers stay; anything else is routed as usual. */
  private async answerSafeToChat(context: TurnContext, reply: string): Promise<boolean> {
    const safe = reply === SAFE_TO_CHAT.toLowerCase() || /^(i'?m |im |i am )?(safe|fine|ok|okay|alright|all right|good)\b/.test(reply);
    const feedback = safe ? 'helpful' : readFeedback(reply);
    if (feedback === 'helpful') {
      await context.sendActivity(MessageFactory.suggestedActions(MENU_TITLES, SAFETY_FOLLOW_UP.safe));
      return true;
    }
    if (feedback === 'notHelpful' || /^(not safe|i'?m not safe|im not safe|no i'?m not)\b/.test(reply)) {
      await context.sendActivity(MessageFactory.suggestedActions([TALK_TO_PERSON], SAFETY_FOLLOW_UP.notSafe));
      return true;
    }
    return false;
  }
}
