import { Activity, ActivityTypes, ConversationState, MemoryStorage, Storage, TestAdapter, TurnContext, UserState } from 'botbuilder';
import { createAdviceBot } from '../../src/bots/createAdviceBot';
import { ReplyOutbox } from '../../src/bots/replyOutbox';
import { RetryFilter } from '../../src/bots/retryFilter';
import { handleTurnError } from '../../src/server/botAdapter';
import { createMemoryLogger } from '../../src/logger';
import { resolve } from 'node:path';
import { KnowledgeIndex } from '../../src/knowledge/knowledgeIndex';
import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';
import { SqliteHandoffStore } from '../../src/handoff/sqliteHandoffStore';
import { HandoffDesk, HandoffDeskSettings } from '../../src/handoff/handoffDesk';
import { SqliteCallbackRequests } from '../../src/handoff/sqliteCallbackRequests';
import { SqliteEventStore } from '../../src/analytics/sqliteEventStore';
import { createOpeningHours } from '../../src/handoff/openingHours';
import { DEFAULT_OPENING_HOURS } from '../../src/handoff/openingHoursSettings';

export const TEST_DESK_SETTINGS: HandoffDeskSettings = { maxQueue: 3, chatsPerAdviser: 2, idleAskMinutes: 5, idleReleaseMinutes: 3, noAdviserGraceMinutes: 2 };
import { loadKnowledgeBase } from '../../src/knowledge/knowledgeBase';

let shared: KnowledgeIndex | undefined;
/** The shipped knowledge base, loaded once per test file. */
export function knowledgeBase(): KnowledgeIndex {
  shared ??= loadKnowledgeBase(resolve(__dirname, '..', '..'));
  return shared;
}

/** The real bot, turn order and middleware on a TestAdapter, for transcript-style tests. */
export function createConversation(options: { storage?: Storage; channelId?: string; maxMessageLength?: number; now?: () => Date } = {}) {
  const storage = options.storage ?? new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const log = createMemoryLogger();
  const database = openSqliteDatabase(':memory:');
  const hours = createOpeningHours(DEFAULT_OPENING_HOURS);
  // A Saturday unless the test pins the clock: the helpline is closed and no adviser is online.
  const now = options.now ?? (() => new Date('2026-12-05T11:00:00Z'));
  const desk = new HandoffDesk(new SqliteHandoffStore(database), TEST_DESK_SETTINGS, (at) => hours.isOpen(at), now);
  const callbacks = new SqliteCallbackRequests(database);
  const events = new SqliteEventStore(database);
  let adapter: TestAdapter | undefined;
  const bot = createAdviceBot(conversationState, userState, knowledgeBase(), {
    botDisplayName: 'Family Rights Advice Bot',
    maxMessageLength: options.maxMessageLength ?? 4000,
    now,
    handoff: {
      desk,
      callbacks,
      nextOpening: (at) => hours.nextOpening(at),
      sendHandoffEvent: true,
      // TestAdapter has no continueConversation: run the logic in an event turn of the same conversation.
      send: async (reference, logic) =>
        adapter?.processActivity(TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'ContinueConversation' }, reference, true), logic),
      log,
    },
    analytics: events,
  });
  adapter = new TestAdapter(async (context) => bot.run(context), {
    channelId: options.channelId ?? 'directline',
    conversation: { id: 'conversation-1', isGroup: false, conversationType: 'personal', name: '' },
    user: { id: 'dl_user', name: '' },
    bot: { id: 'bot', name: 'bot' },
  } as never);
  adapter.use(new RetryFilter(conversationState.createProperty<string[]>('handledActivityIds'), new ReplyOutbox(conversationState)));
  adapter.onTurnError = (context, error) => handleTurnError(context, error, log);
  bot.handoff.delivery.start();
  return { adapter, storage, log, desk, callbacks, database, bot, events };
}

/** Sends one activity and collects every message the bot sent in reply. */
export async function say(adapter: TestAdapter, activity: string | Partial<Activity>): Promise<Partial<Activity>[]> {
  adapter.activeQueue.length = 0;
  await adapter.receiveActivity(activity);
  const replies = adapter.activeQueue.filter((a) => a.type === ActivityTypes.Message);
  adapter.activeQueue.length = 0;
  return replies;
}

export function textsOf(replies: Partial<Activity>[]): string {
  return replies.map((r) => r.text ?? '').join('\n');
}

export function buttonsOf(replies: Partial<Activity>[]): string[] {
  return (replies.at(-1)?.suggestedActions?.actions ?? []).map((a) => a.title ?? '');
}

export function joinActivity(): Partial<Activity> {
  return {
    type: ActivityTypes.ConversationUpdate,
    membersAdded: [{ id: 'bot', name: 'bot' }, { id: 'dl_user', name: '' }],
  };
}
