import { MESSAGES } from '../../src/dialogs/messages';
import { detectServiceQuestion } from '../../src/dialogs/serviceQuestions';
import { SITUATION_SCRIPTS } from '../../src/dialogs/situations/situationScripts';
import { buttonsOf, createConversation, joinActivity, say, textsOf } from '../support/conversationHarness';
import { askedQuestion } from '../support/situationWalk';

const SATURDAY = () => new Date('2026-12-05T11:00:00Z');
const MONDAY_OPEN = () => new Date('2026-12-07T11:00:00Z');
const section20 = SITUATION_SCRIPTS.find((s) => s.topic === 'section-20')!;

describe('questions about the service itself', () => {
  it.each([
    ['what time are you open', 'openingHours'],
    ['When is the helpline open?', 'openingHours'],
    ['are you open now', 'openingHours'],
    ['opening hours?', 'openingHours'],
    ['is this confidential', 'privacy'],
    ['will social services see this?', 'privacy'],
    ['do you keep what i write', 'privacy'],
    ['are you a real person?', 'isItABot'],
    ['am i talking to a robot', 'isItABot'],
    ['we live in wales does it matter', 'wales'],
    ["I'm in Wales, can you still help?", 'wales'],
    ['is the law different in wales', 'wales'],
  ])('"%s" is a question about the service (%s)', (text, question) => {
    expect(detectServiceQuestion(text)).toBe(question);
  });

  it.each([
    'we live in wales and the social worker wants us to sign a section 20',
    'what time is the conference',
    'is the conference confidential',
    'can i speak to a real person',
    'my son lives in wales with his dad',
  ])('"%s" is not', (text) => {
    expect(detectServiceQuestion(text)).toBeUndefined();
  });
});

describe('a person asking about the service', () => {
  it('hears that the line is closed and when it opens, on a Saturday', async () => {
    const { adapter } = createConversation({ now: SATURDAY });
    const replies = await say(adapter, 'what time are you open?');
    expect(textsOf(replies)).toContain(MESSAGES.hoursClosed('on Monday 7 December at 9:30am'));
    expect(buttonsOf(replies)[0]).toBe('Talk to a person');
  });

  it('hears that the line is open now, on a Monday morning', async () => {
    const { adapter } = createConversation({ now: MONDAY_OPEN });
    expect(textsOf(await say(adapter, 'are you open today'))).toContain(MESSAGES.hoursOpen);
  });

  it('is told plainly who sees what they write, with Quick Exit on the web and the Teams history warning in Teams', async () => {
    const web = createConversation({ now: SATURDAY });
    const onWeb = textsOf(await say(web.adapter, 'is this chat private?'));
    expect(onWeb).toMatch(/anonymous figures/);
    expect(onWeb).toMatch(/only if you say yes/);
    expect(onWeb).toMatch(/Quick Exit/);
    const teams = createConversation({ now: SATURDAY, channelId: 'msteams' });
    await say(teams.adapter, joinActivity());
    const inTeams = textsOf(await say(teams.adapter, 'is this chat private?'));
    expect(inTeams).toMatch(/Teams history/);
    expect(inTeams).not.toMatch(/Quick Exit/);
  });

  it('is told it is a computer program and offered a person first', async () => {
    const { adapter } = createConversation({ now: SATURDAY });
    const replies = await say(adapter, 'am i talking to a bot?');
    expect(textsOf(replies)).toContain(MESSAGES.isItABot);
    expect(buttonsOf(replies)[0]).toBe('Talk to a person');
  });

  it('from Wales is told how the law differs and where answers say so', async () => {
    const { adapter } = createConversation({ now: SATURDAY });
    expect(textsOf(await say(adapter, 'we live in wales, does it matter?'))).toContain(MESSAGES.wales);
  });

  it('in the middle of a guided conversation gets the answer, then the same question again', async () => {
    const { adapter } = createConversation({ now: SATURDAY });
    await say(adapter, 'Section 20 (voluntary care)');
    const replies = await say(adapter, 'will social services see this?');
    expect(textsOf(replies)).toMatch(/anonymous figures/);
    expect(textsOf(replies)).toContain(MESSAGES.backToQuestions);
    expect(askedQuestion(section20, replies)?.id).toBe(section20.questions[0].id);
  });
});
