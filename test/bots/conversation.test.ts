import { MemoryStorage, Storage, StoreItems } from 'botbuilder';
import { buttonsOf, createConversation, joinActivity, say, textsOf } from '../support/conversationHarness';

describe('a parent opening the chat', () => {
  it('is greeted with who the bot is, its limits, the helpline and Quick Exit', async () => {
    const { adapter } = createConversation();
    const text = textsOf(await say(adapter, joinActivity()));
    expect(text).toMatch(/computer program, not a person or a lawyer/);
    expect(text).toMatch(/law in England/);
    expect(text).toMatch(/Wales is different/);
    expect(text).toContain('0808 801 0366');
    expect(text).toMatch(/Monday to Friday, 9:30am to 3pm \(not bank holidays\)/);
    expect(text).toMatch(/Quick Exit/);
    expect(text).toMatch(/999/);
  });

  it('is offered the main topics as buttons', async () => {
    const { adapter } = createConversation();
    expect(buttonsOf(await say(adapter, joinActivity()))).toEqual(
      expect.arrayContaining(["Children's services contacted me", 'Section 20 (voluntary care)', 'Talk to a person']),
    );
  });

  it('is greeted only once when the channel announces them twice', async () => {
    const { adapter } = createConversation();
    await say(adapter, joinActivity());
    expect(await say(adapter, joinActivity())).toHaveLength(0);
  });

  it('in Teams hears nothing about a Quick Exit button that Teams does not have', async () => {
    const { adapter } = createConversation({ channelId: 'msteams' });
    const text = textsOf(await say(adapter, joinActivity()));
    expect(text).toContain('0808 801 0366');
    expect(text).not.toMatch(/Quick Exit/);
  });
});

describe('a parent typing', () => {
  it('gets the menu for "help"', async () => {
    const { adapter } = createConversation();
    const replies = await say(adapter, 'Help!');
    expect(textsOf(replies)).toMatch(/Here is what I can help with/);
    expect(buttonsOf(replies)).toContain('Making a complaint');
  });

  it('can "start over" at any time', async () => {
    const { adapter } = createConversation();
    expect(textsOf(await say(adapter, 'start again'))).toMatch(/let's start again/);
  });

  it('who asks "can I speak to someone" gets the helpline number and hours', async () => {
    const { adapter } = createConversation();
    const text = textsOf(await say(adapter, 'can i speak to someone please'));
    expect(text).toContain('0808 801 0366');
    expect(text).toMatch(/18001/);
  });

  it('gets a kind fallback that offers the helpline, not an echo', async () => {
    const { adapter } = createConversation();
    const replies = await say(adapter, 'plokk wibble frandle');
    const text = textsOf(replies);
    expect(text).not.toContain('plokk wibble frandle');
    expect(text).toMatch(/didn't understand/);
    expect(text).toContain('0808 801 0366');
    expect(buttonsOf(replies).length).toBeGreaterThan(3);
  });

  it('misunderstood twice in a row is offered a person first', async () => {
    const { adapter } = createConversation();
    await say(adapter, 'qwerty asdf');
    const replies = await say(adapter, 'zxcv uiop');
    expect(textsOf(replies)).toMatch(/still not understanding/);
    expect(buttonsOf(replies)[0]).toBe('Talk to a person');
  });

  it('is understood again after a misunderstanding, which resets the count', async () => {
    const { adapter } = createConversation();
    await say(adapter, 'qwerty asdf');
    await say(adapter, 'hello');
    expect(textsOf(await say(adapter, 'zxcv uiop'))).not.toMatch(/still not understanding/);
  });

});

describe('Quick Exit', () => {
  it('makes the bot forget the conversation: nothing from before is used afterwards', async () => {
    const { adapter, storage } = createConversation();
    await say(adapter, joinActivity());
    await say(adapter, 'qwerty asdf');
    const key = 'directline/conversations/conversation-1/';
    expect(Object.keys(await storage.read([key]))).toEqual([key]);
    await say(adapter, { type: 'event', name: 'quickExit' });
    expect(await storage.read([key])).toEqual({});
    // Had the first miss been kept, this would be "still not understanding".
    expect(textsOf(await say(adapter, 'zxcv uiop'))).toMatch(/didn't understand/);
  });
});

describe('messages the bot cannot read', () => {
  it('an empty message gets a gentle prompt', async () => {
    const { adapter } = createConversation();
    expect(textsOf(await say(adapter, { type: 'message', text: '   ' }))).toMatch(/didn't get any words/);
  });

  it('a very long message is asked to be shortened, not silently cut', async () => {
    const { adapter } = createConversation({ maxMessageLength: 200 });
    expect(textsOf(await say(adapter, 'a'.repeat(201)))).toMatch(/longer than I can read .*200 characters/);
  });

  it('a photo of a letter is not opened, and the person is told why', async () => {
    const { adapter } = createConversation();
    const replies = await say(adapter, { type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'data:image/png;base64,AAAA' }] });
    expect(textsOf(replies)).toMatch(/can't open files or pictures/);
  });
});

describe('retries are not turns', () => {
  it('a re-sent activity with the same id is answered once', async () => {
    const { adapter } = createConversation();
    const first = await say(adapter, { type: 'message', text: 'help', id: 'activity-7' });
    const again = await say(adapter, { type: 'message', text: 'help', id: 'activity-7' });
    expect(first.length).toBeGreaterThan(0);
    expect(again).toHaveLength(0);
  });

  it('a different activity with the same text is answered', async () => {
    const { adapter } = createConversation();
    await say(adapter, { type: 'message', text: 'help', id: 'activity-7' });
    expect((await say(adapter, { type: 'message', text: 'help', id: 'activity-8' })).length).toBeGreaterThan(0);
  });
});

describe('when saving fails mid-turn', () => {
  class FailingWrites extends MemoryStorage {
    failing = false;
    override async write(changes: StoreItems): Promise<void> {
      if (this.failing) throw new Error('disk full');
      return super.write(changes);
    }
  }

  it('the person is told kindly and keeps their place, and nothing they typed is logged', async () => {
    const storage = new FailingWrites();
    const { adapter, log } = createConversation({ storage: storage as Storage });
    await say(adapter, 'qwerty asdf');
    storage.failing = true;
    const text = textsOf(await say(adapter, 'my ex is called Dave Smith'));
    expect(text).toMatch(/something went wrong on our side/);
    expect(text).toMatch(/place in the conversation is saved/);
    expect(log.lines.join('\n')).not.toMatch(/Dave|Smith/);
    expect(log.lines.join('\n')).toMatch(/turn_failed/);

    storage.failing = false;
    // The failed turn was not saved, so this is still only the second miss in a row.
    expect(textsOf(await say(adapter, 'zxcv uiop'))).toMatch(/still not understanding/);
  });
});
