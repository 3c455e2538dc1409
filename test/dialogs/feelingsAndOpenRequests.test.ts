import { MESSAGES } from '../../src/dialogs/messages';
import { detectFeelingOrOpenRequest } from '../../src/dialogs/feelingsAndOpenRequests';
import { SITUATION_SCRIPTS } from '../../src/dialogs/situations/situationScripts';
import { buttonsOf, createConversation, say, textsOf } from '../support/conversationHarness';
import { askedQuestion } from '../support/situationWalk';

const SATURDAY = () => new Date('2026-12-05T11:00:00Z');
const section20 = SITUATION_SCRIPTS.find((s) => s.topic === 'section-20')!;

describe('detectFeelingOrOpenRequest', () => {
  it.each(['im so scared', "I'm terrified and confused", 'i cant cope anymore', "I can't do this any more", "im crying i don't know what to do", 'feeling really overwhelmed please help'])(
    '"%s" says how the person feels',
    (text) => {
      expect(detectFeelingOrOpenRequest(text)).toBe('distress');
    },
  );

  it.each(['please help me', 'what are my rights?', 'i need advice', 'what can i do', "I don't know what to do"])('"%s" asks for help in general', (text) => {
    expect(detectFeelingOrOpenRequest(text)).toBe('openRequest');
  });

  it.each(["i'm scared they will take my baby at birth", 'what are my rights as a grandparent', 'i need a solicitor', 'help', 'my son is scared of his dad'])(
    '"%s" is left for the knowledge base (or the menu)',
    (text) => {
      expect(detectFeelingOrOpenRequest(text)).toBeUndefined();
    },
  );
});

describe('a person who says how they feel, or just asks for help', () => {
  it('who is frightened hears kindness, how to begin, and where to turn if it is too much, with a person first', async () => {
    const { adapter } = createConversation({ now: SATURDAY });
    const replies = await say(adapter, "i'm so scared i don't know what to do");
    const text = textsOf(replies);
    for (const line of MESSAGES.distress) expect(text).toContain(line);
    expect(text).toContain('116 123');
    expect(text).not.toMatch(/didn't understand/);
    expect(buttonsOf(replies)[0]).toBe('Talk to a person');
  });

  it('who asks "what are my rights?" is asked what is happening, with the topics', async () => {
    const { adapter } = createConversation({ now: SATURDAY });
    const replies = await say(adapter, 'what are my rights?');
    expect(textsOf(replies)).toContain(MESSAGES.openRequest[0]);
    expect(buttonsOf(replies)).toContain('Section 20 (voluntary care)');
  });

  it('is not counted as misunderstood', async () => {
    const { adapter } = createConversation({ now: SATURDAY });
    await say(adapter, 'qwerty asdf');
    await say(adapter, 'please help me');
    expect(textsOf(await say(adapter, 'zxcv uiop'))).not.toMatch(/still not understanding/);
  });

  it('in the middle of a guided conversation gets a kind word, then the same question, with no miss counted', async () => {
    const { adapter } = createConversation({ now: SATURDAY });
    await say(adapter, 'Section 20 (voluntary care)');
    const replies = await say(adapter, "I can't cope");
    expect(textsOf(replies)).toContain(MESSAGES.distressInQuestions);
    expect(askedQuestion(section20, replies)?.id).toBe(section20.questions[0].id);
    expect(textsOf(await say(adapter, 'purple monkey dishwasher'))).toContain("Sorry, I didn't quite get that.");
  });
});
