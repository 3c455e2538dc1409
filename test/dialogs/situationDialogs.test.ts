import { Activity, MemoryStorage } from 'botbuilder';
import { guideButton } from '../../src/dialogs/answerReplies';
import { MESSAGES } from '../../src/dialogs/messages';
import { Question, SituationScript } from '../../src/dialogs/situations/situationScript';
import { SITUATION_SCRIPTS } from '../../src/dialogs/situations/situationScripts';
import { buttonsOf, createConversation, knowledgeBase, say, textsOf } from '../support/conversationHarness';
import { completePath, NOW, ON_THE_WEB, pathAsking, replyFor, TODAY, valuesOf } from '../support/situationPaths';
import { answerAll, askedQuestion, SUMMARY_OPENING } from '../support/situationWalk';

function start(storage = new MemoryStorage()) {
  return createConversation({ storage, now: NOW });
}

function summaryText(replies: Partial<Activity>[]): string {
  return textsOf(replies);
}

function readMoreTitles(replies: Partial<Activity>[]): string[] {
  const card = replies.flatMap((r) => r.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.hero');
  return ((card?.content as { buttons?: Array<{ title: string }> } | undefined)?.buttons ?? []).map((b) => b.title);
}

describe.each(SITUATION_SCRIPTS.map((script) => [script.topic, script] as const))('the %s conversation', (_topic, script) => {
  const button = guideButton(script.topic) ?? '';
  const firstQuestion = script.questions[0];

  it('walks the main path to tailored next steps, answers to read and the offer of an adviser', async () => {
    const { adapter } = start();
    const opening = await say(adapter, button);
    expect(textsOf(opening)).toContain(script.intro);
    const answers = completePath(script, {});
    const { replies, asked } = await answerAll(adapter, script, opening, answers);
    expect(asked).toEqual(Object.keys(answers));
    const expected = script.summarise(answers, TODAY, ON_THE_WEB);
    for (const step of expected.steps) expect(summaryText(replies)).toContain(step);
    expect(readMoreTitles(replies)).toEqual(expected.entries.map((id) => knowledgeBase().entry(id)?.title));
    expect(textsOf(replies)).toContain('0808 801 0366');
    expect(buttonsOf(replies)).toContain('Talk to a person');
  });

  it('follows every branch: each answer, typed or tapped, reaches the summary that fits it', async () => {
    for (const question of script.questions) {
      for (const value of valuesOf(question)) {
        const answers = completePath(script, { ...pathAsking(script, question), [question.id]: value });
        const { adapter } = start();
        const { replies, asked } = await answerAll(adapter, script, await say(adapter, button), answers);
        expect(asked).toContain(question.id);
        const steps = script.summarise(answers, TODAY, ON_THE_WEB).steps;
        for (const step of steps) expect({ question: question.id, value, summary: summaryText(replies) }).toEqual(expect.objectContaining({ summary: expect.stringContaining(step) }));
      }
    }
  });

  it('re-asks more clearly after a reply it cannot read, and moves on after the second', async () => {
    const { adapter } = start();
    await say(adapter, button);
    const retry = await say(adapter, 'purple monkey dishwasher');
    expect(textsOf(retry)).toContain("Sorry, I didn't quite get that.");
    expect(textsOf(retry)).toContain(firstQuestion.example);
    const movedOn = await say(adapter, 'purple monkey dishwasher');
    expect(textsOf(movedOn)).toMatch(/let's move on/);
    const next = askedQuestion(script, movedOn);
    expect(next?.id).not.toBe(firstQuestion.id);
  });

  it('does not read a longer message about something else as an answer to any question', async () => {
    for (const aside of ['actually can i complain about her instead', "hang on, that's not what i meant"]) {
      const { adapter: fresh } = start();
      await say(fresh, button);
      const replies = await say(fresh, aside);
      expect(textsOf(replies)).not.toMatch(/I've noted|let's move on/);
      // Asked again: as it was (after answering the aside) or more clearly (when there was nothing to answer).
      const askedAgain = askedQuestion(script, replies)?.id === firstQuestion.id || textsOf(replies).includes(firstQuestion.example);
      expect(askedAgain).toBe(true);
    }
  });

  it('explains the question on "help" and asks it again', async () => {
    const { adapter } = start();
    await say(adapter, button);
    const replies = await say(adapter, 'help');
    expect(textsOf(replies)).toContain(firstQuestion.help);
    expect(askedQuestion(script, replies)?.id).toBe(firstQuestion.id);
  });

  it('goes back to the previous question on "back", and uses the new answer', async () => {
    const { adapter } = start();
    const answers = completePath(script, {});
    await say(adapter, button);
    const second = await say(adapter, replyFor(firstQuestion, answers[firstQuestion.id]));
    expect(buttonsOf(second)).toContain('Go back');
    const again = await say(adapter, 'back');
    expect(askedQuestion(script, again)?.id).toBe(firstQuestion.id);
    const other = valuesOf(firstQuestion)[1];
    const changed = completePath(script, { [firstQuestion.id]: other });
    const { replies } = await answerAll(adapter, script, again, changed);
    for (const step of script.summarise(changed, TODAY, ON_THE_WEB).steps) expect(summaryText(replies)).toContain(step);
  });

  it('stops on "start over" and forgets the answers', async () => {
    const { adapter } = start();
    await say(adapter, button);
    const replies = await say(adapter, 'start over');
    expect(textsOf(replies)).toContain(MESSAGES.startOver);
    const after = await say(adapter, replyFor(firstQuestion, valuesOf(firstQuestion)[0]));
    expect(askedQuestion(script, after)).toBeUndefined();
    expect(textsOf(after)).not.toContain(SUMMARY_OPENING);
  });

  it('gives the helpline on "talk to a person", then carries on with the same question', async () => {
    const { adapter } = start();
    await say(adapter, button);
    const replies = await say(adapter, 'can I speak to someone');
    expect(textsOf(replies)).toContain('0808 801 0366');
    expect(buttonsOf(replies)).toEqual(['Request a callback', 'No thanks']);
    const after = await say(adapter, 'No thanks');
    expect(askedQuestion(script, after)?.id).toBe(firstQuestion.id);
  });

  it('puts safety first when danger is mentioned mid-way, then carries on', async () => {
    const { adapter } = start();
    await say(adapter, button);
    const replies = await say(adapter, 'he has just come back and he has got a knife');
    expect(textsOf(replies)).toMatch(/call 999/);
    expect(askedQuestion(script, replies)?.id).toBe(firstQuestion.id);
  });

  it('picks up at the same question after the bot restarts', async () => {
    const storage = new MemoryStorage();
    const answers = completePath(script, {});
    const before = start(storage);
    await say(before.adapter, button);
    const second = await say(before.adapter, replyFor(firstQuestion, answers[firstQuestion.id]));
    const waitingOn = askedQuestion(script, second);
    expect(waitingOn).toBeDefined();

    const after = start(storage);
    const { replies } = await answerAll(after.adapter, script, second, answers);
    for (const step of script.summarise(answers, TODAY, ON_THE_WEB).steps) expect(summaryText(replies)).toContain(step);
  });
});

describe('starting a guided conversation', () => {
  it('starts from a message that describes the situation, and notes what it already said', async () => {
    const { adapter } = start();
    const replies = await say(adapter, "I've been invited to a child protection conference next Tuesday and I'm really scared");
    const text = textsOf(replies);
    expect(text).toMatch(/I'll ask you up to 5 short questions about the conference or plan/);
    expect(text).toContain('"A conference is coming up"');
    expect(text).toContain('Tuesday 1 December');
    expect(text).toContain("Have you seen the social worker's report for the conference?");
  });

  it('answers a question from the knowledge base, and offers the guided conversation as a button', async () => {
    const { adapter } = start();
    const replies = await say(adapter, 'what happens at a child protection conference?');
    expect(textsOf(replies)).toContain('Was this helpful?');
    const card = replies.flatMap((r) => r.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.hero');
    const titles = ((card?.content as { buttons?: Array<{ title: string }> })?.buttons ?? []).map((b) => b.title);
    expect(titles[0]).toBe('Guide me: Child protection plan or conference');
    expect(textsOf(await say(adapter, titles[0]))).toMatch(/I'll ask you up to 5 short questions/);
  });

  it('reads UK dates: "3/12" is 3 December', async () => {
    const { adapter } = start();
    await say(adapter, 'Guide me: Child protection plan or conference');
    await say(adapter, 'A conference is coming up');
    await say(adapter, '3/12');
    await say(adapter, 'yeah');
    const replies = await say(adapter, 'mostly');
    expect(textsOf(replies)).toContain('Thursday 3 December (in 10 days)');
  });

  it('reads ages in everyday words: "she\'s two" is 24 months', async () => {
    const script = SITUATION_SCRIPTS.find((s) => s.topic === 'referral-assessment') as SituationScript;
    const answers = completePath(script, { 'child-age': '24' });
    const { adapter } = start();
    let replies = await say(adapter, guideButton(script.topic) ?? '');
    while (!textsOf(replies).includes(SUMMARY_OPENING)) {
      const question = askedQuestion(script, replies) as Question;
      replies = await say(adapter, question.kind === 'age' ? "she's two" : replyFor(question, answers[question.id]));
    }
    for (const step of script.summarise(answers, TODAY, ON_THE_WEB).steps) expect(textsOf(replies)).toContain(step);
    expect(script.summarise(answers, TODAY, ON_THE_WEB).steps).not.toEqual(script.summarise({ ...answers, 'child-age': '3' }, TODAY, ON_THE_WEB).steps);
  });
});

describe('a situation started from what the person typed', () => {
  it('notes an answer the message gives, and not one read from a number or a small word', async () => {
    const asked = await say(start().adapter, 'help with section 20, they want me to sign');
    expect(textsOf(asked)).toContain('I\'ve noted: "I am being asked to sign"');
    const going = await say(start().adapter, 'my sw says my son has to go into sectoin 20 tomorow');
    expect(textsOf(going)).toContain('Is your child already in section 20 care, or are you being asked to sign?');
    expect(textsOf(going)).not.toContain("I've noted");
  });
});
