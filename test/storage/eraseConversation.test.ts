import { Activity, ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import type { AnalyticsEventData } from '../../src/analytics/analyticsEvent';
import { describeOnEachDatabase, type AnalyticsDatabase } from '../analytics/analyticsDatabases';

/** The key botbuilder itself stores a conversation's state under. */
function stateKey(conversationId: string): string {
  const context = new TurnContext(new TestAdapter(), { type: 'message', channelId: 'msteams', conversation: { id: conversationId } } as Activity);
  return new ConversationState(new MemoryStorage()).getStorageKey(context) ?? '';
}

const now = new Date('2026-12-08T10:00:00.000Z');
// A Teams-like id whose "_" would match any one character in LIKE, unless escaped.
const ERASED = '19:abc_1@thread.v2';
const LOOKALIKE = '19:abcX1@thread.v2';
const LONGER = '19:abc_1@thread.v2;messageid=1';

describeOnEachDatabase('erasing one conversation for a subject request', (database: () => AnalyticsDatabase) => {
  async function seed(conversationId: string, words: string) {
    const data: AnalyticsEventData = { type: 'messageReceived', text: words, length: words.length, duringHandoff: false };
    database().events().record({ conversationId, channel: 'msteams', at: now, data });
    database().events().record({ conversationId, channel: 'msteams', at: now, data: { type: 'quickExit' } });
    const handoffs = database().handoffs();
    const first = await handoffs.create({ conversationId, conversationRef: { conversation: { id: conversationId } }, topic: null, learned: [], transcript: null }, now);
    await handoffs.addMessage(first.id, 'user', `${words} (to the adviser)`, now);
    await handoffs.end(first.id, 'user', null, now);
    await handoffs.create({ conversationId, conversationRef: { conversation: { id: conversationId } }, topic: null, learned: [], transcript: null }, now);
    await database().botState().write({ [stateKey(conversationId)]: { dialogState: { words } } });
  }

  beforeEach(async () => {
    await seed(ERASED, 'private words');
    await seed(LOOKALIKE, 'other person');
    await seed(LONGER, 'third person');
    await database().events().flush();
  });

  it('removes its analytics, hand-offs with their messages, and bot state, in one go', async () => {
    expect(await database().erase(ERASED)).toEqual({ analyticsEvents: 2, handoffs: 2, botState: 1 });

    expect(await database().events('b').forConversation(ERASED)).toEqual([]);
    expect(await database().botState().read([stateKey(ERASED)])).toEqual({});
    const left = JSON.stringify([
      await database().rows('SELECT * FROM analytics_events'),
      await database().rows('SELECT * FROM handoffs'),
      await database().rows('SELECT * FROM handoff_messages'),
      await database().rows('SELECT * FROM bot_state'),
    ]);
    expect(left).not.toContain('private words');
  });

  it('leaves other conversations alone, even ones whose ids look alike', async () => {
    await database().erase(ERASED);

    for (const kept of [LOOKALIKE, LONGER]) {
      expect(await database().events().forConversation(kept)).toHaveLength(2);
      expect(await database().handoffs().latestFor(kept)).toBeDefined();
      expect(Object.keys(await database().botState().read([stateKey(kept)]))).toEqual([stateKey(kept)]);
    }
    expect(await database().rows('SELECT text FROM handoff_messages ORDER BY text')).toEqual([
      { text: 'other person (to the adviser)' },
      { text: 'third person (to the adviser)' },
    ]);
  });

  it('finds nothing the second time, and says so', async () => {
    await database().erase(ERASED);
    expect(await database().erase(ERASED)).toEqual({ analyticsEvents: 0, handoffs: 0, botState: 0 });
    expect(await database().erase('never-seen')).toEqual({ analyticsEvents: 0, handoffs: 0, botState: 0 });
  });
});
