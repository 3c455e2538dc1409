import { Activity, ConversationState, DeliveryModes, ResourceResponse, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { idsOf, REPLY_ID_KEY } from './activityIds';

/** Replies of one turn, saved with the state that turn produced and not yet confirmed sent. */
interface HeldReplies {
  /** The ids of the message they answer (see activityIds.ts). */
  readonly forIds: string[];
  readonly replies: Partial<Activity>[];
  /**
   * Given to the channel in the response to its request ("expectReplies", the built-in gateway).
   * Whether they got there cannot be known inside the turn, so they are kept, not cleared: a resend of
   * the message gets them again under the same ids, and the next turn does not send them again.
   */
  readonly handedOver?: boolean;
}

const expectsReplies = (context: TurnContext) => context.activity.deliveryMode === DeliveryModes.ExpectReplies;

const HELD = Symbol('heldReplies');
const STAGED = Symbol('stagedReplies');

/**
 * Replies are sent only after the turn's state is saved, and saved with it.
 *
 * Without this, a process killed after sending replies but before saving the turn leaves the person
 * with answers to a turn that never happened: their resend runs it again and they see the replies
 * twice. With it: killed before the save, nothing was sent and the resend is answered once; killed
 * after it, the resend is recognised (RetryFilter) and the saved replies are sent from here, under
 * the ids they were given first, so a client or gateway that already has some keeps one of each.
 * Once sent, the outbox is cleared with a second small save, so a later retry sends nothing.
 * Replies returned in the response to the channel's request are kept instead (see `handedOver`).
 */
export class ReplyOutbox {
  private readonly saved: StatePropertyAccessor<HeldReplies | undefined>;

  constructor(private readonly conversationState: ConversationState) {
    this.saved = conversationState.createProperty<HeldReplies | undefined>('outbox');
  }

  /**
   * Keeps this turn's replies back. Register it after every other send handler of the turn, so they
   * still see (and log, in state) each reply when it is "sent". Only messages are held: they are what
   * a channel or a person re-sends.
   */
  hold(context: TurnContext): void {
    const incomingId = context.activity.id;
    if (context.activity.type !== 'message' || !incomingId) return;
    const held: Partial<Activity>[] = [];
    context.turnState.set(HELD, held);
    context.onSendActivities(async (turn, activities, next): Promise<ResourceResponse[]> => {
      if (turn.turnState.get(HELD) !== held) return next();
      return activities.map((activity) => {
        activity.id ??= `${incomingId}~${held.length + 1}`;
        if (turn.activity.channelId === 'directline') {
          activity.channelData = { ...(activity.channelData as object | undefined), [REPLY_ID_KEY]: activity.id };
        }
        held.push(activity);
        return { id: activity.id };
      });
    });
  }

  /** Stops holding (the turn failed): whatever is sent from now on, such as an apology, goes at once. */
  release(context: TurnContext): void {
    context.turnState.delete(HELD);
  }

  /** Puts the held replies into conversation state, to be saved with the rest of the turn. */
  async stage(context: TurnContext): Promise<void> {
    const held = context.turnState.get(HELD) as Partial<Activity>[] | undefined;
    if (!held) return;
    // Replies of an earlier turn that were saved but never confirmed sent go first: nothing is dropped.
    const saved = await this.saved.get(context);
    const earlier = saved && !saved.handedOver ? saved.replies : [];
    if (earlier.length === 0 && held.length === 0) return;
    const replies = [...earlier, ...held];
    await this.saved.set(context, { forIds: idsOf(context.activity), replies, handedOver: expectsReplies(context) });
    context.turnState.set(STAGED, replies);
  }

  /** After the save: sends what was staged (or, in a turn that saved nothing, what was held), then records that it went. */
  async deliver(context: TurnContext): Promise<void> {
    const held = context.turnState.get(HELD) as Partial<Activity>[] | undefined;
    if (!held) return;
    this.release(context);
    const staged = context.turnState.get(STAGED) as Partial<Activity>[] | undefined;
    await this.send(context, staged ?? held);
    if (staged && !expectsReplies(context)) await this.clear(context);
  }

  /**
   * A message whose turn was already saved came again. If that turn's replies were never confirmed
   * sent (the process died first), send them now; otherwise there is nothing to do.
   */
  async resend(context: TurnContext): Promise<void> {
    const pending = await this.saved.get(context);
    const ids = idsOf(context.activity);
    if (!pending || !pending.forIds.some((id) => ids.includes(id))) return;
    await this.send(context, pending.replies);
    if (!expectsReplies(context)) await this.clear(context);
  }

  private async send(context: TurnContext, replies: Partial<Activity>[]): Promise<void> {
    if (replies.length === 0) return;
    // The channel asked for the replies in the response to its request (the built-in gateway does):
    // they go into the turn's buffer, which CloudAdapter returns when the turn ends.
    if (expectsReplies(context)) {
      context.bufferedReplyActivities.push(...replies);
      return;
    }
    // Straight to the adapter: the turn's send handlers already ran when these were first "sent".
    await context.adapter.sendActivities(context, replies);
  }

  private async clear(context: TurnContext): Promise<void> {
    await this.saved.delete(context);
    await this.conversationState.saveChanges(context, false);
  }
}
