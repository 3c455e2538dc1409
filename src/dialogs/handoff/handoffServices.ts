import { TurnContext } from 'botbuilder';
import { CallbackRequests } from '../../handoff/callbackRequests';
import { HandoffDesk } from '../../handoff/handoffDesk';
import { LearnedFact, TranscriptLine } from '../../handoff/handoffTypes';
import { AnalyticsEventData } from '../../analytics/analyticsEvent';

/** What the talk-to-a-person and callback dialogs need from the rest of the bot. */
export interface HandoffServices {
  readonly desk: HandoffDesk;
  readonly callbacks: CallbackRequests;
  /** The next instant the helpline opens; null while open or when no opening is known. */
  readonly nextOpening: (at: Date) => Date | null;
  readonly now: () => Date;
  /** Also send Bot Framework's standard handoff.initiate event, for a contact-centre platform. */
  readonly sendHandoffEvent: boolean;
  /** What the bot knows of this conversation, for the adviser. */
  readonly describeConversation: (context: TurnContext) => Promise<ConversationForAdviser>;
  /** "Shown once": the confidentiality statement is remembered per conversation. */
  readonly confidentialityShown: (context: TurnContext) => Promise<boolean>;
  readonly markConfidentialityShown: (context: TurnContext) => Promise<void>;
  readonly track: (context: TurnContext, data: AnalyticsEventData) => void;
}

export interface ConversationForAdviser {
  readonly topic: string | null;
  readonly learned: readonly LearnedFact[];
  readonly transcript: readonly TranscriptLine[];
}
