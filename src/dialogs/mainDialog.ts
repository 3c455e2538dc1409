import { ActionTypes, Activity, CardFactory, ConversationState, MessageFactory, StatePropertyAccessor, TurnContext } from 'botbuilder';
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
import { answerReplies, FEEDBACK_REPLIES, fallbackReplies, offeredEntries, Reply, repliesFor, SOMETHING_ELSE } from './answerReplies';
import { detectConversationalIntent } from './conversationalIntent';
import { readFeedback } from './feedbackAnswer';
import { MAIN_MENU, MESSAGES } from './messages';

export const MAIN_DIALOG_ID = 'mainDialog';
const ROUTE_WATERFALL_ID = 'routeWaterfall';

const MENU_TITLES = MAIN_MENU.map((choice) => choice.title);
const TALK_TO_PERSON = MAIN_MENU.find((choice) => choice.topic === 'handoff')?.title ?? 'Talk to a person';

/** What MainDialog remembers between turns, in conversation state. */
export interface MainDialogMemory {
  /** Fallbacks in a row; the second changes tone and offers a person first. */
  readonly misunderstandings: StatePropertyAccessor<number>;
  /** The entry just answered, while "Was this helpful?" is open. */
  readonly awaitingFeedback: StatePropertyAccessor<string | undefined>;
  /** The entries offered by "Did you mean…", for one turn: "yeah" picks the first, "no" means none. */
  readonly offeredChoices: StatePropertyAccessor<string[] | undefined>;
}

/** MainDialog's memory, as properties of conversation state (one place, so the bot and tests agree). */
export function createMainDialogMemory(conversationState: ConversationState): MainDialogMemory {
  return {
    misunderstandings: conversationState.createProperty<number>('misunderstandings'),
    awaitingFeedback: conversationState.createProperty<string | undefined>('awaitingFeedback'),
    offeredChoices: conversationState.createProperty<string[] | undefined>('offeredChoices'),
  };
}

/**
 * The router. Interruptions (start over, help, talk to a person) are handled before any active
 * situation dialog sees the message; everything else is routed once per turn: feedback on the last
 * answer, a tapped button, small talk, then the knowledge base.
 */
export class MainDialog extends ComponentDialog {
  constructor(
    private readonly memory: MainDialogMemory,
    private readonly knowledge: KnowledgeIndex,
  ) {
    super(MAIN_DIALOG_ID);
    this.addDialog(new WaterfallDialog(ROUTE_WATERFALL_ID, [this.routeMessageStep.bind(this)]));
    this.initialDialogId = ROUTE_WATERFALL_ID;
  }

  /** Runs one turn: continue whatever is active, otherwise start routing this message. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(dialogState);
    dialogSet.add(this);
    const dialogContext = await dialogSet.createContext(context);
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
    switch (detectConversationalIntent(text)) {
      case 'startOver':
        await this.memory.awaitingFeedback.set(dc.context, undefined);
        await this.memory.misunderstandings.set(dc.context, 0);
        await dc.context.sendActivity(MessageFactory.suggestedActions(MENU_TITLES, MESSAGES.startOver));
        return dc.cancelAllDialogs();
      case 'help':
        await sendMenu(dc.context);
        return this.keepWaiting(dc);
      case 'talkToPerson':
        await sendLines(dc.context, MESSAGES.talkToPerson);
        return this.keepWaiting(dc);
      default:
        return undefined;
    }
  }

  /** After help or the helpline details, an active situation dialog carries on where it was. */
  private keepWaiting(dc: DialogContext): DialogTurnResult {
    return { status: dc.activeDialog ? DialogTurnStatus.waiting : DialogTurnStatus.complete };
  }

  private async routeMessageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const text = (context.activity.text ?? '').trim();

    const answeredEntry = await this.memory.awaitingFeedback.get(context);
    await this.memory.awaitingFeedback.set(context, undefined);
    if (answeredEntry) {
      const feedback = readFeedback(text);
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

    const result = this.knowledge.route(text);
    if (result.kind === 'faq' && result.target) {
      await this.answer(context, result.target);
    } else if (result.kind === 'clarify') {
      await this.memory.misunderstandings.set(context, 0);
      await this.memory.offeredChoices.set(context, offeredEntries(result, this.knowledge));
      await sendReplies(context, repliesFor(result, this.knowledge));
    } else {
      await this.sendFallback(context, result.topic === 'out-of-scope');
    }
    return step.endDialog();
  }

  /** A tapped button sends its title: a topic from the menu, a related question, or a "did you mean" choice. */
  private entryForButton(text: string): string | undefined {
    const lower = text.toLowerCase();
    const menuChoice = MAIN_MENU.find((choice) => choice.title.toLowerCase() === lower);
    if (menuChoice) return this.knowledge.entry(`${menuChoice.topic}-overview`)?.id;
    return this.knowledge.entries.find((entry) => entry.title.toLowerCase() === lower)?.id;
  }

  private async answer(context: TurnContext, entryId: string): Promise<void> {
    await this.memory.misunderstandings.set(context, 0);
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
    const lines = MESSAGES.fallbackAgain;
    await sendLines(context, lines.slice(0, -1));
    await context.sendActivity(MessageFactory.suggestedActions([TALK_TO_PERSON, ...MENU_TITLES.filter((t) => t !== TALK_TO_PERSON)], lines.at(-1)));
  }
}

async function sendMenu(context: TurnContext): Promise<void> {
  await context.sendActivity(MessageFactory.suggestedActions(MENU_TITLES, MESSAGES.menuPrompt));
}

async function sendLines(context: TurnContext, lines: readonly string[]): Promise<void> {
  await context.sendActivities(lines.map((line) => MessageFactory.text(line)));
}

async function sendReplies(context: TurnContext, replies: readonly Reply[]): Promise<void> {
  await context.sendActivities(replies.map(toActivity));
}

function toActivity(reply: Reply): Partial<Activity> {
  if (reply.cardButtons && reply.cardButtons.length > 0) {
    const actions = CardFactory.actions(reply.cardButtons.map((title) => ({ type: ActionTypes.ImBack, title, value: title })));
    return MessageFactory.attachment(CardFactory.heroCard('', reply.text, undefined, actions));
  }
  if (reply.buttons && reply.buttons.length > 0) return MessageFactory.suggestedActions([...reply.buttons], reply.text);
  return MessageFactory.text(reply.text);
}
