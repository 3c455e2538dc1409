import { MessageFactory, StatePropertyAccessor, TurnContext } from 'botbuilder';
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
import { detectConversationalIntent } from './conversationalIntent';
import { MAIN_MENU, MESSAGES } from './messages';

export const MAIN_DIALOG_ID = 'mainDialog';
const ROUTE_WATERFALL_ID = 'routeWaterfall';

const MENU_TITLES = MAIN_MENU.map((choice) => choice.title);
const TALK_TO_PERSON = MAIN_MENU.find((choice) => choice.topic === 'handoff')?.title ?? 'Talk to a person';

/**
 * The router. Interruptions (start over, help, talk to a person) are handled before any active
 * situation dialog sees the message; everything else is routed once per turn.
 * Situation waterfalls and knowledge-base answers plug in here (issues 3 and 4).
 */
export class MainDialog extends ComponentDialog {
  /** `misunderstandings`: fallbacks in a row, kept in conversation state so it survives a restart. */
  constructor(private readonly misunderstandings: StatePropertyAccessor<number>) {
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
    const text = (step.context.activity.text ?? '').trim();
    const menuChoice = MAIN_MENU.find((choice) => choice.title.toLowerCase() === text.toLowerCase());
    if (menuChoice && menuChoice.topic !== 'handoff') {
      await this.misunderstandings.set(step.context, 0);
      await sendLines(step.context, MESSAGES.topicComingSoon(menuChoice.title));
      await sendMenu(step.context);
      return step.endDialog();
    }
    const intent = detectConversationalIntent(text);
    await this.misunderstandings.set(step.context, intent ? 0 : (await this.misunderstandings.get(step.context, 0)) + 1);
    switch (intent) {
      case 'greeting':
        await step.context.sendActivity(MessageFactory.suggestedActions(MENU_TITLES, MESSAGES.greeting));
        break;
      case 'thanks':
        await step.context.sendActivity(MessageFactory.suggestedActions(MENU_TITLES, MESSAGES.thanks));
        break;
      case 'goodbye':
        await step.context.sendActivity(MESSAGES.goodbye);
        break;
      default:
        await this.sendFallback(step.context);
    }
    return step.endDialog();
  }

  /** A second miss in a row changes tone: the person is struggling, so a person is offered first. */
  private async sendFallback(context: TurnContext): Promise<void> {
    const repeated = (await this.misunderstandings.get(context, 0)) >= 2;
    const lines = repeated ? MESSAGES.fallbackAgain : MESSAGES.fallback;
    await sendLines(context, lines.slice(0, -1));
    await context.sendActivity(MessageFactory.suggestedActions(repeated ? [TALK_TO_PERSON, ...MENU_TITLES.filter((t) => t !== TALK_TO_PERSON)] : MENU_TITLES, lines.at(-1)));
  }
}

async function sendMenu(context: TurnContext): Promise<void> {
  await context.sendActivity(MessageFactory.suggestedActions(MENU_TITLES, MESSAGES.menuPrompt));
}

async function sendLines(context: TurnContext, lines: readonly string[]): Promise<void> {
  await context.sendActivities(lines.map((line) => MessageFactory.text(line)));
}
