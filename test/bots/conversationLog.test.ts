import { ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { ConversationLog } from '../../src/bots/conversationLog';

/** Runs `body` inside one turn of a test conversation and saves the state after it. */
async function inTurn(state: ConversationState, text: string, body: (context: TurnContext) => Promise<void>): Promise<void> {
  const adapter = new TestAdapter(async (context) => {
    await body(context);
    await state.saveChanges(context);
  });
  await adapter.send(text);
}

describe('the recent conversation an adviser is shown', () => {
  const longAnswer = `A child protection plan ${'sets out what everyone will do to keep the child safe, '.repeat(20)}`;

  it('keeps what the person wrote in full and the opening of each long answer, marked as cut', async () => {
    const state = new ConversationState(new MemoryStorage());
    const log = new ConversationLog(state, () => new Date('2026-12-04T10:00:00Z'));
    const question = `What is a plan? ${'My daughter is six and I am worried. '.repeat(10)}`.trim();
    let lines: Awaited<ReturnType<ConversationLog['recent']>> = [];
    await inTurn(state, question, async (context) => {
      await log.recordIncoming(context);
      await log.recordOutgoing(context, [{ type: 'message', text: longAnswer }, { type: 'message', text: 'Was that helpful?' }]);
      lines = await log.recent(context);
    });

    expect(lines.map((line) => line.from)).toEqual(['user', 'bot', 'bot']);
    expect(lines[0].text).toBe(question);
    expect(lines[1].text.startsWith('A child protection plan sets out what everyone will do')).toBe(true);
    expect(lines[1].text.endsWith('…')).toBe(true);
    expect(lines[1].text.length).toBeLessThanOrEqual(300);
    expect(longAnswer.startsWith(lines[1].text.slice(0, -1))).toBe(true);
    expect(lines[2].text).toBe('Was that helpful?');
  });

  it('forgets everything when asked (Quick Exit, start over)', async () => {
    const state = new ConversationState(new MemoryStorage());
    const log = new ConversationLog(state, () => new Date());
    let lines: Awaited<ReturnType<ConversationLog['recent']>> = [{ from: 'user', text: 'x', at: '' }];
    await inTurn(state, 'my name is Sam', async (context) => {
      await log.recordIncoming(context);
      await log.forget(context);
      lines = await log.recent(context);
    });
    expect(lines).toEqual([]);
  });
});
