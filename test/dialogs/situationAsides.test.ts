import { Activity } from 'botbuilder';
import { MESSAGES } from '../../src/dialogs/messages';
import { SITUATION_SCRIPTS } from '../../src/dialogs/situations/situationScripts';
import { createConversation, say, textsOf } from '../support/conversationHarness';
import { completePath, NOW, ON_THE_WEB, replyFor, TODAY } from '../support/situationPaths';
import { answerAll, askedQuestion } from '../support/situationWalk';

const section20 = SITUATION_SCRIPTS.find((s) => s.topic === 'section-20')!;
const complaint = SITUATION_SCRIPTS.find((s) => s.topic === 'complaint-social-worker')!;
const firstQuestion = section20.questions[0];

const CONFERENCE_QUESTION = 'ICPC is on monday im bricking it do i get to speak or is it just all the professionals talkin about me';
const COMPLAINT_STORY = 'my sw never rings back and was rude to me, i want to complain';
const HALF_KNOWN_QUESTION = 'My solicitor never returns my calls. Can I change solicitor in the middle of care proceedings?';

/** The titles of the buttons on cards, which stay in the chat (unlike quick replies). */
function cardButtons(replies: Partial<Activity>[]): string[] {
  return replies
    .flatMap((r) => r.attachments ?? [])
    .flatMap((a) => ((a.content as { buttons?: Array<{ title: string }> } | undefined)?.buttons ?? []).map((b) => b.title));
}

async function inSection20() {
  const conversation = createConversation({ now: NOW });
  const opening = await say(conversation.adapter, 'Section 20 (voluntary care)');
  expect(askedQuestion(section20, opening)?.id).toBe(firstQuestion.id);
  return conversation;
}

describe('a question about something else in the middle of a guided conversation', () => {
  it('is answered, then the same question is asked again', async () => {
    const { adapter } = await inSection20();
    const replies = await say(adapter, CONFERENCE_QUESTION);
    expect(replies[0].text).toMatch(/^\*\*What happens at a child protection conference/);
    expect(textsOf(replies)).not.toContain("Sorry, I didn't quite get that.");
    expect(textsOf(replies)).not.toContain('Was this helpful?');
    expect(textsOf(replies)).toContain(MESSAGES.backToQuestions);
    expect(askedQuestion(section20, replies)?.id).toBe(firstQuestion.id);
    expect(cardButtons(replies)).toContain('Guide me: Child protection plan or conference');
  });

  it('does not count as a reply that was not understood', async () => {
    const { adapter } = await inSection20();
    await say(adapter, CONFERENCE_QUESTION);
    const firstMiss = await say(adapter, 'purple monkey dishwasher');
    expect(textsOf(firstMiss)).toContain(`Sorry, I didn't quite get that. ${firstQuestion.example}`);
    expect(textsOf(await say(adapter, 'purple monkey dishwasher'))).toMatch(/let's move on/);
  });

  it('keeps the answers given before it, and the walk-through still ends in next steps that fit', async () => {
    const { adapter } = await inSection20();
    const answers = completePath(section20, {});
    await say(adapter, replyFor(firstQuestion, answers[firstQuestion.id]));
    const afterAside = await say(adapter, CONFERENCE_QUESTION);
    const pending = askedQuestion(section20, afterAside);
    expect(pending?.id).not.toBe(firstQuestion.id);
    const { replies, asked } = await answerAll(adapter, section20, afterAside, answers);
    expect(asked).not.toContain(firstQuestion.id);
    for (const step of section20.summarise(answers, TODAY, ON_THE_WEB).steps) expect(textsOf(replies)).toContain(step);
  });

  it('is recorded for analytics as an answer given', async () => {
    const { adapter, events } = await inSection20();
    await say(adapter, COMPLAINT_STORY);
    const given = (await events.forConversation('conversation-1')).map((e) => e.data).filter((d) => d.type === 'answerGiven');
    expect(given).toEqual([expect.objectContaining({ type: 'answerGiven', entryId: 'complaint-social-worker-overview', topic: 'complaint-social-worker' })]);
  });

  it('when half understood, offers "did you mean" buttons that stay; tapping one answers it and the question follows', async () => {
    const { adapter } = await inSection20();
    const offer = await say(adapter, HALF_KNOWN_QUESTION);
    const offered = cardButtons(offer);
    expect(offered.length).toBeGreaterThan(0);
    expect(askedQuestion(section20, offer)?.id).toBe(firstQuestion.id);
    const answer = await say(adapter, offered[0]);
    expect(answer[0].text).toContain(`**${offered[0]}**`);
    expect(askedQuestion(section20, answer)?.id).toBe(firstQuestion.id);
  });

  it('is not read as an answer to a yes-or-no question through a "no" in the middle of it', async () => {
    const { adapter } = await inSection20();
    const asked = await say(adapter, 'I am being asked to sign');
    const yesNo = askedQuestion(section20, asked);
    expect(yesNo?.kind).toBe('yesNo');
    const replies = await say(adapter, 'wat happens if i say no');
    const askedAgain = askedQuestion(section20, replies)?.id === yesNo?.id || textsOf(replies).includes(yesNo?.example ?? '');
    expect(askedAgain).toBe(true);
    expect(askedQuestion(section20, await say(adapter, 'no'))?.id).not.toBe(yesNo?.id);
  });

  it('that is not a question and not understood gets the clearer re-ask, as before', async () => {
    const { adapter } = await inSection20();
    const replies = await say(adapter, "hang on, that's not what i meant");
    expect(textsOf(replies)).toContain("Sorry, I didn't quite get that.");
    expect(textsOf(replies)).toContain(firstQuestion.example);
  });
});

describe('changing to another guided conversation in the middle of one', () => {
  it('starts the other one when its button is tapped, and notes where the first was left', async () => {
    const { adapter, events } = await inSection20();
    const aside = await say(adapter, COMPLAINT_STORY);
    expect(cardButtons(aside)).toContain('Guide me: Making a complaint');
    const switched = await say(adapter, 'Guide me: Making a complaint');
    expect(textsOf(switched)).toContain(complaint.intro);
    expect(askedQuestion(complaint, switched)?.id).toBe(complaint.questions[0].id);
    const next = await say(adapter, replyFor(complaint.questions[0], complaint.questions[0].kind === 'choice' ? complaint.questions[0].choices[0].value : 'yes'));
    expect(askedQuestion(complaint, next)?.id).not.toBe(complaint.questions[0].id);
    const data = (await events.forConversation('conversation-1')).map((e) => e.data);
    expect(data).toContainEqual({ type: 'dialogAbandoned', dialog: 'section-20', step: firstQuestion.id });
    expect(data).toContainEqual({ type: 'dialogStarted', dialog: 'complaint-social-worker' });
  });

  it("asks the current question again when the conversation's own topic is tapped", async () => {
    const { adapter } = await inSection20();
    const replies = await say(adapter, 'Section 20 (voluntary care)');
    expect(textsOf(replies)).toContain(MESSAGES.alreadyOnThoseQuestions);
    expect(textsOf(replies)).not.toContain(section20.intro);
    expect(askedQuestion(section20, replies)?.id).toBe(firstQuestion.id);
  });
});

describe('a relative whose grandchild is not living with them yet', () => {
  const kinship = SITUATION_SCRIPTS.find((s) => s.topic === 'kinship-care')!;

  it('can say so, is not asked how long the child has lived with them, and is told to ask to be assessed', async () => {
    const { adapter } = createConversation({ now: NOW });
    const opening = await say(adapter, 'my grandson is in foster care can i have him');
    expect(textsOf(opening)).toContain('"Grandparent"');
    expect(askedQuestion(kinship, opening)?.id).toBe('arranged');
    const replies = await say(adapter, 'he is with foster carers at the moment');
    expect(askedQuestion(kinship, replies)?.id).toBe('order');
    const summary = await say(adapter, 'no order');
    expect(textsOf(summary)).toMatch(/ask to be assessed as a possible carer/);
    expect(textsOf(summary)).toMatch(/viability assessment/);
    expect(textsOf(summary)).not.toMatch(/How long has the child lived with you/);
  });
});
