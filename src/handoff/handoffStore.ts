import { EndedBy, Handoff, HandoffMessage, MessageSender, NewHandoff } from './handoffTypes';

/**
 * Hand-offs and their messages, kept so a queue, a live chat and every relayed message survive a
 * restart and are seen by every instance: in the SQLite file (`SqliteHandoffStore`) for one
 * instance, in PostgreSQL (`PostgresHandoffStore`) for several. Every state change is one
 * conditional UPDATE: "accept" only succeeds on a row that is still queued, which is what makes two
 * advisers pressing Accept at once safe, on one instance or two.
 */
export interface HandoffStore {
  /**
   * Queues the conversation. If it already has a queued or live hand-off (another instance may have
   * queued it a moment ago), that one is returned instead and nothing new is queued.
   */
  create(request: NewHandoff, now: Date): Promise<Handoff>;
  get(id: string): Promise<Handoff | undefined>;
  /** The queued or live hand-off of a conversation, if any (at most one, by a unique index). */
  openFor(conversationId: string): Promise<Handoff | undefined>;
  /** The most recent hand-off of a conversation, whatever its state. */
  latestFor(conversationId: string): Promise<Handoff | undefined>;
  /** Waiting people, first come first served. */
  queue(): Promise<Handoff[]>;
  /** Live chats, longest-running first. */
  connected(): Promise<Handoff[]>;
  /** True only for the one adviser whose UPDATE found the row still queued. */
  accept(id: string, adviserId: number, adviserName: string, now: Date): Promise<boolean>;
  /** True if this call ended it (false when it had already ended). */
  end(id: string, endedBy: EndedBy, outcome: string | null, now: Date): Promise<boolean>;
  /**
   * Takes a person out of the queue. True only if they were still waiting (not accepted, not gone)
   * and, with `askedBefore`, were asked "are you still there?" no later than that and have not
   * answered since.
   */
  endQueued(id: string, endedBy: 'timeout' | 'noAdvisers', now: Date, askedBefore?: Date): Promise<boolean>;
  /** The adviser's outcome can be recorded after the person ended the chat. */
  setOutcome(id: string, outcome: string): Promise<void>;
  /** Only the first answer counts. */
  setFeedback(id: string, feedback: 'helpful' | 'notHelpful'): Promise<void>;
  /** The person did something: their idle clock starts again and any "are you still there?" is answered. */
  touchUser(id: string, now: Date): Promise<void>;
  /**
   * Records that the person was asked "are you still there?". True only if they are still queued,
   * were not asked already, and have been quiet since `quietSince`.
   */
  markStillThereAsked(id: string, quietSince: Date, now: Date): Promise<boolean>;
  addMessage(handoffId: string, sender: MessageSender, text: string, now: Date): Promise<HandoffMessage>;
  /** The adviser's message, or undefined (nothing stored) unless the chat is live and theirs as it is written. */
  addAdviserMessage(handoffId: string, adviserId: number, text: string, now: Date): Promise<HandoffMessage | undefined>;
  message(id: number): Promise<HandoffMessage | undefined>;
  /** Messages of a hand-off after a given id, in order: what a reconnecting console missed. */
  messages(handoffId: string, afterId?: number): Promise<HandoffMessage[]>;
  /** Records that the person's channel took the message; the first time counts. */
  markDelivered(messageId: number, now: Date): Promise<void>;
  /** Adviser messages not yet handed to the person's channel (a restart or a send failure), oldest first. */
  undelivered(): Promise<HandoffMessage[]>;
  /** Minutes from accept to end over recent live chats, newest first, for wait estimates. */
  recentChatMinutes(limit?: number): Promise<number[]>;
}
