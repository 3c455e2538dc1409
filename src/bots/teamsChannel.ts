import { Activity, CardFactory, TurnContext } from 'botbuilder';

export const TEAMS_CHANNEL_ID = 'msteams';

/** Teams shows at most three suggested actions and silently drops the rest. */
export const TEAMS_MAX_SUGGESTED_ACTIONS = 3;

/** Buttons per hero card, so every one fits on a phone screen in Teams. */
export const TEAMS_BUTTONS_PER_CARD = 6;

export function isTeams(activity: Partial<Activity>): boolean {
  return activity.channelId === TEAMS_CHANNEL_ID;
}

/**
 * In Teams a message can start with "@Bot name": that text is not part of the question, so it is
 * taken out before anything reads the message (routing, the safety check, analytics, advisers).
 */
export function removeBotMention(context: TurnContext): void {
  const activity = context.activity;
  if (!isTeams(activity) || typeof activity.text !== 'string') return;
  TurnContext.removeRecipientMention(activity);
  activity.text = activity.text.replace(/<at>[^<]*<\/at>/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The bot was added to someone's personal chat. In Teams the "member added" is the bot itself
 * (the person is already there), unlike Web Chat, where the person joins.
 */
export function botWasInstalledInTeams(activity: Partial<Activity>): boolean {
  if (!isTeams(activity)) return false;
  return (activity.membersAdded ?? []).some((member) => member.id === activity.recipient?.id);
}

/**
 * Replies with more buttons than Teams shows as suggested actions get them as hero-card buttons
 * instead (they keep their type: a tapped imBack sends its title like a typed message), a card per
 * six buttons.
 * Replies with three or fewer keep their suggested actions, which Teams renders.
 */
export function fitButtonsForTeams(activities: Partial<Activity>[]): void {
  for (const activity of activities) {
    const actions = activity.suggestedActions?.actions ?? [];
    if (actions.length <= TEAMS_MAX_SUGGESTED_ACTIONS) continue;
    const cards = chunk(actions, TEAMS_BUTTONS_PER_CARD).map((buttons) => CardFactory.heroCard('', undefined, buttons));
    activity.attachments = [...(activity.attachments ?? []), ...cards];
    activity.attachmentLayout = activity.attachmentLayout ?? 'list';
    delete activity.suggestedActions;
  }
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
