import { createConversation, joinActivity, say } from '../support/conversationHarness';
import { SITUATION_SCRIPTS } from '../../src/dialogs/situations/situationScripts';
import { completePath, NOW, replyFor } from '../support/situationPaths';

const SATURDAY = () => new Date('2026-12-05T11:00:00Z');

describe('analytics recorded from a conversation', () => {
  it('records what a person did, with personal details taken out', async () => {
    const { adapter, events } = createConversation({ now: SATURDAY });
    await say(adapter, joinActivity());
    await say(adapter, 'what is a section 20 agreement');
    await say(adapter, 'yes');
    await say(adapter, 'my name is Kelly Smith and I want a mortgage, ring 07700 900123');
    await say(adapter, 'he is kicking the door in right now');
    await say(adapter, "I'm safe to chat");
    await say(adapter, 'talk to a person');

    const all = await events.forConversation('conversation-1');
    const types = all.map((e) => e.data.type);
    expect(types).toEqual(
      expect.arrayContaining(['conversationStarted', 'messageReceived', 'answerGiven', 'feedback', 'fallback', 'crisisSignposted', 'handoffRequested']),
    );
    expect(all.find((e) => e.data.type === 'answerGiven')?.data).toMatchObject({ entryId: 'section-20-overview', topic: 'section-20' });
    expect(all.find((e) => e.data.type === 'feedback')?.data).toMatchObject({ about: 'answer', helpful: true, entryId: 'section-20-overview' });
    expect(all.find((e) => e.data.type === 'crisisSignposted')?.data).toMatchObject({ categories: ['violence-now'] });
    expect(all.find((e) => e.data.type === 'handoffRequested')?.data).toMatchObject({ open: false, result: 'closed' });
    const fallback = all.find((e) => e.data.type === 'fallback')?.data as { text: string };
    expect(fallback.text).toBe('my name is [NAME] and I want a mortgage, ring [PHONE]');
    const stored = JSON.stringify(all);
    expect(stored).not.toContain('07700');
    expect(stored).not.toContain('Kelly');
    expect(all.every((e) => e.channel === 'directline')).toBe(true);
  });

  it('records a guided conversation from start to finish, step by step', async () => {
    const script = SITUATION_SCRIPTS.find((s) => s.topic === 'section-20')!;
    const { adapter, events } = createConversation({ now: NOW });
    await say(adapter, 'Section 20 (voluntary care)');
    const answers = completePath(script, {});
    for (const question of script.questions.filter((q) => q.id in answers)) await say(adapter, replyFor(question, answers[question.id]));
    const dialogEvents = (await events.forConversation('conversation-1')).filter((e) => e.data.type.startsWith('dialog'));
    expect(dialogEvents[0].data).toEqual({ type: 'dialogStarted', dialog: 'section-20' });
    expect(dialogEvents.filter((e) => e.data.type === 'dialogStep').length).toBeGreaterThanOrEqual(2);
    expect(dialogEvents.at(-1)?.data).toEqual({ type: 'dialogCompleted', dialog: 'section-20' });
  });

  it('records where a guided conversation was abandoned', async () => {
    const { adapter, events } = createConversation({ now: SATURDAY });
    await say(adapter, 'Section 20 (voluntary care)');
    await say(adapter, 'start over');
    const abandoned = (await events.forConversation('conversation-1')).find((e) => e.data.type === 'dialogAbandoned');
    expect(abandoned?.data).toEqual({ type: 'dialogAbandoned', dialog: 'section-20', step: 'situation' });
  });

  it('records a callback request and Quick Exit, never the callback details', async () => {
    const { adapter, events } = createConversation({ now: SATURDAY });
    await say(adapter, 'talk to a person');
    for (const reply of ['Request a callback', '07700 900123', 'yes', 'yes', 'No', 'Morning (9:30am to 12pm)', 'Skip']) await say(adapter, reply);
    await say(adapter, { type: 'event', name: 'quickExit' });
    const all = await events.forConversation('conversation-1');
    expect(all.map((e) => e.data.type)).toEqual(expect.arrayContaining(['callbackRequested', 'quickExit']));
    expect(JSON.stringify(all)).not.toContain('07700');
  });
});
