import { Activity, ActivityTypes, MemoryStorage, StoreItems, TestAdapter } from 'botbuilder';
import { ConversationHub } from '../../src/channels/directline/conversationHub';
import { DirectLineGateway } from '../../src/channels/directline/directLineGateway';
import { createMemoryLogger } from '../../src/logger';
import { createConversation, joinActivity, say, textsOf } from '../support/conversationHarness';

const APOLOGY = 'Sorry, something went wrong on our side.';
const QUESTION = 'can I take my child back from section 20';

/** Storage whose writes can be made to fail, and which notes what the person had been sent at each write. */
class WatchedStorage extends MemoryStorage {
  failWrites = 0;
  sentAtWrite: number[] = [];
  constructor(private readonly sentSoFar: () => number) {
    super();
  }
  override async write(changes: StoreItems): Promise<void> {
    this.sentAtWrite.push(this.sentSoFar());
    if (this.failWrites > 0) {
      this.failWrites -= 1;
      throw new Error('database unavailable');
    }
    return super.write(changes);
  }
}

function conversationWithWatchedStorage() {
  let adapter: TestAdapter | undefined;
  const storage = new WatchedStorage(() => adapter?.activeQueue.filter((a) => a.type === ActivityTypes.Message).length ?? 0);
  const conversation = createConversation({ storage });
  adapter = conversation.adapter;
  return { ...conversation, storage };
}

const message = (id: string, text = QUESTION): Partial<Activity> => ({ type: ActivityTypes.Message, id, text });

describe('replies held until the turn is saved', () => {
  it('sends nothing to the person before the turn that produced it is saved', async () => {
    const { adapter, storage } = conversationWithWatchedStorage();
    await say(adapter, joinActivity());
    storage.sentAtWrite = [];
    const replies = await say(adapter, message('m1'));
    expect(replies.length).toBeGreaterThan(0);
    expect(storage.sentAtWrite[0]).toBe(0);
  });

  it('when the save fails, the person sees only the apology, and sending again gets one answer', async () => {
    const { adapter, storage } = conversationWithWatchedStorage();
    await say(adapter, joinActivity());
    storage.failWrites = 1;
    const first = await say(adapter, message('m1'));
    expect(textsOf(first)).toContain(APOLOGY);
    expect(textsOf(first)).not.toMatch(/section 20/i);

    const again = await say(adapter, message('m1'));
    expect(textsOf(again)).toMatch(/section 20/i);
    expect(textsOf(again)).not.toContain(APOLOGY);
    expect(await say(adapter, message('m1'))).toEqual([]);
  });

  it('when the save worked but sending failed, the resend gets the saved replies once, under their first ids', async () => {
    const control = createConversation();
    await say(control.adapter, joinActivity());
    const expected = textsOf(await say(control.adapter, message('m1')));

    const { adapter } = createConversation();
    await say(adapter, joinActivity());
    const send = adapter.sendActivities.bind(adapter);
    let failNext = true;
    adapter.sendActivities = async (context, activities) => {
      if (failNext && activities.some((a) => a.type === ActivityTypes.Message && a.text !== APOLOGY && !a.text?.startsWith('Sorry'))) {
        failNext = false;
        throw new Error('connector unreachable');
      }
      return send(context, activities);
    };
    const first = await say(adapter, message('m1'));
    expect(textsOf(first)).toContain(APOLOGY);

    const resent = await say(adapter, message('m1'));
    expect(textsOf(resent)).toBe(expected);
    expect(resent.map((reply) => reply.id)).toEqual(resent.map((_reply, i) => `m1~${i + 1}`));
    expect(await say(adapter, message('m1'))).toEqual([]);
  });

  it('a plain resend of a message already answered sends nothing', async () => {
    const { adapter } = createConversation();
    await say(adapter, joinActivity());
    expect((await say(adapter, message('m1'))).length).toBeGreaterThan(0);
    expect(await say(adapter, message('m1'))).toEqual([]);
  });

  it('replies not confirmed sent go out before the next answer if the person moves on instead of resending', async () => {
    const { adapter } = createConversation();
    await say(adapter, joinActivity());
    const send = adapter.sendActivities.bind(adapter);
    let failNext = true;
    adapter.sendActivities = async (context, activities) => {
      if (failNext && activities.some((a) => a.id === 'm1~1')) {
        failNext = false;
        throw new Error('connector unreachable');
      }
      return send(context, activities);
    };
    await say(adapter, message('m1'));
    const next = await say(adapter, message('m2', 'how do I complain about a social worker'));
    expect(next[0].id).toBe('m1~1');
    expect(textsOf(next)).toMatch(/section 20/i);
    expect(textsOf(next)).toMatch(/complain/i);
  });
});

describe('the Direct Line gateway and replies sent again', () => {
  const gateway = () =>
    new DirectLineGateway({
      hub: new ConversationHub({ maxActivitiesPerConversation: 50, idleMilliseconds: 60000 }),
      bot: { id: 'bot', name: 'Bot' },
      botEndpoint: () => 'http://127.0.0.1:9/api/messages',
      serviceUrl: () => 'http://127.0.0.1:9',
      log: createMemoryLogger(),
      tokens: undefined as never,
    });

  it('keeps one copy of a reply the bot sends twice under its own id', () => {
    const dl = gateway();
    const reply = { type: 'message', id: 'abc|4~1', text: 'Section 20 is…' };
    expect(dl.acceptFromBot('c', reply)).toBe('abc|4~1');
    expect(dl.acceptFromBot('c', reply)).toBe('abc|4~1');
    expect(dl.hub.activitiesAfter('c').activities.map((a) => a.text)).toEqual(['Section 20 is…']);
  });

  it('takes the id the bot chose from channelData (the connector client drops activity.id) and does not pass the key on', () => {
    const dl = gateway();
    const reply = { type: 'message', text: 'Section 20 is…', channelData: { replyId: 'abc|4~2', other: 1 } };
    expect(dl.acceptFromBot('c', reply)).toBe('abc|4~2');
    expect(dl.acceptFromBot('c', reply)).toBe('abc|4~2');
    const stored = dl.hub.activitiesAfter('c').activities;
    expect(stored).toHaveLength(1);
    expect(stored[0].channelData).toEqual({ other: 1 });
  });

  it('gives its own ids to replies without a usable one, so a bot cannot pose as the gateway', () => {
    const dl = gateway();
    const plain = dl.acceptFromBot('c', { type: 'message', text: 'one' });
    const forged = dl.acceptFromBot('c', { type: 'message', id: 'c|1', text: 'two' });
    const forgedInChannelData = dl.acceptFromBot('c', { type: 'message', text: 'three', channelData: { replyId: plain } });
    expect(plain).toMatch(/^c\|\d+$/);
    expect(forged).not.toBe('c|1');
    expect(forgedInChannelData).not.toBe(plain);
    expect(dl.hub.activitiesAfter('c').activities.map((a) => a.text)).toEqual(['one', 'two', 'three']);
  });
});
