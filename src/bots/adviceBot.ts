import { ActivityHandler, ConversationState, MessageFactory, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import { DialogState } from 'botbuilder-dialogs';
import { MainDialog } from '../dialogs/mainDialog';
import { MESSAGES, welcomeMessages } from '../dialogs/messages';
import { inspectIncomingMessage } from './incomingMessage';
import { channelHasQuickExit } from '../dialogs/channelFeatures';
import { SafetyGate } from './safetyGate';
import { botWasInstalledInTeams, fitButtonsForTeams, isTeams, removeBotMention } from './teamsChannel';
import { AdviserDelivery } from './adviserDelivery';
import { ConversationLog } from './conversationLog';
import { HandoffRelay } from './handoffRelay';
import { Track } from './analyticsTracker';
import { ReplyOutbox } from './replyOutbox';
import { MENU_TITLES } from '../dialogs/menuButtons';

/** The parts of the bot that deal with advisers and what they may see. */
export interface AdviceBotHandoff {
  readonly relay: HandoffRelay;
  readonly delivery: AdviserDelivery;
  readonly log: ConversationLog;
}

export interface AdviceBotOptions {
  readonly botDisplayName: string;
  readonly maxMessageLength: number;
}

/** Event the web page sends when Quick Exit is pressed: forget this conversation. */
export const QUICK_EXIT_EVENT = 'quickExit';

/**
 * Turn order (DESIGN.md): hand-off relay → safety → interruptions → active dialog → routing.
 * The relay takes messages meant for an adviser (and runs the safety check on them itself);
 * otherwise the SafetyGate runs before anything else; interruptions, guided conversations and
 * routing live in MainDialog.
 */
export class AdviceBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  /** Web Chat welcomes each new conversation; Teams keeps one chat per person, so it welcomes each person once. */
  private readonly welcomedConversation: StatePropertyAccessor<boolean>;
  private readonly welcomedTeamsUser: StatePropertyAccessor<boolean>;
  private readonly outbox: ReplyOutbox;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly mainDialog: MainDialog,
    private readonly safety: SafetyGate,
    readonly handoff: AdviceBotHandoff,
    private readonly track: Track,
    private readonly options: AdviceBotOptions,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.welcomedConversation = conversationState.createProperty<boolean>('welcomed');
    this.welcomedTeamsUser = userState.createProperty<boolean>('welcomedInTeams');
    this.outbox = new ReplyOutbox(conversationState);

    this.onMembersAdded(async (context, next) => {
      const someoneElseJoined = (context.activity.membersAdded ?? []).some(
        (member) => member.id !== context.activity.recipient?.id,
      );
      if (someoneElseJoined || botWasInstalledInTeams(context.activity)) await this.welcomeOnce(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.introduceToNewTeamsUser(context);
      await this.handleMessage(context);
      await next();
    });

    this.onTyping(async (context, next) => {
      await this.handoff.relay.relayTyping(context);
      await next();
    });

    this.onEvent(async (context, next) => {
      if (context.activity.name === QUICK_EXIT_EVENT) {
        this.track(context, { type: 'quickExit' });
        await this.handoff.relay.endForQuickExit(context);
        await this.forgetConversation(context);
      }
      await next();
    });

    this.onMessageUpdate(async (context, next) => {
      await context.sendActivity(MESSAGES.editedMessage);
      await next();
    });

    this.onUnrecognizedActivityType(async (context, next) => {
      if (!SILENT_ACTIVITY_TYPES.has(context.activity.type)) await context.sendActivity(MESSAGES.unsupportedActivity);
      await next();
    });

    this.onEndOfConversation(async (context, next) => {
      await this.forgetConversation(context);
      await next();
    });
  }

  /** Saves state after every turn, including turns that only sent a welcome, and only then sends a message's replies. */
  override async run(context: TurnContext): Promise<void> {
    context.onSendActivities(async (turn, activities, next) => {
      if (!turn.turnState.get(FORGOTTEN)) {
        await this.safety.keepUrgentHelpInReach(turn, activities);
        if (isTeams(turn.activity)) fitButtonsForTeams(activities);
        await this.handoff.log.recordOutgoing(turn, activities);
      }
      return next();
    });
    this.outbox.hold(context);
    try {
      removeBotMention(context);
      await this.handoff.log.recordIncoming(context);
      await super.run(context);
      if (!context.turnState.get(FORGOTTEN)) {
        await this.outbox.stage(context);
        await this.conversationState.saveChanges(context, false);
        await this.userState.saveChanges(context, false);
      }
      await this.outbox.deliver(context);
    } catch (error) {
      // Unsaved, so the resend runs the turn again; its held replies are dropped, not sent twice.
      this.outbox.release(context);
      throw error;
    }
  }

  private welcomedFlag(context: TurnContext): StatePropertyAccessor<boolean> {
    return isTeams(context.activity) ? this.welcomedTeamsUser : this.welcomedConversation;
  }

  private async welcomeOnce(context: TurnContext): Promise<void> {
    const welcomed = this.welcomedFlag(context);
    if (await welcomed.get(context, false)) return;
    await welcomed.set(context, true);
    this.track(context, { type: 'conversationStarted' });
    const lines = welcomeMessages(this.options.botDisplayName, channelHasQuickExit(context.activity.channelId));
    const last = lines.pop() ?? '';
    await context.sendActivities([
      ...lines.map((line) => MessageFactory.text(line)),
      MessageFactory.suggestedActions(
        MENU_TITLES,
        last,
      ),
    ]);
  }

  /**
   * Someone who writes in Teams before the bot's welcome reached them (the app was installed while
   * the bot was down, say) still hears who it is and how to reach a person, once, before the answer.
   */
  private async introduceToNewTeamsUser(context: TurnContext): Promise<void> {
    if (!isTeams(context.activity) || (await this.welcomedTeamsUser.get(context, false))) return;
    await this.welcomedTeamsUser.set(context, true);
    this.track(context, { type: 'conversationStarted' });
    const introduction = welcomeMessages(this.options.botDisplayName, false).slice(0, -1);
    await context.sendActivities(introduction.map((line) => MessageFactory.text(line)));
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const message = inspectIncomingMessage(context.activity, this.options.maxMessageLength);
    switch (message.kind) {
      case 'empty':
        await context.sendActivity(MessageFactory.suggestedActions(MENU_TITLES, MESSAGES.emptyMessage));
        return;
      case 'attachmentsOnly':
        await context.sendActivity(MESSAGES.attachmentOnly);
        return;
      case 'tooLong':
        // Too long to route, never too long to check for danger: the check reads a bounded prefix.
        if (await this.safety.checkForDanger(context, (context.activity.text ?? '').slice(0, SAFETY_READ_LIMIT), this.interruptedDialog(context))) return;
        await context.sendActivity(MESSAGES.tooLong(this.options.maxMessageLength));
        return;
      case 'text': {
        const text = context.activity.text ?? '';
        if (message.hadAttachments) await context.sendActivity(MESSAGES.attachmentWithText);
        // A person waiting for or talking to an adviser is talking to them, not to the bot.
        if (await this.handoff.relay.relayMessage(context, text)) return;
        this.track(context, { type: 'messageReceived', text, length: text.length, duringHandoff: false });
        if (await this.safety.check(context, text, this.interruptedDialog(context))) return;
        if (await this.handoff.relay.recordFeedback(context, text)) return;
        await this.mainDialog.run(context, this.dialogState);
      }
    }
  }

  private interruptedDialog(context: TurnContext) {
    return {
      isActive: () => this.mainDialog.hasActiveSituation(context, this.dialogState),
      reprompt: () => this.mainDialog.repromptSituation(context, this.dialogState),
    };
  }

  private async forgetConversation(context: TurnContext): Promise<void> {
    await this.conversationState.delete(context);
    await this.userState.delete(context);
    context.turnState.set(FORGOTTEN, true);
  }
}

const FORGOTTEN = Symbol('conversationForgotten');

/** How much of an over-long message the safety check reads (about 20 screens of text on a phone). */
const SAFETY_READ_LIMIT = 20_000;

/** Housekeeping activities channels send on their own; a person did nothing, so the bot says nothing. */
const SILENT_ACTIVITY_TYPES = new Set([
  'typing', 'installationUpdate', 'contactRelationUpdate', 'trace', 'handoff', 'deleteUserData',
  'suggestion', 'messageReaction', 'messageDelete', 'conversationUpdate', 'endOfConversation', 'event', 'invoke',
]);
