import { ActivityTypes } from 'botbuilder';
import { buttonsOf, createConversation, say, textsOf } from '../support/conversationHarness';

const SATURDAY = () => new Date('2026-12-05T11:00:00Z');
const MONDAY_OPEN = () => new Date('2026-12-07T11:00:00Z');
const THURSDAY_BEFORE_EASTER = () => new Date('2026-04-02T15:30:00Z');

function openWithAdviser() {
  const conversation = createConversation({ now: MONDAY_OPEN });
  conversation.database
    .prepare("INSERT INTO console_accounts (id, username, display_name, role, password_hash, created_at) VALUES (1, 'sam', 'Sam', 'adviser', 'x', '')")
    .run();
  const offline = conversation.desk.adviserConnected(1, 'Sam');
  return { ...conversation, offline };
}

/** Lets proactive sends (adviser side) finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('asking for a person when the helpline is closed', () => {
  it('says it is closed, when it opens next in plain words, and offers a callback', async () => {
    const { adapter } = createConversation({ now: SATURDAY });
    const replies = await say(adapter, 'can I speak to a real person');
    const text = textsOf(replies);
    expect(text).toMatch(/keep what you tell them private/);
    expect(text).toMatch(/closed right now\. It opens again on Monday 7 December at 9:30am/);
    expect(text).toContain('[0808 801 0366](tel:08088010366)');
    expect(text).toMatch(/18001/);
    expect(text).toMatch(/forum/);
    expect(text).toMatch(/Samaritans: 116 123/);
    expect(buttonsOf(replies)).toEqual(['Request a callback', 'No thanks']);
  });

  it('after Easter names the day and date', async () => {
    const { adapter } = createConversation({ now: THURSDAY_BEFORE_EASTER });
    expect(textsOf(await say(adapter, 'talk to a person'))).toMatch(/opens again on Tuesday 7 April at 9:30am/);
  });

  it('shows the confidentiality statement once, not every time', async () => {
    const { adapter } = createConversation({ now: SATURDAY });
    await say(adapter, 'talk to a person');
    await say(adapter, 'No thanks');
    expect(textsOf(await say(adapter, 'talk to a person'))).not.toMatch(/keep what you tell them private/);
  });

  it('takes a callback request with the safe-contact questions, and stores it', async () => {
    const { adapter, callbacks } = createConversation({ now: SATURDAY });
    await say(adapter, 'talk to a person');
    expect(textsOf(await say(adapter, 'Request a callback'))).toMatch(/phone number or email/);
    expect(textsOf(await say(adapter, 'my number is 0770090012'))).toMatch(/could not read that as a UK phone number/);
    expect(textsOf(await say(adapter, 'it is 07700 900123'))).toMatch(/safe to leave a voicemail/);
    expect(textsOf(await say(adapter, 'nope'))).toMatch(/say they are from the Family Rights Group/);
    expect(textsOf(await say(adapter, 'yes'))).toMatch(/time we should not call/);
    expect(textsOf(await say(adapter, 'not after 2pm'))).toMatch(/best time/);
    expect(textsOf(await say(adapter, 'morning please'))).toMatch(/what would you like help with/);
    const done = textsOf(await say(adapter, 'They want me to sign a section 20'));
    expect(done).toMatch(/callback request has been sent/);
    expect(done).toMatch(/when the line opens on Monday 7 December at 9:30am/);
    expect(await callbacks.list()).toEqual([
      expect.objectContaining({
        phone: '07700 900123',
        email: null,
        voicemailOk: false,
        sayOrganisationOk: true,
        avoidTimes: 'not after 2pm',
        bestTime: 'Morning (9:30am to 12pm)',
        message: 'They want me to sign a section 20',
        status: 'new',
      }),
    ]);
  });

  it('is offered when asked for in everyday words, even in the middle of a guided conversation', async () => {
    const { adapter } = createConversation({ now: SATURDAY });
    await say(adapter, 'they want me to sign a section 20');
    const replies = await say(adapter, 'actually can i talk to a real person');
    expect(textsOf(replies)).toMatch(/closed right now/);
    expect(buttonsOf(replies)).toEqual(['Request a callback', 'No thanks']);
  });

  it('explains confidentiality before a callback request started from its own button', async () => {
    const { adapter } = createConversation({ now: SATURDAY });
    expect(textsOf(await say(adapter, 'Request a callback'))).toMatch(/keep what you tell them private[\s\S]*phone number or email/);
  });

  it('keeps nothing when the person cancels part-way', async () => {
    const { adapter, callbacks } = createConversation({ now: SATURDAY });
    await say(adapter, 'talk to a person');
    await say(adapter, 'Request a callback');
    await say(adapter, '07700 900123');
    await say(adapter, 'cancel');
    expect(await callbacks.list()).toEqual([]);
  });

  it('does not use an email address the person says is not safe', async () => {
    const { adapter, callbacks } = createConversation({ now: SATURDAY });
    await say(adapter, 'talk to a person');
    await say(adapter, 'Request a callback');
    await say(adapter, 'me@example.com');
    const replies = await say(adapter, 'no');
    expect(textsOf(replies)).toMatch(/safer not to use email/);
    expect(textsOf(replies)).toMatch(/phone number or email/);
    expect(await callbacks.list()).toEqual([]);
  });
});

describe('asking for a person when the line is open but nobody can chat', () => {
  it('gives the number as a tap-to-call link and the textphone, and offers a callback', async () => {
    const { adapter } = createConversation({ now: MONDAY_OPEN });
    const replies = await say(adapter, 'adviser');
    const text = textsOf(replies);
    expect(text).toMatch(/advisers are busy/);
    expect(text).toContain('[0808 801 0366](tel:08088010366)');
    expect(text).toMatch(/Textphone: dial 18001/);
    expect(text).not.toMatch(/queue/);
    expect(buttonsOf(replies)).toEqual(['Request a callback', 'No thanks']);
  });
});

describe('a live chat with an adviser', () => {
  it('asks consent, queues, connects, relays both ways, ends and asks if it helped', async () => {
    const { adapter, desk } = openWithAdviser();
    await say(adapter, 'they want me to sign a section 20');
    const offer = await say(adapter, 'talk to a person');
    expect(textsOf(offer)).toMatch(/Can I show them what we've talked about/);
    expect(buttonsOf(offer)).toEqual(['Yes, share it', "No, don't share", 'Cancel']);

    const queued = await say(adapter, 'yes');
    expect(textsOf(queued)).toMatch(/You're number 1 in the queue, and an adviser should be with you in a minute or two/);
    // The guided conversation it interrupted ends: the adviser has its answers.
    expect(textsOf(queued)).not.toMatch(/\?$/m);
    const [handoff] = await desk.store.queue();
    expect(handoff.topic).toBe('section-20');
    // The guided conversation was left part-way; what it had learned still reaches the adviser.
    expect(handoff.learned).toEqual([{ label: expect.stringMatching(/section 20/), value: 'I am being asked to sign' }]);
    expect(handoff.transcript?.[0]).toMatchObject({ from: 'user', text: 'they want me to sign a section 20' });

    expect(textsOf(await say(adapter, 'are you there'))).toMatch(/adviser will see this/);
    adapter.activeQueue.length = 0;
    await desk.accept(handoff.id, { accountId: 1, displayName: 'Sam' });
    await settle();
    expect(adapter.activeQueue.map((a) => a.text).join('\n')).toMatch(/Sam, an adviser, has joined the chat/);
    adapter.activeQueue.length = 0;

    await desk.fromAdviser(handoff.id, 1, 'Hello, I am Sam. How can I help?');
    desk.typing(handoff.id, 'adviser');
    await settle();
    const fromSam = adapter.activeQueue.find((a) => a.text === 'Hello, I am Sam. How can I help?');
    // Not a reply to anything the person sent: Web Chat would hold it back waiting for that.
    expect(fromSam).toBeDefined();
    expect(fromSam?.replyToId).toBeUndefined();
    expect(adapter.activeQueue.some((a) => a.type === ActivityTypes.Typing)).toBe(true);
    expect(await desk.store.undelivered()).toEqual([]);

    const reply = await say(adapter, 'I signed it last week and want her home');
    expect(reply).toEqual([]);
    expect((await desk.store.messages(handoff.id)).map((m) => `${m.sender}: ${m.text}`)).toEqual([
      'user: are you there',
      'adviser: Hello, I am Sam. How can I help?',
      'user: I signed it last week and want her home',
    ]);

    adapter.activeQueue.length = 0;
    await desk.endByAdviser(handoff.id, 1, 'Advice given');
    await settle();
    const ending = adapter.activeQueue.filter((a) => a.type === 'message');
    expect(textsOf(ending)).toMatch(/Sam has ended the chat/);
    expect(buttonsOf(ending)).toEqual(['Yes, it helped', "No, it didn't"]);
    adapter.activeQueue.length = 0;

    expect(textsOf(await say(adapter, 'Yes, it helped'))).toMatch(/Thank you for telling us/);
    expect(await desk.store.get(handoff.id)).toMatchObject({ status: 'ended', outcome: 'Advice given', feedback: 'helpful' });
    // The bot answers again once the chat is over.
    expect(textsOf(await say(adapter, 'help'))).toMatch(/Here is what I can help with/);
  });

  it("sends Bot Framework's handoff.initiate event, with the transcript only when the person agreed", async () => {
    const { adapter } = openWithAdviser();
    await say(adapter, 'what is a section 20 agreement');
    await say(adapter, 'talk to a person');
    adapter.activeQueue.length = 0;
    await adapter.receiveActivity('Yes, share it');
    const event = adapter.activeQueue.find((a) => a.type === ActivityTypes.Event);
    expect(event?.name).toBe('handoff.initiate');
    expect(event?.value).toMatchObject({ topic: 'section-20' });
    const transcript = event?.attachments?.[0]?.content as { activities: Array<{ text: string }> };
    expect(transcript.activities[0].text).toBe('what is a section 20 agreement');
  });

  it('shares nothing from before when the person says no', async () => {
    const { adapter, desk } = openWithAdviser();
    await say(adapter, 'what is a child protection plan');
    await say(adapter, 'talk to a person');
    adapter.activeQueue.length = 0;
    await adapter.receiveActivity("No, don't share");
    expect((await desk.store.queue())[0]).toMatchObject({ transcript: null, learned: [] });
    const event = adapter.activeQueue.find((a) => a.type === ActivityTypes.Event);
    expect(event?.name).toBe('handoff.initiate');
    expect(event?.attachments ?? []).toEqual([]);
  });

  it('shows an adviser nothing from before "start over"', async () => {
    const { adapter, desk } = openWithAdviser();
    await say(adapter, 'my ex is hitting the kids');
    await say(adapter, 'start over');
    await say(adapter, 'talk to a person');
    await say(adapter, 'Yes, share it');
    const texts = ((await desk.store.queue())[0].transcript ?? []).map((line) => line.text).join('\n');
    expect(texts).not.toMatch(/hitting the kids/);
    expect(texts).toMatch(/talk to a person/);
  });

  it('lets the person leave the queue', async () => {
    const { adapter, desk } = openWithAdviser();
    await say(adapter, 'talk to a person');
    await say(adapter, 'Yes, share it');
    expect(textsOf(await say(adapter, 'Leave the queue'))).toMatch(/You've left the queue/);
    expect(await desk.store.queue()).toEqual([]);
    expect((await desk.store.latestFor('conversation-1'))?.endedBy).toBe('user');
  });

  it('still puts safety first during a live chat, and tells the adviser', async () => {
    const { adapter, desk } = openWithAdviser();
    await say(adapter, 'talk to a person');
    await say(adapter, 'Yes, share it');
    const handoff = (await desk.store.queue())[0];
    await desk.accept(handoff.id, { accountId: 1, displayName: 'Sam' });
    await settle();
    const replies = await say(adapter, 'he is kicking the door in right now');
    expect(textsOf(replies)).toMatch(/call 999/);
    const messages = await desk.store.messages(handoff.id);
    expect(messages.at(-2)).toMatchObject({ sender: 'user', text: 'he is kicking the door in right now' });
    expect(messages.at(-1)).toMatchObject({ sender: 'system' });
    expect(messages.at(-1)?.text).toMatch(/urgent help numbers \(violence-now\)/);
  });

  it('asks a quiet person if they are still there', async () => {
    let now = MONDAY_OPEN();
    const conversation = createConversation({ now: () => now });
    conversation.desk.adviserConnected(1, 'Sam');
    await say(conversation.adapter, 'talk to a person');
    await say(conversation.adapter, 'Yes, share it');
    conversation.adapter.activeQueue.length = 0;
    now = new Date(now.getTime() + 6 * 60000);
    await conversation.desk.sweep();
    await settle();
    expect(conversation.adapter.activeQueue.map((a) => a.text).join('\n')).toMatch(/Are you still there/);
    expect(textsOf(await say(conversation.adapter, "I'm still here"))).toMatch(/kept your place/);
  });

  it('offers the callback when the last adviser leaves while people wait', async () => {
    let now = MONDAY_OPEN();
    const conversation = createConversation({ now: () => now });
    const offline = conversation.desk.adviserConnected(1, 'Sam');
    await say(conversation.adapter, 'talk to a person');
    await say(conversation.adapter, 'Yes, share it');
    offline();
    conversation.adapter.activeQueue.length = 0;
    now = new Date(now.getTime() + 3 * 60000);
    await conversation.desk.sweep();
    await settle();
    const told = conversation.adapter.activeQueue.filter((a) => a.type === 'message');
    expect(textsOf(told)).toMatch(/no adviser can chat now after all/);
    expect(buttonsOf(told)).toEqual(['Request a callback']);
    expect(textsOf(await say(conversation.adapter, 'Request a callback'))).toMatch(/phone number or email/);
  });
});
