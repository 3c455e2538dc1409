import { randomUUID } from 'node:crypto';
import { Activity, TestAdapter } from 'botbuilder';
import { Answers, Question, SituationScript } from '../../src/dialogs/situations/situationScript';
import { say, textsOf } from './conversationHarness';
import { replyFor } from './situationPaths';

export const SUMMARY_OPENING = "Based on what you've told me, here is what I suggest";

/** The question the bot has just asked, found by its prompt in the last message. */
export function askedQuestion(script: SituationScript, replies: Partial<Activity>[]): Question | undefined {
  const last = replies.at(-1)?.text ?? '';
  return script.questions.find((q) => last.includes(q.prompt));
}

/** Answers every question the bot asks from `answers`, and returns the replies that end the conversation. */
export async function answerAll(adapter: TestAdapter, script: SituationScript, first: Partial<Activity>[], answers: Answers) {
  let replies = first;
  const asked: string[] = [];
  for (let turn = 0; turn < script.questions.length + 1; turn += 1) {
    if (textsOf(replies).includes(SUMMARY_OPENING)) return { replies, asked };
    const question = askedQuestion(script, replies);
    if (!question) throw new Error(`No question recognised in: ${textsOf(replies)}`);
    asked.push(question.id);
    // Unique ids, as real channels send: a restarted TestAdapter would otherwise reuse ids the retry filter has seen.
    replies = await say(adapter, { type: 'message', text: replyFor(question, answers[question.id]), id: randomUUID() });
  }
  throw new Error('The conversation did not reach its summary');
}
