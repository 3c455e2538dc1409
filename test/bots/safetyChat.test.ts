import { buttonsOf, createConversation, say, textsOf } from '../support/conversationHarness';

const URGENT = 'Urgent help numbers';

describe('someone in danger', () => {
  it('gets 999, the silent-call steps, the right 24-hour line, Quick Exit and an adviser at once', async () => {
    const { adapter } = createConversation();
    const replies = await say(adapter, 'hes outside banging on the door saying hes going to kill me');
    const text = textsOf(replies);
    expect(text).toMatch(/call 999/);
    expect(text).toMatch(/press 55/);
    expect(text).toContain('0808 2000 247');
    expect(text).toMatch(/Quick Exit/);
    expect(text).toContain('0808 801 0366');
    expect(text).toMatch(/Are you somewhere safe to keep chatting\?/);
    expect(buttonsOf(replies)).toEqual(["I'm safe to chat", 'Talk to a person', URGENT]);
  });

  it('who says "I\'m fine" is believed, but the urgent numbers stay one tap away for the rest of the chat', async () => {
    const { adapter } = createConversation();
    await say(adapter, 'i have got the tablets in front of me and i want to end it all');
    const fine = await say(adapter, "I'm fine");
    expect(textsOf(fine)).toMatch(/I'm glad/);
    expect(buttonsOf(fine)).toContain(URGENT);

    const later = await say(adapter, 'what is a child protection plan');
    expect(textsOf(later)).toMatch(/child protection plan/i);
    expect(buttonsOf(later)).toContain(URGENT);

    const again = textsOf(await say(adapter, URGENT));
    expect(again).toContain('116 123');
    expect(again).toMatch(/call 999/);
  });

  it('who answers "no" to being safe is asked to call 999 now, and the numbers stay', async () => {
    const { adapter } = createConversation();
    await say(adapter, 'my partner is hitting me right now');
    const replies = await say(adapter, 'no');
    expect(textsOf(replies)).toMatch(/Please call 999 now/);
    expect(buttonsOf(replies)).toContain(URGENT);
  });

  it('on Teams is not told about a Quick Exit button that is not there', async () => {
    const { adapter } = createConversation({ channelId: 'msteams' });
    const text = textsOf(await say(adapter, 'my baby is not breathing'));
    expect(text).toMatch(/ambulance/);
    expect(text).not.toMatch(/Quick Exit/);
  });

  it('part-way through a guided conversation is signposted, then the conversation carries on where it was', async () => {
    const { adapter } = createConversation();
    await say(adapter, 'Section 20 (voluntary care)');
    const interrupted = textsOf(await say(adapter, 'he is here now and he has got a knife'));
    expect(interrupted).toMatch(/call 999/);
    expect(interrupted).toMatch(/carry on where we left off/);
    expect(interrupted).toMatch(/Is your child already in section 20 care, or are you being asked to sign\?/);
    const next = textsOf(await say(adapter, 'being asked to sign'));
    expect(next).not.toMatch(/call 999/);
    expect(next).toMatch(/court/i);
  });

  it('who writes more than the bot can read is still signposted at once', async () => {
    const { adapter } = createConversation({ maxMessageLength: 200 });
    const story = `${'We have had social workers involved for two years and I have done every course they asked. '.repeat(5)}Tonight he is outside banging on the door and says he will kill me.`;
    const text = textsOf(await say(adapter, story));
    expect(text).toMatch(/call 999/);
    expect(text).toContain('0808 2000 247');
  });

  it('is not signposted for ordinary worry or the past', async () => {
    const { adapter } = createConversation();
    for (const text of ['this waiting is killing me', 'there was one incident in 2016', 'the report says risk of emotional harm']) {
      const replies = await say(adapter, text);
      expect(textsOf(replies)).not.toMatch(/call 999/);
      expect(buttonsOf(replies)).not.toContain(URGENT);
    }
  });
});
