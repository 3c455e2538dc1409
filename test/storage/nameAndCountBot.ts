import { ConversationState, TurnContext, UserState } from 'botbuilder';

/**
 * The turn of a tiny bot that keeps a name in user state and a message count in conversation
 * state, and saves both at the end of its turn as the real bot does.
 */
export function nameAndCountTurn(conversationState: ConversationState, userState: UserState) {
  const name = userState.createProperty<string>('name');
  const messages = conversationState.createProperty<number>('messages');
  return async (context: TurnContext): Promise<void> => {
    const count = (await messages.get(context, 0)) + 1;
    await messages.set(context, count);
    const told = /^my name is (.+)$/i.exec(context.activity.text ?? '');
    if (told) {
      await name.set(context, told[1]);
      await context.sendActivity(`Hello ${told[1]}`);
    } else {
      const known = await name.get(context);
      await context.sendActivity(`${known ? `You are ${known}` : "I don't know your name"} (message ${count})`);
    }
    await conversationState.saveChanges(context);
    await userState.saveChanges(context);
  };
}
