import { CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory, Middleware, TurnContext } from 'botbuilder';
import { Config } from '../config';
import { MESSAGES } from '../dialogs/messages';
import { describeError, Logger } from '../logger';

/**
 * CloudAdapter with Bot Framework authentication from the standard settings. With no app id it
 * runs in local mode (Emulator, built-in gateway): no tokens are checked or sent.
 */
export function createBotAdapter(config: Config, log: Logger, middleware: readonly Middleware[]): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.microsoftAppId,
    MicrosoftAppPassword: config.microsoftAppPassword,
    MicrosoftAppType: config.microsoftAppType,
    MicrosoftAppTenantId: config.microsoftAppTenantId,
  });
  const adapter = new CloudAdapter(auth);
  for (const m of middleware) adapter.use(m);
  adapter.onTurnError = (context, error) => handleTurnError(context, error, log);
  return adapter;
}

/**
 * Logs ids and the error (never the message text) and tells the person kindly. Conversation state
 * is deliberately kept: the unsaved turn is dropped, so they are back where they were before it.
 */
export async function handleTurnError(context: TurnContext, error: unknown, log: Logger): Promise<void> {
  log.error('turn_failed', {
    conversationId: context.activity.conversation?.id,
    activityId: context.activity.id,
    activityType: context.activity.type,
    channelId: context.activity.channelId,
    ...describeError(error),
  });
  if (context.activity.type !== 'message') return;
  try {
    await context.sendActivities(MESSAGES.somethingWentWrong.map((line) => MessageFactory.text(line)));
  } catch (sendError) {
    log.error('turn_error_reply_failed', { conversationId: context.activity.conversation?.id, ...describeError(sendError) });
  }
}
