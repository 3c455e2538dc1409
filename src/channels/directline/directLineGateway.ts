import { Activity, ChannelAccount } from 'botbuilder';
import { REPLY_ID_KEY } from '../../bots/activityIds';
import { deliverToBot } from './botClient';
import { readClientActivity } from './clientActivity';
import { ConversationHub, WireActivity } from './conversationHub';
import { newConversationId, newUserId } from './ids';
import { PerConversationQueue } from './perConversationQueue';
import { TokenClaims, TokenService } from './tokens';
import { Logger } from '../../logger';

export interface GatewayOptions {
  readonly tokens: TokenService;
  readonly hub: ConversationHub;
  /** Who the bot is in this channel (recipient of every user activity). */
  readonly bot: ChannelAccount;
  /** Where the bot's messaging endpoint is, once the server listens (port 0 in tests). */
  readonly botEndpoint: () => string;
  /** The serviceUrl the bot calls back with replies (our connector routes). */
  readonly serviceUrl: () => string;
  readonly log: Logger;
}

export interface ConversationSession {
  readonly conversationId: string;
  readonly userId: string;
  readonly token: string;
  readonly expiresIn: number;
}

/** A failure the client should see as a Direct Line error body. */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Ids the bot may choose for its replies: printable, short, never one of the gateway's own ("<conversation>|<n>"). */
const BOT_ACTIVITY_ID = /^[\x21-\x7e]{1,200}~\d{1,4}$/;

/** A reply as the bot sends it: the gateway gives it an id (or keeps the one the bot chose) and a timestamp. */
type BotReply = Omit<WireActivity, 'id' | 'timestamp'> & { id?: unknown };

/** Client-facing Direct Line 3.0 operations, independent of HTTP so they can be tested and reused by the stream. */
export class DirectLineGateway {
  private readonly queue = new PerConversationQueue();

  constructor(private readonly options: GatewayOptions) {}

  get hub(): ConversationHub {
    return this.options.hub;
  }

  createSession(): ConversationSession {
    const conversationId = newConversationId();
    const userId = newUserId();
    const { token, expiresIn } = this.options.tokens.issue(conversationId, userId);
    return { conversationId, userId, token, expiresIn };
  }

  /** Checks an Authorization header; with a conversation id, the token must be for that conversation. */
  authorize(authorization: string | undefined, conversationId?: string): TokenClaims {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new GatewayError(401, 'MissingToken', 'Send a token in the Authorization header (Bearer <token>).');
    return this.checkToken(token, conversationId);
  }

  checkToken(token: string, conversationId?: string): TokenClaims {
    const check = this.options.tokens.verify(token);
    if (!check.ok) {
      throw new GatewayError(403, check.reason === 'expired' ? 'TokenExpired' : 'BadArgument', check.reason === 'expired' ? 'Token expired.' : 'Token not valid.');
    }
    if (conversationId !== undefined && check.claims.conversationId !== conversationId) {
      throw new GatewayError(403, 'BadArgument', 'Token not valid for this conversation.');
    }
    return check.claims;
  }

  refresh(claims: TokenClaims): ConversationSession {
    const { token, expiresIn } = this.options.tokens.issue(claims.conversationId, claims.userId);
    return { conversationId: claims.conversationId, userId: claims.userId, token, expiresIn };
  }

  /** Start (or rejoin) the token's conversation; the bot hears conversationUpdate only the first time. */
  start(claims: TokenClaims): void {
    if (!this.options.hub.markStarted(claims.conversationId)) return;
    const update: Partial<Activity> = {
      type: 'conversationUpdate',
      from: { id: claims.userId, name: '', role: 'user' },
      recipient: this.options.bot,
      membersAdded: [this.options.bot, { id: claims.userId, name: '' }],
    };
    void this.queue
      .run(claims.conversationId, () => this.deliver(claims.conversationId, update))
      .catch((error: unknown) => this.options.log.warn('directline_start_not_delivered', { conversationId: claims.conversationId, reason: (error as Error).message }));
  }

  /** Posts a client activity; a resend of the same client activity is delivered again under its first id, never echoed twice. */
  async post(claims: TokenClaims, body: unknown): Promise<string> {
    const read = readClientActivity(body, claims.userId, this.options.bot);
    if (!read.ok) throw new GatewayError(read.status, read.status === 413 ? 'MessageSizeTooBig' : 'BadArgument', read.message);
    const conversationId = claims.conversationId;
    return this.queue.run(conversationId, async () => {
      const knownId = read.clientActivityId ? this.options.hub.findClientActivity(conversationId, read.clientActivityId) : undefined;
      const id = knownId ?? this.options.hub.append(conversationId, read.activity).id;
      if (!knownId && read.clientActivityId) this.options.hub.rememberClientActivity(conversationId, read.clientActivityId, id);
      await this.deliver(conversationId, { ...read.activity, id });
      return id;
    });
  }

  /** Quick Exit: tell the bot to forget, then drop the buffered transcript. */
  async end(claims: TokenClaims, body: unknown): Promise<string> {
    const id = await this.post(claims, body);
    this.options.hub.forget(claims.conversationId);
    return id;
  }

  /**
   * A reply from the bot through the connector API. The bot names its replies (see replyOutbox.ts)
   * so that a reply it sends again after a crash is the same activity: one already in the
   * transcript is not added twice, and a client that has it (Web Chat keys activities by id) keeps one.
   */
  acceptFromBot(conversationId: string, activity: BotReply): string {
    const reply = this.readReply(conversationId, activity);
    return 'known' in reply ? reply.known : this.options.hub.append(conversationId, reply.activity, reply.chosenId).id;
  }

  /** A turn's replies, returned in the response to the gateway: added together, so a stream gets them in one message. */
  private acceptRepliesFromBot(conversationId: string, replies: readonly BotReply[]): void {
    const fresh: Array<{ activity: Omit<WireActivity, 'id' | 'timestamp'>; chosenId?: string }> = [];
    for (const activity of replies) {
      const reply = this.readReply(conversationId, activity);
      if ('known' in reply || (reply.chosenId !== undefined && fresh.some((other) => other.chosenId === reply.chosenId))) continue;
      fresh.push(reply);
    }
    this.options.hub.appendAll(conversationId, fresh);
  }

  private readReply(conversationId: string, activity: BotReply): { known: string } | { activity: Omit<WireActivity, 'id' | 'timestamp'>; chosenId?: string } {
    const { id, channelData, ...rest } = activity;
    const { [REPLY_ID_KEY]: replyId, ...otherChannelData } = (channelData ?? {}) as Record<string, unknown>;
    const named = typeof replyId === 'string' ? replyId : id;
    const chosenId = typeof named === 'string' && BOT_ACTIVITY_ID.test(named) ? named : undefined;
    if (chosenId && this.options.hub.holds(conversationId, chosenId)) return { known: chosenId };
    return {
      activity: { ...rest, from: rest.from ?? this.options.bot, ...(Object.keys(otherChannelData).length > 0 ? { channelData: otherChannelData } : {}) },
      chosenId,
    };
  }

  private async deliver(conversationId: string, activity: Partial<Activity>): Promise<void> {
    const result = await deliverToBot(this.options.botEndpoint(), {
      ...activity,
      channelId: 'directline',
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      serviceUrl: this.options.serviceUrl(),
      timestamp: new Date(),
    });
    if (result.ok) {
      this.acceptRepliesFromBot(conversationId, result.replies as BotReply[]);
      return;
    }
    this.options.log.warn('directline_delivery_failed', { conversationId, reason: result.reason, status: result.status });
    throw result.reason === 'timeout'
      ? new GatewayError(502, 'BotTimeout', 'The bot took too long to answer. Please send your message again.')
      : new GatewayError(502, 'BotError', 'The bot could not take that message just now. Please send it again.');
  }
}
