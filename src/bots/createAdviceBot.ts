import { ConversationState, UserState } from 'botbuilder';
import { createMainDialogMemory, MainDialog } from '../dialogs/mainDialog';
import { KnowledgeIndex } from '../knowledge/knowledgeIndex';
import { AdviceBot, AdviceBotOptions } from './adviceBot';
import { createSafetyMemory, SafetyGate } from './safetyGate';

export interface AdviceBotSetup extends AdviceBotOptions {
  /** The clock guided conversations read dates against; tests pin it. */
  readonly now?: () => Date;
}

/** The bot with its safety gate and dialogs, wired one way for the app and for tests. */
export function createAdviceBot(
  conversationState: ConversationState,
  userState: UserState,
  knowledge: KnowledgeIndex,
  setup: AdviceBotSetup,
): AdviceBot {
  const safety = new SafetyGate(createSafetyMemory(conversationState));
  const mainDialog = new MainDialog(createMainDialogMemory(conversationState), knowledge, {
    now: setup.now ?? (() => new Date()),
    signpost: (context, categories) => safety.signpost(context, categories),
  });
  return new AdviceBot(conversationState, userState, mainDialog, safety, {
    botDisplayName: setup.botDisplayName,
    maxMessageLength: setup.maxMessageLength,
  });
}
