import { ConversationState, UserState } from 'botbuilder';
import { createMainDialogMemory, MainDialog, MainDialogMemory } from '../dialogs/mainDialog';
import { ConversationForAdviser, HandoffServices } from '../dialogs/handoff/handoffServices';
import { learnedFacts } from '../dialogs/handoff/learnedFacts';
import { SITUATION_SCRIPTS } from '../dialogs/situations/situationScripts';
import { ukDay } from '../dialogs/situations/scriptDates';
import { CallbackRequests } from '../handoff/callbackRequests';
import { HandoffDesk } from '../handoff/handoffDesk';
import { KnowledgeIndex } from '../knowledge/knowledgeIndex';
import { describeError, Logger } from '../logger';
import { AdviceBot, AdviceBotOptions } from './adviceBot';
import { AdviserDelivery, ProactiveSender, Reach } from './adviserDelivery';
import { AnalyticsSink } from '../analytics/analyticsEvent';
import { createTracker, trackHandoffs } from './analyticsTracker';
import { ConversationLog } from './conversationLog';
import { HandoffRelay } from './handoffRelay';
import { createSafetyMemory, SafetyGate } from './safetyGate';

export interface HandoffSetup {
  readonly desk: HandoffDesk;
  readonly callbacks: CallbackRequests;
  readonly nextOpening: (at: Date) => Date | null;
  readonly sendHandoffEvent: boolean;
  /** How adviser-side events reach the person outside their own turns. */
  readonly send: ProactiveSender;
  /** Which instance can reach the person of a hand-off (with one instance, this one: the default). */
  readonly reach?: Reach;
  readonly log: Logger;
}

export interface AdviceBotSetup extends AdviceBotOptions {
  /** The clock guided conversations read dates against; tests pin it. */
  readonly now?: () => Date;
  readonly handoff: HandoffSetup;
  /** Where analytics events go (the store redacts their text). */
  readonly analytics: AnalyticsSink;
}

/** The bot with its safety gate, dialogs and hand-off, wired one way for the app and for tests. */
export function createAdviceBot(
  conversationState: ConversationState,
  userState: UserState,
  knowledge: KnowledgeIndex,
  setup: AdviceBotSetup,
): AdviceBot {
  const now = setup.now ?? (() => new Date());
  const track = createTracker(setup.analytics, now);
  trackHandoffs(setup.handoff.desk, setup.analytics, now);
  setup.handoff.desk.on('sweepFailed', (error) => setup.handoff.log.warn('handoff_sweep_failed', describeError(error)));
  setup.handoff.desk.on('signalFailed', (error) => setup.handoff.log.warn('handoff_signal_failed', describeError(error)));
  const safety = new SafetyGate(createSafetyMemory(conversationState), track);
  const memory = createMainDialogMemory(conversationState);
  const log = new ConversationLog(conversationState, now);
  const confidentialityShown = conversationState.createProperty<boolean>('confidentialityShown');
  const handoff: HandoffServices = {
    desk: setup.handoff.desk,
    callbacks: setup.handoff.callbacks,
    nextOpening: setup.handoff.nextOpening,
    now,
    sendHandoffEvent: setup.handoff.sendHandoffEvent,
    describeConversation: async (context) => describeForAdviser(await log.recent(context), await memory.lastSituation.get(context), await memory.lastTopic.get(context), now()),
    confidentialityShown: (context) => confidentialityShown.get(context, false),
    markConfidentialityShown: (context) => confidentialityShown.set(context, true),
    track,
  };
  const mainDialog = new MainDialog(memory, knowledge, {
    now,
    signpost: (context, categories) => safety.signpost(context, categories),
    handoff,
    forgetForAdviser: (context) => log.forget(context),
    track,
    assessCrisis: (context, text) => safety.assess(context, text),
    dangerMentioned: (context) => safety.dangerMentioned(context),
  });
  const relay = new HandoffRelay(setup.handoff.desk, safety, conversationState.createProperty<string | undefined>('handoffFeedbackFor'), track);
  const delivery = new AdviserDelivery(setup.handoff.desk, setup.handoff.send, conversationState, relay.feedbackFor, setup.handoff.log, setup.handoff.reach);
  return new AdviceBot(conversationState, userState, mainDialog, safety, { relay, delivery, log }, track, {
    botDisplayName: setup.botDisplayName,
    maxMessageLength: setup.maxMessageLength,
  });
}

function describeForAdviser(
  transcript: ConversationForAdviser['transcript'],
  situation: Awaited<ReturnType<MainDialogMemory['lastSituation']['get']>>,
  lastTopic: string | undefined,
  now: Date,
): ConversationForAdviser {
  const script = situation && SITUATION_SCRIPTS.find((s) => s.topic === situation.topic);
  return {
    topic: situation?.topic ?? lastTopic ?? null,
    learned: script && situation ? learnedFacts(script, situation.answers, ukDay(now)) : [],
    transcript,
  };
}
