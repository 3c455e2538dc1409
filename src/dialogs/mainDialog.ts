import { ConversationState, MessageFactory, StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogContext,
  DialogSet,
  DialogState,
  DialogTurnResult,
  DialogTurnStatus,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { KnowledgeIndex } from '../knowledge/knowledgeIndex';
import { CrisisCategory } from '../safety/crisisCategory';
import type { CrisisAssessment } from '../safety/crisisDetector';
import { isBareFarewell } from '../safety/farewell';
import { AnalyticsEventData } from '../analytics/analyticsEvent';
import { answerReplies, FEEDBACK_REPLIES, fallbackReplies, offeredEntries, repliesFor, SOMETHING_ELSE, situationForButton } from './answerReplies';
import { detectConversationalIntent } from './conversationalIntent';
import { detectServiceQuestion } from './serviceQuestions';
import { detectFeelingOrOpenRequest } from './feelingsAndOpenRequests';
import { MENU_TITLES, PERSON_FIRST, TALK_TO_PERSON } from './menuButtons';
import { sendLinesWithButtons, sendReplies } from './sendReplies';
import { SideAnswers } from './sideAnswers';
import { readFeedback } from './feedbackAnswer';
import { MESSAGES } from './messages';
import { routeMessage } from './routeMessage';
import { Answers } from './situations/situationScript';
import { SituationDialog, SituationOptions } from './situations/situationDialog';
import { SITUATION_SCRIPTS } from './situations/situationScripts';
import { CALLBACK_DIALOG_ID, CallbackDialog } from './handoff/callbackDialog';
import { HandoffServices } from './handoff/handoffServices';
import { HANDOFF_BUTTONS } from './handoff/handoffWording';
import { TALK_TO_PERSON_DIALOG_ID, TalkToPersonDialog } from './handoff/talkToPersonDialog';

export const MAIN_DIALOG_ID = 'mainDialog';
const ROUTE_WATERFALL_ID = 'routeWaterfall';

const HANDOFF_DIALOGS = new Set([TALK_TO_PERSON_DIALOG_ID, CALLBACK_DIALOG_ID]);

/** What MainDialog remembers between turns, in conversation state. */
export interface MainDialogMemory {
  /** Fallbacks in a row; the second changes tone and offers a person first. */
  readonly misunderstandings: StatePropertyAccessor<number>;
  /** The entry just answered, while "Was this helpful?" is open. */
  readonly awaitingFeedback: StatePropertyAccessor<string | undefined>;
  /** The entries offered by "Did you mean…", for one turn: "yeah" picks the first, "no" means none. */
  readonly offeredChoices: StatePropertyAccessor<string[] | undefined>;
  /** The last guided conversation answered, finished or not, for an adviser to see on hand-off. */
  readonly lastSituation: StatePropertyAccessor<CompletedSituation | undefined>;
  /** The topic of the last answer given, for an adviser to see on hand-off. */
  readonly lastTopic: StatePropertyAccessor<string | undefined>;
}

export interface CompletedSituation {
  readonly topic: string;
  readonly answers: Answers;
  /** null while the guided conversation is still going (or was left part-way). */
  readonly completedAt: string | null;
}

/** What MainDialog needs from the rest of the bot. */
export interface MainDialogServices {
  readonly now: () => Date;
  /** Shows the urgent numbers (the safety gate), for dangers found inside a guided conversation. */
  readonly signpost: (context: TurnContext, categories: readonly CrisisCategory[]) => Promise<void>;
  readonly handoff: HandoffServices;
  /** Records an analytics event for this conversation (text is redacted by the store). */
  readonly track: (context: TurnContext, data: AnalyticsEventData) => void;
  /** "Start over" promises nothing said before is used: forget what an adviser would be shown. */
  readonly forgetForAdviser: (context: TurnContext) => Promise<void>;
  /** Whether danger has been mentioned in this conversation (the urgent numbers were shown). */
  readonly dangerMentioned?: (context: TurnContext) => Promise<boolean>;
  /** assessCrisis(text), answered from the safety gate's check of the same message this turn (default: assessed again). */
  readonly assessCrisis?: (context: TurnContext, text: string) => CrisisAssessment;
}

/** MainDialog's memory, as properties of conversation state (one place, so the bot and tests agree). */
export function createMainDialogMemory(conversationState: ConversationState): MainDialogMemory {
  return {
    misunderstandings: conversationState.createProperty<number>('misunderstandings'),
    awaitingFeedback: conversationState.createProperty<string | undefined>('awaitingFeedback'),
    offeredChoices: conversationState.createProperty<string[] | undefined>('offeredChoices'),
    lastSituation: conversationState.createProperty<CompletedSituation | undefined>('lastSituation'),
    lastTopic: conversationState.createProperty<string | undefined>('lastTopic'),
  };
}

/**
 * The router. Interruptions (start over, help, talk to a person) are handled before any active
 * situation dialog sees the message; everything else is routed once per turn: feedback on the last
 * answer, a tapped button, small talk, then the knowledge base.
 */
export class MainDialog extends ComponentDialog {
  /** Entry ids by lower-case title (the first entry with a title wins), for tapped buttons. */
  private readonly entryByTitle = new Map<string, string>();
  private readonly sideAnswers: SideAnswers;

  constructor(
    private readonly memory: MainDialogMemory,
    private readonly knowledge: KnowledgeIndex,
    private readonly services: MainDialogServices,
  ) {
    super(MAIN_DIALOG_ID);
    this.sideAnswers = new SideAnswers(knowledge, {
      now: services.now,
      nextOpening: (at) => services.handoff.nextOpening(at),
      track: services.track,
      dangerMentioned: services.dangerMentioned,
      entryForButton: (text) => this.entryForButton(text),
    });
    this.addDialog(new WaterfallDialog(ROUTE_WATERFALL_ID, [this.routeMessageStep.bind(this)]));
    for (const script of SITUATION_SCRIPTS) {
      this.addDialog(
        new SituationDialog(script, {
          knowledge,
          now: services.now,
          track: services.track,
          onDanger: (context, category) => services.signpost(context, [category]),
          onAnswers: (context, topic, answers, finished) =>
            memory.lastSituation.set(context, { topic, answers: { ...answers }, completedAt: finished ? services.now().toISOString() : null }),
          answerAside: (context, text, topic) => this.sideAnswers.answerInQuestions(context, text, topic),
        }),
      );
    }
    this.addDialog(new TalkToPersonDialog(services.handoff));
    this.addDialog(new CallbackDialog(services.handoff));
    this.initialDialogId = ROUTE_WATERFALL_ID;
    for (const entry of knowledge.entries) {
      const title = entry.title.toLowerCase();
      if (!this.entryByTitle.has(title)) this.entryByTitle.set(title, entry.id);
    }
  }

  /** Whether a guided conversation is waiting for an answer (the safety gate resumes it). */
  async hasActiveSituation(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<boolean> {
    const state = await dialogState.get(context);
    return (state?.dialogStack?.length ?? 0) > 0;
  }

  /** Asks the current question of the active guided conversation again. */
  async repromptSituation(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogContext = await this.createDialogContext(context, dialogState);
    if (dialogContext.activeDialog) await dialogContext.repromptDialog();
  }

  private async createDialogContext(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<DialogContext> {
    const dialogSet = new DialogSet(dialogState);
    dialogSet.add(this);
    return dialogSet.createContext(context);
  }

  /** Runs one turn: continue whatever is active, otherwise start routing this message. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogContext = await this.createDialogContext(context, dialogState);
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      await dialogContext.beginDialog(this.id);
    }
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.handleInterruption(innerDc);
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    const interrupted = await this.handleInterruption(innerDc);
    return interrupted ?? super.onBeginDialog(innerDc, options);
  }

  private async handleInterruption(dc: DialogContext): Promise<DialogTurnResult | undefined> {
    const text = dc.context.activity.text ?? '';
    const inSituation = dc.activeDialog !== undefined;
    switch (detectConversationalIntent(text)) {
      case 'startOver':
        await this.memory.awaitingFeedback.set(dc.context, undefined);
        await this.memory.lastSituation.set(dc.context, undefined);
        await this.memory.lastTopic.set(dc.context, undefined);
        await this.services.forgetForAdviser(dc.context);
        await this.memory.misunderstandings.set(dc.context, 0);
        await dc.context.sendActivity(MessageFactory.suggestedActions(MENU_TITLES, MESSAGES.startOver));
        return dc.cancelAllDialogs();
      case 'help':
      case 'back':
        // Inside a guided conversation these are about the current question: SituationDialog answers them.
        if (inSituation) return undefined;
        await sendMenu(dc.context);
        return { status: DialogTurnStatus.complete };
      case 'talkToPerson':
        // Already on the way to a person: the question being asked answers this.
        if (dc.activeDialog && HANDOFF_DIALOGS.has(dc.activeDialog.id)) return undefined;
        await this.memory.awaitingFeedback.set(dc.context, undefined);
        // On top of a guided conversation, which carries on at the same question afterwards.
        return dc.beginDialog(TALK_TO_PERSON_DIALOG_ID);
      case 'goodbye':
        // "bye" part-way through questions is a goodbye, not "Sorry, I didn't quite get that". Not
        // "no thanks": that answers some of the questions.
        if (!dc.activeDialog || !isBareFarewell(text)) return undefined;
        await dc.context.sendActivity(MESSAGES.goodbye);
        return dc.cancelAllDialogs();
      default:
        return this.switchSituation(dc, text);
    }
  }

  /**
   * A tapped topic or "Guide me" button in the middle of a guided conversation (or of the questions
   * about talking to a person): that guided conversation starts in its place, and one that was left
   * is recorded as left; the current conversation's own button asks the current question again.
   */
  private async switchSituation(dc: DialogContext, text: string): Promise<DialogTurnResult | undefined> {
    const active = dc.activeDialog?.id;
    const situation = situationForButton(text);
    if (!active || !situation) return undefined;
    if (situation === active) {
      await dc.context.sendActivity(MESSAGES.alreadyOnThoseQuestions);
      await dc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    await dc.cancelAllDialogs();
    return dc.beginDialog(ROUTE_WATERFALL_ID);
  }

  private async routeMessageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const text = (context.activity.text ?? '').trim();

    const answeredEntry = await this.memory.awaitingFeedback.get(context);
    await this.memory.awaitingFeedback.set(context, undefined);
    if (answeredEntry) {
      // "ok bye" is a goodbye, not a verdict on the answer.
      const feedback = detectConversationalIntent(text) === 'goodbye' ? undefined : readFeedback(text);
      if (feedback) this.services.track(context, { type: 'feedback', about: 'answer', helpful: feedback === 'helpful', entryId: answeredEntry });
      if (feedback === 'helpful') {
        await context.sendActivity(MessageFactory.suggestedActions(MENU_TITLES, FEEDBACK_REPLIES.thanks));
        return step.endDialog();
      }
      if (feedback === 'notHelpful') {
        await context.sendActivity(MessageFactory.suggestedActions([TALK_TO_PERSON], FEEDBACK_REPLIES.whatWasMissing));
        return step.endDialog();
      }
    }

    const offered = await this.memory.offeredChoices.get(context);
    await this.memory.offeredChoices.set(context, undefined);
    if (offered && offered.length > 0) {
      const reply = readFeedback(text);
      if (reply === 'helpful') {
        await this.answer(context, offered[0]);
        return step.endDialog();
      }
      if (reply === 'notHelpful') {
        await context.sendActivity(MessageFactory.suggestedActions(MENU_TITLES, FEEDBACK_REPLIES.somethingElse));
        return step.endDialog();
      }
    }

    if (text.toLowerCase() === HANDOFF_BUTTONS.requestCallback.toLowerCase()) {
      return step.beginDialog(CALLBACK_DIALOG_ID, { topic: (await this.memory.lastTopic.get(context)) ?? null });
    }

    const situation = situationForButton(text);
    if (situation) return this.startSituation(step, situation, '');

    const entryId = this.entryForButton(text);
    if (entryId) {
      await this.answer(context, entryId);
      return step.endDialog();
    }
    if (text.toLowerCase() === SOMETHING_ELSE.toLowerCase()) {
      await context.sendActivity(MessageFactory.suggestedActions(MENU_TITLES, FEEDBACK_REPLIES.somethingElse));
      return step.endDialog();
    }

    const intent = detectConversationalIntent(text);
    if (intent === 'greeting' || intent === 'thanks' || intent === 'goodbye') {
      await this.memory.misunderstandings.set(context, 0);
      const reply = intent === 'greeting' ? MESSAGES.greeting : intent === 'thanks' ? MESSAGES.thanks : MESSAGES.goodbye;
      await context.sendActivity(intent === 'goodbye' ? MessageFactory.text(reply) : MessageFactory.suggestedActions(MENU_TITLES, reply));
      return step.endDialog();
    }

    const serviceQuestion = detectServiceQuestion(text);
    const feeling = serviceQuestion ? undefined : detectFeelingOrOpenRequest(text);
    if (serviceQuestion || feeling) {
      await this.memory.misunderstandings.set(context, 0);
      if (serviceQuestion) await this.sideAnswers.answerServiceQuestion(context, serviceQuestion, true);
      if (feeling) await this.sideAnswers.answerFeeling(context, feeling);
      return step.endDialog();
    }

    const result = routeMessage(text, this.knowledge, this.services.assessCrisis?.(context, text));
    if (result.kind === 'crisis') {
      await this.services.signpost(context, result.categories ?? []);
    } else if (result.kind === 'dialog' && result.target) {
      return this.startSituation(step, result.target, text);
    } else if (result.kind === 'faq' && result.target) {
      await this.answer(context, result.target, result.confidence);
    } else if (result.kind === 'clarify') {
      this.services.track(context, { type: 'clarifyShown', text, candidates: result.candidates.map((c) => c.id), topic: result.topic ?? null, confidence: result.confidence });
      await this.memory.misunderstandings.set(context, 0);
      await this.memory.offeredChoices.set(context, offeredEntries(result, this.knowledge));
      await sendReplies(context, repliesFor(result, this.knowledge));
    } else {
      this.services.track(context, { type: 'fallback', text, outOfScope: result.topic === 'out-of-scope', confidence: result.confidence });
      await this.sendFallback(context, result.topic === 'out-of-scope');
    }
    return step.endDialog();
  }

  private async startSituation(step: WaterfallStepContext, topic: string, triggerText: string): Promise<DialogTurnResult> {
    await this.memory.misunderstandings.set(step.context, 0);
    await this.memory.lastTopic.set(step.context, topic);
    return step.beginDialog(topic, { triggerText } satisfies SituationOptions);
  }

  /** A tapped button sends its title: a related question or a "did you mean" choice. */
  private entryForButton(text: string): string | undefined {
    return this.entryByTitle.get(text.toLowerCase());
  }

  /** Answers an entry; `confidence` is 1 when the person tapped it. */
  private async answer(context: TurnContext, entryId: string, confidence = 1): Promise<void> {
    const topic = this.knowledge.entry(entryId)?.topic;
    this.services.track(context, { type: 'answerGiven', entryId, topic: topic ?? '', confidence });
    await this.memory.misunderstandings.set(context, 0);
    await this.memory.lastTopic.set(context, topic);
    await this.memory.awaitingFeedback.set(context, entryId);
    await sendReplies(context, answerReplies(entryId, this.knowledge));
  }

  /** A second miss in a row changes tone: the person is struggling, so a person is offered first. */
  private async sendFallback(context: TurnContext, outOfScope: boolean): Promise<void> {
    const misses = (await this.memory.misunderstandings.get(context, 0)) + 1;
    await this.memory.misunderstandings.set(context, misses);
    if (misses < 2) {
      await sendReplies(context, fallbackReplies(outOfScope));
      return;
    }
    await sendLinesWithButtons(context, MESSAGES.fallbackAgain, PERSON_FIRST);
  }
}

async function sendMenu(context: TurnContext): Promise<void> {
  await context.sendActivity(MessageFactory.suggestedActions(MENU_TITLES, MESSAGES.menuPrompt));
}
