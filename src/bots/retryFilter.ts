import { Middleware, StatePropertyAccessor, TurnContext } from 'botbuilder';

/** How many handled activity ids a conversation remembers. Channels retry within seconds, so a short list is enough. */
const REMEMBERED_IDS = 50;

/**
 * Direct Line and Teams re-send an activity when the bot is slow to answer. A retry carries the
 * same activity id; answering it again would send every reply twice. Ids are kept in conversation
 * state (saved with the turn, so a retry after a restart is still recognised) and in memory for a
 * retry that arrives while the first attempt is still running. If the first attempt fails before
 * state is saved, its id is not remembered and the retry is processed: nothing is lost.
 */
export class RetryFilter implements Middleware {
  private readonly inFlight = new Set<string>();

  constructor(private readonly handledIds: StatePropertyAccessor<string[]>) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activityId = context.activity.id;
    const conversationId = context.activity.conversation?.id;
    if (!activityId || !conversationId || context.activity.type !== 'message') {
      await next();
      return;
    }
    const flightKey = `${conversationId}\u0000${activityId}`;
    const handled = await this.handledIds.get(context, []);
    if (handled.includes(activityId) || this.inFlight.has(flightKey)) return;

    this.inFlight.add(flightKey);
    try {
      await this.handledIds.set(context, [...handled, activityId].slice(-REMEMBERED_IDS));
      await next();
    } finally {
      this.inFlight.delete(flightKey);
    }
  }
}
