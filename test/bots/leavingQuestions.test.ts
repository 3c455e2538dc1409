import { Activity } from 'botbuilder';
import { MESSAGES } from '../../src/dialogs/messages';
import { HANDOFF_WORDS, CALLBACK_WORDS } from '../../src/dialogs/handoff/handoffWording';
import { SITUATION_SCRIPTS } from '../../src/dialogs/situations/situationScripts';
import { SAFETY_FOLLOW_UP } from '../../src/safety/signposts';
import { buttonsOf, createConversation, say, textsOf } from '../support/conversationHarness';
import { askedQuestion } from '../support/situationWalk';

const SATURDAY = () => new Date('2026-12-05T11:00:00Z');
const section20 = SITUATION_SCRIPTS.find((s) => s.topic === 'section-20')!;
const domesticAbuse = SITUATION_SCRIPTS.find((s) => s.topic === 'domestic-abuse')!;

function askedAgain(replies: Partial<Activity>[], question: { prompt: string; example: string }): boolean {
  const last = replies.at(-1)?.text ?? '';
  return last.includes(question.prompt) || last.includes(question.example);
}

describe('a person who wants to stop the questions', () => {
  it.each(['stop', 'Stop!', 'never mind', 'actually nevermind', 'forget it', 'no more questions', 'stop asking me questions'])(
    'can say "%s" at any question and is not asked it again',
    async (words) => {
      const { adapter } = createConversation({ now: SATURDAY });
      await say(adapter, 'Section 20 (voluntary care)');
      const replies = await say(adapter, words);
      expect(textsOf(replies)).toContain(MESSAGES.startOver);
      expect(askedQuestion(section20, replies)).toBeUndefined();
      // Nothing is pending any more: a question is answered as a question, not read as an answer.
      expect(textsOf(await say(adapter, 'how long does section 20 last'))).toMatch(/^\*\*How long can my child stay in section 20/);
    },
  );
});

describe('asking to be called back, in everyday words', () => {
  it.each(['can u ring me', 'could someone call me back', 'ring me back please', 'i would like a call back'])('"%s" gets the ways to reach a person', async (words) => {
    const { adapter } = createConversation({ now: SATURDAY });
    const replies = await say(adapter, words);
    expect(textsOf(replies)).toMatch(/closed right now/);
    expect(buttonsOf(replies)).toEqual(['Request a callback', 'No thanks']);
  });
});

describe('the callback questions never trap a person', () => {
  it('lets go, keeping nothing, when the person twice writes something that is not a contact detail', async () => {
    const { adapter, callbacks } = createConversation({ now: SATURDAY });
    await say(adapter, 'talk to a person');
    await say(adapter, 'Request a callback');
    expect(textsOf(await say(adapter, 'he hit me last night'))).toContain(CALLBACK_WORDS.contactRetry);
    const replies = await say(adapter, "i don't want to give it");
    expect(textsOf(replies)).toContain(CALLBACK_WORDS.noContactGiven);
    expect(await callbacks.list()).toEqual([]);
    expect(textsOf(await say(adapter, 'how long does section 20 last'))).toMatch(/^\*\*How long can my child stay in section 20/);
  });

  it('gives three goes to someone who is trying to type a number', async () => {
    const { adapter } = createConversation({ now: SATURDAY });
    await say(adapter, 'talk to a person');
    await say(adapter, 'Request a callback');
    expect(textsOf(await say(adapter, '0770090012'))).toContain(CALLBACK_WORDS.contactRetry);
    expect(textsOf(await say(adapter, '077009001'))).toContain(CALLBACK_WORDS.contactRetry);
    expect(textsOf(await say(adapter, '07700 900123'))).toMatch(/safe to leave a voicemail/);
  });

  it('takes two replies that answer neither button at the callback offer as "no thanks"', async () => {
    const { adapter } = createConversation({ now: SATURDAY });
    await say(adapter, 'talk to a person');
    expect(textsOf(await say(adapter, 'purple monkey dishwasher'))).toMatch(/Please tap one of the buttons/);
    expect(textsOf(await say(adapter, 'purple monkey dishwasher'))).toContain(HANDOFF_WORDS.noCallback);
  });

  it('lets a topic button start that guided conversation instead', async () => {
    const { adapter } = createConversation({ now: SATURDAY });
    await say(adapter, 'talk to a person');
    const replies = await say(adapter, 'Domestic abuse and social workers');
    expect(textsOf(replies)).toContain(domesticAbuse.intro);
    expect(askedQuestion(domesticAbuse, replies)?.id).toBe(domesticAbuse.questions[0].id);
  });
});

describe('"I\'m safe now" after the urgent numbers interrupted the questions', () => {
  it('is thanked, and the question is asked again', async () => {
    const { adapter } = createConversation({ now: SATURDAY });
    await say(adapter, 'Domestic abuse and social workers');
    await say(adapter, 'no'); // Are you safe right now?
    const harmQuestion = domesticAbuse.questions.find((q) => q.id === 'who')!;
    expect(askedAgain(await say(adapter, 'he is outside with a knife right now'), harmQuestion)).toBe(true);
    const replies = await say(adapter, "yes I'm safe now");
    expect(textsOf(replies)).toContain(SAFETY_FOLLOW_UP.safeInDialog);
    expect(askedQuestion(domesticAbuse, replies)?.id).toBe(harmQuestion.id);
  });

  it('is not said when no danger was mentioned', async () => {
    const { adapter } = createConversation({ now: SATURDAY });
    await say(adapter, 'Section 20 (voluntary care)');
    expect(textsOf(await say(adapter, "I'm fine"))).not.toContain(SAFETY_FOLLOW_UP.safeInDialog);
  });
});
