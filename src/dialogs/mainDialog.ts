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

/**
 * The router. Interruptions (start over, help, talk to a person) are handled before any active
 * situation dialog sees the message; everything else is routed once per turn.
 * Situation waterfalls and knowledge-base answers plug in here (issues 3 and 4).
 */
export class MainDialog extends ComponentDialog {
  constructor() {
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
      await sendLines(step.context, MESSAGES.topicComingSoon(menuChoice.title));
      await sendMenu(step.context);
      return step.endDialog();
    }
    switch (detectConversationalIntent(text)) {
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
        await sendLines(step.context, MESSAGES.fallback.slice(0, -1));
        await step.context.sendActivity(MessageFactory.suggestedActions(MENU_TITLES, MESSAGES.fallback.at(-1)));
    }
    return step.endDialog();
  }
}

async function sendMenu(context: TurnContext): Promise<void> {
  await context.sendActivity(MessageFactory.suggestedActions(MENU_TITLES, MESSAGES.menuPrompt));
}

async function sendLines(context: TurnContext, lines: readonly string[]): Promise<void> {
  await context.sendActivities(lines.map((line) => MessageFactory.text(line)));
}
