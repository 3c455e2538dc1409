import { Activity, ActivityTypes, MemoryStorage } from 'botbuilder';
import { guideButton } from '../../src/dialogs/answerReplies';
import { MAIN_MENU } from '../../src/dialogs/messages';
import { SITUATION_SCRIPTS } from '../../src/dialogs/situations/situationScripts';
import { createConversation, say, textsOf } from '../support/conversationHarness';
import { completePath, NOW } from '../support/situationPaths';
import { answerAll } from '../support/situationWalk';

const BOT = { id: 'bot', name: 'Family Rights Advice Bot' };

/** What Teams sends when someone adds the bot to their personal chat: the bot is the member added. */
function installActivity(conversationId = 'conversation-1'): Partial<Activity> {
  return { type: ActivityTypes.ConversationUpdate, membersAdded: [BOT], conversation: { id: conversationId, conversationType: 'personal' } as never };
}

/** A Teams message that starts with "@Family Rights Advice Bot", as Teams sends it. */
function mentioning(text: string): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text: `<at>${BOT.name}</at> ${text}`,
    entities: [{ type: 'mention', mentioned: BOT, text: `<at>${BOT.name}</at>` }],
  };
}

/** Every button the person can tap: suggested actions and hero-card buttons alike. */
function allButtons(replies: Partial<Activity>[]): string[] {
  return replies.flatMap((reply) => [
    ...(reply.suggestedActions?.actions ?? []).map((action) => action.title ?? ''),
    ...(reply.attachments ?? []).flatMap((card) => ((card.content as { buttons?: { title: string }[] })?.buttons ?? []).map((b) => b.title)),
  ]);
}

function teams(storage = new MemoryStorage()) {
  return createConversation({ channelId: 'msteams', storage, now: NOW });
}

describe('the bot in a Teams personal chat', () => {
  it('welcomes the person when they add the app, without mentioning a Quick Exit button Teams does not have', async () => {
    const { adapter } = teams();
    const replies = await say(adapter, installActivity());
    const text = textsOf(replies);
    expect(text).toMatch(/computer program, not a person or a lawyer/);
    expect(text).toContain('0808 801 0366');
    expect(text).toMatch(/999/);
    expect(text).not.toMatch(/Quick Exit/i);
  });

  it('shows every menu topic even though Teams only displays three suggested actions', async () => {
    const { adapter } = teams();
    const replies = await say(adapter, installActivity());
    for (const reply of replies) expect(reply.suggestedActions?.actions.length ?? 0).toBeLessThanOrEqual(3);
    expect(allButtons(replies)).toEqual(expect.arrayContaining(MAIN_MENU.map((choice) => choice.title)));
    const cards = replies.flatMap((reply) => reply.attachments ?? []);
    expect(cards.every((card) => card.contentType === 'application/vnd.microsoft.card.hero')).toBe(true);
  });

  it('keeps short button lists as suggested actions, which Teams renders', async () => {
    const { adapter } = teams();
    await say(adapter, installActivity());
    const replies = await say(adapter, { type: 'message', text: 'my partner is hitting me right now', id: 'm1' });
    const withButtons = replies.filter((reply) => (reply.suggestedActions?.actions.length ?? 0) > 0);
    expect(withButtons.length).toBeGreaterThan(0);
    expect(textsOf(replies)).toMatch(/999/);
    expect(textsOf(replies)).not.toMatch(/Quick Exit/i);
  });

  it('welcomes each person once, even in a new chat or when Teams announces the install again', async () => {
    const storage = new MemoryStorage();
    const { adapter } = teams(storage);
    expect(await say(adapter, installActivity())).not.toHaveLength(0);
    expect(await say(adapter, installActivity())).toHaveLength(0);
    expect(await say(adapter, installActivity('conversation-2'))).toHaveLength(0);
  });

  it('introduces itself once to someone who writes before any welcome reached them', async () => {
    const { adapter } = teams();
    const first = textsOf(await say(adapter, { type: 'message', text: 'what does section 20 mean', id: 'm1' }));
    expect(first).toMatch(/computer program, not a person or a lawyer/);
    expect(first).toMatch(/section 20/i);
    const second = textsOf(await say(adapter, { type: 'message', text: 'what is a child protection plan', id: 'm2' }));
    expect(second).not.toMatch(/computer program/);
  });

  it('answers the question in a message that @mentions the bot, and keeps the mention out of what is stored', async () => {
    const { adapter, events } = teams();
    await say(adapter, installActivity());
    const replies = await say(adapter, { ...mentioning('what does section 20 mean'), id: 'm1' });
    expect(textsOf(replies)).toMatch(/section 20/i);
    const stored = JSON.stringify(await events.forConversation('conversation-1'));
    expect(stored).toMatch(/section 20/i);
    expect(stored).not.toContain('<at>');
    expect(stored).not.toContain(BOT.name);
  });

  it.each(['yes', 'no', 'unsure'])('walks the domestic abuse conversation (safe now: %s) without ever mentioning Quick Exit', async (safeNow) => {
    const script = SITUATION_SCRIPTS.find((candidate) => candidate.topic === 'domestic-abuse');
    if (!script) throw new Error('domestic abuse script missing');
    const { adapter } = teams();
    await say(adapter, installActivity());
    const opening = await say(adapter, { type: 'message', text: guideButton(script.topic) ?? '', id: 'start' });
    const { replies } = await answerAll(adapter, script, opening, completePath(script, { 'safe-now': safeNow }));
    expect(textsOf(replies)).toMatch(/999|Domestic Abuse Helpline/);
    expect(textsOf(replies)).not.toMatch(/Quick Exit/i);
  });
});
