import { Activity, ActivityTypes, ConversationReference, ConversationState, MessageFactory, StatePropertyAccessor, TextFormatTypes, TurnContext } from 'botbuilder';
import { PerConversationQueue } from '../channels/directline/perConversationQueue';
import { HANDOFF_BUTTONS, HANDOFF_WORDS } from '../dialogs/handoff/handoffWording';
import { HandoffDesk, Origin } from '../handoff/handoffDesk';
import { Handoff, HandoffMessage } from '../handoff/handoffTypes';
import { describeWait } from '../handoff/waitEstimate';
import { describeError, Logger } from '../logger';

/** Runs `logic` in a turn of the person's conversation (CloudAdapter.continueConversationAsync, or a test adapter). */
export type ProactiveSender = (reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>) => Promise<void>;

/**
 * Which instance can send to the person of a hand-off. "anywhere": the channel is a service every
 * instance reaches (Azure Bot Service, Teams); the instance where a change happened tells the
 * person, so they are told once. "here" / "elsewhere": the built-in Direct Line gateway keeps the
 * person's conversation in one instance's memory, and only that instance can reach them.
 */
export type Reach = (handoff: Handoff) => 'anywhere' | 'here' | 'elsewhere';

/**
 * Carries what happens on the adviser's side to the person: the adviser joining, their messages
 * and typing, the end of the chat, queue places and "are you still there?". Sends for one
 * conversation run one at a time, so messages arrive in the order the adviser sent them. An
 * adviser message is marked delivered only once the channel took it; anything undelivered (a
 * restart, a channel error) is sent again by `redeliver`, in order.
 */
export class AdviserDelivery {
  private readonly order = new PerConversationQueue();
  private readonly toldPosition = new Map<string, number>();
  private readonly detach: Array<() => void> = [];
  private placesUpdate: Promise<void> = Promise.resolve();

  constructor(
    private readonly desk: HandoffDesk,
    private readonly send: ProactiveSender,
    private readonly conversationState: ConversationState,
    private readonly feedbackFor: StatePropertyAccessor<string | undefined>,
    private readonly log: Logger,
    private readonly reach: Reach = () => 'anywhere',
  ) {}

  start(): void {
    const on = <K extends Parameters<HandoffDesk['on']>[0]>(event: K, listener: (...args: never[]) => void) => {
      this.desk.on(event, listener as never);
      this.detach.push(() => this.desk.off(event, listener as never));
    };
    on('adviserMessage', (_message: HandoffMessage, handoff: Handoff, origin: Origin) => {
      if (this.tellsHere(handoff, origin)) void this.deliverPending(handoff);
    });
    on('accepted', (handoff: Handoff, origin: Origin) => {
      if (this.tellsHere(handoff, origin)) void this.tell(handoff, [plainText(HANDOFF_WORDS.adviserJoined(handoff.adviserName ?? 'An adviser'))]);
    });
    on('ended', (handoff: Handoff, origin: Origin) => {
      if (this.tellsHere(handoff, origin)) void this.announceEnd(handoff);
      else this.toldPosition.delete(handoff.id);
    });
    on('stillThere', (handoff: Handoff, origin: Origin) => {
      if (!this.tellsHere(handoff, origin)) return;
      void this.tell(handoff, [MessageFactory.suggestedActions([HANDOFF_BUTTONS.stillHere, HANDOFF_BUTTONS.leaveQueue], HANDOFF_WORDS.stillThere)]);
    });
    on('typing', (event: { handoffId: string; from: 'user' | 'adviser' }, origin: Origin) => {
      if (event.from !== 'adviser') return;
      void this.inBackground('handoff_typing_failed', async () => {
        const handoff = await this.desk.store.get(event.handoffId);
        if (handoff && this.tellsHere(handoff, origin)) await this.tell(handoff, [{ type: ActivityTypes.Typing }]);
      });
    });
    // One update at a time, so places are compared with the places told by the update before.
    on('queueChanged', (origin: Origin) => {
      this.placesUpdate = this.placesUpdate.then(() => this.inBackground('handoff_places_failed', () => this.updatePlaces(origin)));
    });
    // Changes on other instances may have been missed: adviser messages are stored, so send any not yet sent.
    on('resync', () => void this.redeliver());
    void this.redeliver();
  }

  stop(): void {
    for (const detach of this.detach.splice(0)) detach();
  }

  /** Sends adviser messages the person has not had yet, oldest first. Never rejects: a failure is logged and the next sweep tries again. */
  async redeliver(): Promise<void> {
    await this.inBackground('handoff_redelivery_failed', async () => {
      const handoffIds = new Set((await this.desk.store.undelivered()).map((message) => message.handoffId));
      for (const handoffId of handoffIds) {
        const handoff = await this.desk.store.get(handoffId);
        // Any instance that can reach the person may send them: each message is marked sent once, under the turn lock.
        if (handoff && this.reach(handoff) !== 'elsewhere') await this.deliverPending(handoff);
      }
    });
  }

  /**
   * Sends every undelivered adviser message of the hand-off, in the order they were written, and
   * stops at the first the channel refuses so none overtakes it. They are read inside the proactive
   * turn, which holds the conversation's turn lock: another instance delivering the same messages
   * waits for it, then finds them delivered, so the person gets each message once.
   */
  private deliverPending(handoff: Handoff): Promise<void> {
    return this.order.run(handoff.conversationId, () =>
      this.sendNow(handoff, async (context) => {
        const pending = (await this.desk.store.messages(handoff.id)).filter((m) => m.sender === 'adviser' && m.deliveredAt === null);
        for (const message of pending) {
          await context.sendActivity(plainText(message.text));
          await this.desk.store.markDelivered(message.id, new Date());
        }
      }),
    );
  }

  private async announceEnd(handoff: Handoff): Promise<void> {
    this.toldPosition.delete(handoff.id);
    // The person's own "end chat" and Quick Exit are answered in their turn.
    if (handoff.endedBy === 'user' || handoff.endedBy === 'quickExit') return;
    if (handoff.endedBy === 'timeout') return this.tell(handoff, [MessageFactory.text(HANDOFF_WORDS.releasedQuiet)]);
    if (handoff.endedBy === 'noAdvisers') {
      return this.tell(handoff, [MessageFactory.suggestedActions([HANDOFF_BUTTONS.requestCallback], HANDOFF_WORDS.releasedNoAdvisers)]);
    }
    await this.order.run(handoff.conversationId, () =>
      this.sendNow(handoff, async (context) => {
        await this.conversationState.load(context);
        await this.feedbackFor.set(context, handoff.id);
        await context.sendActivities([
          plainText(HANDOFF_WORDS.adviserEnded(handoff.adviserName ?? 'The adviser')),
          MessageFactory.suggestedActions([HANDOFF_BUTTONS.helpful, HANDOFF_BUTTONS.notHelpful], HANDOFF_WORDS.wasItHelpful),
        ]);
        await this.conversationState.saveChanges(context);
      }),
    );
  }

  private async updatePlaces(origin: Origin): Promise<void> {
    for (const { handoff, place } of await this.desk.queuePlaces()) {
      const told = this.toldPosition.get(handoff.id);
      this.toldPosition.set(handoff.id, place.position);
      // The first place is told when the person joins; after that, only moves up the queue.
      if (told !== undefined && place.position < told && this.tellsHere(handoff, origin)) {
        void this.tell(handoff, [MessageFactory.text(HANDOFF_WORDS.positionUpdate(place.position, describeWait(place.waitMinutes)))]);
      }
    }
  }

  /** Whether this instance tells the person about a change that happened at `origin`. */
  private tellsHere(handoff: Handoff, origin: Origin): boolean {
    const reach = this.reach(handoff);
    return reach === 'here' || (reach === 'anywhere' && origin === 'here');
  }

  private async inBackground(event: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.log.warn(event, describeError(error));
    }
  }

  private tell(handoff: Handoff, activities: Parameters<TurnContext['sendActivities']>[0]): Promise<void> {
    return this.order.run(handoff.conversationId, () => this.sendNow(handoff, async (context) => void (await context.sendActivities(activities))));
  }

  private async sendNow(handoff: Handoff, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    try {
      await this.send(handoff.conversationRef as Partial<ConversationReference>, async (context) => {
        // A proactive turn starts from a made-up activity; replying "to" it makes Web Chat hold the
        // message for 5 seconds waiting for an activity it will never see.
        context.onSendActivities(async (_turn, activities, next) => {
          for (const activity of activities) delete activity.replyToId;
          return next();
        });
        await logic(context);
      });
    } catch (error) {
      this.log.warn('handoff_delivery_failed', { handoffId: handoff.id, ...describeError(error) });
    }
  }
}

/**
 * Text someone typed (an adviser's message, an adviser's name) goes to the person as plain text:
 * chat clients render Markdown, and Markdown can carry HTML, links and images the adviser never meant.
 */
function plainText(text: string): Partial<Activity> {
  return { ...MessageFactory.text(text), textFormat: TextFormatTypes.Plain };
}
