import { EventEmitter } from 'node:events';
import { HandoffStore } from './handoffStore';
import { EndedBy, Handoff, HandoffMessage, NewHandoff } from './handoffTypes';
import { estimateWaitMinutes } from './waitEstimate';

export interface HandoffDeskSettings {
  /** Most people waiting at once; beyond it the bot offers the phone and a callback instead. */
  readonly maxQueue: number;
  readonly chatsPerAdviser: number;
  /** Silence in the queue before the bot asks "are you still there?". */
  readonly idleAskMinutes: number;
  /** Further silence after that question before the person is taken out of the queue. */
  readonly idleReleaseMinutes: number;
  /** How long the queue waits for an adviser to come back online before releasing people. */
  readonly noAdviserGraceMinutes: number;
}

export interface AdviserPresence {
  readonly accountId: number;
  readonly displayName: string;
  readonly available: boolean;
  readonly connections: number;
}

/** Why someone cannot be offered a live chat right now. */
export type Availability =
  | { readonly live: true; readonly advisersAvailable: number }
  | { readonly live: false; readonly reason: 'closed' | 'noAdvisers' | 'queueFull' };

export interface QueuePlace {
  readonly position: number;
  readonly waitMinutes: number;
}

/** Everything the bot and the consoles react to. */
export interface HandoffDeskEvents {
  queueChanged: [];
  accepted: [Handoff];
  ended: [Handoff];
  userMessage: [HandoffMessage];
  adviserMessage: [HandoffMessage, Handoff];
  typing: [{ readonly handoffId: string; readonly from: 'user' | 'adviser' }];
  stillThere: [Handoff];
  presenceChanged: [];
}

export class HandoffError extends Error {
  constructor(readonly status: 404 | 409, message: string) {
    super(message);
    this.name = 'HandoffError';
  }
}

/**
 * The helpline's live-chat desk: who is waiting, which advisers are online, who is talking to
 * whom. State that must survive a restart is in `HandoffStore`; adviser presence is live
 * connections only, so it is rebuilt as consoles reconnect.
 */
export class HandoffDesk extends EventEmitter<HandoffDeskEvents> {
  private readonly presence = new Map<number, { displayName: string; available: boolean; connections: number }>();
  /** "Available" as each adviser last set it, remembered across page reloads. */
  private readonly availableChoice = new Map<number, boolean>();
  private lastAdviserSeenAt: number;

  constructor(
    readonly store: HandoffStore,
    private readonly settings: HandoffDeskSettings,
    private readonly isOpen: (at: Date) => boolean,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
    this.lastAdviserSeenAt = this.now().getTime();
  }

  availability(): Availability {
    const at = this.now();
    if (!this.isOpen(at)) return { live: false, reason: 'closed' };
    const advisersAvailable = this.availableAdvisers().length;
    if (advisersAvailable === 0) return { live: false, reason: 'noAdvisers' };
    if (this.store.queue().length >= this.settings.maxQueue) return { live: false, reason: 'queueFull' };
    return { live: true, advisersAvailable };
  }

  /** Joins the queue (or returns the conversation's existing place). */
  request(request: NewHandoff): Handoff {
    const existing = this.store.openFor(request.conversationId);
    if (existing) return existing;
    const handoff = this.store.create(request, this.now());
    this.emit('queueChanged');
    return handoff;
  }

  placeOf(handoffId: string): QueuePlace | undefined {
    const queue = this.store.queue();
    const index = queue.findIndex((h) => h.id === handoffId);
    if (index < 0) return undefined;
    const available = this.availableAdvisers();
    const availableIds = new Set(available.map((a) => a.accountId));
    const liveChats = this.store.connected().filter((h) => h.adviserId !== null && availableIds.has(h.adviserId)).length;
    return {
      position: index + 1,
      waitMinutes: estimateWaitMinutes({
        position: index + 1,
        advisersAvailable: available.length,
        chatsPerAdviser: this.settings.chatsPerAdviser,
        liveChats,
        recentChatMinutes: this.store.recentChatMinutes(),
      }),
    };
  }

  accept(handoffId: string, adviser: { readonly accountId: number; readonly displayName: string }): Handoff {
    const handoff = this.store.get(handoffId);
    if (!handoff) throw new HandoffError(404, 'That conversation is no longer in the queue.');
    if (!this.store.accept(handoffId, adviser.accountId, adviser.displayName, this.now())) {
      throw new HandoffError(409, handoff.status === 'ended' ? 'The person has left the queue.' : 'Another adviser has already taken this conversation.');
    }
    const accepted = this.store.get(handoffId) as Handoff;
    this.emit('accepted', accepted);
    this.emit('queueChanged');
    return accepted;
  }

  /** A message from the person, while queued or connected. */
  fromUser(handoffId: string, text: string): HandoffMessage {
    const at = this.now();
    this.store.touchUser(handoffId, at);
    const message = this.store.addMessage(handoffId, 'user', text, at);
    this.emit('userMessage', message);
    return message;
  }

  /** A message from the adviser who has the conversation. */
  fromAdviser(handoffId: string, adviserId: number, text: string): HandoffMessage {
    const handoff = this.ownedBy(handoffId, adviserId);
    const message = this.store.addMessage(handoffId, 'adviser', text, this.now());
    this.emit('adviserMessage', message, handoff);
    return message;
  }

  /** A note from the bot for the adviser, shown in the chat (e.g. that urgent numbers were shown). */
  note(handoffId: string, text: string): HandoffMessage {
    const message = this.store.addMessage(handoffId, 'system', text, this.now());
    this.emit('userMessage', message);
    // Advisers looking at the queue see the note's flag on the waiting person.
    if (this.store.get(handoffId)?.status === 'queued') this.emit('queueChanged');
    return message;
  }

  typing(handoffId: string, from: 'user' | 'adviser'): void {
    this.emit('typing', { handoffId, from });
  }

  /** The person is still there (any activity): resets the idle clock. */
  userActive(handoffId: string): void {
    this.store.touchUser(handoffId, this.now());
  }

  end(handoffId: string, endedBy: EndedBy, outcome: string | null = null): Handoff | undefined {
    const before = this.store.get(handoffId);
    if (!before) return undefined;
    if (!this.store.end(handoffId, endedBy, outcome, this.now())) {
      if (outcome) this.store.setOutcome(handoffId, outcome);
      return this.store.get(handoffId);
    }
    const ended = this.store.get(handoffId) as Handoff;
    this.emit('ended', ended);
    if (before.status === 'queued') this.emit('queueChanged');
    return ended;
  }

  endByAdviser(handoffId: string, adviserId: number, outcome: string): Handoff | undefined {
    const handoff = this.store.get(handoffId);
    if (handoff?.status === 'ended' && handoff.adviserId === adviserId) {
      this.store.setOutcome(handoffId, outcome);
      return this.store.get(handoffId);
    }
    this.ownedBy(handoffId, adviserId);
    return this.end(handoffId, 'adviser', outcome);
  }

  /** A console connected; the returned function is called when it disconnects. */
  adviserConnected(accountId: number, displayName: string): () => void {
    const entry = this.presence.get(accountId) ?? { displayName, available: this.availableChoice.get(accountId) ?? true, connections: 0 };
    entry.connections += 1;
    this.presence.set(accountId, entry);
    this.lastAdviserSeenAt = this.now().getTime();
    this.emit('presenceChanged');
    let released = false;
    return () => {
      if (released) return;
      released = true;
      entry.connections -= 1;
      if (entry.connections <= 0) this.presence.delete(accountId);
      this.lastAdviserSeenAt = this.now().getTime();
      this.emit('presenceChanged');
    };
  }

  setAvailable(accountId: number, available: boolean): void {
    this.availableChoice.set(accountId, available);
    const entry = this.presence.get(accountId);
    if (!entry) return;
    entry.available = available;
    this.emit('presenceChanged');
  }

  advisers(): AdviserPresence[] {
    return [...this.presence.entries()].map(([accountId, p]) => ({ accountId, displayName: p.displayName, available: p.available, connections: p.connections }));
  }

  /**
   * Runs every few seconds: asks quiet people in the queue if they are still there, releases
   * those who stay quiet, and releases everyone if no adviser has been online for a while.
   */
  sweep(): void {
    const now = this.now().getTime();
    const minutes = (iso: string) => (now - Date.parse(iso)) / 60000;
    if (this.availableAdvisers().length > 0) this.lastAdviserSeenAt = now;
    const noAdvisersFor = (now - this.lastAdviserSeenAt) / 60000;
    for (const handoff of this.store.queue()) {
      if (noAdvisersFor >= this.settings.noAdviserGraceMinutes) {
        this.end(handoff.id, 'noAdvisers');
      } else if (handoff.stillThereAskedAt === null && minutes(handoff.lastUserActivityAt) >= this.settings.idleAskMinutes) {
        this.store.markStillThereAsked(handoff.id, this.now());
        this.emit('stillThere', this.store.get(handoff.id) as Handoff);
      } else if (handoff.stillThereAskedAt !== null && minutes(handoff.stillThereAskedAt) >= this.settings.idleReleaseMinutes) {
        this.end(handoff.id, 'timeout');
      }
    }
  }

  private availableAdvisers(): AdviserPresence[] {
    return this.advisers().filter((a) => a.available);
  }

  private ownedBy(handoffId: string, adviserId: number): Handoff {
    const handoff = this.store.get(handoffId);
    if (!handoff) throw new HandoffError(404, 'There is no such conversation.');
    if (handoff.status !== 'connected' || handoff.adviserId !== adviserId) {
      throw new HandoffError(409, handoff.status === 'ended' ? 'This conversation has ended.' : 'This conversation is not yours.');
    }
    return handoff;
  }
}
