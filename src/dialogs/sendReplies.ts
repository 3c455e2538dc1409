import { ActionTypes, Activity, CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import { Reply } from './answerReplies';

export async function sendLines(context: TurnContext, lines: readonly string[]): Promise<void> {
  await context.sendActivities(lines.map((line) => MessageFactory.text(line)));
}

/** Lines, the last with buttons under it. */
export async function sendLinesWithButtons(context: TurnContext, lines: readonly string[], buttons: readonly string[]): Promise<void> {
  await context.sendActivities([...lines.slice(0, -1).map((line) => MessageFactory.text(line)), MessageFactory.suggestedActions([...buttons], lines.at(-1) ?? '')]);
}

export async function sendReplies(context: TurnContext, replies: readonly Reply[]): Promise<void> {
  await context.sendActivities(replies.map(toActivity));
}

function toActivity(reply: Reply): Partial<Activity> {
  if (reply.cardButtons && reply.cardButtons.length > 0) {
    const actions = CardFactory.actions(reply.cardButtons.map((title) => ({ type: ActionTypes.ImBack, title, value: title })));
    return MessageFactory.attachment(CardFactory.heroCard('', reply.text, undefined, actions));
  }
  if (reply.buttons && reply.buttons.length > 0) return MessageFactory.suggestedActions([...reply.buttons], reply.text);
  return MessageFactory.text(reply.text);
}
