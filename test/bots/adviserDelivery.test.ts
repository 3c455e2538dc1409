import { ConversationState, MemoryStorage, TurnContext } from 'botbuilder';
import { AdviserDelivery, ProactiveSender, Reach } from '../../src/bots/adviserDelivery';
import type { DeskBroadcast, DeskSignal, ReceivedSignal } from '../../src/handoff/deskBroadcast';
import { HandoffDesk } from '../../src/handoff/handoffDesk';
import { SqliteHandoffStore } from '../../src/handoff/sqliteHandoffStore';
import { createMemoryLogger } from '../../src/logger';
import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';
import { PerConversationQueue } from '../../src/channels/directline/perConversationQueue';
import { TEST_DESK_SETTINGS } from '../support/conversationHarness';

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

async function setUp() {
  const db = openSqliteDatabase(':memory:');
  db.prepare("INSERT INTO console_accounts (id, username, display_name, role, password_hash, created_at) VALUES (1, 'sam', 'Sam', 'adviser', 'x', '')").run();
  const desk = new HandoffDesk(new SqliteHandoffStore(db), TEST_DESK_SETTINGS, () => true, () => new Date('2026-12-07T11:00:00Z'));
  const delivered: string[] = [];
  let channelUp = true;
  // Proactive turns of one conversation take turns, as the conversation turn lock makes them do across instances.
  const turnLock = new PerConversationQueue();
  const send: ProactiveSender = (_reference, logic) =>
    turnLock.run('c1', async () => {
      if (!channelUp) throw new Error('channel unavailable');
      const context = {
        onSendActivities: () => context,
        sendActivity: async (activity: { text?: string }) => void delivered.push(activity.text ?? ''),
        sendActivities: async (activities: Array<{ text?: string }>) => void delivered.push(...activities.map((a) => a.text ?? '')),
      } as unknown as TurnContext;
      await logic(context);
    });
  /** The bot's delivery on an instance of its own, sharing the hand-off store. */
  const instance = (instanceDesk: HandoffDesk, reach?: Reach) => {
    const conversationState = new ConversationState(new MemoryStorage());
    return new AdviserDelivery(instanceDesk, send, conversationState, conversationState.createProperty('handoffFeedbackFor'), createMemoryLogger(), reach);
  };
  const delivery = instance(desk);
  const handoff = await desk.request({ conversationId: 'c1', conversationRef: { conversation: { id: 'c1' } }, topic: null, learned: [], transcript: null });
  await desk.accept(handoff.id, { accountId: 1, displayName: 'Sam' });
  const secondInstance = () => instance(new HandoffDesk(desk.store, TEST_DESK_SETTINGS, () => true, () => new Date('2026-12-07T11:00:00Z')));
  return { desk, delivery, instance, secondInstance, delivered, handoff, setChannel: (up: boolean) => (channelUp = up) };
}

/** Instances' desks linked in memory, as PostgreSQL LISTEN/NOTIFY links them across processes. */
function linkedDesks(store: HandoffDesk['store'], count: number): HandoffDesk[] {
  const listeners: Array<{ id: string; received: (signal: ReceivedSignal) => void }> = [];
  return Array.from({ length: count }, (_, i) => {
    const desk = new HandoffDesk(store, TEST_DESK_SETTINGS, () => true, () => new Date('2026-12-07T11:00:00Z'));
    const broadcast: DeskBroadcast = {
      instanceId: `i${i}`,
      publish: (signal: DeskSignal) => {
        for (const other of listeners) if (other.id !== `i${i}`) setImmediate(() => other.received({ from: `i${i}`, signal }));
      },
      listen: (handlers) => void listeners.push({ id: `i${i}`, received: handlers.received }),
      close: async () => undefined,
    };
    desk.shareWith(broadcast);
    return desk;
  });
}

describe('adviser messages on their way to the person', () => {
  it('arrive in the order the adviser sent them', async () => {
    const { desk, delivery, delivered, handoff } = await setUp();
    delivery.start();
    for (const text of ['one', 'two', 'three', 'four']) await desk.fromAdviser(handoff.id, 1, text);
    await settle();
    expect(delivered).toEqual(['one', 'two', 'three', 'four']);
    delivery.stop();
  });

  it('that could not be delivered are sent later, once each, in order', async () => {
    const { desk, delivery, delivered, handoff, setChannel } = await setUp();
    delivery.start();
    setChannel(false);
    await desk.fromAdviser(handoff.id, 1, 'first');
    await desk.fromAdviser(handoff.id, 1, 'second');
    await settle();
    expect(delivered).toEqual([]);
    expect((await desk.store.undelivered()).map((m) => m.text)).toEqual(['first', 'second']);

    setChannel(true);
    await delivery.redeliver();
    await delivery.redeliver();
    expect(delivered).toEqual(['first', 'second']);
    expect(await desk.store.undelivered()).toEqual([]);
    delivery.stop();
  });

  it('that two instances send again at the same moment reach the person once each, in order', async () => {
    const { desk, delivery, secondInstance, delivered, handoff, setChannel } = await setUp();
    setChannel(false);
    await desk.fromAdviser(handoff.id, 1, 'first');
    await desk.fromAdviser(handoff.id, 1, 'second');
    setChannel(true);
    await Promise.all([delivery.redeliver(), secondInstance().redeliver()]);
    expect(delivered).toEqual(['first', 'second']);
    expect(await desk.store.undelivered()).toEqual([]);
  });

  it('that the channel refuses part-way are not overtaken by later ones', async () => {
    const { desk, delivery, delivered, handoff, setChannel } = await setUp();
    delivery.start();
    setChannel(false);
    await desk.fromAdviser(handoff.id, 1, 'first');
    await settle();
    setChannel(true);
    await desk.fromAdviser(handoff.id, 1, 'second');
    await settle();
    expect(delivered).toEqual(['first', 'second']);
    delivery.stop();
  });

  it('written before a restart are sent when the bot starts again', async () => {
    const { desk, delivery, delivered, handoff } = await setUp();
    await desk.fromAdviser(handoff.id, 1, 'written while the bot was stopping');
    expect(delivered).toEqual([]);
    delivery.start();
    await settle();
    expect(delivered).toEqual(['written while the bot was stopping']);
    delivery.stop();
  });
});

describe('with several instances, the person is told each thing once', () => {
  it('on a channel every instance reaches, by the instance where it happened', async () => {
    const { desk, handoff, instance, delivered } = await setUp();
    const [onA, onB] = linkedDesks(desk.store, 2);
    const deliveries = [instance(onA), instance(onB)];
    for (const delivery of deliveries) delivery.start();
    await onB.fromAdviser(handoff.id, 1, 'from the adviser on B');
    onB.typing(handoff.id, 'adviser');
    await onA.fromAdviser(handoff.id, 1, 'from the adviser, now on A');
    await settle();
    expect(delivered.filter((text) => text !== '')).toEqual(['from the adviser on B', 'from the adviser, now on A']);
    // Typing shows once too (a typing activity has no text).
    expect(delivered.filter((text) => text === '')).toHaveLength(1);
    for (const delivery of deliveries) delivery.stop();
  });

  it('on the built-in gateway, only by the instance holding the conversation, whoever made the change', async () => {
    const { desk, handoff, instance, delivered } = await setUp();
    const [onA, onB] = linkedDesks(desk.store, 2);
    const deliveries = [instance(onA, () => 'here'), instance(onB, () => 'elsewhere')];
    for (const delivery of deliveries) delivery.start();
    await onB.fromAdviser(handoff.id, 1, 'one');
    await onA.fromAdviser(handoff.id, 1, 'two');
    await settle();
    expect(delivered).toEqual(['one', 'two']);
    // B cannot reach the person, so its sweep leaves undelivered messages to A.
    await deliveries[1].redeliver();
    expect(delivered).toEqual(['one', 'two']);
    for (const delivery of deliveries) delivery.stop();
  });
});
