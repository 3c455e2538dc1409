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
  /** A sweep could not finish (the database unreachable); the next one tries again. */
  sweepFailed: [unknown];
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
  private sweeping = false;

  constructor(
    readonly store: HandoffStore,
    private readonly settings: HandoffDeskSettings,
    private readonly isOpen: (at: Date) => boolean,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
    this.lastAdviserSeenAt = this.now().getTime();
  }

  async availability(): Promise<Availability> {
    const at = this.now();
    if (!this.isOpen(at)) return { live: false, reason: 'closed' };
    const advisersAvailable = this.availableAdvisers().length;
    if (advisersAvailable === 0) return { live: false, reason: 'noAdvisers' };
    if ((await this.store.queue()).length >= this.settings.maxQueue) return { live: false, reason: 'queueFull' };
    return { live: true, advisersAvailable };
  }

  /** Joins the queue (or returns the conversation's existing place). */
  async request(request: NewHandoff): Promise<Handoff> {
    const existing = await this.store.openFor(request.conversationId);
    if (existing) return existing;
    // The store returns the open hand-off if one appeared since (another instance, the same person twice).
    const handoff = await this.store.create(request, this.now());
    this.emit('queueChanged');
    return handoff;
  }

  async placeOf(handoffId: string): Promise<QueuePlace | undefined> {
    return (await this.queuePlaces()).find((entry) => entry.handoff.id === handoffId)?.place;
  }

  /** Everyone waiting, first come first served, with their place and expected wait. */
  async queuePlaces(): Promise<Array<{ readonly handoff: Handoff; readonly place: QueuePlace }>> {
    const [queue, connected, recentChatMinutes] = await Promise.all([this.store.queue(), this.store.connected(), this.store.recentChatMinutes()]);
    const available = this.availableAdvisers();
    const availableIds = new Set(available.map((a) => a.accountId));
    const liveChats = connected.filter((h) => h.adviserId !== null && availableIds.has(h.adviserId)).length;
    return queue.map((handoff, index) => ({
      handoff,
      place: {
        position: index + 1,
        waitMinutes: estimateWaitMinutes({
          position: index + 1,
          advisersAvailable: available.length,
          chatsPerAdviser: this.settings.chatsPerAdviser,
          liveChats,
          recentChatMinutes,
        }),
      },
    }));
  }

  /** The conditional UPDATE decides who gets the person; the reads only explain a refusal. */
  async accept(handoffId: string, adviser: { readonly accountId: number; readonly displayName: string }): Promise<Handoff> {
    if (!(await this.store.accept(handoffId, adviser.accountId, adviser.displayName, this.now()))) {
      const handoff = await this.store.get(handoffId);
      if (!handoff) throw new HandoffError(404, 'That conversation is no longer in the queue.');
      throw new HandoffError(409, handoff.status === 'ended' ? 'The person has left the queue.' : 'Another adviser has already taken this conversation.');
    }
    const accepted = (await this.store.get(handoffId)) as Handoff;
    this.emit('accepted', accepted);
    this.emit('queueChanged');
    return accepted;
  }

  /** A message from the person, while queued or connected. */
  async fromUser(handoffId: string, text: string): Promise<HandoffMessage> {
    const at = this.now();
    await this.store.touchUser(handoffId, at);
    const message = await this.store.addMessage(handoffId, 'user', text, at);
    this.emit('userMessage', message);
    return message;
  }

  /** A message from the adviser who has the conversation. */
  async fromAdviser(handoffId: string, adviserId: number, text: string): Promise<HandoffMessage> {
    await this.ownedBy(handoffId, adviserId);
    // Still theirs at the moment of writing: the person may have left since the check.
    const message = await this.store.addAdviserMessage(handoffId, adviserId, text, this.now());
    if (!message) throw new HandoffError(409, 'This conversation has ended.');
    this.emit('adviserMessage', message, (await this.store.get(handoffId)) as Handoff);
    return message;
  }

  /** A note from the bot for the adviser, shown in the chat (e.g. that urgent numbers were shown). */
  async note(handoffId: string, text: string): Promise<HandoffMessage> {
    const message = await this.store.addMessage(handoffId, 'system', text, this.now());
    this.emit('userMessage', message);
    // Advisers looking at the queue see the note's flag on the waiting person.
    if ((await this.store.get(handoffId))?.status === 'queued') this.emit('queueChanged');
    return message;
  }

  typing(handoffId: string, from: 'user' | 'adviser'): void {
    this.emit('typing', { handoffId, from });
  }

  /** The person is still there (any activity): resets the idle clock. */
  async userActive(handoffId: string): Promise<void> {
    await this.store.touchUser(handoffId, this.now());
  }

  async end(handoffId: string, endedBy: EndedBy, outcome: string | null = null): Promise<Handoff | undefined> {
    if (!(await this.store.end(handoffId, endedBy, outcome, this.now()))) {
      if (outcome) await this.store.setOutcome(handoffId, outcome);
      return this.store.get(handoffId);
    }
    const ended = (await this.store.get(handoffId)) as Handoff;
    this.announceEnd(ended);
    return ended;
  }

  async endByAdviser(handoffId: string, adviserId: number, outcome: string): Promise<Handoff | undefined> {
    const handoff = await this.store.get(handoffId);
    if (handoff?.status === 'ended' && handoff.adviserId === adviserId) {
      await this.store.setOutcome(handoffId, outcome);
      return this.store.get(handoffId);
    }
    await this.ownedBy(handoffId, adviserId);
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
   * those who stay quiet, and releases everyone if no adviser has been online for a while. Never
   * rejects: a failure (the database unreachable) is reported as `sweepFailed` and the next sweep
   * tries again. A sweep still running when the next is due is not started twice.
   */
  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      await this.sweepQueue();
    } catch (error) {
      this.emit('sweepFailed', error);
    } finally {
      this.sweeping = false;
    }
  }

  private async sweepQueue(): Promise<void> {
    const at = this.now();
    const now = at.getTime();
    const minutes = (iso: string) => (now - Date.parse(iso)) / 60000;
    const minutesAgo = (n: number) => new Date(now - n * 60000);
    if (this.availableAdvisers().length > 0) this.lastAdviserSeenAt = now;
    const noAdvisersFor = (now - this.lastAdviserSeenAt) / 60000;
    // Each change below is conditional in the store, so a person who writes, or an adviser who
    // accepts, after the queue was read here is not asked or released on stale information.
    for (const handoff of await this.store.queue()) {
      if (noAdvisersFor >= this.settings.noAdviserGraceMinutes) {
        await this.release(handoff.id, 'noAdvisers', at);
      } else if (handoff.stillThereAskedAt === null && minutes(handoff.lastUserActivityAt) >= this.settings.idleAskMinutes) {
        if (await this.store.markStillThereAsked(handoff.id, minutesAgo(this.settings.idleAskMinutes), at)) {
          this.emit('stillThere', (await this.store.get(handoff.id)) as Handoff);
        }
      } else if (handoff.stillThereAskedAt !== null && minutes(handoff.stillThereAskedAt) >= this.settings.idleReleaseMinutes) {
        await this.release(handoff.id, 'timeout', at, minutesAgo(this.settings.idleReleaseMinutes));
      }
    }
  }

  private async release(handoffId: string, endedBy: 'timeout' | 'noAdvisers', at: Date, askedBefore?: Date): Promise<void> {
    if (await this.store.endQueued(handoffId, endedBy, at, askedBefore)) this.announceEnd((await this.store.get(handoffId)) as Handoff);
  }

  private announceEnd(ended: Handoff): void {
    this.emit('ended', ended);
    // Never accepted: it was in the queue until now.
    if (ended.acceptedAt === null) this.emit('queueChanged');
  }

  private availableAdvisers(): AdviserPresence[] {
    return this.advisers().filter((a) => a.available);
  }

  private async ownedBy(handoffId: string, adviserId: number): Promise<Handoff> {
    const handoff = await this.store.get(handoffId);
    if (!handoff) throw new HandoffError(404, 'There is no such conversation.');
    if (handoff.status !== 'connected' || handoff.adviserId !== adviserId) {
      throw new HandoffError(409, handoff.status === 'ended' ? 'This conversation has ended.' : 'This conversation is not yours.');
    }
    return handoff;
  }
}
