import { Activity, Middleware, StatePropertyAccessor, TurnContext } from 'botbuilder';

/**
 * How many handled ids a conversation remembers (a message can leave two: its activity id and its
 * client's id). Channels retry within seconds, and a page resends after a restart, so a short list is enough.
 */
const REMEMBERED_IDS = 100;

/** Kept apart from activity ids in the same list, so a client id can never match an id the channel chose. */
const CLIENT_ID_PREFIX = 'client:';

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
 */
export class RetryFilter implements Middleware {
  private readonly inFlight = new Set<string>();

  constructor(private readonly handledIds: StatePropertyAccessor<string[]>) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const conversationId = context.activity.conversation?.id;
    const ids = idsOf(context.activity);
    if (ids.length === 0 || !conversationId || context.activity.type !== 'message') {
      await next();
      return;
    }
    const flightKeys = ids.map((id) => `${conversationId}\u0000${id}`);
    const handled = await this.handledIds.get(context, []);
    if (ids.some((id) => handled.includes(id)) || flightKeys.some((key) => this.inFlight.has(key))) return;

    for (const key of flightKeys) this.inFlight.add(key);
    try {
      await this.handledIds.set(context, [...handled, ...ids].slice(-REMEMBERED_IDS));
      await next();
    } finally {
      for (const key of flightKeys) this.inFlight.delete(key);
    }
  }
}

/** The activity's id and, when its client set one, the client's own id for it (prefixed). */
function idsOf(activity: Partial<Activity>): string[] {
  const ids: string[] = [];
  if (activity.id) ids.push(activity.id);
  const clientId = (activity.channelData as { clientActivityID?: unknown } | undefined)?.clientActivityID;
  if (typeof clientId === 'string' && clientId.length > 0) ids.push(`${CLIENT_ID_PREFIX}${clientId.slice(0, 100)}`);
  return ids;
}
