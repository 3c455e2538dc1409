import { EventEmitter } from 'node:events';
import type { DeskBroadcast, DeskSignal, ReceivedSignal } from './deskBroadcast';
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

/**
 * Where a change happened: on this instance, or on another one sharing the database (heard
 * through the `DeskBroadcast`). Consoles show both; the person is told by one instance only.
 */
export type Origin = 'here' | 'elsewhere';

/** Everything the bot and the consoles react to. */
export interface HandoffDeskEvents {
  queueChanged: [Origin];
  accepted: [Handoff, Origin];
  ended: [Handoff, Origin];
  userMessage: [HandoffMessage, Origin];
  adviserMessage: [HandoffMessage, Handoff, Origin];
  typing: [{ readonly handoffId: string; readonly from: 'user' | 'adviser' }, Origin];
  stillThere: [Handoff, Origin];
  presenceChanged: [];
  /** Changes on other instances may have been missed (the link to them was down): reload everything. */
  resync: [];
  /** A sweep could not finish (the database unreachable); the next one tries again. */
  sweepFailed: [unknown];
  /** A change heard from another instance could not be read (the database unreachable). */
  signalFailed: [unknown];
}

/** How long another instance's advisers count as online after it last said so (it says so every sweep). */
const REMOTE_PRESENCE_MS = 45_000;

export class HandoffError extends Error {
  constructor(readonly status: 404 | 409, message: string) {
    super(message);
    this.name = 'HandoffError';
  }
}

/**
 * The helpline's live-chat desk: who is waiting, which advisers are online, who is talking to
 * whom. State that must survive a restart is in `HandoffStore`; adviser presence is live
 * connections only, so it is rebuilt as consoles reconnect. With several instances (`shareWith`),
 * each tells the others what changed and which advisers it has, so a person on one instance and
 * an adviser on another chat as if there were one.
 */
export class HandoffDesk extends EventEmitter<HandoffDeskEvents> {
  private readonly presence = new Map<number, { displayName: string; available: boolean; connections: number }>();
  /** "Available" as each adviser last set it, remembered across page reloads. */
  private readonly availableChoice = new Map<number, boolean>();
  /** Advisers connected to other instances, by instance, until their next report is due. */
  private readonly remotePresence = new Map<string, { readonly advisers: readonly AdviserPresence[]; readonly until: number }>();
  private lastAdviserSeenAt: number;
  private sweeping = false;
  private broadcast: DeskBroadcast | undefined;
  /** Signals from other instances are applied one at a time, in the order they came. */
  private applying: Promise<void> = Promise.resolve();

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
    this.queueChanged();
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
    this.emit('accepted', accepted, 'here');
    this.share({ kind: 'accepted', handoffId });
    this.queueChanged();
    return accepted;
  }

  /** A message from the person, while queued or connected. */
  async fromUser(handoffId: string, text: string): Promise<HandoffMessage> {
    const at = this.now();
    await this.store.touchUser(handoffId, at);
    const message = await this.store.addMessage(handoffId, 'user', text, at);
    this.userMessage(message);
    return message;
  }

  /** A message from the adviser who has the conversation. */
  async fromAdviser(handoffId: string, adviserId: number, text: string): Promise<HandoffMessage> {
    await this.ownedBy(handoffId, adviserId);
    // Still theirs at the moment of writing: the person may have left since the check.
    const message = await this.store.addAdviserMessage(handoffId, adviserId, text, this.now());
    if (!message) throw new HandoffError(409, 'This conversation has ended.');
    this.emit('adviserMessage', message, (await this.store.get(handoffId)) as Handoff, 'here');
    this.share({ kind: 'adviserMessage', handoffId, messageId: message.id });
    return message;
  }

  /** A note from the bot for the adviser, shown in the chat (e.g. that urgent numbers were shown). */
  async note(handoffId: string, text: string): Promise<HandoffMessage> {
    const message = await this.store.addMessage(handoffId, 'system', text, this.now());
    this.userMessage(message);
    // Advisers looking at the queue see the note's flag on the waiting person.
    if ((await this.store.get(handoffId))?.status === 'queued') this.queueChanged();
    return message;
  }

  typing(handoffId: string, from: 'user' | 'adviser'): void {
    this.emit('typing', { handoffId, from }, 'here');
    this.share({ kind: 'typing', handoffId, from });
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
    this.presenceChanged();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      entry.connections -= 1;
      if (entry.connections <= 0) this.presence.delete(accountId);
      this.lastAdviserSeenAt = this.now().getTime();
      this.presenceChanged();
    };
  }

  setAvailable(accountId: number, available: boolean): void {
    this.availableChoice.set(accountId, available);
    const entry = this.presence.get(accountId);
    if (!entry) return;
    entry.available = available;
    this.presenceChanged();
  }

  /** Advisers online on any instance: an adviser with consoles on two counts once, available if either is. */
  advisers(): AdviserPresence[] {
    const merged = new Map<number, AdviserPresence>();
    const now = this.now().getTime();
    const remote = [...this.remotePresence.values()].filter((entry) => entry.until > now).flatMap((entry) => entry.advisers);
    for (const adviser of [...this.localAdvisers(), ...remote]) {
      const seen = merged.get(adviser.accountId);
      merged.set(
        adviser.accountId,
        seen ? { ...seen, available: seen.available || adviser.available, connections: seen.connections + adviser.connections } : adviser,
      );
    }
    return [...merged.values()];
  }

  /**
   * Joins the other instances sharing the database: from now on this desk tells them every change
   * and which advisers it has, and passes on theirs as events with the origin "elsewhere".
   */
  shareWith(broadcast: DeskBroadcast): void {
    this.broadcast = broadcast;
    broadcast.listen({
      received: (signal) => {
        this.applying = this.applying.then(() => this.apply(signal)).catch((error: unknown) => {
          this.emit('signalFailed', error);
        });
      },
      missed: () => this.emit('resync'),
    });
    broadcast.publish({ kind: 'presenceWanted' });
    this.sharePresence();
  }

  /** Tells the other instances this one has no advisers any more (it is stopping). */
  leave(): void {
    this.broadcast?.publish({ kind: 'presence', advisers: [] });
  }

  /**
   * Runs every few seconds: asks quiet people in the queue if they are still there, releases
   * those who stay quiet, and releases everyone if no adviser has been online for a while. Never
   * rejects: a failure (the database unreachable) is reported as `sweepFailed` and the next sweep
   * tries again. A sweep still running when the next is due is not started twice.
   */
  async sweep(): Promise<void> {
    // Also the heartbeat that keeps this instance's advisers counted on the others.
    this.sharePresence();
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
          this.emit('stillThere', (await this.store.get(handoff.id)) as Handoff, 'here');
          this.share({ kind: 'stillThere', handoffId: handoff.id });
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
    this.emit('ended', ended, 'here');
    this.share({ kind: 'ended', handoffId: ended.id });
    // Never accepted: it was in the queue until now.
    if (ended.acceptedAt === null) this.queueChanged();
  }

  private queueChanged(): void {
    this.emit('queueChanged', 'here');
    this.share({ kind: 'queueChanged' });
  }

  private userMessage(message: HandoffMessage): void {
    this.emit('userMessage', message, 'here');
    this.share({ kind: 'userMessage', handoffId: message.handoffId, messageId: message.id });
  }

  private presenceChanged(): void {
    this.emit('presenceChanged');
    this.sharePresence();
  }

  private share(signal: DeskSignal): void {
    this.broadcast?.publish(signal);
  }

  private sharePresence(): void {
    this.share({ kind: 'presence', advisers: this.localAdvisers() });
  }

  /** What another instance said, as the same events this desk emits for its own changes. */
  private async apply({ from, signal }: ReceivedSignal): Promise<void> {
    switch (signal.kind) {
      case 'queueChanged':
        return void this.emit('queueChanged', 'elsewhere');
      case 'accepted':
      case 'ended':
      case 'stillThere': {
        const handoff = await this.store.get(signal.handoffId);
        if (handoff) this.emit(signal.kind, handoff, 'elsewhere');
        return;
      }
      case 'userMessage': {
        const message = await this.store.message(signal.messageId);
        if (message?.handoffId === signal.handoffId) this.emit('userMessage', message, 'elsewhere');
        return;
      }
      case 'adviserMessage': {
        const [message, handoff] = await Promise.all([this.store.message(signal.messageId), this.store.get(signal.handoffId)]);
        if (message?.handoffId === signal.handoffId && handoff) this.emit('adviserMessage', message, handoff, 'elsewhere');
        return;
      }
      case 'typing':
        return void this.emit('typing', { handoffId: signal.handoffId, from: signal.from }, 'elsewhere');
      case 'presence': {
        const now = this.now().getTime();
        this.remotePresence.set(from, { advisers: signal.advisers, until: now + REMOTE_PRESENCE_MS });
        if (signal.advisers.some((adviser) => adviser.available)) this.lastAdviserSeenAt = now;
        return void this.emit('presenceChanged');
      }
      case 'presenceWanted':
        return this.sharePresence();
      case 'resync':
        return void this.emit('resync');
    }
  }

  private localAdvisers(): AdviserPresence[] {
    return [...this.presence.entries()].map(([accountId, p]) => ({ accountId, displayName: p.displayName, available: p.available, connections: p.connections }));
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
