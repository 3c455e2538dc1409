import { Activity, ActivityTypes, ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { TranscriptLine } from '../handoff/handoffTypes';

/** Enough for an adviser to see how the person got here, short enough to read in a minute. */
const MAX_LINES = 40;
const MAX_LINE_LENGTH = 1000;
/**
 * The bot's answers are the knowledge base's, which the adviser knows: the opening says which one
 * the person was given. Keeping whole answers made this log most of what every turn reads and writes.
 */
const MAX_BOT_LINE_LENGTH = 300;

/**
 * The recent conversation, kept in conversation state only (so Quick Exit and "start over" forget it
 * with everything else). It leaves conversation state only when the person agrees to share it with
 * an adviser.
 */
export class ConversationLog {
  private readonly lines: StatePropertyAccessor<TranscriptLine[]>;

  constructor(conversationState: ConversationState, private readonly now: () => Date) {
    this.lines = conversationState.createProperty<TranscriptLine[]>('recentConversation');
  }

  async recordIncoming(context: TurnContext): Promise<void> {
    const text = (context.activity.text ?? '').trim();
    if (context.activity.type === ActivityTypes.Message && text !== '') await this.append(context, [{ from: 'user', text }]);
  }

  async recordOutgoing(context: TurnContext, activities: Partial<Activity>[]): Promise<void> {
    const texts = activities.filter((a) => a.type === ActivityTypes.Message && (a.text ?? '').trim() !== '').map((a) => (a.text ?? '').trim());
    if (texts.length > 0) await this.append(context, texts.map((text) => ({ from: 'bot' as const, text: opening(text) })));
  }

  async forget(context: TurnContext): Promise<void> {
    await this.lines.set(context, []);
  }

  async recent(context: TurnContext): Promise<TranscriptLine[]> {
    return [...(await this.lines.get(context, []))];
  }

  private async append(context: TurnContext, lines: ReadonlyArray<Omit<TranscriptLine, 'at'>>): Promise<void> {
    const at = this.now().toISOString();
    const all = [...(await this.lines.get(context, [])), ...lines.map((line) => ({ ...line, text: line.text.slice(0, MAX_LINE_LENGTH), at }))];
    await this.lines.set(context, all.slice(-MAX_LINES));
  }
}

/** The start of a long answer, cut at a word, with an ellipsis to show there was more. */
function opening(text: string): string {
  if (text.length <= MAX_BOT_LINE_LENGTH) return text;
  const cut = text.slice(0, MAX_BOT_LINE_LENGTH - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > MAX_BOT_LINE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
