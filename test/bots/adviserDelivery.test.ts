import { ConversationState, MemoryStorage, TurnContext } from 'botbuilder';
import { AdviserDelivery, ProactiveSender } from '../../src/bots/adviserDelivery';
import { HandoffDesk } from '../../src/handoff/handoffDesk';
import { HandoffStore } from '../../src/handoff/handoffStore';
import { createMemoryLogger } from '../../src/logger';
import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';
import { TEST_DESK_SETTINGS } from '../support/conversationHarness';

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

function setUp() {
  const db = openSqliteDatabase(':memory:');
  db.prepare("INSERT INTO console_accounts (id, username, display_name, role, password_hash, created_at) VALUES (1, 'sam', 'Sam', 'adviser', 'x', '')").run();
  const desk = new HandoffDesk(new HandoffStore(db), TEST_DESK_SETTINGS, () => true, () => new Date('2026-12-07T11:00:00Z'));
  const delivered: string[] = [];
  let channelUp = true;
  const send: ProactiveSender = async (_reference, logic) => {
    if (!channelUp) throw new Error('channel unavailable');
    const context = {
      onSendActivities: () => context,
      sendActivity: async (activity: { text?: string }) => void delivered.push(activity.text ?? ''),
      sendActivities: async (activities: Array<{ text?: string }>) => void delivered.push(...activities.map((a) => a.text ?? '')),
    } as unknown as TurnContext;
    await logic(context);
  };
  const conversationState = new ConversationState(new MemoryStorage());
  const delivery = new AdviserDelivery(desk, send, conversationState, conversationState.createProperty('handoffFeedbackFor'), createMemoryLogger());
  const handoff = desk.request({ conversationId: 'c1', conversationRef: { conversation: { id: 'c1' } }, topic: null, learned: [], transcript: null });
  desk.accept(handoff.id, { accountId: 1, displayName: 'Sam' });
  return { desk, delivery, delivered, handoff, setChannel: (up: boolean) => (channelUp = up) };
}

describe('adviser messages on their way to the person', () => {
  it('arrive in the order the adviser sent them', async () => {
    const { desk, delivery, delivered, handoff } = setUp();
    delivery.start();
    for (const text of ['one', 'two', 'three', 'four']) desk.fromAdviser(handoff.id, 1, text);
    await settle();
    expect(delivered).toEqual(['one', 'two', 'three', 'four']);
    delivery.stop();
  });

  it('that could not be delivered are sent later, once each, in order', async () => {
    const { desk, delivery, delivered, handoff, setChannel } = setUp();
    delivery.start();
    setChannel(false);
    desk.fromAdviser(handoff.id, 1, 'first');
    desk.fromAdviser(handoff.id, 1, 'second');
    await settle();
    expect(delivered).toEqual([]);
    expect(desk.store.undelivered().map((m) => m.text)).toEqual(['first', 'second']);

    setChannel(true);
    await delivery.redeliver();
    await delivery.redeliver();
    expect(delivered).toEqual(['first', 'second']);
    expect(desk.store.undelivered()).toEqual([]);
    delivery.stop();
  });

  it('written before a restart are sent when the bot starts again', async () => {
    const { desk, delivery, delivered, handoff } = setUp();
    desk.fromAdviser(handoff.id, 1, 'written while the bot was stopping');
    expect(delivered).toEqual([]);
    delivery.start();
    await settle();
    expect(delivered).toEqual(['written while the bot was stopping']);
    delivery.stop();
  });
});
