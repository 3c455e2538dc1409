/** Plain data shared by the queue, the bot and the adviser console. */

export type HandoffStatus = 'queued' | 'connected' | 'ended';
export type MessageSender = 'user' | 'adviser' | 'system';
/** Who ended a hand-off: the person, the adviser, the bot after silence, or Quick Exit. */
export type EndedBy = 'user' | 'adviser' | 'timeout' | 'quickExit' | 'noAdvisers';

/** One thing the bot learned before the hand-off, as the adviser should read it. */
export interface LearnedFact {
  readonly label: string;
  readonly value: string;
}

/** A line of the conversation before the hand-off, shared only with the person's consent. */
export interface TranscriptLine {
  readonly from: 'user' | 'bot';
  readonly text: string;
  readonly at: string;
}

export interface Handoff {
  readonly id: string;
  readonly conversationId: string;
  /** The channel's conversation reference (JSON), so replies can reach the person later. */
  readonly conversationRef: unknown;
  readonly status: HandoffStatus;
  readonly topic: string | null;
  readonly learned: readonly LearnedFact[];
  /** null when the person did not consent to sharing the conversation so far. */
  readonly transcript: readonly TranscriptLine[] | null;
  readonly requestedAt: string;
  readonly lastUserActivityAt: string;
  readonly stillThereAskedAt: string | null;
  readonly acceptedAt: string | null;
  readonly adviserId: number | null;
  readonly adviserName: string | null;
  readonly endedAt: string | null;
  readonly endedBy: EndedBy | null;
  readonly outcome: string | null;
  readonly feedback: 'helpful' | 'notHelpful' | null;
}

export interface HandoffMessage {
  readonly id: number;
  readonly handoffId: string;
  readonly sender: MessageSender;
  readonly text: string;
  readonly sentAt: string;
  readonly deliveredAt: string | null;
}

export interface NewHandoff {
  readonly conversationId: string;
  readonly conversationRef: unknown;
  readonly topic: string | null;
  readonly learned: readonly LearnedFact[];
  readonly transcript: readonly TranscriptLine[] | null;
}
