import { Middleware, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { idsOf } from './activityIds';
import type { ReplyOutbox } from './replyOutbox';

/**
 * How many handled ids a conversation remembers (a message can leave two: its activity id and its
 * client's id). Channels retry within seconds, and a page resends after a restart, so a short list is enough.
 */
const REMEMBERED_IDS = 100;

/**
 * Direct Line and Teams re-send an activity when the bot is slow to answer. A retry carries the
 * same activity id; answering it again would send every reply twice. Ids are kept in conversation
 * state (saved with the turn, so a retry after a restart is still recognised) and in memory for a
 * retry that arrives while the first attempt is still running. If the first attempt fails before
 * state is saved, its id is not remembered and the retry is processed: nothing is lost.
 *
 * Web Chat also re-sends a message itself when its POST fails (the bot's process died mid-request,
 * say), with the same `channelData.clientActivityID`. The channel may give that resend a new
 * activity id: the built-in gateway, restarted, has forgotten the first one. So the client's id is
 * remembered too, and a resend of a message whose turn was already saved is neither answered nor
 * applied a second time (applied again, an answer would be taken as the answer to the next question).
 * If that saved turn's replies never went out (the process died between the save and the send), the
 * outbox sends them now.
 */
export class RetryFilter implements Middleware {
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly handledIds: StatePropertyAccessor<string[]>,
    private readonly outbox?: ReplyOutbox,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const conversationId = context.activity.conversation?.id;
    const ids = idsOf(context.activity);
    if (ids.length === 0 || !conversationId || context.activity.type !== 'message') {
      await next();
      return;
    }
    const flightKeys = ids.map((id) => `${conversationId}\u0000${id}`);
    const handled = await this.handledIds.get(context, []);
    if (flightKeys.some((key) => this.inFlight.has(key))) return;
    if (ids.some((id) => handled.includes(id))) {
      await this.outbox?.resend(context);
      return;
    }

    for (const key of flightKeys) this.inFlight.add(key);
    try {
      await this.handledIds.set(context, [...handled, ...ids].slice(-REMEMBERED_IDS));
      await next();
    } finally {
      for (const key of flightKeys) this.inFlight.delete(key);
    }
  }
}
