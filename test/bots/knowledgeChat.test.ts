import { Activity } from 'botbuilder';
import { buttonsOf, createConversation, knowledgeBase, say, textsOf } from '../support/conversationHarness';

function relatedButtons(replies: Partial<Activity>[]): string[] {
  const card = replies.flatMap((r) => r.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.hero');
  const content = card?.content as { text?: string; buttons?: Array<{ title: string }> } | undefined;
  expect(content?.text).toMatch(/People in your situation also ask:|Or read more:/);
  return (content?.buttons ?? []).map((b) => b.title).filter((title) => !title.startsWith('Guide me: '));
}

describe('a parent asking a question the bot knows', () => {
  it('gets the answer, then "Was this helpful?" and up to 3 related questions as buttons', async () => {
    const { adapter } = createConversation();
    const replies = await say(adapter, 'ss want me to sign a s20');
    const text = textsOf(replies);
    expect(text).toMatch(/section 20/i);
    expect(text).toContain('Was this helpful?');
    expect(buttonsOf(replies)).toEqual(['Yes, it helped', 'No, not really']);
    // A card, not quick replies: quick replies would vanish under the "Was this helpful?" message.
    const related = relatedButtons(replies);
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(3);
  });

  it('who taps a related question gets that answer', async () => {
    const { adapter } = createConversation();
    const first = await say(adapter, 'how do i complain about my sw');
    const relatedTitle = relatedButtons(first)[0] ?? '';
    const entry = knowledgeBase().entries.find((e) => e.title === relatedTitle);
    expect(entry).toBeDefined();
    expect(textsOf(await say(adapter, relatedTitle))).toContain(`**${relatedTitle}**`);
  });

  it('who says "no" is asked what was missing and offered the helpline', async () => {
    const { adapter } = createConversation();
    await say(adapter, 'wat is a sgo');
    const replies = await say(adapter, 'No, not really');
    expect(textsOf(replies)).toMatch(/What were you hoping to find out\?/);
    expect(textsOf(replies)).toContain('0808 801 0366');
    expect(buttonsOf(replies)).toContain('Talk to a person');
  });

  it('who says "yeah" is thanked, in everyday words', async () => {
    const { adapter } = createConversation();
    await say(adapter, 'wat is a sgo');
    expect(textsOf(await say(adapter, 'yeah'))).toMatch(/Thank you/);
  });

  it('who asks a new question instead of answering "Was this helpful?" gets that question answered', async () => {
    const { adapter } = createConversation();
    await say(adapter, 'wat is a sgo');
    const text = textsOf(await say(adapter, 'no idea what a section 20 is either, can you explain'));
    expect(text).toMatch(/section 20/i);
    expect(text).not.toMatch(/What were you hoping to find out/);
  });

  it('who taps a situation from the menu is walked through it', async () => {
    const { adapter } = createConversation();
    const text = textsOf(await say(adapter, 'Section 20 (voluntary care)'));
    expect(text).toMatch(/I'll ask you up to \d short questions/);
  });
});

describe('a parent whose question the bot is unsure about', () => {
  it('is asked "Did you mean…" with up to 3 questions and "Something else"', async () => {
    const { adapter } = createConversation();
    const replies = await say(adapter, 'my child is in care');
    expect(textsOf(replies)).toMatch(/Did you mean one of these\?/);
    const buttons = buttonsOf(replies);
    expect(buttons.at(-1)).toBe('Something else');
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    expect(buttons.length).toBeLessThanOrEqual(4);
  });

  it('who answers "yeah" gets the first choice it offered', async () => {
    const { adapter } = createConversation();
    const offered = buttonsOf(await say(adapter, 'my child is in care'));
    expect(textsOf(await say(adapter, 'yeah'))).toContain(`**${offered[0]}**`);
  });

  it('who picks "Something else" is asked to say more and shown the topics', async () => {
    const { adapter } = createConversation();
    await say(adapter, 'my child is in care');
    const replies = await say(adapter, 'Something else');
    expect(textsOf(replies)).toMatch(/tell me a bit more/);
    expect(buttonsOf(replies)).toContain('Talk to a person');
  });
});

describe('a message the bot cannot answer', () => {
  it('out of scope: says so kindly, shows the topics and the helpline, and never answers as if it fits', async () => {
    const { adapter } = createConversation();
    const replies = await say(adapter, 'is a section 21 eviction notice from my landlord valid');
    const text = textsOf(replies);
    expect(text).toMatch(/can't help with that/);
    expect(text).toContain('0808 801 0366');
    expect(text).not.toMatch(/\*\*/); // no entry title shown as an answer
    expect(buttonsOf(replies)).toContain("Children's services contacted me");
  });

  it('no match: suggests rephrasing', async () => {
    const { adapter } = createConversation();
    const text = textsOf(await say(adapter, 'purple elephants dancing'));
    expect(text).toMatch(/didn't understand/);
    expect(text).toMatch(/asking in a different way/);
  });
});
