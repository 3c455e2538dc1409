import { MESSAGES } from '../../src/dialogs/messages';
import { isBareFarewell } from '../../src/safety/farewell';
import { createConversation, say, textsOf } from '../support/conversationHarness';

describe('saying goodbye', () => {
  it.each(['bye', 'Goodbye', 'ok bye x', 'thanks, bye', 'Bye!'])('"%s" after a question is a goodbye, not a crisis', async (words) => {
    const { adapter, events } = createConversation();
    await say(adapter, 'how long does section 20 last');
    const text = textsOf(await say(adapter, words));
    expect(text).toContain(MESSAGES.goodbye);
    expect(text).not.toMatch(/I'm worried about what you've told me/);
    expect((await events.forConversation('conversation-1')).map((e) => e.data.type)).not.toContain('crisisSignposted');
  });

  it('still ends with the advice line and a 24-hour line', async () => {
    const { adapter } = createConversation();
    const text = textsOf(await say(adapter, 'bye'));
    expect(text).toContain('0808 801 0366');
    expect(text).toContain('116 123');
  });

  it('from someone who told us about danger earlier gets the urgent numbers again and a gentle check', async () => {
    const { adapter } = createConversation();
    await say(adapter, 'i have got the tablets in front of me and i want to end it all');
    const replies = await say(adapter, 'bye');
    const text = textsOf(replies);
    expect(text).toContain('116 123');
    expect(text).toMatch(/call 999/);
    expect(text).toMatch(/Are you somewhere safe to keep chatting\?/);
    expect(text).not.toContain(MESSAGES.goodbye);
  });

  it('with words of farewell to everyone is still a crisis', async () => {
    const { adapter } = createConversation();
    expect(textsOf(await say(adapter, 'goodbye everyone'))).toMatch(/I'm worried about what you've told me/);
  });
});

describe('isBareFarewell', () => {
  it.each(['bye', 'bye bye', 'goodbye', 'good bye', 'ok bye', 'okay bye then', 'thanks bye', 'thank you, goodbye', 'bye x', 'byeee', 'cheers bye for now'])('reads "%s" as only a goodbye', (text) => {
    expect(isBareFarewell(text)).toBe(true);
  });

  it.each(['goodbye everyone', 'bye world', 'goodbye forever', 'i cant do this anymore bye', 'say goodbye to my kids', 'will i get to say goodbye at the last contact'])('does not read "%s" as only a goodbye', (text) => {
    expect(isBareFarewell(text)).toBe(false);
  });
});

describe('saying goodbye part-way through questions', () => {
  it('is a goodbye, and the questions are left (recorded as left)', async () => {
    const { adapter, events } = createConversation();
    await say(adapter, 'Section 20 (voluntary care)');
    const text = textsOf(await say(adapter, 'ok bye'));
    expect(text).toContain(MESSAGES.goodbye);
    expect(text).not.toMatch(/didn't quite get that/);
    const data = (await events.forConversation('conversation-1')).map((e) => e.data);
    expect(data).toContainEqual(expect.objectContaining({ type: 'dialogAbandoned', dialog: 'section-20' }));
    expect(textsOf(await say(adapter, 'how long does section 20 last'))).toMatch(/^\*\*How long can my child stay in section 20/);
  });
});
